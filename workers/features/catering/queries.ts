import {
  and,
  asc,
  count,
  eq,
  getTableColumns,
  inArray,
  isNotNull,
  type Placeholder,
  type SQL,
  sql,
} from 'drizzle-orm'
import {
  cateringContributions,
  cateringOrders,
  cateringProviders,
  cateringTeamPresence,
  groups,
  memberships,
  participants,
  people,
  programmeItemGroups,
  programmeItems,
  rsvps,
  speakers,
  talkSpeakers,
  talks,
  venues,
  visitRoles,
  visits,
} from '../../../shared/db/schema'
import { batchPrepared, prepareOnce } from '../../platform/db/prepared'
import type { Database } from '../../platform/env'

export type OrderRow = typeof cateringOrders.$inferSelect
export type ProviderRow = typeof cateringProviders.$inferSelect
export type ContributionRow = typeof cateringContributions.$inferSelect

/**
 * Everything the catering of a visit is worked out from, as statements for one D1 round trip: the orders with
 * their contributions and providers, the items and venues they are for, and the headcount's sources — the
 * confirmed registrations grouped by shape (party size, groups, needs) by SQLite, the company per group, the
 * team present, the confirmed speakers — without a single guest's name.
 */
function cateringQueries(db: Database, visitId: SQL | Placeholder, itemsRead: ItemsRead) {
  const confirmedGuests = and(eq(rsvps.visitId, visitId), eq(rsvps.status, 'confirmed'))
  const teamOfVisit = db.select({ teamId: visits.teamId }).from(visits).where(eq(visits.id, visitId))
  const orderedItems = db
    .select({ itemId: cateringOrders.itemId })
    .from(cateringOrders)
    .where(eq(cateringOrders.visitId, visitId))
  // Read from rsvps_visit_shape_idx alone, in its order: no row fetched, nothing sorted.
  const shapes = db
    .select({
      partySize: rsvps.partySize,
      groupIds: rsvps.groupIds,
      dietary: rsvps.dietary,
      registrations: sql<number>`count(*)`.as('registrations'),
      notes:
        sql<string>`json_group_array(${rsvps.dietaryNotes}) filter (where ${rsvps.dietaryNotes} <> '')`.as(
          'notes',
        ),
    })
    .from(rsvps)
    .where(confirmedGuests)
    .groupBy(rsvps.partySize, rsvps.groupIds, rsvps.dietary)
    .as('shapes')
  return {
    visit: db
      .select({
        id: visits.id,
        teamId: visits.teamId,
        slug: visits.slug,
        title: visits.title,
        status: visits.status,
        startDate: visits.startDate,
        endDate: visits.endDate,
        timeZone: visits.timeZone,
        budgetCents: visits.budgetCents,
        expectedGuests: visits.expectedGuests,
      })
      .from(visits)
      .where(eq(visits.id, visitId))
      .limit(1),
    orders: db
      .select()
      .from(cateringOrders)
      .where(eq(cateringOrders.visitId, visitId))
      .orderBy(asc(cateringOrders.createdAt), asc(cateringOrders.id)),
    contributions: db
      .select(getTableColumns(cateringContributions))
      .from(cateringContributions)
      .innerJoin(cateringOrders, eq(cateringOrders.id, cateringContributions.orderId))
      .where(eq(cateringOrders.visitId, visitId))
      .orderBy(asc(cateringContributions.createdAt), asc(cateringContributions.id)),
    providers: db
      // Aliased: D1 hands a batch's rows back keyed by column name, and `name` and `email` are in both tables.
      .select({
        ...getTableColumns(cateringProviders),
        personName: sql<string | null>`${people.name}`.as('person_name'),
        personEmail: sql<string | null>`${people.email}`.as('person_email'),
      })
      .from(cateringProviders)
      .leftJoin(people, eq(people.id, cateringProviders.personId))
      .where(eq(cateringProviders.visitId, visitId))
      .orderBy(asc(cateringProviders.createdAt), asc(cateringProviders.id)),
    // The orders' items, or every item for a page with the order form (it offers them all); their groups are
    // read for the orders' items only.
    items: db
      .select({
        id: programmeItems.id,
        kind: programmeItems.kind,
        title: programmeItems.title,
        startsAt: programmeItems.startsAt,
        endsAt: programmeItems.endsAt,
        venueId: programmeItems.venueId,
        cancelled: programmeItems.cancelled,
      })
      .from(programmeItems)
      // An order's item is of the order's visit (checked when saved): found by its key, not among all items.
      .where(
        itemsRead === 'all' ? eq(programmeItems.visitId, visitId) : inArray(programmeItems.id, orderedItems),
      )
      .orderBy(asc(programmeItems.startsAt)),
    // The groups of the items that matter: the orders' (whose groups eat) and the confirmed talks' (whose
    // speakers go with those groups).
    itemGroups: db
      .select({
        pairsJson: sql<string>`json_group_array(json_array(${programmeItemGroups.itemId}, ${programmeItemGroups.groupId}))`,
      })
      .from(programmeItemGroups)
      .where(
        sql`${programmeItemGroups.itemId} in (select ${cateringOrders.itemId} from ${cateringOrders} where ${cateringOrders.visitId} = ${visitId} union select ${talks.itemId} from ${talks} where ${talks.visitId} = ${visitId} and ${talks.state} = 'confirmed')`,
      ),
    venues: db
      .select({ id: venues.id, name: venues.name, address: venues.address, lat: venues.lat, lng: venues.lng })
      .from(venues)
      // Only the places of the orders' items.
      .where(
        inArray(
          venues.id,
          db
            .select({ venueId: programmeItems.venueId })
            .from(programmeItems)
            .where(inArray(programmeItems.id, orderedItems)),
        ),
      ),
    groups: db
      .select({ id: groups.id, name: groups.name })
      .from(groups)
      .where(eq(groups.visitId, visitId))
      .orderBy(asc(groups.position), asc(groups.name)),
    // The confirmed registrations in one pass, grouped by shape (party size, groups, needs), with the notes
    // of each shape (their text only, never whose).
    // The confirmed registrations, grouped by shape (party size, groups, needs) with the notes of each shape
    // (their text only, never whose) — the shapes sent as one JSON value: drizzle maps one row, not hundreds.
    guests: db
      .select({
        shapesJson: sql<string>`json_group_array(json_array(${shapes.partySize}, ${shapes.groupIds}, ${shapes.dietary}, ${shapes.registrations}, json(${shapes.notes})))`,
      })
      .from(shapes),
    // Only the addresses a team member present or a speaker also has, looked up by address: to count each
    // person once, never to show.
    guestAddresses: db
      .select({ email: rsvps.email, groupIds: rsvps.groupIds })
      .from(rsvps)
      .where(
        and(
          eq(rsvps.visitId, visitId),
          sql`${rsvps.email} in (select ${people.email} from ${cateringTeamPresence} join ${people} on ${people.id} = ${cateringTeamPresence.personId} where ${cateringTeamPresence.visitId} = ${visitId} union select ${speakers.email} from ${speakers} where ${speakers.visitId} = ${visitId})`,
          // `+status`: the address index (visit, email) leads, not the status index over every registration.
          sql`+${rsvps.status} = 'confirmed'`,
        ),
      ),
    // The company per group: how many, and their dietary needs as written (text only, never whose).
    company: db
      .select({
        groupId: participants.groupId,
        people: count(),
        notesJson: sql<string>`json_group_array(${participants.dietaryNeeds}) filter (where ${participants.dietaryNeeds} <> '')`,
      })
      .from(participants)
      .where(eq(participants.visitId, visitId))
      .groupBy(participants.groupId),
    presence: db
      .select({
        personId: cateringTeamPresence.personId,
        groupId: cateringTeamPresence.groupId,
        email: people.email,
      })
      .from(cateringTeamPresence)
      .innerJoin(people, eq(people.id, cateringTeamPresence.personId))
      .where(eq(cateringTeamPresence.visitId, visitId)),
    // Confirmed speakers with the items of their talks, as one JSON value of [email, item] pairs.
    speakers: db
      .select({ pairsJson: sql<string>`json_group_array(json_array(${speakers.email}, ${talks.itemId}))` })
      .from(talkSpeakers)
      .innerJoin(talks, eq(talks.id, talkSpeakers.talkId))
      .innerJoin(speakers, eq(speakers.id, talkSpeakers.speakerId))
      .where(
        and(eq(talks.visitId, visitId), eq(talks.state, 'confirmed'), isNotNull(talkSpeakers.confirmedAt)),
      ),
    members: db
      .select({ personId: people.id, name: people.name, email: people.email, role: memberships.role })
      .from(memberships)
      .innerJoin(people, eq(people.id, memberships.personId))
      .where(inArray(memberships.teamId, teamOfVisit)),
    hosts: db
      .select({ personId: people.id, name: people.name, email: people.email, venueId: visitRoles.venueId })
      .from(visitRoles)
      .innerJoin(people, eq(people.id, visitRoles.personId))
      .where(and(eq(visitRoles.visitId, visitId), eq(visitRoles.role, 'host'))),
  }
}

/** How a load names its visit: by the visit, or by one of its orders, contributions or providers. */
export type CateringKey =
  | { visitId: string }
  | { orderId: string }
  | { contributionId: string }
  | { providerId: string }
  | { tokenHash: string }

type KeyName = 'visitId' | 'orderId' | 'contributionId' | 'providerId' | 'tokenHash'

/** The visit, in SQL, for each way of naming it: found inside every statement, never in a look-up first. */
function visitFrom(key: KeyName): SQL | Placeholder {
  const p = sql.placeholder(key)
  switch (key) {
    case 'visitId':
      return p
    case 'orderId':
      return sql`(select ${cateringOrders.visitId} from ${cateringOrders} where ${cateringOrders.id} = ${p})`
    case 'contributionId':
      return sql`(select ${cateringOrders.visitId} from ${cateringOrders} where ${cateringOrders.id} = (select ${cateringContributions.orderId} from ${cateringContributions} where ${cateringContributions.id} = ${p}))`
    case 'providerId':
      return sql`(select ${cateringProviders.visitId} from ${cateringProviders} where ${cateringProviders.id} = ${p})`
    case 'tokenHash':
      return sql`(select ${cateringProviders.visitId} from ${cateringProviders} where ${cateringProviders.tokenHash} = ${p})`
  }
}

/** Each statement of a load, prepared. */
function prepared(q: ReturnType<typeof cateringQueries>) {
  return {
    visit: q.visit.prepare(),
    orders: q.orders.prepare(),
    contributions: q.contributions.prepare(),
    providers: q.providers.prepare(),
    items: q.items.prepare(),
    itemGroups: q.itemGroups.prepare(),
    venues: q.venues.prepare(),
    groups: q.groups.prepare(),
    guests: q.guests.prepare(),
    guestAddresses: q.guestAddresses.prepare(),
    company: q.company.prepare(),
    presence: q.presence.prepare(),
    speakers: q.speakers.prepare(),
    members: q.members.prepare(),
    hosts: q.hosts.prepare(),
  }
}

/** Which items a load reads: those of the orders (the overview, a provider's page) or all (the order form). */
export type ItemsRead = 'ordered' | 'all'

// Built once per isolate for each way of naming the visit and each set of items (see prepared.ts): read on
// every catering request.
const preparedBy = new Map<string, () => ReturnType<typeof prepared>>()
const statementsFor = (name: KeyName, itemsRead: ItemsRead) => {
  const key = `${name} ${itemsRead}`
  let made = preparedBy.get(key)
  if (!made) {
    made = prepareOnce((db) => prepared(cateringQueries(db, visitFrom(name), itemsRead)))
    preparedBy.set(key, made)
  }
  return made()
}

/** Everything about a visit's catering, in one D1 round trip; null when there is no such visit (or order…). */
export async function loadCatering(db: Database, key: CateringKey, itemsRead: ItemsRead = 'ordered') {
  const name = Object.keys(key)[0] as KeyName
  const q = statementsFor(name, itemsRead)
  const values = key as Record<string, string>
  const [
    visit,
    orders,
    contributions,
    providers,
    items,
    itemGroups,
    venueRows,
    groupRows,
    guests,
    guestAddresses,
    company,
    presence,
    speakerRows,
    members,
    hosts,
  ] = await batchPrepared(db, [
    [q.visit, values],
    [q.orders, values],
    [q.contributions, values],
    [q.providers, values],
    [q.items, values],
    [q.itemGroups, values],
    [q.venues, values],
    [q.groups, values],
    [q.guests, values],
    [q.guestAddresses, values],
    [q.company, values],
    [q.presence, values],
    [q.speakers, values],
    [q.members, values],
    [q.hosts, values],
  ])
  const v = visit[0]
  if (!v) return null
  return {
    visit: v,
    orders,
    contributions,
    providers,
    items,
    itemGroups,
    venues: venueRows,
    groups: groupRows,
    guests,
    guestAddresses,
    company,
    presence,
    speakers: speakerRows,
    members,
    hosts,
  }
}

export type CateringRows = NonNullable<Awaited<ReturnType<typeof loadCatering>>>

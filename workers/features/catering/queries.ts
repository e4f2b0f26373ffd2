import {
  and,
  asc,
  count,
  eq,
  getTableColumns,
  inArray,
  isNotNull,
  ne,
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
function cateringQueries(db: Database, visitId: SQL | Placeholder) {
  const confirmedGuests = and(eq(rsvps.visitId, visitId), eq(rsvps.status, 'confirmed'))
  const teamOfVisit = db.select({ teamId: visits.teamId }).from(visits).where(eq(visits.id, visitId))
  const talkGroupIdsJson = sql<string>`(select json_group_array(${programmeItemGroups.groupId}) from ${programmeItemGroups} where ${programmeItemGroups.itemId} = ${talks.itemId})`
  const presentAddresses = db
    .select({ email: people.email })
    .from(cateringTeamPresence)
    .innerJoin(people, eq(people.id, cateringTeamPresence.personId))
    .where(eq(cateringTeamPresence.visitId, visitId))
  const speakerAddresses = db
    .select({ email: speakers.email })
    .from(speakers)
    .where(eq(speakers.visitId, visitId))
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
    // Every item (the order form offers them all), without their groups: only the orders' items need those.
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
      .where(eq(programmeItems.visitId, visitId))
      .orderBy(asc(programmeItems.startsAt)),
    orderItemGroups: db
      .select({ itemId: programmeItemGroups.itemId, groupId: programmeItemGroups.groupId })
      .from(programmeItemGroups)
      .where(
        inArray(
          programmeItemGroups.itemId,
          db
            .select({ itemId: cateringOrders.itemId })
            .from(cateringOrders)
            .where(eq(cateringOrders.visitId, visitId)),
        ),
      ),
    venues: db
      .select({ id: venues.id, name: venues.name, address: venues.address, lat: venues.lat, lng: venues.lng })
      .from(venues)
      .where(inArray(venues.teamId, teamOfVisit)),
    groups: db
      .select({ id: groups.id, name: groups.name })
      .from(groups)
      .where(eq(groups.visitId, visitId))
      .orderBy(asc(groups.position), asc(groups.name)),
    // The confirmed registrations in one pass, grouped by shape (party size, groups, needs), with the notes
    // of each shape (their text only) and, to count each person once, the addresses a team member present
    // or a speaker also has — never shown, never a name.
    guests: db
      .select({
        partySize: rsvps.partySize,
        groupIds: rsvps.groupIds,
        dietary: rsvps.dietary,
        registrations: count(),
        notesJson: sql<string>`json_group_array(${rsvps.dietaryNotes}) filter (where ${rsvps.dietaryNotes} <> '')`,
        alsoJson: sql<string>`json_group_array(${rsvps.email}) filter (where ${rsvps.email} in ${presentAddresses} or ${rsvps.email} in ${speakerAddresses})`,
      })
      .from(rsvps)
      .where(confirmedGuests)
      .groupBy(rsvps.partySize, rsvps.groupIds, rsvps.dietary),
    company: db
      .select({ groupId: participants.groupId, people: count() })
      .from(participants)
      .where(eq(participants.visitId, visitId))
      .groupBy(participants.groupId),
    companyNotes: db
      .select({ text: participants.dietaryNeeds, groupId: participants.groupId })
      .from(participants)
      .where(and(eq(participants.visitId, visitId), ne(participants.dietaryNeeds, ''))),
    presence: db
      .select({
        personId: cateringTeamPresence.personId,
        groupId: cateringTeamPresence.groupId,
        email: people.email,
      })
      .from(cateringTeamPresence)
      .innerJoin(people, eq(people.id, cateringTeamPresence.personId))
      .where(eq(cateringTeamPresence.visitId, visitId)),
    speakers: db
      .select({
        speakerId: speakers.id,
        email: speakers.email,
        itemId: talks.itemId,
        groupIdsJson: talkGroupIdsJson,
      })
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
    orderItemGroups: q.orderItemGroups.prepare(),
    venues: q.venues.prepare(),
    groups: q.groups.prepare(),
    guests: q.guests.prepare(),
    company: q.company.prepare(),
    companyNotes: q.companyNotes.prepare(),
    presence: q.presence.prepare(),
    speakers: q.speakers.prepare(),
    members: q.members.prepare(),
    hosts: q.hosts.prepare(),
  }
}

// Built once per isolate for each way of naming the visit (see prepared.ts): read on every catering request.
const preparedBy = {
  visitId: prepareOnce((db) => prepared(cateringQueries(db, visitFrom('visitId')))),
  orderId: prepareOnce((db) => prepared(cateringQueries(db, visitFrom('orderId')))),
  contributionId: prepareOnce((db) => prepared(cateringQueries(db, visitFrom('contributionId')))),
  providerId: prepareOnce((db) => prepared(cateringQueries(db, visitFrom('providerId')))),
  tokenHash: prepareOnce((db) => prepared(cateringQueries(db, visitFrom('tokenHash')))),
}

/** Everything about a visit's catering, in one D1 round trip; null when there is no such visit (or order…). */
export async function loadCatering(db: Database, key: CateringKey) {
  const name = Object.keys(key)[0] as KeyName
  const q = preparedBy[name]()
  const values = key as Record<string, string>
  const [
    visit,
    orders,
    contributions,
    providers,
    items,
    orderItemGroups,
    venueRows,
    groupRows,
    guests,
    company,
    companyNotes,
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
    [q.orderItemGroups, values],
    [q.venues, values],
    [q.groups, values],
    [q.guests, values],
    [q.company, values],
    [q.companyNotes, values],
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
    orderItemGroups,
    venues: venueRows,
    groups: groupRows,
    guests,
    company,
    companyNotes,
    presence,
    speakers: speakerRows,
    members,
    hosts,
  }
}

export type CateringRows = NonNullable<Awaited<ReturnType<typeof loadCatering>>>

import {
  and,
  count,
  eq,
  fillPlaceholders,
  getTableColumns,
  inArray,
  isNotNull,
  type Placeholder,
  type SQL,
  sql,
} from 'drizzle-orm'
import {
  cateringAnswers,
  cateringContributions,
  cateringGuestNotes,
  cateringGuestSums,
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
import { jsonDocument, jsonPart } from '../../platform/db/json-document'
import { batchPrepared, prepareOnce, type RowsOf } from '../../platform/db/prepared'
import type { Database } from '../../platform/env'
import { readWithSession } from '../../platform/middleware/session-reads'

export type OrderRow = typeof cateringOrders.$inferSelect
export type ProviderRow = typeof cateringProviders.$inferSelect
export type ContributionRow = typeof cateringContributions.$inferSelect

/** Which items a load reads: those of the orders (the overview, a provider's page) or all (the order form). */
export type ItemsRead = 'ordered' | 'all'

/**
 * Everything the catering of a visit is worked out from, as one statement that answers one JSON document
 * (platform/db/json-document.ts): the orders with their contributions and providers, the items and places
 * they are for, and the headcount's sources — the confirmed registrations added up per set of groups and
 * their food notes (kept by triggers, migration 0017: a few rows however many guests), the company per
 * group, the team present, the confirmed speakers with their groups — never a guest's name. Every part is
 * read for the visit of the row it is selected from (`visits.id`, a correlated subquery).
 */
function cateringDocument(db: Database, itemsRead: ItemsRead) {
  const ofVisit = visits.id
  const orderedItems = db
    .select({ itemId: cateringOrders.itemId })
    .from(cateringOrders)
    .where(eq(cateringOrders.visitId, ofVisit))
  // The company per group: how many, and their dietary needs as written (text only, never whose).
  const company = db
    .select({
      groupId: participants.groupId,
      people: count().as('people'),
      notesJson:
        sql<string>`json_group_array(${participants.dietaryNeeds}) filter (where ${participants.dietaryNeeds} <> '')`.as(
          'notes_json',
        ),
    })
    .from(participants)
    .where(eq(participants.visitId, ofVisit))
    .groupBy(participants.groupId)
    .as('company')
  // Each confirmed speaker once, with the groups of the items of their talks; a talk not placed yet, or in an
  // item for no group in particular, puts them with the whole company.
  const speakerGroups = db
    .select({
      email: speakers.email,
      everyone: sql<number>`max(${programmeItemGroups.groupId} is null)`.as('everyone'),
      groupIdsJson:
        sql<string>`json_group_array(distinct ${programmeItemGroups.groupId}) filter (where ${programmeItemGroups.groupId} is not null)`.as(
          'group_ids_json',
        ),
    })
    .from(talkSpeakers)
    .innerJoin(talks, eq(talks.id, talkSpeakers.talkId))
    .innerJoin(speakers, eq(speakers.id, talkSpeakers.speakerId))
    .leftJoin(programmeItemGroups, eq(programmeItemGroups.itemId, talks.itemId))
    .where(and(eq(talks.visitId, ofVisit), eq(talks.state, 'confirmed'), isNotNull(talkSpeakers.confirmedAt)))
    .groupBy(speakers.email)
    .as('speaker_groups')
  return jsonDocument({
    orders: jsonPart(getTableColumns(cateringOrders), (rows) =>
      db.select({ rows }).from(cateringOrders).where(eq(cateringOrders.visitId, ofVisit)),
    ),
    contributions: jsonPart(getTableColumns(cateringContributions), (rows) =>
      db
        .select({ rows })
        .from(cateringContributions)
        .innerJoin(cateringOrders, eq(cateringOrders.id, cateringContributions.orderId))
        .where(eq(cateringOrders.visitId, ofVisit)),
    ),
    providers: jsonPart(
      {
        ...getTableColumns(cateringProviders),
        personName: sql<string | null>`${people.name}`,
        personEmail: sql<string | null>`${people.email}`,
      },
      (rows) =>
        db
          .select({ rows })
          .from(cateringProviders)
          .leftJoin(people, eq(people.id, cateringProviders.personId))
          .where(eq(cateringProviders.visitId, ofVisit)),
    ),
    // The orders' items, or every item for a page with the order form (it offers them all). An order's item
    // is of the order's visit (checked when saved): found by its key, not among all items.
    items: jsonPart(
      {
        id: programmeItems.id,
        kind: programmeItems.kind,
        title: programmeItems.title,
        startsAt: programmeItems.startsAt,
        endsAt: programmeItems.endsAt,
        venueId: programmeItems.venueId,
        cancelled: programmeItems.cancelled,
      },
      (rows) =>
        db
          .select({ rows })
          .from(programmeItems)
          .where(
            itemsRead === 'all'
              ? eq(programmeItems.visitId, ofVisit)
              : inArray(programmeItems.id, orderedItems),
          ),
    ),
    // The groups of the orders' items (whose groups eat).
    itemGroups: jsonPart(
      { itemId: programmeItemGroups.itemId, groupId: programmeItemGroups.groupId },
      (rows) =>
        db
          .select({ rows })
          .from(programmeItemGroups)
          .where(inArray(programmeItemGroups.itemId, orderedItems)),
    ),
    // Only the places of the orders' items.
    venues: jsonPart(
      { id: venues.id, name: venues.name, address: venues.address, lat: venues.lat, lng: venues.lng },
      (rows) =>
        db
          .select({ rows })
          .from(venues)
          .where(
            inArray(
              venues.id,
              db
                .select({ venueId: programmeItems.venueId })
                .from(programmeItems)
                .where(inArray(programmeItems.id, orderedItems)),
            ),
          ),
    ),
    groups: jsonPart({ id: groups.id, name: groups.name, position: groups.position }, (rows) =>
      db.select({ rows }).from(groups).where(eq(groups.visitId, ofVisit)),
    ),
    guests: jsonPart(
      {
        groupIds: cateringGuestSums.groupIds,
        registrations: cateringGuestSums.registrations,
        persons: cateringGuestSums.persons,
        vegetarian: cateringGuestSums.vegetarian,
        vegan: cateringGuestSums.vegan,
        halal: cateringGuestSums.halal,
        kosher: cateringGuestSums.kosher,
        glutenFree: cateringGuestSums.glutenFree,
        lactoseFree: cateringGuestSums.lactoseFree,
        nutAllergy: cateringGuestSums.nutAllergy,
      },
      (rows) =>
        db
          .select({ rows })
          .from(cateringGuestSums)
          .where(and(eq(cateringGuestSums.visitId, ofVisit), sql`${cateringGuestSums.registrations} > 0`)),
    ),
    guestNotes: jsonPart(
      {
        groupIds: cateringGuestNotes.groupIds,
        note: cateringGuestNotes.note,
        registrations: cateringGuestNotes.registrations,
      },
      (rows) =>
        db
          .select({ rows })
          .from(cateringGuestNotes)
          .where(and(eq(cateringGuestNotes.visitId, ofVisit), sql`${cateringGuestNotes.registrations} > 0`)),
    ),
    // Only the addresses a team member present or a speaker also has, looked up by address: to count each
    // person once, never to show.
    guestAddresses: jsonPart({ email: rsvps.email, groupIds: rsvps.groupIds }, (rows) =>
      db
        .select({ rows })
        .from(rsvps)
        .where(
          and(
            eq(rsvps.visitId, ofVisit),
            sql`${rsvps.email} in (select ${people.email} from ${cateringTeamPresence} join ${people} on ${people.id} = ${cateringTeamPresence.personId} where ${cateringTeamPresence.visitId} = ${ofVisit} union select ${speakers.email} from ${speakers} where ${speakers.visitId} = ${ofVisit})`,
            // `+status`: the address index (visit, email) leads, not the status index over every registration.
            sql`+${rsvps.status} = 'confirmed'`,
          ),
        ),
    ),
    company: jsonPart(
      {
        groupId: company.groupId,
        people: company.people,
        notes: sql<string[]>`json(${company.notesJson})`,
      },
      (rows) => db.select({ rows }).from(company),
    ),
    presence: jsonPart(
      { personId: cateringTeamPresence.personId, groupId: cateringTeamPresence.groupId, email: people.email },
      (rows) =>
        db
          .select({ rows })
          .from(cateringTeamPresence)
          .innerJoin(people, eq(people.id, cateringTeamPresence.personId))
          .where(eq(cateringTeamPresence.visitId, ofVisit)),
    ),
    speakers: jsonPart(
      {
        email: speakerGroups.email,
        everyone: speakerGroups.everyone,
        groupIds: sql<string[]>`json(${speakerGroups.groupIdsJson})`,
      },
      (rows) => db.select({ rows }).from(speakerGroups),
    ),
    members: jsonPart(
      { personId: people.id, name: people.name, email: people.email, role: memberships.role },
      (rows) =>
        db
          .select({ rows })
          .from(memberships)
          .innerJoin(people, eq(people.id, memberships.personId))
          .where(eq(memberships.teamId, visits.teamId)),
    ),
    hosts: jsonPart(
      { personId: people.id, name: people.name, email: people.email, venueId: visitRoles.venueId },
      (rows) =>
        db
          .select({ rows })
          .from(visitRoles)
          .innerJoin(people, eq(people.id, visitRoles.personId))
          .where(and(eq(visitRoles.visitId, ofVisit), eq(visitRoles.role, 'host'))),
    ),
  })
}

/** How a load names its visit: by the visit, or by one of its orders, contributions or providers. */
export type CateringKey =
  | { visitId: string }
  | { orderId: string }
  | { contributionId: string }
  | { providerId: string }
  | { tokenHash: string }

type KeyName = 'visitId' | 'orderId' | 'contributionId' | 'providerId' | 'tokenHash'

/** The visit, in SQL, for each way of naming it: found inside the statement, never in a look-up first. */
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

/** The visit's columns every load reads, live (never from a stored answer). */
const visitColumns = {
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
}

/** The visit's row with the document of its catering worked out: one statement (the order form's pages). */
function statement(db: Database, name: KeyName, itemsRead: ItemsRead) {
  const document = cateringDocument(db, itemsRead)
  const query = db
    .select({ ...visitColumns, document: document.sql.as('document') })
    .from(visits)
    .where(eq(visits.id, visitFrom(name)))
    .limit(1)
    .prepare()
  return { query, decode: document.decode }
}

/**
 * The overview's reads (the orders' items only), as stored in catering_answers (migration 0019):
 * - `read`: the visit's row with the stamp of its catering and the stored document — none when the stamp is
 *   the one this isolate already has (`known`), or when nothing is stored at this stamp. A few rows, and a
 *   statement SQLite prepares in no time: the work of the document is not in it.
 * - `store`: the document worked out (the same SQL as `statement`) and stored beside the visit's stamp, in
 *   one statement, answering the stamp it was made at. Only after a change, by the first reader.
 */
function storedStatements(db: Database, name: KeyName) {
  const document = cateringDocument(db, 'ordered')
  const read = db
    .select({
      ...visitColumns,
      stamp: cateringAnswers.stamp,
      document: sql<
        string | null
      >`case when ${cateringAnswers.stamp} = ${sql.placeholder('known')} then null else ${cateringAnswers.document} end`.as(
        'document',
      ),
    })
    .from(visits)
    .leftJoin(cateringAnswers, eq(cateringAnswers.visitId, visits.id))
    .where(eq(visits.id, visitFrom(name)))
    .limit(1)
    .prepare()
  const store = db
    .insert(cateringAnswers)
    .select(
      db
        .select({
          visitId: visits.id,
          stamp: sql<string>`lower(hex(randomblob(8)))`.as('stamp'),
          document: document.sql.as('document'),
        })
        .from(visits)
        .where(eq(visits.id, sql.placeholder('visitId'))),
    )
    // A visit without its row yet gets one; otherwise its stamp stays, and the document is the one made now.
    .onConflictDoUpdate({ target: cateringAnswers.visitId, set: { document: sql`excluded.document` } })
    .returning({ stamp: cateringAnswers.stamp, document: cateringAnswers.document })
    .prepare()
  return { read, store, decode: document.decode }
}

// Built once per isolate for each way of naming the visit and each set of items (see prepared.ts): read on
// every catering request.
const preparedBy = new Map<string, () => ReturnType<typeof statement>>()
const statementFor = (name: KeyName, itemsRead: ItemsRead) => {
  const key = `${name} ${itemsRead}`
  let made = preparedBy.get(key)
  if (!made) {
    made = prepareOnce((db) => statement(db, name, itemsRead))
    preparedBy.set(key, made)
  }
  return made()
}
const storedBy = new Map<string, () => ReturnType<typeof storedStatements>>()
const storedFor = (name: KeyName) => {
  let made = storedBy.get(name)
  if (!made) {
    made = prepareOnce((db) => storedStatements(db, name))
    storedBy.set(name, made)
  }
  return made()
}

/** Created first, then by id: the order the team made them in. */
const byCreation = (a: { createdAt: Date; id: string }, b: { createdAt: Date; id: string }) =>
  a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** The parts of a document, sorted as the pages show them (once per document: shared, read-only). */
function sortedParts(parts: Parts) {
  return {
    ...parts,
    orders: parts.orders.sort(byCreation),
    contributions: parts.contributions.sort(byCreation),
    providers: parts.providers.sort(byCreation),
    items: parts.items.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
    groups: parts.groups
      .sort((a, b) => a.position - b.position || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map(({ id, name }) => ({ id, name })),
  }
}
type Sorted = ReturnType<typeof sortedParts>

/** The rows of a load: the visit's row (as read now) with the parts of its document. */
const rowsOf = (visit: Visit, parts: Sorted) => ({ ...parts, visit })

type Statement = ReturnType<typeof statement>
type Visit = Omit<Awaited<ReturnType<Statement['query']['all']>>[number], 'document'>
type Parts = ReturnType<Statement['decode']>
export type CateringRows = ReturnType<typeof rowsOf>

/**
 * The loads decoded last in this isolate, by what D1 answered (the visit's row and its document, or its
 * stamp): the same data is decoded, and planned (catering-plan.ts), once however often it is read; a change
 * anywhere in it is a new document and a new stamp. Shared between requests, so read-only for everyone.
 */
const recent = new Map<string, CateringRows>()
const RECENT = 16
/** The overview's documents decoded last, by stamp; and the stamp last seen for each key a load named. */
const partsByStamp = new Map<string, Sorted>()
const stampOfKey = new Map<string, string>()

/** Keeps `value` as the newest of a map of at most RECENT entries. */
function remember<V>(map: Map<string, V>, key: string, value: V) {
  map.delete(key)
  map.set(key, value)
  if (map.size > RECENT) map.delete(map.keys().next().value as string)
}

/** The rows of a visit's row and its parts, the same object while both are the same. */
function rowsFor(visit: Visit, answerKey: string, parts: () => Sorted): CateringRows {
  const key = `${JSON.stringify(visit)}\n${answerKey}`
  const loaded = recent.get(key) ?? rowsOf(visit, parts())
  remember(recent, key, loaded)
  return loaded
}

/**
 * The overview's read of a visit's catering (`ordered`), in one place: the one statement of its first round
 * trip with its values — the visit's row, the stamp, and the stored document unless this isolate has it: a few
 * rows — and `finish`, which makes the rows from what that statement answered. Only when nothing is stored at
 * the stamp (after a change) does finish take one more round trip, which works the answer out and stores it.
 * Kept apart so that the statement can go to D1 in the same batch as others (a page's session lookup).
 */
export function cateringRead(key: CateringKey) {
  const name = Object.keys(key)[0] as KeyName
  const { read, store, decode } = storedFor(name)
  const keyText = `${name} ${(key as Record<string, string>)[name]}`
  const seen = stampOfKey.get(keyText)
  const known = seen !== undefined && partsByStamp.has(seen) ? seen : ''
  const values: Record<string, string> = { ...(key as Record<string, string>), known }
  async function finish(db: Database, rows: RowsOf<typeof read>): Promise<CateringRows | null> {
    const row = rows[0]
    if (!row) return null
    const { stamp: readStamp, document: readDocument, ...visit } = row
    let stamp = readStamp
    let parts = stamp === null ? undefined : partsByStamp.get(stamp)
    if (!parts && readDocument !== null && stamp !== null) parts = sortedParts(decode(readDocument))
    if (!parts || stamp === null) {
      // Nothing stored at this stamp (a change since, or none yet): worked out and stored, at the stamp then.
      const [stored] = await batchPrepared(db, [[store, { visitId: visit.id }]])
      const made = stored[0]
      if (!made?.document) return null // the visit is gone meanwhile
      stamp = made.stamp
      parts = sortedParts(decode(made.document))
    }
    remember(partsByStamp, stamp, parts)
    remember(stampOfKey, keyText, stamp)
    const found = parts
    return rowsFor(visit, stamp, () => found)
  }
  const statement: [typeof read, Record<string, string>] = [read, values]
  return { statement, finish }
}

/**
 * The catering page's read, sent in the same D1 batch as the session lookup: a signed-in organiser's page is
 * one round trip while the stored answer is current. `finish` turns the rows into the catering (one more
 * round trip after a change); the page checks who may see it before it shows anything.
 */
export const cateringPageRead = readWithSession((c) => {
  const { statement, finish } = cateringRead({ visitId: c.req.param('visitId') ?? '' })
  const [query, values] = statement
  const { sql, params } = query.getQuery()
  return {
    statements: [[sql, fillPlaceholders(params, values)] as const],
    finish: (db: Database, rows: Record<string, unknown>[]) =>
      finish(db, query.mapResult({ results: rows }, true) as RowsOf<typeof query>),
  }
})

/**
 * Everything about a visit's catering; null when there is no such visit (or order…). The overview's
 * (`ordered`, cateringRead) in one D1 round trip while its stored answer is current, one more after a change;
 * the order form's (`all`) in one round trip, worked out each time.
 */
export async function loadCatering(
  db: Database,
  key: CateringKey,
  itemsRead: ItemsRead = 'ordered',
): Promise<CateringRows | null> {
  if (itemsRead === 'ordered') {
    const { statement: first, finish } = cateringRead(key)
    const [rows] = await batchPrepared(db, [first])
    return finish(db, rows)
  }
  const { query, decode } = statementFor(Object.keys(key)[0] as KeyName, itemsRead)
  const [rows] = await batchPrepared(db, [[query, key as Record<string, string>]])
  const row = rows[0]
  if (!row) return null
  const { document, ...visit } = row
  return rowsFor(visit, document, () => sortedParts(decode(document)))
}

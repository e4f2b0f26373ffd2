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
  groups,
  participants,
  programmeItemGroups,
  programmeItems,
  releases,
  rsvps,
  speakers,
  talkSpeakers,
  talks,
  venues,
  visits,
  visitVenues,
} from '../../../shared/db/schema'
import { batchPrepared, prepareOnce, type RowsOf } from '../../platform/db/prepared'
import type { Database } from '../../platform/env'

export type { VisitRow } from '../visits/queries'
export type ItemRow = typeof programmeItems.$inferSelect
export type VenueRow = typeof venues.$inferSelect
export type GroupRow = typeof groups.$inferSelect
export type VisitVenueRow = typeof visitVenues.$inferSelect
export type ParticipantRow = typeof participants.$inferSelect

/** Some of a table's columns, for a select that reads only what its page shows. */
function pick<T extends Record<string, unknown>, K extends keyof T>(
  columns: T,
  keys: readonly K[],
): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, columns[key]])) as Pick<T, K>
}

/**
 * The plan: the part of a programme that the editor's pages and the clash check work from. No descriptions,
 * notes, addresses, host contacts or bookkeeping columns: every byte D1 sends is decoded and mapped on each
 * request of the busiest organiser page (the editor went from 7.2 to 7.0 ms CPU with this alone).
 */
const planColumns = {
  item: pick(getTableColumns(programmeItems), [
    'id',
    'kind',
    'title',
    'startsAt',
    'endsAt',
    'venueId',
    'legMode',
    'departurePlace',
    'arrivalPlace',
    'expectedAttendance',
    'legDepartsAt',
    'legArrivesAt',
    'cancelled',
  ]),
  venue: pick(getTableColumns(venues), ['id', 'name', 'kind', 'lat', 'lng', 'capacity']),
  visitVenue: pick(getTableColumns(visitVenues), ['venueId', 'opensAt', 'closesAt']),
}
const fullColumns = {
  item: getTableColumns(programmeItems),
  venue: getTableColumns(venues),
  visitVenue: getTableColumns(visitVenues),
}

/**
 * Everything the organiser's programme pages, releases and the clash check need, in one D1 round trip;
 * with 'plan', only the columns the editor and the clash check use (see ProgrammePlan).
 */
export function loadProgramme(db: Database, visitId: string): Promise<Programme | null>
export function loadProgramme(db: Database, visitId: string, detail: 'plan'): Promise<ProgrammePlan | null>
export function loadProgramme(db: Database, visitId: string, detail: 'full' | 'plan' = 'full') {
  return load(db, { visitId }, detail === 'plan' ? planQueries() : fullQueries())
}

/**
 * The full programme of the visit an item belongs to, in the same one round trip: the visit is found from the
 * item inside each statement, so a page or a write about one item needs no look-up of the item first. Null
 * when the item does not exist.
 */
export function loadProgrammeOfItem(db: Database, itemId: string): Promise<Programme | null> {
  return load(db, { itemId }, byItemQueries())
}

/**
 * The statements of a full programme load as plain queries, to go at the end of a db.batch that writes
 * first (one round trip for the change and the programme after it); `programmeFromBatch` reads their rows.
 */
export function programmeReads(db: Database, visitId: string) {
  const q = programmeQueries(db, fullColumns, sql`${visitId}`)
  return statementNames.map((name) => q[name])
}

/** The programme from the rows of `programmeReads`, the last statements of a batch; null without the visit. */
export function programmeFromBatch(results: readonly unknown[]): Programme | null {
  // The batch's own typing is lost in the spread of statements before them; the rows are these queries'.
  const last = results.slice(-statementNames.length)
  return assemble(Object.fromEntries(statementNames.map((name, i) => [name, last[i]])) as ProgrammeRows)
}

/** The visit of an item, in SQL, for statements that take the item's id. */
const visitOfItem = (itemId: Placeholder) =>
  sql`(select ${programmeItems.visitId} from ${programmeItems} where ${programmeItems.id} = ${itemId})`

/**
 * What a change to one item is checked against, without its programme: the item with its groups, its visit
 * (for access, zone and dates) and, of the venue and groups the change names, those that are the visit's
 * team's and the visit's. One round trip; null when the item does not exist.
 */
export async function loadItemForChange(
  db: Database,
  itemId: string,
  refs: { venueId: string | null; groupIds: readonly string[] } = { venueId: null, groupIds: [] },
) {
  const q = itemChangeQueries()
  const [items, visitRows, venueRows, groupRows] = await batchPrepared(db, [
    [q.item, { itemId }],
    [q.visit, { itemId }],
    [q.venue, { itemId, venueId: refs.venueId }],
    [q.groups, { itemId, groupIds: JSON.stringify(refs.groupIds) }],
  ])
  const item = items[0]
  const visit = visitRows[0]
  if (!item || !visit) return null
  return {
    item: itemWithGroups(item),
    visit,
    knownVenueIds: new Set(venueRows.map((v) => v.id)),
    knownGroupIds: new Set(groupRows.map((g) => g.id)),
  }
}

/** An item's groups as a sorted list, from the JSON array its row carries. */
function itemWithGroups<T extends { groupIdsJson: string }>({ groupIdsJson, ...item }: T) {
  return { ...item, groupIds: (JSON.parse(groupIdsJson) as string[]).sort() }
}

/** The JSON array of an item's group ids, from a correlated subquery on the link table's primary key. */
const groupIdsJson = sql<string>`(select json_group_array(${programmeItemGroups.groupId}) from ${programmeItemGroups} where ${programmeItemGroups.itemId} = ${programmeItems.id})`

/** One item, every column and its groups: as the programme load gives it. */
const oneItem = (db: Database) =>
  db
    .select({ ...getTableColumns(programmeItems), groupIdsJson })
    .from(programmeItems)
    .where(eq(programmeItems.id, sql.placeholder('itemId')))

const itemChangeQueries = prepareOnce((db) => {
  const visitId = visitOfItem(sql.placeholder('itemId'))
  return {
    item: oneItem(db).prepare(),
    visit: db.select().from(visits).where(eq(visits.id, visitId)).limit(1).prepare(),
    venue: db
      .select({ id: venues.id })
      .from(venues)
      .where(
        and(
          eq(venues.id, sql.placeholder('venueId')),
          inArray(
            venues.teamId,
            db.select({ teamId: visits.teamId }).from(visits).where(eq(visits.id, visitId)),
          ),
        ),
      )
      .prepare(),
    groups: db
      .select({ id: groups.id })
      .from(groups)
      .where(
        and(
          eq(groups.visitId, visitId),
          inArray(groups.id, sql`(select value from json_each(${sql.placeholder('groupIds')}))`),
        ),
      )
      .prepare(),
  }
})

/** The item as saved, every column and its groups, as a statement for a batch that writes it first. */
export const savedItemRead = prepareOnce((db) => oneItem(db).prepare())

/** The saved item from its statement's D1 result (see savedItemRead); undefined when it is gone. */
export function savedItemFrom(result: unknown) {
  const rows = savedItemRead().mapResult(result, true) as RowsOf<ReturnType<typeof savedItemRead>>
  const item = rows[0]
  return item ? itemWithGroups(item) : undefined
}

/** The statements of a programme load for the visit `visitId` stands for (a placeholder, or SQL). */
function programmeQueries(
  db: Database,
  columns: typeof fullColumns | typeof planColumns,
  visitId: SQL | Placeholder,
) {
  // Each item carries its groups as a JSON array (groupIdsJson): one statement and 300 rows fewer to send,
  // decode and map than a join that returns every link as a row. Typed as the full row: `loadProgramme`'s overloads say which shape a caller gets.
  const itemColumns = { ...(columns.item as typeof fullColumns.item), groupIdsJson }
  const teamOfVisit = db.select({ teamId: visits.teamId }).from(visits).where(eq(visits.id, visitId))
  // Talks that take part in the programme (accepted or confirmed, placed in an item), for clashes and releases.
  const placedTalks = and(
    eq(talks.visitId, visitId),
    inArray(talks.state, ['accepted', 'confirmed']),
    isNotNull(talks.itemId),
  )
  return {
    visit: db.select().from(visits).where(eq(visits.id, visitId)).limit(1),
    items: db
      .select(itemColumns)
      .from(programmeItems)
      .where(eq(programmeItems.visitId, visitId))
      .orderBy(asc(programmeItems.startsAt)),
    groups: db
      .select()
      .from(groups)
      .where(eq(groups.visitId, visitId))
      .orderBy(asc(groups.position), asc(groups.name)),
    venues: db
      .select(columns.venue as typeof fullColumns.venue)
      .from(venues)
      .where(inArray(venues.teamId, teamOfVisit))
      .orderBy(asc(venues.name)),
    visitVenues: db
      .select(columns.visitVenue as typeof fullColumns.visitVenue)
      .from(visitVenues)
      .where(eq(visitVenues.visitId, visitId)),
    // Head counts per group (null: not in a group), counted by SQLite rather than sent row by row.
    groupSizes: db
      .select({ groupId: participants.groupId, people: count() })
      .from(participants)
      .where(eq(participants.visitId, visitId))
      .groupBy(participants.groupId),
    // Confirmed guests by the groups they go with, people added up: the expected attendance of an item.
    guestShapes: db
      .select({ groupIdsJson: rsvps.groupIds, people: sql<number>`sum(${rsvps.partySize})` })
      .from(rsvps)
      .where(and(eq(rsvps.visitId, visitId), eq(rsvps.status, 'confirmed')))
      .groupBy(rsvps.groupIds),
    releases: db
      .select({
        id: releases.id,
        number: releases.number,
        name: releases.name,
        publishedAt: releases.publishedAt,
      })
      .from(releases)
      .where(eq(releases.visitId, visitId))
      .orderBy(asc(releases.number)),
    talks: db
      .select({ id: talks.id, title: talks.title, itemId: talks.itemId, state: talks.state })
      .from(talks)
      .where(placedTalks),
    talkSpeakers: db
      .select({
        talkId: talkSpeakers.talkId,
        speakerId: talkSpeakers.speakerId,
        role: talkSpeakers.role,
        confirmedAt: talkSpeakers.confirmedAt,
        name: speakers.name,
        consent: speakers.consent,
        availability: speakers.availability,
      })
      .from(talks)
      .innerJoin(talkSpeakers, eq(talkSpeakers.talkId, talks.id))
      .innerJoin(speakers, eq(speakers.id, talkSpeakers.speakerId))
      .where(placedTalks),
  }
}

/** Each statement of a programme load, prepared. */
function prepared(q: ReturnType<typeof programmeQueries>) {
  return {
    visit: q.visit.prepare(),
    items: q.items.prepare(),
    groups: q.groups.prepare(),
    venues: q.venues.prepare(),
    visitVenues: q.visitVenues.prepare(),
    groupSizes: q.groupSizes.prepare(),
    guestShapes: q.guestShapes.prepare(),
    releases: q.releases.prepare(),
    talks: q.talks.prepare(),
    talkSpeakers: q.talkSpeakers.prepare(),
  }
}

// Built once per isolate (see prepared.ts): the programme is read on every editor and clash request.
const fullQueries = prepareOnce((db) =>
  prepared(programmeQueries(db, fullColumns, sql.placeholder('visitId'))),
)
const planQueries = prepareOnce((db) =>
  prepared(programmeQueries(db, planColumns, sql.placeholder('visitId'))),
)
const byItemQueries = prepareOnce((db) =>
  prepared(programmeQueries(db, fullColumns, visitOfItem(sql.placeholder('itemId')))),
)

/** The statements of a programme load, in the order they are sent. */
const statementNames = [
  'visit',
  'items',
  'groups',
  'venues',
  'visitVenues',
  'groupSizes',
  'guestShapes',
  'releases',
  'talks',
  'talkSpeakers',
] as const satisfies readonly (keyof ReturnType<typeof programmeQueries>)[]

/** The rows of a programme load, statement by statement. */
type ProgrammeRows = {
  [K in keyof ReturnType<typeof programmeQueries>]: Awaited<ReturnType<typeof programmeQueries>[K]>
}

async function load(db: Database, values: Record<string, string>, q: ReturnType<typeof fullQueries>) {
  const [visit, items, groups, venues, visitVenues, groupSizes, guestShapes, releases, talks, talkSpeakers] =
    await batchPrepared(db, [
      [q.visit, values],
      [q.items, values],
      [q.groups, values],
      [q.venues, values],
      [q.visitVenues, values],
      [q.groupSizes, values],
      [q.guestShapes, values],
      [q.releases, values],
      [q.talks, values],
      [q.talkSpeakers, values],
    ])
  return assemble({
    visit,
    items,
    groups,
    venues,
    visitVenues,
    groupSizes,
    guestShapes,
    releases,
    talks,
    talkSpeakers,
  })
}

/** The programme from the rows of its statements: groups per item, head counts per group, speakers per talk. */
function assemble(rows: ProgrammeRows) {
  const {
    visit,
    items,
    groups: groupRows,
    venues: venueRows,
    visitVenues: visitVenueRows,
    groupSizes,
    guestShapes,
    releases: latestRelease,
    talks: talkRows,
    talkSpeakers: talkSpeakerRows,
  } = rows
  const v = visit[0]
  if (!v) return null
  const speakersOf = new Map<string, (typeof talkSpeakerRows)[number][]>()
  for (const row of talkSpeakerRows) {
    const list = speakersOf.get(row.talkId)
    if (list) list.push(row)
    else speakersOf.set(row.talkId, [row])
  }
  const sizes = new Map<string, number>()
  let participantCount = 0
  for (const size of groupSizes) {
    participantCount += size.people
    if (size.groupId) sizes.set(size.groupId, size.people)
  }
  return {
    visit: v,
    items: items.map(itemWithGroups),
    groups: groupRows.map((g) => ({ ...g, size: sizes.get(g.id) ?? null })),
    venues: venueRows,
    visitVenues: visitVenueRows,
    participantCount,
    guests: guestShapes.map((g) => ({ groupIds: parseGroupIds(g.groupIdsJson), people: Number(g.people) })),
    releases: latestRelease,
    talks: talkRows.flatMap((t) =>
      t.itemId ? [{ ...t, itemId: t.itemId, speakers: speakersOf.get(t.id) ?? [] }] : [],
    ),
  }
}

/** A registration's stored group ids; anything unreadable is the whole company ([]). */
export function parseGroupIds(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

export type Programme = NonNullable<ReturnType<typeof assemble>>
export type ProgrammeItem = Programme['items'][number]

/** The plan of a programme (loadProgramme(…, 'plan')): a full Programme has all of this and more. */
export type ProgrammePlan = Omit<Programme, 'items' | 'venues' | 'visitVenues'> & {
  items: (Pick<ItemRow, keyof typeof planColumns.item> & { groupIds: string[] })[]
  venues: Pick<VenueRow, keyof typeof planColumns.venue>[]
  visitVenues: Pick<VisitVenueRow, keyof typeof planColumns.visitVenue>[]
}
export type PlanItem = ProgrammePlan['items'][number]

import { and, asc, desc, eq, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm'
import { participants, releases, rsvps, rsvpTotals, shareLinks, visits } from '../../../shared/db/schema'
import type { Gathering } from '../../../shared/domain/capacity'
import type { ReleaseSnapshot } from '../../../shared/domain/release-snapshot'
import type { Database } from '../../platform/env'
import { snapshotOfRow } from '../releases/stored'

export type RsvpRow = typeof rsvps.$inferSelect

/**
 * A visit as the registration form needs it, by slug: status, guest limit and the newest release (the public
 * never sees the draft). One statement, to go in a batch; drafts and unknown slugs give no row.
 */
export function publishedVisitBySlug(db: Database, slug: string) {
  return db
    .select({
      visitId: visits.id,
      status: visits.status,
      listed: visits.listed,
      title: visits.title,
      startDate: visits.startDate,
      endDate: visits.endDate,
      timeZone: visits.timeZone,
      rsvpCapacity: visits.rsvpCapacity,
      snapshot: releases.snapshot,
      // Under a name of its own: in a batch D1 answers rows as objects, and two `id` columns would collapse.
      releaseId: sql<string | null>`${releases.id}`.as('release_id'),
    })
    .from(visits)
    .innerJoin(releases, eq(releases.visitId, visits.id))
    .where(and(eq(visits.slug, slug), inArray(visits.status, ['published', 'archived'])))
    .orderBy(desc(releases.number))
    .limit(1)
}

/** A live share link of the visit with this slug, by token hash (unlisted visits take guests only through one). */
export function liveShareLink(db: Database, slug: string, tokenHash: string) {
  return db
    .select({ id: shareLinks.id })
    .from(shareLinks)
    .innerJoin(visits, eq(visits.id, shareLinks.visitId))
    .where(and(eq(visits.slug, slug), eq(shareLinks.tokenHash, tokenHash), isNull(shareLinks.revokedAt)))
    .limit(1)
}

/** The registration (not cancelled) an address already has for the visit with this slug. */
export function activeRsvpByEmail(db: Database, slug: string, email: string) {
  return db
    .select({
      id: rsvps.id,
      name: rsvps.name,
      partySize: rsvps.partySize,
      status: rsvps.status,
      tokenHash: rsvps.tokenHash,
      lang: rsvps.lang,
    })
    .from(rsvps)
    .innerJoin(visits, eq(visits.id, rsvps.visitId))
    .where(and(eq(visits.slug, slug), eq(rsvps.email, email), ne(rsvps.status, 'cancelled')))
    .limit(1)
}

/**
 * How full the visit with this slug is: confirmed guests and waitlisted registrations, for the form's notice.
 * From the running totals (rsvp_totals), so one row is read however many guests there are.
 */
export function rsvpCountsBySlug(db: Database, slug: string) {
  return db
    .select({
      confirmed: sql<number>`coalesce(${rsvpTotals.confirmedPeople}, 0)`,
      waitlisted: sql<number>`coalesce(${rsvpTotals.waitlisted}, 0)`,
    })
    .from(visits)
    .leftJoin(rsvpTotals, eq(rsvpTotals.visitId, visits.id))
    .where(eq(visits.slug, slug))
}

/** A registration by the hash of its private token, with its visit and the visit's newest release. */
export function rsvpByTokenHash(db: Database, tokenHash: string) {
  return db
    .select({
      rsvp: rsvps,
      visit: {
        id: visits.id,
        slug: visits.slug,
        title: visits.title,
        startDate: visits.startDate,
        status: visits.status,
        listed: visits.listed,
        rsvpCapacity: visits.rsvpCapacity,
        endDate: visits.endDate,
        timeZone: visits.timeZone,
      },
      snapshot: releases.snapshot,
      // Under a name of its own: in a batch D1 answers rows as objects, and two `id` columns would collapse.
      releaseId: sql<string | null>`${releases.id}`.as('release_id'),
    })
    .from(rsvps)
    .innerJoin(visits, eq(visits.id, rsvps.visitId))
    .leftJoin(releases, eq(releases.visitId, visits.id))
    .where(eq(rsvps.tokenHash, tokenHash))
    .orderBy(desc(releases.number))
    .limit(1)
}

/** The waitlist of a visit, first registered first (rowid breaks ties within one millisecond). */
export function waitlistOf(db: Database, visitId: string) {
  return db
    .select({
      id: rsvps.id,
      name: rsvps.name,
      email: rsvps.email,
      partySize: rsvps.partySize,
      groupIds: rsvps.groupIds,
      lang: rsvps.lang,
      tokenHash: rsvps.tokenHash,
    })
    .from(rsvps)
    .where(and(eq(rsvps.visitId, visitId), eq(rsvps.status, 'waitlisted')))
    .orderBy(asc(rsvps.createdAt), asc(sql`rowid`))
}

/** The visit's guest limit and its newest release, for the capacity rule. */
export function capacityVisitOf(db: Database, visitId: string) {
  return db
    .select({
      title: visits.title,
      startDate: visits.startDate,
      rsvpCapacity: visits.rsvpCapacity,
      snapshot: releases.snapshot,
      // Under a name of its own: in a batch D1 answers rows as objects, and two `id` columns would collapse.
      releaseId: sql<string | null>`${releases.id}`.as('release_id'),
    })
    .from(visits)
    .leftJoin(releases, eq(releases.visitId, visits.id))
    .where(eq(visits.id, visitId))
    .orderBy(desc(releases.number))
    .limit(1)
}

/**
 * The confirmed guests of a visit by the groups they go with: one row per set of groups, people added up
 * (read from the shape index, no row fetched).
 */
export function confirmedByGroupsOf(db: Database, visitId: string) {
  return db
    .select({
      groupIds: rsvps.groupIds,
      people: sql<number>`sum(${rsvps.partySize})`,
      registrations: sql<number>`count(*)`,
    })
    .from(rsvps)
    .where(and(eq(rsvps.visitId, visitId), eq(rsvps.status, 'confirmed')))
    .groupBy(rsvps.groupIds)
}

/**
 * The registrations of a visit counted per status by SQLite: registrations, people, and the confirmed ones
 * with access needs. At most three rows, however many guests there are.
 */
export function statusTotalsOf(db: Database, visitId: string) {
  return db
    .select({
      status: rsvps.status,
      registrations: sql<number>`count(*)`,
      people: sql<number>`coalesce(sum(${rsvps.partySize}), 0)`,
      accessNeeds: sql<number>`coalesce(sum(trim(${rsvps.accessNeeds}) <> ''), 0)`,
    })
    .from(rsvps)
    .where(eq(rsvps.visitId, visitId))
    .groupBy(rsvps.status)
}

/**
 * The confirmed registrations' dietary needs grouped by SQLite (party size, needs, whether a note was
 * written), one row per shape with how many registrations have it: the kitchen's totals add up a handful
 * of rows, not every guest. Read from the shape index.
 */
export function dietaryShapesOf(db: Database, visitId: string) {
  return db
    .select({
      partySize: rsvps.partySize,
      dietary: rsvps.dietary,
      withNotes: sql<number>`(${rsvps.dietaryNotes} <> '')`,
      registrations: sql<number>`count(*)`,
    })
    .from(rsvps)
    .where(and(eq(rsvps.visitId, visitId), eq(rsvps.status, 'confirmed')))
    .groupBy(rsvps.partySize, rsvps.dietary, sql`(${rsvps.dietaryNotes} <> '')`)
}

/** What the guest list is narrowed to: a part of a name (or, for organisers, an e-mail address) and a status. */
export type GuestFilter = {
  search: string
  status: RsvpRow['status'] | null
  /** Viewers do not see addresses, so they cannot search by one either. */
  byEmail: boolean
}

/** A LIKE pattern that matches the text anywhere, its own % and _ taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`

function guestWhere(visitId: string, filter: GuestFilter): SQL | undefined {
  const pattern = containing(filter.search)
  return and(
    eq(rsvps.visitId, visitId),
    filter.status ? eq(rsvps.status, filter.status) : undefined,
    filter.search === ''
      ? undefined
      : filter.byEmail
        ? sql`(${rsvps.name} LIKE ${pattern} ESCAPE '\\' OR ${rsvps.email} LIKE ${pattern} ESCAPE '\\')`
        : sql`${rsvps.name} LIKE ${pattern} ESCAPE '\\'`,
  )
}

/** How many registrations of a visit the filter keeps, for the pages of the list. */
export function guestCountOf(db: Database, visitId: string, filter: GuestFilter) {
  return db.select({ n: sql<number>`count(*)` }).from(rsvps).where(guestWhere(visitId, filter))
}

/**
 * One page of a visit's guest list: confirmed first, then the waitlist, then the cancelled, each oldest
 * first (rowid breaks ties within one millisecond). Never the token.
 */
export function guestPageOf(
  db: Database,
  visitId: string,
  filter: GuestFilter,
  limit: number,
  offset: number,
) {
  return db
    .select({
      id: rsvps.id,
      name: rsvps.name,
      email: rsvps.email,
      partySize: rsvps.partySize,
      status: rsvps.status,
      dietary: rsvps.dietary,
      dietaryNotes: rsvps.dietaryNotes,
      accessNeeds: rsvps.accessNeeds,
      groupIds: rsvps.groupIds,
      notifyChanges: rsvps.notifyChanges,
      createdAt: rsvps.createdAt,
    })
    .from(rsvps)
    .where(guestWhere(visitId, filter))
    .orderBy(
      sql`CASE ${rsvps.status} WHEN 'confirmed' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END`,
      asc(rsvps.createdAt),
      asc(sql`rowid`),
    )
    .limit(limit)
    .offset(offset)
}

/** Who waits, first registered first, with the name the organisers see it by. */
export function waitingPartiesOf(db: Database, visitId: string) {
  return db
    .select({ id: rsvps.id, name: rsvps.name, partySize: rsvps.partySize, groupIds: rsvps.groupIds })
    .from(rsvps)
    .where(and(eq(rsvps.visitId, visitId), eq(rsvps.status, 'waitlisted')))
    .orderBy(asc(rsvps.createdAt), asc(sql`rowid`))
}

/** The company members of a visit (its id, or SQL naming it) by the group they go with (null: the whole company). */
export function membersByGroupOf(db: Database, visitId: string | SQL) {
  return db
    .select({ groupId: participants.groupId, members: sql<number>`count(*)` })
    .from(participants)
    .where(eq(participants.visitId, visitId))
    .groupBy(participants.groupId)
}

/** Every registration of a visit, oldest first. */
export function rsvpsOf(db: Database, visitId: string) {
  return db
    .select()
    .from(rsvps)
    .where(eq(rsvps.visitId, visitId))
    .orderBy(asc(rsvps.createdAt), asc(sql`rowid`))
}

/** A string as an SQLite literal: the capacity check inlines ids, as D1 takes at most 100 bound values. */
const literal = (text: string) => sql.raw(`'${text.replaceAll("'", "''")}'`)
const integer = (n: number) => sql.raw(String(Math.trunc(n)))

/**
 * SQL: the party sizes of a visit's confirmed registrations added up (optionally leaving one out, as it is
 * when the statement runs). Read from the running totals that triggers keep (rsvp_totals): one row, not one
 * per guest.
 */
export function confirmedSum(visitId: string, except?: string): SQL {
  const total = sql`coalesce((SELECT confirmed_people FROM rsvp_totals WHERE visit_id = ${literal(visitId)}), 0)`
  if (except === undefined) return sql`(${total})`
  return sql`(${total} - coalesce((SELECT party_size FROM rsvps WHERE id = ${literal(except)} AND status = 'confirmed'), 0))`
}

/**
 * SQL: the people at a gathering when the statement runs, the company members there and the confirmed
 * guests there (leaving one registration out, as when it changes itself).
 */
function peopleAtSql(visitId: string, groupIds: readonly string[] | null, except?: string): SQL {
  const visit = literal(visitId)
  if (groupIds === null) {
    return sql`((SELECT count(*) FROM participants WHERE visit_id = ${visit}) + ${confirmedSum(visitId, except)})`
  }
  const list = sql.join(groupIds.map(literal), sql`, `)
  return sql`((SELECT count(*) FROM participants WHERE visit_id = ${visit} AND group_id IN (${list}))
    + (SELECT coalesce(sum(present.party_size), 0) FROM rsvps AS present
      WHERE present.visit_id = ${visit} AND present.status = 'confirmed'
        ${except === undefined ? sql`` : sql`AND present.id <> ${literal(except)}`}
        AND EXISTS (SELECT 1 FROM json_each(present.group_ids) WHERE value IN (${list}))))`
}

/**
 * SQL: whether a party fits when the statement runs: the visit's maximum (if any) is not passed, and every
 * gathering the party goes to (see shared/domain/capacity.ts: `limitingGatherings`) has room for it. The
 * party size is a number or a column (a waiting registration's own); `except` leaves a registration out.
 */
export function fitsSql(
  visitId: string,
  gatherings: readonly Pick<Gathering, 'capacity' | 'groupIds'>[],
  party: number | SQL,
  except?: string,
): SQL {
  const size = typeof party === 'number' ? integer(party) : party
  const visitLimit = sql`(SELECT rsvp_capacity FROM visits WHERE id = ${literal(visitId)})`
  const checks = [
    sql`(${visitLimit} IS NULL OR ${confirmedSum(visitId, except)} + ${size} <= ${visitLimit})`,
    ...gatherings.map(
      (g) => sql`${peopleAtSql(visitId, g.groupIds, except)} + ${size} <= ${integer(g.capacity)}`,
    ),
  ]
  return sql`(${sql.join(checks, sql` AND `)})`
}

/**
 * SQL: whether some waiting registration of the visit fits now (its own groups decide where it goes). A new
 * registration that would take a place such a party fits in waits behind it: places go in order.
 */
export function waitingPartyFitsSql(
  visitId: string,
  gatherings: readonly Pick<Gathering, 'capacity' | 'groupIds'>[],
): SQL {
  const visitLimit = sql`(SELECT rsvp_capacity FROM visits WHERE id = ${literal(visitId)})`
  const size = sql.raw('ahead.party_size')
  const checks = [
    sql`(${visitLimit} IS NULL OR ${confirmedSum(visitId)} + ${size} <= ${visitLimit})`,
    ...gatherings.map((g) => {
      const fits = sql`${peopleAtSql(visitId, g.groupIds)} + ${size} <= ${integer(g.capacity)}`
      if (g.groupIds === null) return fits
      const list = sql.join(g.groupIds.map(literal), sql`, `)
      return sql`(NOT EXISTS (SELECT 1 FROM json_each(ahead.group_ids) WHERE value IN (${list})) OR ${fits})`
    }),
  ]
  return sql`EXISTS (SELECT 1 FROM rsvps AS ahead WHERE ahead.visit_id = ${literal(visitId)}
    AND ahead.status = 'waitlisted' AND ${sql.join(checks, sql` AND `)})`
}

/**
 * The snapshot of a release row with its items, or an empty programme when the visit has none (never
 * published). A large release keeps its items in parts beside the row: one more read, only then.
 */
export async function snapshotOf(
  db: Database,
  row: { releaseId: string | null; snapshot: string | null } | undefined,
): Promise<ReturnType<typeof parseSnapshot>> {
  if (!row?.releaseId || !row.snapshot) return parseSnapshot(null)
  return snapshotOfRow(db, { id: row.releaseId, snapshot: row.snapshot })
}

/** The snapshot in a release row as it is (without the items of a large release: see snapshotOf). */
function parseSnapshot(json: string | null): Pick<ReleaseSnapshot, 'venues' | 'items' | 'groups'> {
  return json ? (JSON.parse(json) as ReleaseSnapshot) : { venues: [], items: [], groups: [] }
}

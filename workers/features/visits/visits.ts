import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { InferOutput } from 'valibot'
import {
  groups,
  programmeItemGroups,
  programmeItems,
  venues,
  visits,
  visitVenues,
} from '../../../shared/db/schema'
import {
  type Actor,
  canOrganise,
  canReadTeam,
  visitAccess,
  visitRolesOf,
} from '../../../shared/domain/access'
import { nextDate, parseLocalDate, utcToZoned, zonedToUtc } from '../../../shared/domain/time'
import { MAX_VISIT_DAYS, visitDays } from '../../../shared/domain/visits'
import { DomainError } from '../../../shared/errors'
import { auditEntry, auditWhen, rowAtVersion } from '../../platform/audit'
import type { Config } from '../../platform/config'
import type { Database } from '../../platform/env'
import { guestRoomChanged } from './guest-room'
import type { VisitRow } from './queries'
import type { visitCreateSchema, visitUpdateSchema } from './schemas'
import { projectVenue } from './venues'

type Person = Extract<Actor, { kind: 'person' }>
export type VisitAccess = NonNullable<ReturnType<typeof visitAccess>>

/** 422 for one field, in the shape forms and the API show. */
export const fieldError = (field: string, message: string) =>
  new DomainError('validation_failed', undefined, { errors: [{ field, message }] })

/**
 * Loads a visit for an actor: 404 when it does not exist or they have no part in it (never confirming it
 * exists); 403 when they may see it but not do what `need` asks.
 */
export async function loadVisitFor(
  db: Database,
  actor: Actor,
  visitId: string,
  need: 'see' | 'organise' = 'see',
) {
  const [visit] = await db.select().from(visits).where(eq(visits.id, visitId)).limit(1)
  const access = visit ? visitAccess(actor, visit) : null
  if (!visit || !access) throw new DomainError('not_found')
  if (need === 'organise' && access !== 'organise') throw new DomainError('forbidden')
  return { visit, access }
}

/** What may be shown of a visit row to an access level: the budget is for the team only. */
export function projectVisit(visit: VisitRow, access: VisitAccess) {
  const { budgetCents, ...open } = visit
  return access === 'organise' || access === 'read' ? { ...open, budgetCents } : open
}

/**
 * A visit as the actor may see it. Team members see all of it (the budget too); a host sees the visit and
 * only their own venue with what happens there; a caterer only the catering items. Others: 404.
 */
export async function getVisit(db: Database, actor: Actor, visitId: string) {
  const { visit, access } = await loadVisitFor(db, actor, visitId)
  const [items, venueRows] = await db.batch([
    db
      .select()
      .from(programmeItems)
      .where(eq(programmeItems.visitId, visitId))
      .orderBy(asc(programmeItems.startsAt)),
    db.select().from(venues).where(eq(venues.teamId, visit.teamId)),
  ])
  const ownVenues = new Set(visitRolesOf(actor, visitId).flatMap((r) => (r.venueId ? [r.venueId] : [])))
  const full = access === 'organise' || access === 'read'
  // A host sees only what happens at their own venue; a caterer only the catering.
  const shownItems = full
    ? items
    : items.filter((i) =>
        access === 'host' ? i.venueId !== null && ownVenues.has(i.venueId) : i.kind === 'catering',
      )
  const itemVenues = new Set(shownItems.map((i) => i.venueId))
  const shownVenues = venueRows
    .filter((v) => full || (access === 'host' ? ownVenues.has(v.id) : itemVenues.has(v.id)))
    .map((v) => projectVenue(v, access === 'organise' ? 'organise' : access === 'host' ? 'host' : 'read'))
  return { access, visit: projectVisit(visit, access), items: shownItems, venues: shownVenues }
}

/** The visits of a team, newest first (team members only). */
export async function listTeamVisits(db: Database, actor: Actor, teamId: string) {
  if (!canReadTeam(actor, teamId)) throw new DomainError('not_found')
  const rows = await db.select().from(visits).where(eq(visits.teamId, teamId)).orderBy(asc(visits.startDate))
  return rows.reverse()
}

/** A readable slug from a title: 'Bezoek aan Vreewijk' → 'bezoek-aan-vreewijk'. */
export function slugify(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return base.length >= 3 ? base : `bezoek-${base || 'nieuw'}`
}

async function freeSlug(db: Database, wanted: string | undefined, title: string): Promise<string> {
  if (wanted) {
    const [taken] = await db.select({ id: visits.id }).from(visits).where(eq(visits.slug, wanted)).limit(1)
    if (taken) throw fieldError('slug', 'slugTaken')
    return wanted
  }
  const base = slugify(title)
  const existing = await db.select({ slug: visits.slug }).from(visits)
  const used = new Set(existing.map((r) => r.slug))
  if (!used.has(base)) return base
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`
}

/** Creates a draft visit (organisers of the team). */
export async function createVisit(
  db: Database,
  actor: Person,
  teamId: string,
  input: InferOutput<typeof visitCreateSchema>,
  now: Date,
) {
  if (!canReadTeam(actor, teamId)) throw new DomainError('not_found')
  if (!canOrganise(actor, teamId)) throw new DomainError('forbidden')
  const slug = await freeSlug(db, input.slug, input.title)
  const id = crypto.randomUUID()
  const row = { ...input, slug, id, teamId, status: 'draft' as const, createdAt: now }
  try {
    await db.batch([
      db.insert(visits).values(row),
      auditEntry(db, {
        teamId,
        actorId: actor.personId,
        action: 'visit.created',
        entityType: 'visit',
        entityId: id,
        after: { title: input.title, slug, startDate: input.startDate, endDate: input.endDate },
        at: now,
      }),
    ])
  } catch (error) {
    // Two people taking the same slug at once: the unique index decides.
    if (String(error).includes('UNIQUE')) throw fieldError('slug', 'slugTaken')
    throw error
  }
  return (await db.select().from(visits).where(eq(visits.id, id)))[0]!
}

/** Changes a visit; the slug is frozen once published; a stale version answers 409. */
export async function updateVisit(
  db: Database,
  config: Config,
  actor: Person,
  visitId: string,
  input: InferOutput<typeof visitUpdateSchema>,
  now: Date,
) {
  const { visit } = await loadVisitFor(db, actor, visitId, 'organise')
  const { version, ...patch } = input
  if (patch.slug !== undefined && patch.slug !== visit.slug) {
    if (visit.status !== 'draft') throw fieldError('slug', 'slugFrozen')
    const [taken] = await db
      .select({ id: visits.id })
      .from(visits)
      .where(eq(visits.slug, patch.slug))
      .limit(1)
    if (taken) throw fieldError('slug', 'slugTaken')
  }
  const startDate = patch.startDate ?? visit.startDate
  const endDate = patch.endDate ?? visit.endDate
  if (endDate < startDate) throw fieldError('endDate', 'endBeforeStart')
  if (visitDays(startDate, endDate) > MAX_VISIT_DAYS)
    throw fieldError('endDate', `visitTooLong:${MAX_VISIT_DAYS}`)
  const before = Object.fromEntries(Object.keys(patch).map((k) => [k, visit[k as keyof VisitRow]]))
  const [, updated] = await db.batch([
    // Before the update, while the version still tells whether this change is the one that applies.
    auditWhen(
      db,
      {
        teamId: visit.teamId,
        actorId: actor.personId,
        action: 'visit.updated',
        entityType: 'visit',
        entityId: visitId,
        before,
        after: patch,
        at: now,
      },
      rowAtVersion(visits, visitId, version),
    ),
    db
      .update(visits)
      .set({ ...patch, version: version + 1, updatedAt: now })
      .where(and(eq(visits.id, visitId), eq(visits.version, version)))
      .returning(),
  ])
  if (!updated[0])
    throw new DomainError('conflict', 'The visit was changed by someone else; look at the newest version.', {
      reason: 'stale',
    })
  // More room (or no limit any more): whoever waits and now fits moves up, with a mail.
  if (patch.rsvpCapacity !== undefined && patch.rsvpCapacity !== visit.rsvpCapacity) {
    await guestRoomChanged(db, config, visitId, now)
  }
  return updated[0]
}

/** Sets a visit's status: archived visits take no RSVPs; draft ↔ published follows releases. */
export async function setVisitStatus(
  db: Database,
  actor: Person,
  visitId: string,
  status: 'published' | 'archived' | 'draft',
  now: Date,
) {
  const { visit } = await loadVisitFor(db, actor, visitId, 'organise')
  await db.batch([
    db
      .update(visits)
      .set({ status, version: visit.version + 1, updatedAt: now })
      .where(eq(visits.id, visitId)),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: actor.personId,
      action: `visit.${status}`,
      entityType: 'visit',
      entityId: visitId,
      before: { status: visit.status },
      after: { status },
      at: now,
    }),
  ])
}

/**
 * Restores an archived visit (organisers): published again when it has a release, otherwise a draft. It is
 * editable again and, while its last day is not over, takes registrations again. Anything else: 409.
 */
export async function restoreVisit(db: Database, actor: Person, visitId: string, now: Date) {
  const { visit } = await loadVisitFor(db, actor, visitId, 'organise')
  if (visit.status !== 'archived')
    throw new DomainError('conflict', 'Only an archived visit can be restored.', { reason: 'stale' })
  const status = sql`CASE WHEN EXISTS (SELECT 1 FROM releases WHERE visit_id = ${visitId})
    THEN 'published' ELSE 'draft' END`
  const [restored] = await db.batch([
    db
      .update(visits)
      .set({ status, version: visit.version + 1, updatedAt: now })
      .where(and(eq(visits.id, visitId), eq(visits.status, 'archived')))
      .returning({ status: visits.status }),
    auditWhen(
      db,
      {
        teamId: visit.teamId,
        actorId: actor.personId,
        action: 'visit.restored',
        entityType: 'visit',
        entityId: visitId,
        before: { status: 'archived' },
        after: { restored: true },
        at: now,
      },
      sql`EXISTS (SELECT 1 FROM visits WHERE id = ${visitId} AND status <> 'archived' AND version = ${visit.version + 1})`,
    ),
  ])
  if (!restored[0])
    throw new DomainError('conflict', 'Only an archived visit can be restored.', { reason: 'stale' })
  return restored[0].status
}

/** Days between two local dates. */
function daysBetween(from: string, to: string): number {
  const [a, b] = [parseLocalDate(from), parseLocalDate(to)]
  return Math.round((Date.UTC(b[0], b[1] - 1, b[2]) - Date.UTC(a[0], a[1] - 1, a[2])) / 86_400_000)
}

function addDays(date: string, days: number): string {
  let d = date
  if (days >= 0) for (let i = 0; i < days; i++) d = nextDate(d)
  else {
    const [y, m, dd] = parseLocalDate(date)
    return new Date(Date.UTC(y, m - 1, dd + days)).toISOString().slice(0, 10)
  }
  return d
}

/**
 * Duplicates a visit as a template: same venues (with opening windows moved along), groups and programme,
 * shifted to the new first date at the same local times; a new draft without releases, guests or roles.
 */
export async function duplicateVisit(
  db: Database,
  actor: Person,
  visitId: string,
  input: { title: string; slug?: string | undefined; startDate: string },
  now: Date,
) {
  const { visit } = await loadVisitFor(db, actor, visitId, 'organise')
  const dayShift = daysBetween(visit.startDate, input.startDate)
  const slug = await freeSlug(db, input.slug, input.title)
  const newId = crypto.randomUUID()
  const [items, itemGroups, groupRows, vv] = await db.batch([
    db.select().from(programmeItems).where(eq(programmeItems.visitId, visitId)),
    db
      .select()
      .from(programmeItemGroups)
      .where(
        inArray(
          programmeItemGroups.itemId,
          db
            .select({ id: programmeItems.id })
            .from(programmeItems)
            .where(eq(programmeItems.visitId, visitId)),
        ),
      ),
    db.select().from(groups).where(eq(groups.visitId, visitId)),
    db.select().from(visitVenues).where(eq(visitVenues.visitId, visitId)),
  ])
  // The same wall-clock time on the shifted day, even across a DST change (not the same UTC offset).
  const shiftInstant = (at: Date | null) => {
    if (!at) return null
    const local = utcToZoned(at.getTime(), visit.timeZone)
    return new Date(zonedToUtc(addDays(local.date, dayShift), local.time, visit.timeZone))
  }
  const groupIdMap = new Map(groupRows.map((g) => [g.id, crypto.randomUUID()]))
  const itemIdMap = new Map(items.map((i) => [i.id, crypto.randomUUID()]))
  const { id: _id, createdAt: _c, updatedAt: _u, version: _v, ...copy } = visit
  const statements = [
    db.insert(visits).values({
      ...copy,
      id: newId,
      title: input.title,
      slug,
      status: 'draft',
      startDate: input.startDate,
      endDate: addDays(visit.endDate, dayShift),
      createdAt: now,
    }),
    ...groupRows.map((g) => db.insert(groups).values({ ...g, id: groupIdMap.get(g.id)!, visitId: newId })),
    ...vv.map((row) =>
      db.insert(visitVenues).values({
        ...row,
        visitId: newId,
        opensAt: shiftInstant(row.opensAt),
        closesAt: shiftInstant(row.closesAt),
      }),
    ),
    ...items.map((i) =>
      db.insert(programmeItems).values({
        ...i,
        id: itemIdMap.get(i.id)!,
        visitId: newId,
        startsAt: shiftInstant(i.startsAt)!,
        endsAt: shiftInstant(i.endsAt)!,
        version: 1,
        createdAt: now,
      }),
    ),
    ...itemGroups.map((ig) =>
      db
        .insert(programmeItemGroups)
        .values({ itemId: itemIdMap.get(ig.itemId)!, groupId: groupIdMap.get(ig.groupId)! }),
    ),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: actor.personId,
      action: 'visit.duplicated',
      entityType: 'visit',
      entityId: newId,
      after: { from: visitId, title: input.title, slug, startDate: input.startDate },
      at: now,
    }),
  ]
  await db.batch(statements as [(typeof statements)[number], ...(typeof statements)[number][]])
  return (await db.select().from(visits).where(eq(visits.id, newId)))[0]!
}

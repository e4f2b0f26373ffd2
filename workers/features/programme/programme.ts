import { and, eq, sql } from 'drizzle-orm'
import type { InferOutput } from 'valibot'
import { programmeItemGroups, programmeItems } from '../../../shared/db/schema'
import { type Actor, visitAccess } from '../../../shared/domain/access'
import { type Clash, type ClashInput, findClashes } from '../../../shared/domain/clashes'
import { expectedPeople } from '../../../shared/domain/expected-people'
import {
  legTimes,
  localInstant,
  localTimeProblemMessage,
  validateItemTimes,
} from '../../../shared/domain/programme'
import { type Fold, utcToZoned } from '../../../shared/domain/time'
import { DomainError, type FieldError } from '../../../shared/errors'
import { auditEntry, auditWhen } from '../../platform/audit'
import type { Database } from '../../platform/env'
import { projectVenue } from '../visits/venues'
import { getVisit, projectVisit } from '../visits/visits'
import { clashInputOf } from './clash-input'
import type { writeThenItemClashes } from './item-clashes'
import {
  type ItemRow,
  loadItemForChange,
  loadProgramme,
  loadProgrammeOfItem,
  type Programme,
  type ProgrammeItem,
  type ProgrammePlan,
  programmeFromBatch,
  programmeReads,
} from './queries'
import type { itemCreateSchema, itemUpdateSchema } from './schemas'

type Person = Extract<Actor, { kind: 'person' }>

/** A programme as its team sees it: their access, the programme and the clashes found in it. */
type SeenProgramme<P> = { access: 'organise' | 'read'; programme: P; clashes: Clash[] }

/**
 * The programme of a visit for its team (organisers and viewers), with the clashes found in it; with 'plan',
 * only what the editor and the clash list use (loadProgramme's plan).
 */
export function getProgramme(db: Database, actor: Actor, visitId: string): Promise<SeenProgramme<Programme>>
export function getProgramme(
  db: Database,
  actor: Actor,
  visitId: string,
  detail: 'plan',
): Promise<SeenProgramme<ProgrammePlan>>
export async function getProgramme(
  db: Database,
  actor: Actor,
  visitId: string,
  detail: 'full' | 'plan' = 'full',
): Promise<SeenProgramme<ProgrammePlan>> {
  // One round trip: the programme's batch carries the visit itself, so access is decided on it before
  // anything is returned (no separate look-up of the visit first).
  const programme =
    detail === 'plan' ? await loadProgramme(db, visitId, 'plan') : await loadProgramme(db, visitId)
  const access = programme ? visitAccess(actor, programme.visit) : null
  if (!programme || !access) throw new DomainError('not_found')
  if (access !== 'organise' && access !== 'read') throw new DomainError('forbidden')
  return { access, programme, clashes: findClashes(toClashInput(programme)) }
}

/**
 * The visit's overview page: what getVisit gives, and for the team how many clashes the draft has. For the
 * team both come from one programme load (the clash check needs it anyway), not the visit's items and venues
 * first and the whole programme again after. Hosts and caterers get getVisit's slice, without clashes.
 */
export async function visitOverview(db: Database, actor: Actor, visitId: string) {
  const programme = await loadProgramme(db, visitId)
  const access = programme ? visitAccess(actor, programme.visit) : null
  if (!programme || !access) throw new DomainError('not_found')
  if (access !== 'organise' && access !== 'read') {
    const slice = await getVisit(db, actor, visitId)
    // A host sees how many people to expect at each item at their venue: a number, never who.
    const expected =
      access === 'host'
        ? expectedPeople(toClashInput(programme), new Set(slice.items.map((i) => i.id)))
        : null
    return { ...slice, clashCount: null, expected }
  }
  return {
    access,
    visit: projectVisit(programme.visit, access),
    items: programme.items,
    venues: programme.venues.map((v) => projectVenue(v, access)),
    clashCount: findClashes(toClashInput(programme)).length,
    // What the checklist needs, from the same load: placed speakers, registrations, a release.
    facts: {
      speakers: programme.talks.filter((t) => t.state === 'accepted' || t.state === 'confirmed').length,
      registrations: programme.guests.length,
      releases: programme.releases.length,
    },
  }
}

/** The draft programme as the clash check sees it (see clashInputOf). */
export function toClashInput(p: ProgrammePlan): ClashInput {
  return clashInputOf({
    visit: p.visit,
    venues: p.venues,
    windows: p.visitVenues.map((w) => ({
      venueId: w.venueId,
      opensAt: w.opensAt?.getTime() ?? null,
      closesAt: w.closesAt?.getTime() ?? null,
    })),
    groups: p.groups,
    items: p.items.map((i) => ({
      ...i,
      start: i.startsAt.getTime(),
      end: i.endsAt.getTime(),
      legDepartsAt: i.legDepartsAt?.getTime() ?? null,
      legArrivesAt: i.legArrivesAt?.getTime() ?? null,
    })),
    participantCount: p.participantCount,
    guests: p.guests,
    talks: p.talks,
  })
}

// The expected attendance may be left out by callers inside the app (a talk slot's item): derived then.
type ItemInput = Omit<InferOutput<typeof itemCreateSchema>, 'expectedAttendance'> & {
  expectedAttendance?: number | null
}

/** Turns the local date and times of a form or API call into instants, with field errors when they do not fit. */
function itemInstants(
  input: {
    date: string
    start: string
    end: string
    endDate?: string | undefined
    startFold?: Fold | undefined
    endFold?: Fold | undefined
  },
  visit: Programme['visit'],
) {
  // A time the clocks skip or pass twice is refused (or asked about), never shifted silently.
  const s = localInstant(input.date, input.start, visit.timeZone, input.startFold)
  const e = localInstant(input.endDate ?? input.date, input.end, visit.timeZone, input.endFold)
  const local: FieldError[] = [
    ...(s.problem
      ? [
          {
            field: s.problem.code === 'twice' ? 'startFold' : 'start',
            message: localTimeProblemMessage(s.problem),
          },
        ]
      : []),
    ...(e.problem
      ? [
          {
            field: e.problem.code === 'twice' ? 'endFold' : 'end',
            message: localTimeProblemMessage(e.problem),
          },
        ]
      : []),
  ]
  const start = s.at
  const end = e.at
  if (local.length > 0) return { start, end, errors: local }
  const errors: FieldError[] = validateItemTimes({ start, end }, visit).map((p) => ({
    field: p.field,
    message: p.code === 'end_before_start' ? 'endBeforeStart' : 'outsideVisit',
  }))
  return { start, end, errors }
}

/** Venue and groups must belong to this visit's team and visit; never another team's. */
function checkReferences(
  known: { venueIds: ReadonlySet<string>; groupIds: ReadonlySet<string> },
  input: { venueId?: string | null; groupIds?: string[] },
): FieldError[] {
  const errors: FieldError[] = []
  if (input.venueId && !known.venueIds.has(input.venueId)) {
    errors.push({ field: 'venueId', message: 'unknownVenue' })
  }
  for (const [i, g] of (input.groupIds ?? []).entries()) {
    if (!known.groupIds.has(g)) errors.push({ field: `groupIds.${i}`, message: 'unknownGroup' })
  }
  return errors
}

/** The venues and groups of a loaded programme, for checkReferences. */
const referencesOf = (p: Programme) => ({
  venueIds: new Set(p.venues.map((v) => v.id)),
  groupIds: new Set(p.groups.map((g) => g.id)),
})

/** A 422 whose messages are dictionary keys; the error handler's callers translate them. */
export function invalid(errors: FieldError[]): never {
  throw new DomainError('validation_failed', undefined, { errors })
}

/** Something loaded with its visit, for someone who organises the visit: 404 without any part in it, 403 for the others. */
function organised<P extends { visit: Programme['visit'] }>(p: P | null, actor: Actor): P {
  const access = p ? visitAccess(actor, p.visit) : null
  if (!p || !access) throw new DomainError('not_found')
  if (access !== 'organise') throw new DomainError('forbidden')
  return p
}

/** The programme of a visit whose team the actor organises (403 otherwise), in one round trip. */
export async function programmeForOrganiser(db: Database, actor: Person, visitId: string) {
  return organised(await loadProgramme(db, visitId), actor)
}

/** Adds an item to the draft programme; clashes are reported, never refused. */
export async function createItem(db: Database, actor: Person, visitId: string, input: ItemInput, now: Date) {
  const p = await programmeForOrganiser(db, actor, visitId)
  const { start, end, errors } = itemInstants(input, p.visit)
  const leg = legTimes(input.date, input, p.visit.timeZone)
  const all = [...errors, ...leg.problems, ...checkReferences(referencesOf(p), input)]
  if (all.length) invalid(all)
  const id = crypto.randomUUID()
  const statements = [
    db.insert(programmeItems).values({
      id,
      visitId,
      venueId: input.venueId,
      kind: input.kind,
      title: input.title,
      description: input.description,
      startsAt: new Date(start),
      endsAt: new Date(end),
      legMode: input.legMode,
      departurePlace: input.departurePlace,
      arrivalPlace: input.arrivalPlace,
      ...leg.times,
      cancelled: input.cancelled,
      expectedAttendance: input.expectedAttendance ?? null,
      createdAt: now,
    }),
    ...input.groupIds.map((groupId) => db.insert(programmeItemGroups).values({ itemId: id, groupId })),
    auditEntry(db, {
      teamId: p.visit.teamId,
      actorId: actor.personId,
      action: 'item.created',
      entityType: 'programme_item',
      entityId: id,
      after: { title: input.title, start: new Date(start), end: new Date(end), venueId: input.venueId },
      at: now,
    }),
    // The programme as it is after the insert, read in the same round trip, for the clashes of the new item.
    ...programmeReads(db, visitId),
  ]
  const results = await db.batch(
    statements as [(typeof statements)[number], ...(typeof statements)[number][]],
  )
  return clashesOfItem(programmeFromBatch(results), id)
}

/** An item of a loaded programme with the clashes it is part of; 404 when either is gone. */
function clashesOfItem(p: Programme | null, itemId: string) {
  const item = p?.items.find((i) => i.id === itemId)
  if (!p || !item) throw new DomainError('not_found')
  return { item, clashes: findClashes(toClashInput(p)).filter((c) => c.itemIds.includes(itemId)) }
}

/**
 * Finds an item with its visit (one round trip, not the programme) and checks the actor may organise it;
 * with the venue and groups a change names, which of them are the visit's team's and the visit's.
 */
async function itemForOrganiser(
  db: Database,
  actor: Person,
  itemId: string,
  refs?: { venueId: string | null; groupIds: readonly string[] },
) {
  return organised(await loadItemForChange(db, itemId, refs), actor)
}

const stale = () =>
  new DomainError('conflict', 'This item was changed by someone else; look at the newest version.', {
    reason: 'stale',
  })

type ItemChange = InferOutput<typeof itemUpdateSchema>

/**
 * Changes an item, based on the version the editor saw. Groups, fields, version and the audit row change in
 * one batch whose every statement is guarded by that version: all of it applies, or (stale) none of it. Gives
 * the item's visit; with writeThenItemClashes (the API's answer) the item and its clashes after the change,
 * read back in that same batch from only what can clash with it, not the whole programme. The API passes it
 * in, so that the pages, which answer with a redirect, do not load it. Two round trips: the item with its
 * visit, then the batch.
 */
export function updateItem(
  db: Database,
  actor: Person,
  itemId: string,
  input: ItemChange,
  now: Date,
): Promise<{ visitId: string }>
export function updateItem(
  db: Database,
  actor: Person,
  itemId: string,
  input: ItemChange,
  now: Date,
  answer: typeof writeThenItemClashes,
): Promise<{ item: ProgrammeItem; clashes: Clash[] }>
export async function updateItem(
  db: Database,
  actor: Person,
  itemId: string,
  input: ItemChange,
  now: Date,
  answer?: typeof writeThenItemClashes,
) {
  const {
    version,
    date,
    start: startTime,
    end: endTime,
    endDate,
    startFold,
    endFold,
    legDeparts,
    legArrives,
    groupIds,
    ...fields
  } = input
  const refs = { venueId: fields.venueId ?? null, groupIds: groupIds ?? [] }
  const { item, visit, knownVenueIds, knownGroupIds } = await itemForOrganiser(db, actor, itemId, refs)
  if (item.version !== version) throw stale()
  const errors = checkReferences({ venueIds: knownVenueIds, groupIds: knownGroupIds }, refs)
  let times: { startsAt: Date; endsAt: Date } | Record<string, never> = {}
  if (date && startTime && endTime) {
    const t = itemInstants({ date, start: startTime, end: endTime, endDate, startFold, endFold }, visit)
    errors.push(...t.errors)
    times = { startsAt: new Date(t.start), endsAt: new Date(t.end) }
  }
  // The leg's times are read on the item's (new) start date.
  const leg = legTimes(
    date ?? utcToZoned(item.startsAt.getTime(), visit.timeZone).date,
    { legDeparts, legArrives },
    visit.timeZone,
  )
  errors.push(...leg.problems)
  if (errors.length) invalid(errors)
  const atVersion = and(eq(programmeItems.id, itemId), eq(programmeItems.version, version))
  const stillAtVersion = sql`(select ${programmeItems.version} from ${programmeItems} where ${programmeItems.id} = ${itemId}) = ${version}`
  const groupStatements =
    groupIds === undefined
      ? []
      : [
          db.delete(programmeItemGroups).where(and(eq(programmeItemGroups.itemId, itemId), stillAtVersion)),
          // One row from the item itself when (and only when) it is still at the version the editor saw.
          ...groupIds.map((groupId) =>
            db.insert(programmeItemGroups).select(
              db
                .select({ itemId: programmeItems.id, groupId: sql<string>`${groupId}`.as('group_id') })
                .from(programmeItems)
                .where(atVersion),
            ),
          ),
        ]
  const change = { ...fields, ...times, ...leg.times }
  const before = Object.fromEntries(Object.keys(change).map((k) => [k, item[k as keyof ItemRow]]))
  const statements = [
    ...groupStatements,
    // Before the update, while the version still tells whether this change is the one that applies.
    auditWhen(
      db,
      {
        teamId: visit.teamId,
        actorId: actor.personId,
        action: 'item.updated',
        entityType: 'programme_item',
        entityId: itemId,
        before: groupIds ? { ...before, groupIds: item.groupIds } : before,
        after: groupIds ? { ...change, groupIds } : change,
        at: now,
      },
      stillAtVersion,
    ),
    db
      .update(programmeItems)
      .set({ ...change, version: version + 1 })
      .where(atVersion)
      .returning({ id: programmeItems.id }),
  ]
  if (answer) {
    const saved = await answer(db, statements, itemId)
    if (saved.written[groupStatements.length + 1]?.length === 0) throw stale()
    if (!saved.item) throw new DomainError('not_found')
    return { item: saved.item, clashes: saved.clashes }
  }
  const results = await db.batch(
    statements as [(typeof statements)[number], ...(typeof statements)[number][]],
  )
  const updated = results[groupStatements.length + 1] as { id: string }[]
  if (updated.length === 0) throw stale()
  return { visitId: item.visitId }
}

/** Removes an item from the draft (the published release keeps it until the next publish). */
export async function deleteItem(db: Database, actor: Person, itemId: string, version: number, now: Date) {
  const { item, visit } = await itemForOrganiser(db, actor, itemId)
  const [, gone] = await db.batch([
    auditWhen(
      db,
      {
        teamId: visit.teamId,
        actorId: actor.personId,
        action: 'item.deleted',
        entityType: 'programme_item',
        entityId: itemId,
        before: { title: item.title, start: item.startsAt, end: item.endsAt },
        at: now,
      },
      sql`exists (select 1 from ${programmeItems} where ${programmeItems.id} = ${itemId} and ${programmeItems.version} = ${version})`,
    ),
    db
      .delete(programmeItems)
      .where(and(eq(programmeItems.id, itemId), eq(programmeItems.version, version)))
      .returning({ id: programmeItems.id }),
  ])
  if (gone.length === 0) throw stale()
  return { visitId: item.visitId }
}

/** One item with its visit's programme and the clashes it is part of, for the team (as getProgramme). */
export async function getItem(db: Database, actor: Actor, itemId: string) {
  // One round trip: the programme of the item's visit, found from the item inside the statements.
  const programme = await loadProgrammeOfItem(db, itemId)
  const access = programme ? visitAccess(actor, programme.visit) : null
  if (!programme || !access) throw new DomainError('not_found')
  if (access !== 'organise' && access !== 'read') throw new DomainError('forbidden')
  const { item, clashes } = clashesOfItem(programme, itemId)
  return { access, programme, item, clashes }
}

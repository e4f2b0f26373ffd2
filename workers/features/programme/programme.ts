import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { InferOutput } from 'valibot'
import {
  groups,
  participants,
  programmeItemGroups,
  programmeItems,
  venues,
  visitVenues,
} from '../../../shared/db/schema'
import { type Actor, visitAccess } from '../../../shared/domain/access'
import { type Clash, type ClashInput, findClashes } from '../../../shared/domain/clashes'
import { shiftLater, validateItemTimes } from '../../../shared/domain/programme'
import { knownAvailability, parseAvailability } from '../../../shared/domain/talks'
import { zonedToUtc } from '../../../shared/domain/time'
import { DomainError, type FieldError } from '../../../shared/errors'
import { auditEntry } from '../../platform/audit'
import type { Database } from '../../platform/env'
import type { visitVenueSchema } from '../visits/schemas'
import { projectVenue } from '../visits/venues'
import { fieldError, getVisit, loadVisitFor, projectVisit, type VisitAccess } from '../visits/visits'
import { type ItemRow, loadProgramme, type Programme, type ProgrammePlan } from './queries'
import type {
  groupSchema,
  itemCreateSchema,
  itemUpdateSchema,
  participantCreateSchema,
  participantUpdateSchema,
  runningLateSchema,
} from './schemas'

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
    return { ...(await getVisit(db, actor, visitId)), clashCount: null }
  }
  return {
    access,
    visit: projectVisit(programme.visit, access),
    items: programme.items,
    venues: programme.venues.map((v) => projectVenue(v, access)),
    clashCount: findClashes(toClashInput(programme)).length,
  }
}

/**
 * The draft programme as the clash check sees it. A travel item (train, coach) breaks the walking chain: it
 * gets a place of its own without coordinates, as the company is not walking from the previous venue.
 */
export function toClashInput(p: ProgrammePlan): ClashInput {
  const windows = new Map(p.visitVenues.map((vv) => [vv.venueId, vv]))
  const travelPlaces = p.items
    .filter((i) => i.kind === 'travel')
    .map((i) => ({
      id: `travel:${i.id}`,
      name: i.arrivalPlace ?? i.title,
      lat: null,
      lng: null,
      capacity: null,
    }))
  return {
    visit: {
      startDate: p.visit.startDate,
      endDate: p.visit.endDate,
      timeZone: p.visit.timeZone,
      walkingSpeedKmh: p.visit.walkingSpeedKmh,
      expectedGuests: p.visit.expectedGuests,
    },
    venues: [
      ...p.venues.map((v) => {
        const w = windows.get(v.id)
        return {
          id: v.id,
          name: v.name,
          lat: v.lat,
          lng: v.lng,
          capacity: v.capacity,
          openingWindow:
            w?.opensAt && w.closesAt ? { start: w.opensAt.getTime(), end: w.closesAt.getTime() } : null,
        }
      }),
      ...travelPlaces,
    ],
    groups: p.groups.map((g) => ({ id: g.id, name: g.name, size: g.size })),
    items: p.items.map((i) => ({
      id: i.id,
      title: i.title,
      start: i.startsAt.getTime(),
      end: i.endsAt.getTime(),
      venueId: i.kind === 'travel' ? `travel:${i.id}` : i.venueId,
      groupIds: i.groupIds,
      legMode: i.legMode === 'cycle' ? 'cycle' : i.legMode === 'walk' ? 'walk' : 'bus',
      kind: i.kind,
      cancelled: i.cancelled,
    })),
    ...talkClashInput(p),
  }
}

/**
 * The placed talks and their speakers as the clash check sees them: availability outside an item (the
 * intersection when several speak) and speakers double-booked. No ranges given means "not checked".
 */
function talkClashInput(p: ProgrammePlan): Pick<ClashInput, 'speakers' | 'talks'> {
  const speakers = new Map<string, ClashInput['speakers'][number]>()
  for (const talk of p.talks) {
    for (const s of talk.speakers) {
      speakers.set(s.speakerId, {
        id: s.speakerId,
        name: s.name,
        availability: knownAvailability(parseAvailability(s.availability)),
      })
    }
  }
  return {
    speakers: [...speakers.values()],
    talks: p.talks.map((t) => ({
      id: t.id,
      title: t.title,
      itemId: t.itemId,
      speakerIds: t.speakers.map((s) => s.speakerId),
    })),
  }
}

type ItemInput = InferOutput<typeof itemCreateSchema>

/** Turns the local date and times of a form or API call into instants, with field errors when they do not fit. */
function itemInstants(
  input: { date: string; start: string; end: string; endDate?: string | undefined },
  visit: Programme['visit'],
) {
  const start = zonedToUtc(input.date, input.start, visit.timeZone)
  const end = zonedToUtc(input.endDate ?? input.date, input.end, visit.timeZone)
  const errors: FieldError[] = validateItemTimes({ start, end }, visit).map((p) => ({
    field: p.field,
    message: p.code === 'end_before_start' ? 'endBeforeStart' : 'outsideVisit',
  }))
  return { start, end, errors }
}

/** Venue and groups must belong to this visit's team and visit; never another team's. */
function checkReferences(
  p: Programme,
  input: { venueId?: string | null; groupIds?: string[] },
): FieldError[] {
  const errors: FieldError[] = []
  if (input.venueId && !p.venues.some((v) => v.id === input.venueId)) {
    errors.push({ field: 'venueId', message: 'unknownVenue' })
  }
  const known = new Set(p.groups.map((g) => g.id))
  for (const [i, g] of (input.groupIds ?? []).entries()) {
    if (!known.has(g)) errors.push({ field: `groupIds.${i}`, message: 'unknownGroup' })
  }
  return errors
}

/** A 422 whose messages are dictionary keys; the error handler's callers translate them. */
function invalid(errors: FieldError[]): never {
  throw new DomainError('validation_failed', undefined, { errors })
}

async function programmeForOrganiser(db: Database, actor: Person, visitId: string) {
  await loadVisitFor(db, actor, visitId, 'organise')
  const p = await loadProgramme(db, visitId)
  if (!p) throw new DomainError('not_found')
  return p
}

/** Adds an item to the draft programme; clashes are reported, never refused. */
export async function createItem(db: Database, actor: Person, visitId: string, input: ItemInput, now: Date) {
  const p = await programmeForOrganiser(db, actor, visitId)
  const { start, end, errors } = itemInstants(input, p.visit)
  const all = [...errors, ...checkReferences(p, input)]
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
      cancelled: input.cancelled,
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
  ]
  await db.batch(statements as [(typeof statements)[number], ...(typeof statements)[number][]])
  return itemWithClashes(db, visitId, id)
}

/** An item of the programme with the clashes it is part of. */
export async function itemWithClashes(db: Database, visitId: string, itemId: string) {
  const p = await loadProgramme(db, visitId)
  const item = p?.items.find((i) => i.id === itemId)
  if (!p || !item) throw new DomainError('not_found')
  return { item, clashes: findClashes(toClashInput(p)).filter((c) => c.itemIds.includes(itemId)) }
}

/** Finds an item and checks the actor may organise its visit. */
async function itemForOrganiser(db: Database, actor: Person, itemId: string) {
  const [item] = await db.select().from(programmeItems).where(eq(programmeItems.id, itemId)).limit(1)
  if (!item) throw new DomainError('not_found')
  const p = await programmeForOrganiser(db, actor, item.visitId)
  return { item: p.items.find((i) => i.id === itemId)!, p }
}

const stale = () =>
  new DomainError('conflict', 'This item was changed by someone else; look at the newest version.')

/**
 * Changes an item, based on the version the editor saw. Groups, fields and version change in one batch
 * whose every statement is guarded by that version: all of it applies, or (stale) none of it.
 */
export async function updateItem(
  db: Database,
  actor: Person,
  itemId: string,
  input: InferOutput<typeof itemUpdateSchema>,
  now: Date,
) {
  const { item, p } = await itemForOrganiser(db, actor, itemId)
  const { version, date, start: startTime, end: endTime, endDate, groupIds, ...fields } = input
  if (item.version !== version) throw stale()
  const errors = checkReferences(p, { venueId: fields.venueId ?? null, groupIds: groupIds ?? [] })
  let times: { startsAt: Date; endsAt: Date } | Record<string, never> = {}
  if (date && startTime && endTime) {
    const t = itemInstants({ date, start: startTime, end: endTime, endDate }, p.visit)
    errors.push(...t.errors)
    times = { startsAt: new Date(t.start), endsAt: new Date(t.end) }
  }
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
  const change = { ...fields, ...times }
  const before = Object.fromEntries(Object.keys(change).map((k) => [k, item[k as keyof ItemRow]]))
  const statements = [
    ...groupStatements,
    db
      .update(programmeItems)
      .set({ ...change, version: version + 1 })
      .where(atVersion)
      .returning({ id: programmeItems.id }),
  ]
  const results = await db.batch(
    statements as [(typeof statements)[number], ...(typeof statements)[number][]],
  )
  const updated = results[results.length - 1] as { id: string }[]
  if (updated.length === 0) throw stale()
  await auditEntry(db, {
    teamId: p.visit.teamId,
    actorId: actor.personId,
    action: 'item.updated',
    entityType: 'programme_item',
    entityId: itemId,
    before: groupIds ? { ...before, groupIds: item.groupIds } : before,
    after: groupIds ? { ...change, groupIds } : change,
    at: now,
  })
  return itemWithClashes(db, item.visitId, itemId)
}

/** Removes an item from the draft (the published release keeps it until the next publish). */
export async function deleteItem(db: Database, actor: Person, itemId: string, version: number, now: Date) {
  const { item, p } = await itemForOrganiser(db, actor, itemId)
  const gone = await db
    .delete(programmeItems)
    .where(and(eq(programmeItems.id, itemId), eq(programmeItems.version, version)))
    .returning({ id: programmeItems.id })
  if (gone.length === 0) throw stale()
  await auditEntry(db, {
    teamId: p.visit.teamId,
    actorId: actor.personId,
    action: 'item.deleted',
    entityType: 'programme_item',
    entityId: itemId,
    before: { title: item.title, start: item.startsAt, end: item.endsAt },
    at: now,
  })
}

/**
 * "Running late": every later item of a group (items for everyone included) moves by N minutes, in one
 * batch. From `from` (local) or, by default, now.
 */
export async function runLate(
  db: Database,
  actor: Person,
  visitId: string,
  input: InferOutput<typeof runningLateSchema>,
  now: Date,
) {
  const p = await programmeForOrganiser(db, actor, visitId)
  if (input.groupId && !p.groups.some((g) => g.id === input.groupId)) {
    invalid([{ field: 'groupId', message: 'unknownGroup' }])
  }
  const fromInstant = input.from
    ? zonedToUtc(input.from.date, input.from.time, p.visit.timeZone)
    : now.getTime()
  const shifted = shiftLater(
    p.items.map((i) => ({
      id: i.id,
      start: i.startsAt.getTime(),
      end: i.endsAt.getTime(),
      groupIds: i.groupIds,
      cancelled: i.cancelled,
    })),
    { groupId: input.groupId, fromInstant, minutes: input.minutes },
  )
  if (shifted.length === 0) return { moved: [] as string[] }
  const statements = [
    ...shifted.map((s) =>
      db
        .update(programmeItems)
        .set({
          startsAt: new Date(s.start),
          endsAt: new Date(s.end),
          version: sql`${programmeItems.version} + 1`,
        })
        .where(eq(programmeItems.id, s.id)),
    ),
    auditEntry(db, {
      teamId: p.visit.teamId,
      actorId: actor.personId,
      action: 'programme.running_late',
      entityType: 'visit',
      entityId: visitId,
      after: { groupId: input.groupId, minutes: input.minutes, items: shifted.length },
      at: now,
    }),
  ]
  await db.batch(statements as [(typeof statements)[number], ...(typeof statements)[number][]])
  return { moved: shifted.map((s) => s.id) }
}

// --- groups -------------------------------------------------------------------------------------------------

/** Adds a group to a visit's company. */
export async function createGroup(
  db: Database,
  actor: Person,
  visitId: string,
  input: InferOutput<typeof groupSchema>,
  now: Date,
) {
  const { visit } = await loadVisitFor(db, actor, visitId, 'organise')
  const id = crypto.randomUUID()
  await db.batch([
    db.insert(groups).values({ id, visitId, ...input }),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: actor.personId,
      action: 'group.created',
      entityType: 'group',
      entityId: id,
      after: input,
      at: now,
    }),
  ])
  return { id, visitId, ...input }
}

async function groupForOrganiser(db: Database, actor: Person, groupId: string) {
  const [group] = await db.select().from(groups).where(eq(groups.id, groupId)).limit(1)
  if (!group) throw new DomainError('not_found')
  const { visit } = await loadVisitFor(db, actor, group.visitId, 'organise')
  return { group, visit }
}

/** One group for its visit's team: the group, its visit, and how many items and people it has. */
export async function getGroup(db: Database, actor: Actor, groupId: string) {
  const [group] = await db.select().from(groups).where(eq(groups.id, groupId)).limit(1)
  if (!group) throw new DomainError('not_found')
  const { visit, access } = await loadVisitFor(db, actor, group.visitId)
  if (access !== 'organise' && access !== 'read') throw new DomainError('forbidden')
  const [[items], [people]] = await db.batch([
    db
      .select({ n: sql<number>`count(*)` })
      .from(programmeItemGroups)
      .where(eq(programmeItemGroups.groupId, groupId)),
    db
      .select({ n: sql<number>`count(*)` })
      .from(participants)
      // By visit first: participants are indexed by visit, not by group.
      .where(and(eq(participants.visitId, group.visitId), eq(participants.groupId, groupId))),
  ])
  return { access, visit, group, items: items?.n ?? 0, people: people?.n ?? 0 }
}

/** Renames or reorders a group. */
export async function updateGroup(
  db: Database,
  actor: Person,
  groupId: string,
  input: InferOutput<typeof groupSchema>,
  now: Date,
) {
  const { group, visit } = await groupForOrganiser(db, actor, groupId)
  await db.batch([
    db.update(groups).set(input).where(eq(groups.id, groupId)),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: actor.personId,
      action: 'group.updated',
      entityType: 'group',
      entityId: groupId,
      before: { name: group.name, position: group.position },
      after: input,
      at: now,
    }),
  ])
  return { ...group, ...input }
}

/** Removes a group; its items become items for everyone else who had them (the group rows go). Gives its visit. */
export async function deleteGroup(
  db: Database,
  actor: Person,
  groupId: string,
  now: Date,
): Promise<{ visitId: string }> {
  const { group, visit } = await groupForOrganiser(db, actor, groupId)
  await db.batch([
    db.delete(groups).where(eq(groups.id, groupId)),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: actor.personId,
      action: 'group.deleted',
      entityType: 'group',
      entityId: groupId,
      before: { name: group.name },
      at: now,
    }),
  ])
  return { visitId: group.visitId }
}

// --- participants -------------------------------------------------------------------------------------------

type ParticipantRow = typeof participants.$inferSelect

/** Contact and dietary needs are for the organisers only. */
export function projectParticipant(p: ParticipantRow, access: VisitAccess) {
  const { contact, dietaryNeeds, ...open } = p
  return access === 'organise' ? { ...open, contact, dietaryNeeds } : open
}

/** The visiting company (team members; viewers without private fields). */
export async function listParticipants(db: Database, actor: Actor, visitId: string) {
  const { access } = await loadVisitFor(db, actor, visitId)
  if (access !== 'organise' && access !== 'read') throw new DomainError('forbidden')
  const rows = await db.select().from(participants).where(eq(participants.visitId, visitId))
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'nl')).map((r) => projectParticipant(r, access))
}

async function checkGroupOfVisit(db: Database, visitId: string, groupId: string | null | undefined) {
  if (!groupId) return
  const [g] = await db
    .select({ id: groups.id })
    .from(groups)
    .where(and(eq(groups.id, groupId), eq(groups.visitId, visitId)))
  if (!g) throw fieldError('groupId', 'unknownGroup')
}

/** Adds someone to the company. */
export async function createParticipant(
  db: Database,
  actor: Person,
  visitId: string,
  input: InferOutput<typeof participantCreateSchema>,
  now: Date,
) {
  const { visit } = await loadVisitFor(db, actor, visitId, 'organise')
  await checkGroupOfVisit(db, visitId, input.groupId)
  const id = crypto.randomUUID()
  const [rows] = await db.batch([
    db
      .insert(participants)
      .values({ id, visitId, ...input, createdAt: now })
      .returning(),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: actor.personId,
      action: 'participant.created',
      entityType: 'participant',
      entityId: id,
      after: input,
      at: now,
    }),
  ])
  return projectParticipant(rows[0]!, 'organise')
}

async function participantForOrganiser(db: Database, actor: Person, id: string) {
  const [row] = await db.select().from(participants).where(eq(participants.id, id)).limit(1)
  if (!row) throw new DomainError('not_found')
  const { visit } = await loadVisitFor(db, actor, row.visitId, 'organise')
  return { row, visit }
}

/** Changes someone in the company, based on the version seen. */
export async function updateParticipant(
  db: Database,
  actor: Person,
  id: string,
  input: InferOutput<typeof participantUpdateSchema>,
  now: Date,
) {
  const { row, visit } = await participantForOrganiser(db, actor, id)
  const { version, ...patch } = input
  await checkGroupOfVisit(db, row.visitId, patch.groupId)
  const updated = await db
    .update(participants)
    .set({ ...patch, version: version + 1 })
    .where(and(eq(participants.id, id), eq(participants.version, version)))
    .returning()
  if (!updated[0]) throw new DomainError('conflict', 'Changed by someone else; look at the newest version.')
  await auditEntry(db, {
    teamId: visit.teamId,
    actorId: actor.personId,
    action: 'participant.updated',
    entityType: 'participant',
    entityId: id,
    before: Object.fromEntries(Object.keys(patch).map((k) => [k, row[k as keyof ParticipantRow]])),
    after: patch,
    at: now,
  })
  return projectParticipant(updated[0], 'organise')
}

/** One person of the company for the team (viewers without contact and dietary needs), with the visit's groups. */
export async function getParticipant(db: Database, actor: Actor, id: string) {
  const [row] = await db.select().from(participants).where(eq(participants.id, id)).limit(1)
  if (!row) throw new DomainError('not_found')
  const { visit, access } = await loadVisitFor(db, actor, row.visitId)
  if (access !== 'organise' && access !== 'read') throw new DomainError('forbidden')
  const groupRows = await db
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .where(eq(groups.visitId, row.visitId))
    .orderBy(asc(groups.position), asc(groups.name))
  return { access, visit, participant: projectParticipant(row, access), groups: groupRows }
}

/** Removes someone from the company. */
export async function deleteParticipant(db: Database, actor: Person, id: string, now: Date) {
  const { row, visit } = await participantForOrganiser(db, actor, id)
  await db.batch([
    db.delete(participants).where(eq(participants.id, id)),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: actor.personId,
      action: 'participant.deleted',
      entityType: 'participant',
      entityId: id,
      before: { name: row.name },
      at: now,
    }),
  ])
}

// --- a venue in a visit -------------------------------------------------------------------------------------

/** Sets a venue's opening window and rain alternative for one visit (organisers, or the venue's host). */
export async function setVisitVenue(
  db: Database,
  actor: Person,
  visitId: string,
  venueId: string,
  input: InferOutput<typeof visitVenueSchema>,
  now: Date,
) {
  const { visit, access } = await loadVisitFor(db, actor, visitId)
  const hostsIt = actor.visitRoles.some(
    (r) => r.visitId === visitId && r.role === 'host' && r.venueId === venueId,
  )
  if (access !== 'organise' && !hostsIt) throw new DomainError(access === 'read' ? 'forbidden' : 'not_found')
  const ids = [venueId, ...(input.rainVenueId ? [input.rainVenueId] : [])]
  const found = await db
    .select({ id: venues.id })
    .from(venues)
    .where(and(inArray(venues.id, ids), eq(venues.teamId, visit.teamId)))
  if (!found.some((v) => v.id === venueId)) throw new DomainError('not_found')
  if (
    input.rainVenueId &&
    (input.rainVenueId === venueId || !found.some((v) => v.id === input.rainVenueId))
  ) {
    throw fieldError('rainVenueId', 'unknownVenue')
  }
  const day = input.opensDate ?? visit.startDate
  const window = {
    opensAt: input.opensAt ? new Date(zonedToUtc(day, input.opensAt, visit.timeZone)) : null,
    closesAt: input.closesAt ? new Date(zonedToUtc(day, input.closesAt, visit.timeZone)) : null,
    rainVenueId: input.rainVenueId,
  }
  await db.batch([
    db
      .insert(visitVenues)
      .values({ visitId, venueId, ...window })
      .onConflictDoUpdate({ target: [visitVenues.visitId, visitVenues.venueId], set: window }),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: actor.personId,
      action: 'visit_venue.set',
      entityType: 'venue',
      entityId: venueId,
      after: { visitId, ...window },
      at: now,
    }),
  ])
  return { visitId, venueId, ...window }
}

/** One item with its visit's programme and the clashes it is part of, for the team (as getProgramme). */
export async function getItem(db: Database, actor: Actor, itemId: string) {
  const [row] = await db
    .select({ visitId: programmeItems.visitId })
    .from(programmeItems)
    .where(eq(programmeItems.id, itemId))
    .limit(1)
  if (!row) throw new DomainError('not_found')
  const { access, programme, clashes } = await getProgramme(db, actor, row.visitId)
  const item = programme.items.find((i) => i.id === itemId)
  if (!item) throw new DomainError('not_found')
  return { access, programme, item, clashes: clashes.filter((c) => c.itemIds.includes(itemId)) }
}

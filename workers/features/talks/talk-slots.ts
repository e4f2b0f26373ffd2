import { and, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { InferOutput } from 'valibot'
import { programmeItems, talkSlots, talks, venues } from '../../../shared/db/schema'
import type { Actor } from '../../../shared/domain/access'
import { localInstant, localTimeProblemMessage, validateItemTimes } from '../../../shared/domain/programme'
import {
  isPlaceable,
  knownAvailability,
  type PickRefusal,
  parseAvailability,
  pickRefusal,
} from '../../../shared/domain/talks'
import { utcToZoned, zonedToUtc } from '../../../shared/domain/time'
import { DomainError, type ErrorReason, type FieldError } from '../../../shared/errors'
import { auditEntry, auditWhen } from '../../platform/audit'
import type { Database } from '../../platform/env'
import { queueMail } from '../../platform/mail/outbox'
import { createItem, toClashInput } from '../programme/programme'
import { loadProgramme } from '../programme/queries'
import type { RunningLateFollower } from '../programme/running-late'
import { publish } from '../releases/releases'
import { type SlotRow, slotOfTalk, slotsOfVisit, speakersOfTalks, talkAt } from './queries'
import type { slotSchema, talkPlaceNewSchema } from './schemas'
import { loadLink, type Person, talkForTeam, visitArchived, visitForTalks } from './talk-context'
import { type MovedTalk, mailLangOf, talkMovedMail } from './talk-mail'

/** The programme item a talk is placed in, with its venue's name; null when not placed. */
export async function itemOfTalk(db: Database, itemId: string | null) {
  if (!itemId) return null
  const [row] = await db
    .select({
      id: programmeItems.id,
      title: programmeItems.title,
      start: programmeItems.startsAt,
      end: programmeItems.endsAt,
      cancelled: programmeItems.cancelled,
      venueName: venues.name,
    })
    .from(programmeItems)
    .leftJoin(venues, eq(venues.id, programmeItems.venueId))
    .where(eq(programmeItems.id, itemId))
  return row ?? null
}

/** The slots of a visit no talk has taken yet, in time order. */
export async function freeSlotsFor(db: Database, visitId: string) {
  const rows = await slotsOfVisit(db, visitId)
  return rows
    .filter((r) => r.slot.talkId === null)
    .map((r) => ({ id: r.slot.id, start: r.slot.startsAt, end: r.slot.endsAt, venueName: r.venueName }))
}

/**
 * Giving back a slot, as statements guarded by `when`: the slot is free again, and an item the pick made for
 * it (a slot without an item of its own) is removed when no other talk is in it. Placing by the team, or a
 * talk leaving the programme, both give the slot back.
 */
export function slotReleaseStatements(
  db: Database,
  talk: { id: string; itemId: string | null },
  slot: SlotRow,
  when: SQL,
): BatchItem<'sqlite'>[] {
  const statements: BatchItem<'sqlite'>[] = [
    db
      .update(talkSlots)
      .set({ talkId: null })
      .where(and(eq(talkSlots.id, slot.id), eq(talkSlots.talkId, talk.id), when)),
  ]
  if (slot.itemId === null && talk.itemId !== null) {
    statements.push(
      db
        .delete(programmeItems)
        .where(
          and(
            eq(programmeItems.id, talk.itemId),
            when,
            sql`NOT EXISTS (SELECT 1 FROM ${talks} WHERE ${talks.itemId} = ${talk.itemId} AND ${talks.id} <> ${talk.id})`,
          ),
        ),
    )
  }
  return statements
}

// --- the team's slots ---------------------------------------------------------------------------------------

/** The slots of a visit for its team, with who took each. */
export async function slotsForTeam(db: Database, actor: Actor, visitId: string) {
  const { visit, access } = await visitForTalks(db, actor, visitId)
  const [rows, programme] = await Promise.all([slotsOfVisit(db, visitId), loadProgramme(db, visitId)])
  return {
    access,
    visit,
    slots: rows.map((r) => ({
      id: r.slot.id,
      start: r.slot.startsAt,
      end: r.slot.endsAt,
      venueName: r.venueName,
      itemId: r.slot.itemId,
      talkId: r.slot.talkId,
      talkTitle: r.talkTitle,
    })),
    venues: (programme?.venues ?? []).map((v) => ({ id: v.id, name: v.name })),
    items: (programme?.items ?? [])
      .filter((i) => !i.cancelled)
      .map((i) => ({ id: i.id, title: i.title, start: i.startsAt, end: i.endsAt })),
  }
}

/** Opens a slot for self-scheduling (organisers): on a day of the visit, at one of the team's venues, optionally within an item. */
export async function createSlot(
  db: Database,
  actor: Person,
  visitId: string,
  input: InferOutput<typeof slotSchema>,
  now: Date,
) {
  const { visit } = await visitForTalks(db, actor, visitId, 'organise')
  // A time the clocks skip is refused; one that happens twice (no choice on this form) is the first.
  const s = localInstant(input.date, input.start, visit.timeZone, 'earlier')
  const e = localInstant(input.date, input.end, visit.timeZone, 'earlier')
  const start = s.at
  const end = e.at
  const local: FieldError[] = [
    ...(s.problem ? [{ field: 'start', message: localTimeProblemMessage(s.problem) }] : []),
    ...(e.problem ? [{ field: 'end', message: localTimeProblemMessage(e.problem) }] : []),
  ]
  const errors: FieldError[] =
    local.length > 0
      ? local
      : validateItemTimes({ start, end }, visit).map((p) => ({
          field: p.field,
          message: p.code === 'end_before_start' ? 'endBeforeStart' : 'outsideVisit',
        }))
  const programme = await loadProgramme(db, visitId)
  if (input.venueId && !programme?.venues.some((v) => v.id === input.venueId)) {
    errors.push({ field: 'venueId', message: 'unknownVenue' })
  }
  if (input.itemId && !programme?.items.some((i) => i.id === input.itemId)) {
    errors.push({ field: 'itemId', message: 'talks.validation.unknownItem' })
  }
  if (errors.length) throw new DomainError('validation_failed', undefined, { errors })
  const id = crypto.randomUUID()
  await db.batch([
    db.insert(talkSlots).values({
      id,
      visitId,
      venueId: input.venueId,
      startsAt: new Date(start),
      endsAt: new Date(end),
      itemId: input.itemId,
    }),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: actor.personId,
      action: 'slot.created',
      entityType: 'slot',
      entityId: id,
      after: { start: new Date(start), end: new Date(end), venueId: input.venueId, itemId: input.itemId },
      at: now,
    }),
  ])
  return {
    id,
    start: new Date(start),
    end: new Date(end),
    venueId: input.venueId,
    itemId: input.itemId,
    talkId: null,
  }
}

/** The visit a slot belongs to (404 for an unknown slot); access is checked by what is done with it. */
export async function slotVisitId(db: Database, slotId: string) {
  const [slot] = await db
    .select({ visitId: talkSlots.visitId })
    .from(talkSlots)
    .where(eq(talkSlots.id, slotId))
  if (!slot) throw new DomainError('not_found')
  return slot.visitId
}

/** Removes a free slot (organisers); a taken slot answers 409: the speaker gives it back first, or the team places the talk. */
export async function deleteSlot(db: Database, actor: Person, slotId: string, now: Date) {
  const [slot] = await db.select().from(talkSlots).where(eq(talkSlots.id, slotId))
  if (!slot) throw new DomainError('not_found')
  const { visit } = await visitForTalks(db, actor, slot.visitId, 'organise')
  const free = and(eq(talkSlots.id, slotId), isNull(talkSlots.talkId))
  const [, gone] = await db.batch([
    // Logged first, while the slot is there: the entry stands exactly when the delete after it removes it.
    auditWhen(
      db,
      {
        teamId: visit.teamId,
        actorId: actor.personId,
        action: 'slot.deleted',
        entityType: 'slot',
        entityId: slotId,
        before: { start: slot.startsAt, end: slot.endsAt },
        at: now,
      },
      sql`EXISTS (SELECT 1 FROM ${talkSlots} WHERE ${free})`,
    ),
    db.delete(talkSlots).where(free).returning({ id: talkSlots.id }),
  ])
  if (gone.length === 0)
    throw new DomainError('conflict', 'This slot has been taken; it cannot be removed.', {
      reason: 'slot_taken',
    })
}

// --- a speaker takes a slot ---------------------------------------------------------------------------------

/** Why a pick was refused (409): the reason the page words, and the API's English detail. */
const pickRefused = {
  self_scheduling_off: 'The team schedules the talks themselves; slots cannot be chosen.',
  talk_not_confirmed: 'Only a confirmed talk can take a slot.',
  slot_already_held: 'The talk already holds a slot; give it back first.',
  slot_taken: 'This slot has just been taken by another talk.',
  slot_too_short: 'This slot is shorter than the talk.',
} satisfies Partial<Record<ErrorReason, string>>
const refusedPick = (reason: keyof typeof pickRefused) =>
  new DomainError('conflict', pickRefused[reason], { reason })
const reasonOfRefusal = {
  not_confirmed: 'talk_not_confirmed',
  already_scheduled: 'slot_already_held',
  taken: 'slot_taken',
  too_short: 'slot_too_short',
} as const

/** A pick refused because the speakers would clash there; the clash's own sentence goes with it, in both languages. */
export class ClashingPick extends DomainError {
  constructor(readonly clash: Extract<PickRefusal, { code: 'clash' }>['message']) {
    super('conflict', clash.en, { reason: 'slot_clash' })
  }
}

/**
 * A confirmed talk's main speaker takes a free slot through their link. A pick that would clash for the
 * speakers is refused with the clash (409); every refusal names its reason. Two picks of one slot at once: the
 * conditional UPDATE lets exactly one win; the unique index stops one talk from holding two slots.
 */
export async function pickSlotByToken(db: Database, token: string, slotId: string, now: Date) {
  const l = await loadLink(db, token)
  if (l.link.role !== 'main')
    throw new DomainError('forbidden', 'Only the main speaker can choose a time slot.')
  if (l.visit.status === 'archived') throw visitArchived()
  if (!l.call?.selfScheduling) throw refusedPick('self_scheduling_off')
  const [[slot], [held], people, programme] = await Promise.all([
    db
      .select()
      .from(talkSlots)
      .where(and(eq(talkSlots.id, slotId), eq(talkSlots.visitId, l.visit.id))),
    slotOfTalk(db, l.talk.id),
    speakersOfTalks(db, [l.talk.id]),
    loadProgramme(db, l.visit.id),
  ])
  if (!slot || !programme) throw new DomainError('not_found')
  const refusal = pickRefusal(
    { ...l.talk, heldSlotId: held?.slot.id ?? null },
    people.map((p) => ({
      id: p.speakerId,
      name: p.name,
      availability: knownAvailability(parseAvailability(p.availability)),
    })),
    {
      id: slot.id,
      start: slot.startsAt.getTime(),
      end: slot.endsAt.getTime(),
      venueId: slot.venueId,
      itemId: slot.itemId,
      takenBy: slot.talkId,
    },
    toClashInput(programme),
  )
  if (refusal?.code === 'clash') throw new ClashingPick(refusal.message)
  if (refusal) throw refusedPick(reasonOfRefusal[refusal.code])
  const taken = sql`EXISTS (SELECT 1 FROM ${talkSlots} WHERE ${talkSlots.id} = ${slot.id} AND ${talkSlots.talkId} = ${l.talk.id})`
  const newItemId = slot.itemId ?? crypto.randomUUID()
  const statements: BatchItem<'sqlite'>[] = [
    db
      .update(talkSlots)
      .set({ talkId: l.talk.id })
      .where(and(eq(talkSlots.id, slot.id), isNull(talkSlots.talkId))),
  ]
  if (!slot.itemId) {
    // An item of its own for the talk, made only when this pick won. The SELECT lists every column of
    // programme_items in the order of shared/db/schema.ts (drizzle names them so in the INSERT).
    statements.push(
      db.insert(programmeItems).select(
        sql`SELECT ${newItemId}, ${l.visit.id}, ${slot.venueId}, 'talk', ${l.talk.title}, '', ${slot.startsAt.getTime()},
          ${slot.endsAt.getTime()}, 'walk', NULL, NULL, NULL, NULL, 0, 1, ${now.getTime()}, NULL WHERE ${taken}`,
      ),
    )
  }
  statements.push(
    db
      .update(talks)
      .set({ itemId: newItemId, version: sql`${talks.version} + 1`, updatedAt: now })
      .where(and(eq(talks.id, l.talk.id), taken)),
    auditWhen(
      db,
      {
        teamId: l.visit.teamId,
        actorId: null,
        action: 'talk.slot_picked',
        entityType: 'talk',
        entityId: l.talk.id,
        after: { slotId: slot.id, start: slot.startsAt, end: slot.endsAt, itemId: newItemId },
        at: now,
      },
      taken,
    ),
  )
  try {
    await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
  } catch (error) {
    // The unique index on talk_id: this talk took another slot at the same moment.
    if (String(error).includes('UNIQUE')) throw refusedPick('slot_already_held')
    throw error
  }
  const [after] = await db
    .select({ talkId: talkSlots.talkId })
    .from(talkSlots)
    .where(eq(talkSlots.id, slot.id))
  if (after?.talkId !== l.talk.id) throw refusedPick('slot_taken')
}

/** The main speaker gives their slot back; the slot is free for others again. */
export async function releaseSlotByToken(db: Database, token: string, now: Date) {
  const l = await loadLink(db, token)
  if (l.link.role !== 'main') throw new DomainError('forbidden')
  if (l.visit.status === 'archived') throw visitArchived()
  const [held] = await slotOfTalk(db, l.talk.id)
  if (!held) return
  const version = l.talk.version + 1
  const marker = talkAt(l.talk.id, version)
  await db.batch([
    db
      .update(talks)
      .set({ version, updatedAt: now })
      .where(and(eq(talks.id, l.talk.id), eq(talks.version, l.talk.version))),
    ...slotReleaseStatements(db, l.talk, held.slot, marker),
    // Out of the slot's item too; an item the pick made is gone already (its talks are set to none).
    db
      .update(talks)
      .set({ itemId: null })
      .where(and(eq(talks.id, l.talk.id), marker)),
    auditWhen(
      db,
      {
        teamId: l.visit.teamId,
        actorId: null,
        action: 'talk.slot_released',
        entityType: 'talk',
        entityId: l.talk.id,
        before: { slotId: held.slot.id },
        at: now,
      },
      marker,
    ),
  ])
}

// --- the team places talks ----------------------------------------------------------------------------------

/**
 * Places an accepted or confirmed talk in a programme item of its visit, or takes it out (null). Clashes
 * are warnings for the team, never a refusal. A slot the talk held is given back.
 */
export async function placeTalk(
  db: Database,
  actor: Person,
  talkId: string,
  itemId: string | null,
  now: Date,
) {
  const { talk, visit } = await talkForTeam(db, actor, talkId, 'organise')
  if (itemId !== null && !isPlaceable(talk.state)) {
    throw new DomainError('conflict', 'Only accepted or confirmed talks can be placed in the programme.')
  }
  if (itemId !== null) {
    const [item] = await db
      .select({ id: programmeItems.id })
      .from(programmeItems)
      .where(and(eq(programmeItems.id, itemId), eq(programmeItems.visitId, visit.id)))
    if (!item)
      throw new DomainError('validation_failed', undefined, {
        errors: [{ field: 'itemId', message: 'talks.validation.unknownItem' }],
      })
  }
  const [held] = await slotOfTalk(db, talkId)
  const version = talk.version + 1
  const marker = talkAt(talkId, version)
  const statements: BatchItem<'sqlite'>[] = [
    db
      .update(talks)
      .set({ version, updatedAt: now })
      .where(and(eq(talks.id, talkId), eq(talks.version, talk.version))),
    ...(held ? slotReleaseStatements(db, talk, held.slot, marker) : []),
    // Set after the slot's own item may have gone, so the new place is never lost with it.
    db
      .update(talks)
      .set({ itemId })
      .where(and(eq(talks.id, talkId), marker)),
    auditWhen(
      db,
      {
        teamId: visit.teamId,
        actorId: actor.personId,
        action: itemId ? 'talk.placed' : 'talk.unplaced',
        entityType: 'talk',
        entityId: talkId,
        before: { itemId: talk.itemId },
        after: { itemId },
        at: now,
      },
      marker,
    ),
  ]
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
  const [after] = await db.select({ version: talks.version }).from(talks).where(eq(talks.id, talkId))
  if (after?.version !== version)
    throw new DomainError('conflict', 'The talk was changed by someone else; look at the newest version.', {
      reason: 'stale',
    })
}

/** Places a talk in a new programme item of its own: its title, its duration, at a date, time and venue. */
export async function placeTalkInNewItem(
  db: Database,
  actor: Person,
  talkId: string,
  input: InferOutput<typeof talkPlaceNewSchema>,
  now: Date,
) {
  const { talk, visit } = await talkForTeam(db, actor, talkId, 'organise')
  if (!isPlaceable(talk.state)) {
    throw new DomainError('conflict', 'Only accepted or confirmed talks can be placed in the programme.')
  }
  const start = zonedToUtc(input.date, input.start, visit.timeZone)
  const end = utcToZoned(start + talk.durationMinutes * 60_000, visit.timeZone)
  const { item } = await createItem(
    db,
    actor,
    visit.id,
    {
      kind: 'talk',
      title: talk.title,
      description: '',
      date: input.date,
      start: input.start,
      end: end.time,
      endDate: end.date === input.date ? undefined : end.date,
      venueId: input.venueId,
      groupIds: [],
      legMode: 'walk',
      departurePlace: null,
      arrivalPlace: null,
      cancelled: false,
    },
    now,
  )
  await placeTalk(db, actor, talkId, item.id, now)
  return item
}

/** Talks in these states are on the programme (or may be): their speakers hear when their time moves. */
const scheduledStates = ['submitted', 'accepted', 'confirmed', 'waitlisted'] as const

/**
 * What running late means for talks and the public: the slots in the moved items move by the same minutes
 * (in the shift's batch, so a speaker never sees two times), each speaker whose talk moved gets one mail in
 * their talk's language, and when the organiser asked, the shifted programme is published at once.
 */
export const talksFollowRunningLate: RunningLateFollower = async (db, shift) => {
  const itemIds = shift.moved.map((m) => m.id)
  // A slot opened within an item has its item; one a speaker picked made an item for their talk.
  const inMovedItems = or(
    inArray(talkSlots.itemId, itemIds),
    inArray(talkSlots.talkId, db.select({ id: talks.id }).from(talks).where(inArray(talks.itemId, itemIds))),
  )
  const [slots, placed] = await Promise.all([
    db
      .select({
        id: talkSlots.id,
        talkId: talkSlots.talkId,
        startsAt: talkSlots.startsAt,
        endsAt: talkSlots.endsAt,
      })
      .from(talkSlots)
      .where(inMovedItems),
    db
      .select({ id: talks.id, title: talks.title, language: talks.language, itemId: talks.itemId })
      .from(talks)
      .where(and(inArray(talks.itemId, itemIds), inArray(talks.state, [...scheduledStates]))),
  ])
  const movedItem = new Map(shift.moved.map((m) => [m.id, m]))
  const slotOf = new Map(slots.flatMap((s) => (s.talkId ? [[s.talkId, s] as const] : [])))
  // A talk's time is its slot's when it holds one, else its item's; both moved by the same offset.
  const moved = placed.map((talk) => {
    const slot = slotOf.get(talk.id)
    const item = movedItem.get(talk.itemId ?? '')
    const now = slot ? slot.startsAt.getTime() + shift.offsetMs : (item?.start ?? 0)
    const end = slot ? slot.endsAt.getTime() + shift.offsetMs : (item?.end ?? 0)
    return { talk, mail: { title: talk.title, was: now - shift.offsetMs, now, end } }
  })
  const people =
    moved.length === 0
      ? []
      : await speakersOfTalks(
          db,
          moved.map((m) => m.talk.id),
        )
  // One mail per speaker, however many of their talks moved.
  const bySpeaker = new Map<string, { name: string; email: string; lang: 'nl' | 'en'; talks: MovedTalk[] }>()
  for (const person of people) {
    const m = moved.find((x) => x.talk.id === person.talkId)
    if (!m) continue
    const entry = bySpeaker.get(person.speakerId) ?? {
      name: person.name,
      email: person.email,
      lang: mailLangOf(m.talk),
      talks: [],
    }
    entry.talks.push(m.mail)
    bySpeaker.set(person.speakerId, entry)
  }
  const statements: BatchItem<'sqlite'>[] = [
    ...(slots.length === 0
      ? []
      : [
          db
            .update(talkSlots)
            .set({
              startsAt: sql`${talkSlots.startsAt} + ${shift.offsetMs}`,
              endsAt: sql`${talkSlots.endsAt} + ${shift.offsetMs}`,
            })
            .where(inMovedItems),
        ]),
    ...[...bySpeaker.values()].map((s) =>
      queueMail(
        db,
        shift.config,
        {
          to: s.email,
          kind: 'talk_moved',
          ...talkMovedMail(s.lang, {
            speakerName: s.name,
            visitTitle: shift.visit.title,
            timeZone: shift.visit.timeZone,
            talks: s.talks.sort((a, b) => a.now - b.now),
          }),
        },
        shift.now,
      ),
    ),
  ]
  return {
    statements,
    answer: { slotsMoved: slots.length, speakersMailed: bySpeaker.size },
    after: shift.publish
      ? async () => {
          const release = await publish(
            db,
            shift.config,
            shift.actor,
            shift.visit.id,
            {},
            shift.lang,
            shift.now,
          )
          return { published: { number: release.number, name: release.name } }
        }
      : undefined,
  }
}

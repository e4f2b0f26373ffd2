/**
 * What a speaker sees and does through their private link: the page's data, edits, decisions and
 * co-speakers.
 */
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { InferOutput } from 'valibot'
import { speakers, talkSpeakers, talks } from '../../../shared/db/schema'
import {
  availabilityFromLocal,
  availabilityToLocal,
  isClosed,
  parseAvailability,
  speakerMayEdit,
  speakerMove,
} from '../../../shared/domain/talks'
import { DomainError } from '../../../shared/errors'
import { auditEntry, auditWhen } from '../../platform/audit'
import { hashToken, randomToken } from '../../platform/auth/tokens'
import type { Config } from '../../platform/config'
import type { Database } from '../../platform/env'
import { queueMail } from '../../platform/mail/outbox'
import { checkTalkAgainstCall } from './call'
import { filesOfTalk, slotOfTalk, speakersOfTalks, talkAt } from './queries'
import {
  type availabilitySchema,
  type coSpeakerSchema,
  MAX_CO_SPEAKERS,
  type speakerProfileSchema,
  type talkEditSchema,
} from './schemas'
import {
  answersOf,
  invalid,
  json,
  type Link,
  loadLink,
  MAIN_ONLY,
  needsOf,
  requireActive,
  requireMain,
  talkLocked,
  talkStale,
  visitArchived,
} from './talk-context'
import { mailFor, mailLangOf, visitDateIn } from './talk-mail'
import { freeSlotsFor, itemOfTalk, slotReleaseStatements } from './talk-slots'

/** A speaker's own profile as their page shows it (availability in the visit's zone). */
function projectOwnSpeaker(s: Link['speaker'], timeZone: string) {
  return {
    id: s.id,
    name: s.name,
    email: s.email,
    bio: s.bio,
    organisation: s.organisation,
    consent: s.consent,
    needs: needsOf(s),
    hasPhoto: s.photoKey !== null,
    availability: availabilityToLocal(parseAvailability(s.availability), timeZone),
  }
}

/** Everything a speaker's page shows: the talk, themselves, the other speakers, files, placement and slots. */
export async function speakerView(db: Database, token: string) {
  const l = await loadLink(db, token)
  const [people, files, [held]] = await db.batch([
    speakersOfTalks(db, [l.talk.id]),
    filesOfTalk(db, l.talk.id),
    slotOfTalk(db, l.talk.id),
  ])
  const main = l.link.role === 'main'
  const canPick =
    main &&
    l.talk.state === 'confirmed' &&
    l.call?.selfScheduling === true &&
    !held &&
    l.visit.status !== 'archived'
  const [item, freeSlots] = await Promise.all([
    itemOfTalk(db, l.talk.itemId),
    canPick ? freeSlotsFor(db, l.visit.id) : Promise.resolve([]),
  ])
  return {
    visit: l.visit,
    call: l.call,
    role: l.link.role,
    confirmedAt: l.link.confirmedAt,
    talk: {
      id: l.talk.id,
      title: l.talk.title,
      abstract: l.talk.abstract,
      durationMinutes: l.talk.durationMinutes,
      language: l.talk.language,
      state: l.talk.state,
      answers: answersOf(l.talk),
      version: l.talk.version,
    },
    me: projectOwnSpeaker(l.speaker, l.visit.timeZone),
    others: people
      .filter((p) => p.speakerId !== l.speaker.id)
      .map((p) => ({
        speakerId: p.speakerId,
        name: p.name,
        // The main speaker typed the co-speakers' addresses; co-speakers see only names.
        email: main ? p.email : null,
        role: p.role,
        confirmed: p.confirmedAt !== null,
      })),
    files: files.map((f) => ({
      id: f.id,
      filename: f.filename,
      sizeBytes: f.sizeBytes,
      current: f.current,
      uploadedAt: f.uploadedAt,
    })),
    slot: held
      ? { id: held.slot.id, start: held.slot.startsAt, end: held.slot.endsAt, venueName: held.venueName }
      : null,
    item,
    freeSlots,
    may: {
      edit: main && speakerMayEdit(l.talk.state) && l.visit.status !== 'archived',
      update: !isClosed(l.talk.state) && l.visit.status !== 'archived',
      withdraw: main && speakerMove(l.talk.state, 'withdraw') !== null && l.visit.status !== 'archived',
      confirm:
        l.visit.status !== 'archived' &&
        (main ? l.talk.state === 'accepted' : !isClosed(l.talk.state) && l.link.confirmedAt === null),
      decline:
        l.visit.status !== 'archived' && (main ? l.talk.state === 'accepted' : !isClosed(l.talk.state)),
      addCoSpeakers: main && !isClosed(l.talk.state) && l.visit.status !== 'archived',
      pickSlot: canPick,
      releaseSlot: main && held !== undefined && l.visit.status !== 'archived',
    },
  }
}
export type SpeakerView = Awaited<ReturnType<typeof speakerView>>

/** The main speaker changes the talk while it is not yet accepted, based on the version they saw. */
export async function editTalkByToken(
  db: Database,
  token: string,
  input: InferOutput<typeof talkEditSchema>,
  now: Date,
) {
  const l = await loadLink(db, token)
  requireMain(l)
  requireActive(l)
  if (!speakerMayEdit(l.talk.state)) throw talkLocked()
  if (input.version !== l.talk.version) throw talkStale()
  if (!l.call) throw talkLocked()
  const checked = checkTalkAgainstCall(l.call, input)
  if (checked.problems.length) invalid(checked.problems)
  const patch = {
    title: input.title,
    abstract: input.abstract,
    durationMinutes: input.durationMinutes,
    language: input.language,
    answers: json(checked.answers),
  }
  const version = l.talk.version + 1
  const before = Object.fromEntries(Object.keys(patch).map((k) => [k, l.talk[k as keyof typeof patch]]))
  const [updated] = await db.batch([
    db
      .update(talks)
      .set({ ...patch, version, updatedAt: now })
      .where(
        and(
          eq(talks.id, l.talk.id),
          eq(talks.version, input.version),
          inArray(talks.state, ['draft', 'submitted', 'waitlisted']),
        ),
      )
      .returning({ id: talks.id }),
    auditWhen(
      db,
      {
        teamId: l.visit.teamId,
        actorId: null,
        action: 'talk.edited',
        entityType: 'talk',
        entityId: l.talk.id,
        before,
        after: patch,
        at: now,
      },
      talkAt(l.talk.id, version),
    ),
  ])
  if (updated.length === 0) throw talkStale()
}

/** A speaker changes what they told about themselves (any time while the talk is not over). */
export async function updateProfileByToken(
  db: Database,
  token: string,
  input: InferOutput<typeof speakerProfileSchema>,
  now: Date,
) {
  const l = await loadLink(db, token)
  requireActive(l)
  const patch = { ...input, needs: json(input.needs) }
  const before = Object.fromEntries(Object.keys(patch).map((k) => [k, l.speaker[k as keyof typeof patch]]))
  await db.batch([
    db.update(speakers).set(patch).where(eq(speakers.id, l.speaker.id)),
    auditEntry(db, {
      teamId: l.visit.teamId,
      actorId: null,
      action: 'speaker.updated',
      entityType: 'speaker',
      entityId: l.speaker.id,
      before,
      after: patch,
      at: now,
    }),
  ])
}

/** A speaker states when they can, in the visit's zone; ranges outside the visit's days are refused (422). */
export async function updateAvailabilityByToken(
  db: Database,
  token: string,
  input: InferOutput<typeof availabilitySchema>,
  now: Date,
) {
  const l = await loadLink(db, token)
  requireActive(l)
  const { intervals, problems } = availabilityFromLocal(input.availability, l.visit)
  if (problems.length) invalid(problems)
  await db.batch([
    db
      .update(speakers)
      .set({ availability: json(intervals) })
      .where(eq(speakers.id, l.speaker.id)),
    auditEntry(db, {
      teamId: l.visit.teamId,
      actorId: null,
      action: 'speaker.availability',
      entityType: 'speaker',
      entityId: l.speaker.id,
      before: { availability: parseAvailability(l.speaker.availability) },
      after: { availability: intervals },
      at: now,
    }),
  ])
}

/** What a speaker's action did, for the page that follows it. */
export type SpeakerActionOutcome = 'withdrawn' | 'confirmed' | 'declined'

/**
 * Withdraw, confirm or decline through a link. The main speaker decides for the talk (withdraw at any time;
 * confirm or decline once accepted); a co-speaker confirms or declines taking part (declining ends their
 * link). Every change is guarded by the state and version it was based on, and logged.
 */
export async function speakerActionByToken(
  db: Database,
  token: string,
  action: 'withdraw' | 'confirm' | 'decline',
  now: Date,
): Promise<SpeakerActionOutcome> {
  const l = await loadLink(db, token)
  if (l.visit.status === 'archived') throw visitArchived()
  const audit = { teamId: l.visit.teamId, actorId: null, entityType: 'talk', entityId: l.talk.id, at: now }
  if (l.link.role === 'co') {
    if (action === 'withdraw') throw new DomainError('forbidden', MAIN_ONLY)
    if (isClosed(l.talk.state)) throw talkLocked()
    const own = and(eq(talkSpeakers.talkId, l.talk.id), eq(talkSpeakers.speakerId, l.speaker.id))
    if (action === 'confirm') {
      if (l.link.confirmedAt !== null) return 'confirmed'
      await db.batch([
        db.update(talkSpeakers).set({ confirmedAt: now }).where(own),
        auditEntry(db, { ...audit, action: 'talk_speaker.confirmed', after: { speakerId: l.speaker.id } }),
      ])
      return 'confirmed'
    }
    await db.batch([
      db.delete(talkSpeakers).where(own),
      auditEntry(db, { ...audit, action: 'talk_speaker.declined', before: { speakerId: l.speaker.id } }),
    ])
    return 'declined'
  }
  const target = speakerMove(l.talk.state, action)
  if (target === null) throw talkLocked()
  const version = l.talk.version + 1
  const marker = talkAt(l.talk.id, version, target)
  const [held] = await slotOfTalk(db, l.talk.id)
  const statements: BatchItem<'sqlite'>[] = [
    db
      .update(talks)
      .set({ state: target, version, updatedAt: now, ...(target === 'withdrawn' ? { itemId: null } : {}) })
      .where(and(eq(talks.id, l.talk.id), eq(talks.version, l.talk.version), eq(talks.state, l.talk.state))),
    auditWhen(
      db,
      {
        ...audit,
        action: `talk.${target}`,
        before: { state: l.talk.state },
        after: { state: target, by: 'speaker' },
      },
      marker,
    ),
  ]
  if (target === 'confirmed') {
    statements.push(
      db
        .update(talkSpeakers)
        .set({ confirmedAt: now })
        .where(and(eq(talkSpeakers.talkId, l.talk.id), eq(talkSpeakers.speakerId, l.speaker.id), marker)),
    )
  } else if (held) {
    statements.push(...slotReleaseStatements(db, { id: l.talk.id, itemId: l.talk.itemId }, held.slot, marker))
  }
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
  const [after] = await db
    .select({ state: talks.state, version: talks.version })
    .from(talks)
    .where(eq(talks.id, l.talk.id))
  if (after?.version !== version || after.state !== target) throw talkStale()
  return action === 'decline' ? 'declined' : target === 'confirmed' ? 'confirmed' : 'withdrawn'
}

/** The main speaker adds a co-speaker by e-mail; they get their own link to confirm. */
export async function addCoSpeakerByToken(
  db: Database,
  config: Config,
  token: string,
  input: InferOutput<typeof coSpeakerSchema>,
  now: Date,
) {
  const l = await loadLink(db, token)
  requireMain(l)
  requireActive(l)
  const present = await speakersOfTalks(db, [l.talk.id])
  if (present.some((p) => p.email === input.email))
    invalid([{ field: 'email', message: 'talks.validation.coSpeakerTwice' }])
  if (present.filter((p) => p.role === 'co').length >= MAX_CO_SPEAKERS)
    invalid([{ field: 'email', message: 'talks.validation.tooManyCoSpeakers' }])
  const [existing] = await db
    .select({ id: speakers.id, name: speakers.name })
    .from(speakers)
    .where(and(eq(speakers.visitId, l.visit.id), eq(speakers.email, input.email)))
  const speakerId = existing?.id ?? crypto.randomUUID()
  const lang = mailLangOf(l.talk)
  const coToken = randomToken()
  const statements: BatchItem<'sqlite'>[] = []
  if (!existing) {
    statements.push(
      db
        .insert(speakers)
        .values({ id: speakerId, visitId: l.visit.id, name: input.name, email: input.email, createdAt: now }),
    )
  }
  statements.push(
    db
      .insert(talkSpeakers)
      .values({ talkId: l.talk.id, speakerId, role: 'co', tokenHash: await hashToken(coToken) }),
    queueMail(
      db,
      config,
      mailFor(config, 'co_speaker_invite', lang, input.email, coToken, {
        talkTitle: l.talk.title,
        visitTitle: l.visit.title,
        speakerName: existing?.name ?? input.name,
        date: visitDateIn(l.visit, lang),
        mainSpeaker: l.speaker.name,
      }),
      now,
    ),
    auditEntry(db, {
      teamId: l.visit.teamId,
      actorId: null,
      action: 'talk_speaker.added',
      entityType: 'talk',
      entityId: l.talk.id,
      after: { speakerId, email: input.email },
      at: now,
    }),
  )
  try {
    await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
  } catch (error) {
    if (String(error).includes('UNIQUE'))
      invalid([{ field: 'email', message: 'talks.validation.coSpeakerTwice' }])
    throw error
  }
}

/** The main speaker takes a co-speaker off the talk; that co-speaker's link stops working. */
export async function removeCoSpeakerByToken(db: Database, token: string, speakerId: string, now: Date) {
  const l = await loadLink(db, token)
  requireMain(l)
  requireActive(l)
  const theirs = and(
    eq(talkSpeakers.talkId, l.talk.id),
    eq(talkSpeakers.speakerId, speakerId),
    eq(talkSpeakers.role, 'co'),
  )
  const [, gone] = await db.batch([
    // Logged first, while the row is there: the entry stands exactly when the delete after it removes one.
    auditWhen(
      db,
      {
        teamId: l.visit.teamId,
        actorId: null,
        action: 'talk_speaker.removed',
        entityType: 'talk',
        entityId: l.talk.id,
        before: { speakerId },
        at: now,
      },
      sql`EXISTS (SELECT 1 FROM ${talkSpeakers} WHERE ${theirs})`,
    ),
    db.delete(talkSpeakers).where(theirs).returning({ speakerId: talkSpeakers.speakerId }),
  ])
  // Another talk's speaker, or one already gone: nothing this link may touch.
  if (gone.length === 0) throw new DomainError('not_found')
}

import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { InferOutput } from 'valibot'
import {
  auditLog,
  calls,
  people as peopleTable,
  speakers,
  talkReviews,
  talkSpeakers,
  talks,
  visits as visitsTable,
} from '../../../shared/db/schema'
import type { Actor } from '../../../shared/domain/access'
import { findClashes } from '../../../shared/domain/clashes'
import {
  availabilityFromLocal,
  availabilityToLocal,
  type CallQuestion,
  callProblem,
  checkAnswers,
  countByState,
  isClosed,
  nextQuestionId,
  organiserMayMove,
  organiserTargets,
  owedBy,
  parseAvailability,
  speakerMayEdit,
  speakerMove,
  type TalkProblem,
  type TalkState,
} from '../../../shared/domain/talks'
import { zonedToUtc } from '../../../shared/domain/time'
import { DomainError } from '../../../shared/errors'
import { type Lang, messagesFor } from '../../../shared/i18n'
import { formatLocalDate } from '../../../shared/i18n/format'
import { renderMail } from '../../../shared/mail/templates'
import { auditEntry } from '../../platform/audit'
import { hashToken, randomToken, tokenPattern } from '../../platform/auth/tokens'
import type { Config } from '../../platform/config'
import type { Database } from '../../platform/env'
import { queueMail } from '../../platform/mail/outbox'
import { toClashInput } from '../programme/programme'
import { loadProgramme } from '../programme/queries'
import { isValidShareLink } from '../visits/queries'
import { loadVisitFor } from '../visits/visits'
import {
  auditWhen,
  type Call,
  filesOfTalk,
  linkByTokenHash,
  parseCall,
  slotOfTalk,
  speakersOfTalks,
  type TalkRow,
  type TalkSpeaker,
  talkAt,
  talksOfVisit,
  visitFields,
  visitWithCallBySlug,
} from './queries'
import {
  type availabilitySchema,
  type callSchema,
  type coSpeakerSchema,
  MAX_CO_SPEAKERS,
  type speakerProfileSchema,
  type talkEditSchema,
  type talkReviewSchema,
  type talkSubmissionSchema,
} from './schemas'
import { decisionMails, previewDecision } from './talk-mail'
import { freeSlotsFor, itemOfTalk, slotReleaseStatements } from './talk-slots'

type Person = Extract<Actor, { kind: 'person' }>

/** Sentences the API answers with when a talk cannot change now; pages show their own words for each. */
export const TALK_LOCKED = 'The talk can no longer be changed through this link in its current state.'
export const TALK_STALE = 'The talk was changed elsewhere; look at the newest version.'
export const VISIT_ARCHIVED = 'The visit is archived; nothing was changed.'
export const MAIN_ONLY = 'Only the main speaker can do this.'

/** A 422 whose messages are dictionary keys (translated by the error handler and the forms). */
function invalid(problems: TalkProblem[]): never {
  throw new DomainError('validation_failed', undefined, { errors: problems })
}

/** The private page of a speaker's link. */
export const talkLink = (config: Config, token: string) => `${config.publicUrl.replace(/\/$/, '')}/t/${token}`

/** Mails about a talk go out in the language it is given in: the speaker chose it. */
export const mailLangOf = (talk: { language: string }): Lang => (talk.language === 'en' ? 'en' : 'nl')

/** The visit's first day written out in a language, for mails. */
export const visitDateIn = (visit: { startDate: string }, lang: Lang) =>
  formatLocalDate(visit.startDate, messagesFor(lang).locale)

/** JSON columns as written: lists and maps, never anything else. */
const json = (value: unknown) => JSON.stringify(value)

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T
  } catch {
    return fallback
  }
}

/** A talk's stored answers. */
export const answersOf = (talk: TalkRow) => parseJson<Record<string, string>>(talk.answers, {})
/** A speaker's stored needs. */
export const needsOf = (row: { needs: string }) => parseJson<string[]>(row.needs, [])

// --- the call and submissions ------------------------------------------------------------------------------

/**
 * The call of a visit by slug, for the public form: 404 when the visit or its call does not exist, and for an
 * unlisted visit without a live share link (`?k=…`), as its public pages. An archived visit's call is closed
 * whatever it says.
 */
export async function callBySlug(db: Database, slug: string, now: Date, shareToken?: string) {
  const [row] = await visitWithCallBySlug(db, slug)
  if (!row?.call) throw new DomainError('not_found')
  if (!row.visit.listed && !(await isValidShareLink(db, row.visit.id, shareToken))) {
    throw new DomainError('not_found')
  }
  const call = parseCall(row.call)
  const problem = row.visit.status === 'archived' ? 'closed' : callProblem(call, now)
  return { visit: row.visit, call, problem }
}

/** The refusal of a submission to a call that takes none now: a message at the form's top, status 422. */
function callRefusal(problem: 'closed' | 'past_deadline'): never {
  invalid([
    {
      field: 'call',
      message: problem === 'closed' ? 'talks.validation.callClosed' : 'talks.validation.pastDeadline',
    },
  ])
}

/** Duration, language and answers against what the call allows; the answers as they will be kept. */
function checkTalkAgainstCall(
  call: Call,
  input: { durationMinutes: number; language: string; answers: Record<string, string> },
) {
  const problems: TalkProblem[] = []
  if (!call.durations.includes(input.durationMinutes)) {
    problems.push({ field: 'durationMinutes', message: 'talks.validation.durationNotAllowed' })
  }
  if (!(call.languages as string[]).includes(input.language)) {
    problems.push({ field: 'language', message: 'notAllowed' })
  }
  const checked = checkAnswers(call.questions, input.answers)
  return { answers: checked.answers, problems: [...problems, ...checked.problems] }
}

type Submission = InferOutput<typeof talkSubmissionSchema>

/**
 * A talk submitted through the public form or API. Everything is checked before anything is written; then
 * the speaker rows, the talk, the private links (hashed), the mails and the audit entry go in one batch.
 * An address that already has a speaker row keeps its profile: an unsigned form may not overwrite it.
 */
export async function submitTalk(
  db: Database,
  config: Config,
  slug: string,
  input: Submission,
  lang: Lang,
  now: Date,
  opts: { shareToken?: string | undefined; retried?: boolean } = {},
): Promise<{ talkId: string }> {
  const { visit, call, problem } = await callBySlug(db, slug, now, opts.shareToken)
  if (problem) callRefusal(problem)
  const checked = checkTalkAgainstCall(call, input)
  const availability = availabilityFromLocal(input.availability, visit)
  const problems = [...checked.problems, ...availability.problems]
  const seen = new Set([input.email])
  input.coSpeakers.forEach((co, i) => {
    if (seen.has(co.email))
      problems.push({ field: `coSpeakers.${i}.email`, message: 'talks.validation.coSpeakerTwice' })
    seen.add(co.email)
  })
  if (problems.length) invalid(problems)

  const existing = await db
    .select({ id: speakers.id, email: speakers.email, name: speakers.name })
    .from(speakers)
    .where(and(eq(speakers.visitId, visit.id), inArray(speakers.email, [...seen])))
  const known = new Map(existing.map((s) => [s.email, s]))
  const talkId = crypto.randomUUID()
  const talkLang: Lang = input.language === 'en' ? 'en' : 'nl'
  const statements: BatchItem<'sqlite'>[] = []
  const speakerIdFor = (
    email: string,
    row: Omit<typeof speakers.$inferInsert, 'id' | 'visitId' | 'email'>,
  ) => {
    const found = known.get(email)
    if (found) return found.id
    const id = crypto.randomUUID()
    statements.push(db.insert(speakers).values({ id, visitId: visit.id, email, createdAt: now, ...row }))
    return id
  }
  const mainId = speakerIdFor(input.email, {
    name: input.name,
    bio: input.bio,
    organisation: input.organisation,
    consent: true,
    availability: json(availability.intervals),
    needs: json(input.needs),
  })
  statements.push(
    db.insert(talks).values({
      id: talkId,
      visitId: visit.id,
      title: input.title,
      abstract: input.abstract,
      durationMinutes: input.durationMinutes,
      language: input.language,
      state: 'submitted',
      answers: json(checked.answers),
      createdAt: now,
    }),
  )
  const mainToken = randomToken()
  statements.push(
    db
      .insert(talkSpeakers)
      .values({ talkId, speakerId: mainId, role: 'main', tokenHash: await hashToken(mainToken) }),
  )
  const about = { talkTitle: input.title, visitTitle: visit.title }
  statements.push(
    queueMail(
      db,
      config,
      mailFor(config, 'talk_received', lang, input.email, mainToken, {
        ...about,
        speakerName: known.get(input.email)?.name ?? input.name,
        date: visitDateIn(visit, lang),
      }),
      now,
    ),
  )
  for (const co of input.coSpeakers) {
    const coId = speakerIdFor(co.email, { name: co.name })
    const token = randomToken()
    statements.push(
      db
        .insert(talkSpeakers)
        .values({ talkId, speakerId: coId, role: 'co', tokenHash: await hashToken(token) }),
      queueMail(
        db,
        config,
        mailFor(config, 'co_speaker_invite', talkLang, co.email, token, {
          ...about,
          speakerName: co.name,
          date: visitDateIn(visit, talkLang),
          mainSpeaker: known.get(input.email)?.name ?? input.name,
        }),
        now,
      ),
    )
  }
  statements.push(
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: null,
      action: 'talk.submitted',
      entityType: 'talk',
      entityId: talkId,
      after: { title: input.title, state: 'submitted', speakers: 1 + input.coSpeakers.length },
      at: now,
    }),
  )
  try {
    await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
  } catch (error) {
    // The same address registered as speaker at the same moment: look again, once, and use that row.
    if (!opts.retried && String(error).includes('UNIQUE'))
      return submitTalk(db, config, slug, input, lang, now, { ...opts, retried: true })
    throw error
  }
  return { talkId }
}

type LinkMail = 'talk_received' | 'talk_link_resent' | 'co_speaker_invite'

/** A talk mail with a speaker's private link. */
function mailFor(
  config: Config,
  template: LinkMail,
  lang: Lang,
  to: string,
  token: string,
  params: { talkTitle: string; visitTitle: string; speakerName: string; date: string; mainSpeaker?: string },
) {
  const link = talkLink(config, token)
  const rendered =
    template === 'co_speaker_invite'
      ? renderMail(template, lang, { ...params, link, mainSpeaker: params.mainSpeaker ?? '' })
      : renderMail(template, lang, { ...params, link })
  return { to, kind: template, ...rendered }
}

/**
 * Sends new private links to an address, one mail per talk it speaks in at this visit; the old links stop
 * working. Unknown addresses get nothing, and the answer is the same, so the form tells no one who speaks.
 */
export async function resendLinks(
  db: Database,
  config: Config,
  slug: string,
  email: string,
  lang: Lang,
  now: Date,
) {
  const rows = await db
    .select({
      talkId: talkSpeakers.talkId,
      speakerId: talkSpeakers.speakerId,
      talk: talks,
      visit: visitFields,
    })
    .from(talkSpeakers)
    .innerJoin(speakers, eq(speakers.id, talkSpeakers.speakerId))
    .innerJoin(talks, eq(talks.id, talkSpeakers.talkId))
    .innerJoin(visitsTable, eq(visitsTable.id, talks.visitId))
    .where(and(eq(visitsTable.slug, slug), eq(speakers.email, email)))
  if (rows.length === 0) return
  const [speaker] = await db
    .select({ name: speakers.name })
    .from(speakers)
    .where(eq(speakers.id, rows[0]!.speakerId))
  const statements: BatchItem<'sqlite'>[] = []
  for (const row of rows) {
    const token = randomToken()
    statements.push(
      db
        .update(talkSpeakers)
        .set({ tokenHash: await hashToken(token) })
        .where(and(eq(talkSpeakers.talkId, row.talkId), eq(talkSpeakers.speakerId, row.speakerId))),
      queueMail(
        db,
        config,
        mailFor(config, 'talk_link_resent', lang, email, token, {
          talkTitle: row.talk.title,
          visitTitle: row.visit.title,
          speakerName: speaker?.name ?? '',
          date: visitDateIn(row.visit, lang),
        }),
        now,
      ),
    )
  }
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
}

// --- the speaker's private link ----------------------------------------------------------------------------

/** Loads what a private link opens: exactly one speaker of one talk. Unknown or malformed tokens: 404. */
export async function loadLink(db: Database, token: string) {
  if (!tokenPattern.test(token)) throw new DomainError('not_found')
  const [row] = await linkByTokenHash(db, await hashToken(token))
  if (!row) throw new DomainError('not_found')
  return { ...row, call: row.call ? parseCall(row.call) : null }
}
export type Link = Awaited<ReturnType<typeof loadLink>>

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

/** The link may change things: the talk is not over and the visit not archived; otherwise 409. */
function requireActive(l: Link) {
  if (l.visit.status === 'archived') throw new DomainError('conflict', VISIT_ARCHIVED)
  if (isClosed(l.talk.state)) throw new DomainError('conflict', TALK_LOCKED)
}

function requireMain(l: Link) {
  if (l.link.role !== 'main') throw new DomainError('forbidden', MAIN_ONLY)
}

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
  if (!speakerMayEdit(l.talk.state)) throw new DomainError('conflict', TALK_LOCKED)
  if (input.version !== l.talk.version) throw new DomainError('conflict', TALK_STALE)
  if (!l.call) throw new DomainError('conflict', TALK_LOCKED)
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
  if (updated.length === 0) throw new DomainError('conflict', TALK_STALE)
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
  if (l.visit.status === 'archived') throw new DomainError('conflict', VISIT_ARCHIVED)
  const audit = { teamId: l.visit.teamId, actorId: null, entityType: 'talk', entityId: l.talk.id, at: now }
  if (l.link.role === 'co') {
    if (action === 'withdraw') throw new DomainError('forbidden', MAIN_ONLY)
    if (isClosed(l.talk.state)) throw new DomainError('conflict', TALK_LOCKED)
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
  if (target === null) throw new DomainError('conflict', TALK_LOCKED)
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
  if (after?.version !== version || after.state !== target) throw new DomainError('conflict', TALK_STALE)
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
  const gone = await db
    .delete(talkSpeakers)
    .where(
      and(
        eq(talkSpeakers.talkId, l.talk.id),
        eq(talkSpeakers.speakerId, speakerId),
        eq(talkSpeakers.role, 'co'),
      ),
    )
    .returning({ speakerId: talkSpeakers.speakerId })
  // Another talk's speaker, or one already gone: nothing this link may touch.
  if (gone.length === 0) throw new DomainError('not_found')
  await auditEntry(db, {
    teamId: l.visit.teamId,
    actorId: null,
    action: 'talk_speaker.removed',
    entityType: 'talk',
    entityId: l.talk.id,
    before: { speakerId },
    at: now,
  })
}

// --- the team's side ----------------------------------------------------------------------------------------

/** A talk for the team: 404 for those without a part in the visit, 403 for hosts, caterers (and viewers writing). */
export async function talkForTeam(
  db: Database,
  actor: Actor,
  talkId: string,
  need: 'see' | 'organise' = 'see',
) {
  const [talk] = await db.select().from(talks).where(eq(talks.id, talkId)).limit(1)
  if (!talk) throw new DomainError('not_found')
  const { visit, access } = await loadVisitFor(db, actor, talk.visitId, need)
  if (access !== 'organise' && access !== 'read') throw new DomainError('forbidden')
  return { talk, visit, access }
}

/** A visit's talks are for its team: hosts and caterers may see the visit but not this (403). */
export async function visitForTalks(
  db: Database,
  actor: Actor,
  visitId: string,
  need: 'see' | 'organise' = 'see',
) {
  const { visit, access } = await loadVisitFor(db, actor, visitId, need)
  if (access !== 'organise' && access !== 'read') throw new DomainError('forbidden')
  return { visit, access }
}

/** The call as the team edits it; defaults when there is none yet. */
export async function callForTeam(db: Database, actor: Actor, visitId: string) {
  const { visit, access } = await visitForTalks(db, actor, visitId)
  const [row] = await db.select().from(calls).where(eq(calls.visitId, visitId))
  return {
    access,
    visit,
    exists: row !== undefined,
    call: row
      ? parseCall(row)
      : {
          visitId,
          open: false,
          deadline: null,
          intro: '',
          durations: [10],
          languages: ['nl' as const],
          questions: [] as CallQuestion[],
          selfScheduling: false,
          version: 0,
        },
  }
}

/**
 * Saves the call (organisers). The deadline is entered in the visit's zone. New questions get the next free
 * id; a question keeps its id when edited, so answers stay with it. A stale version answers 409.
 */
export async function saveCall(
  db: Database,
  actor: Person,
  visitId: string,
  input: InferOutput<typeof callSchema>,
  now: Date,
) {
  const { visit } = await visitForTalks(db, actor, visitId, 'organise')
  const [current] = await db.select().from(calls).where(eq(calls.visitId, visitId))
  const old = current ? parseCall(current) : null
  if (old && input.version !== undefined && input.version !== old.version) {
    throw new DomainError('conflict', 'The call was changed by someone else; look at the newest version.')
  }
  const used: string[] = [...(old?.questions.map((q) => q.id) ?? [])]
  const questions: CallQuestion[] = input.questions.map((q) => {
    const id =
      q.id && !input.questions.some((other) => other !== q && other.id === q.id) ? q.id : nextQuestionId(used)
    used.push(id)
    return {
      id,
      kind: q.kind,
      label: q.label,
      options: q.kind === 'choice' ? q.options : [],
      required: q.required,
    }
  })
  const deadline =
    input.deadlineDate && input.deadlineTime
      ? new Date(zonedToUtc(input.deadlineDate, input.deadlineTime, visit.timeZone))
      : null
  const values = {
    open: input.open,
    deadline,
    intro: input.intro,
    durations: json(input.durations),
    languages: json(input.languages),
    questions: json(questions),
    selfScheduling: input.selfScheduling,
  }
  const summary = (c: typeof values | null) =>
    c && {
      open: c.open,
      deadline: c.deadline,
      durations: c.durations,
      languages: c.languages,
      questions: c.questions,
      selfScheduling: c.selfScheduling,
    }
  const write = current
    ? db
        .update(calls)
        .set({ ...values, version: current.version + 1 })
        .where(and(eq(calls.visitId, visitId), eq(calls.version, current.version)))
        .returning({ version: calls.version })
    : db
        .insert(calls)
        .values({ visitId, ...values })
        .onConflictDoNothing()
        .returning({ version: calls.version })
  const [written] = await db.batch([
    write,
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: actor.personId,
      action: current ? 'call.updated' : 'call.created',
      entityType: 'visit',
      entityId: visitId,
      before: current ? summary({ ...current, deadline: current.deadline }) : null,
      after: summary(values),
      at: now,
    }),
  ])
  if (written.length === 0)
    throw new DomainError('conflict', 'The call was changed by someone else; look at the newest version.')
  return { version: written[0]!.version }
}

/** Filters for the team's list of talks. */
export type TalkFilter = { state?: TalkState | undefined; q?: string | undefined; owes?: boolean | undefined }

/**
 * The talks of a visit for its team: counts per state (always of all talks), the list as filtered, each with
 * its speakers, score and what it still owes; and the overview of who owes slides or a bio. Viewers get no
 * e-mail addresses.
 */
export async function listTalksForTeam(db: Database, actor: Actor, visitId: string, filter: TalkFilter = {}) {
  const { visit, access } = await visitForTalks(db, actor, visitId)
  const ofVisit = db.select({ id: talks.id }).from(talks).where(eq(talks.visitId, visitId))
  const personId = actor.kind === 'person' ? actor.personId : ''
  const [rows, people, mine] = await db.batch([
    talksOfVisit(db, visitId),
    speakersOfTalks(db, sql`${ofVisit}`),
    db
      .select({ talkId: talkReviews.talkId, score: talkReviews.score })
      .from(talkReviews)
      .where(and(eq(talkReviews.personId, personId), inArray(talkReviews.talkId, ofVisit))),
  ])
  const myScore = new Map(mine.map((r) => [r.talkId, r.score]))
  const all = rows.map((r) => {
    const speakersHere = people.filter((p) => p.talkId === r.talk.id)
    return {
      id: r.talk.id,
      title: r.talk.title,
      state: r.talk.state,
      durationMinutes: r.talk.durationMinutes,
      language: r.talk.language,
      placed: r.talk.itemId !== null,
      createdAt: r.talk.createdAt,
      currentFiles: Number(r.currentFiles),
      reviews: Number(r.reviews),
      averageScore: r.averageScore === null ? null : Math.round(Number(r.averageScore) * 10) / 10,
      myScore: myScore.get(r.talk.id) ?? null,
      speakers: speakersHere.map((p) => ({
        speakerId: p.speakerId,
        name: p.name,
        role: p.role,
        confirmed: p.confirmedAt !== null,
        ...(access === 'organise' ? { email: p.email } : {}),
      })),
      owed: owedBy({ state: r.talk.state, currentFiles: Number(r.currentFiles) }, speakersHere),
    }
  })
  const q = filter.q?.trim().toLowerCase()
  const shown = all.filter(
    (t) =>
      (!filter.state || t.state === filter.state) &&
      (!filter.owes || t.owed !== null) &&
      (!q || t.title.toLowerCase().includes(q) || t.speakers.some((s) => s.name.toLowerCase().includes(q))),
  )
  return {
    access,
    visit,
    counts: countByState(all),
    talks: shown,
    owing: all.filter((t) => t.owed !== null),
  }
}

/** One talk for its team: answers, notes, speakers, files, reviews, placement, clashes and its history. */
export async function talkDetailForTeam(db: Database, actor: Actor, talkId: string) {
  const { talk, visit, access } = await talkForTeam(db, actor, talkId)
  const [people, files, reviews, [callRow], history, [held]] = await db.batch([
    speakersOfTalks(db, [talkId]),
    filesOfTalk(db, talkId),
    db
      .select({
        personId: talkReviews.personId,
        score: talkReviews.score,
        note: talkReviews.note,
        updatedAt: talkReviews.updatedAt,
        name: peopleTable.name,
        email: peopleTable.email,
      })
      .from(talkReviews)
      .innerJoin(peopleTable, eq(peopleTable.id, talkReviews.personId))
      .where(eq(talkReviews.talkId, talkId)),
    db.select().from(calls).where(eq(calls.visitId, visit.id)),
    db
      .select({
        action: auditLog.action,
        summary: auditLog.summary,
        createdAt: auditLog.createdAt,
        actorName: peopleTable.name,
        actorEmail: peopleTable.email,
      })
      .from(auditLog)
      .leftJoin(peopleTable, eq(peopleTable.id, auditLog.actorId))
      .where(and(eq(auditLog.teamId, visit.teamId), eq(auditLog.entityId, talkId)))
      .orderBy(sql`${auditLog.createdAt} DESC`)
      .limit(50),
    slotOfTalk(db, talkId),
  ])
  const programme = await loadProgramme(db, visit.id)
  const clashes = programme
    ? findClashes(toClashInput(programme)).filter((c) => (c.talkIds ?? []).includes(talkId))
    : []
  const personId = actor.kind === 'person' ? actor.personId : ''
  const organise = access === 'organise'
  return {
    access,
    visit,
    call: callRow ? parseCall(callRow) : null,
    talk: { ...talk, answers: answersOf(talk), internalNotes: talk.internalNotes },
    targets: organise ? organiserTargets(talk.state) : [],
    speakers: people.map((p) => projectTeamSpeaker(p, visit.timeZone, organise)),
    files: files.map((f) => ({
      id: f.id,
      filename: f.filename,
      sizeBytes: f.sizeBytes,
      current: f.current,
      uploadedAt: f.uploadedAt,
    })),
    reviews: reviews.map((r) => ({
      personId: r.personId,
      name: r.name || r.email,
      score: r.score,
      note: r.note,
      updatedAt: r.updatedAt,
      mine: r.personId === personId,
    })),
    averageScore: reviews.length
      ? Math.round((reviews.reduce((s, r) => s + r.score, 0) / reviews.length) * 10) / 10
      : null,
    myReview: reviews.find((r) => r.personId === personId) ?? null,
    item: await itemOfTalk(db, talk.itemId),
    slot: held
      ? { id: held.slot.id, start: held.slot.startsAt, end: held.slot.endsAt, venueName: held.venueName }
      : null,
    items: (programme?.items ?? [])
      .filter((i) => !i.cancelled)
      .map((i) => ({ id: i.id, title: i.title, kind: i.kind, start: i.startsAt, end: i.endsAt })),
    venues: (programme?.venues ?? []).map((v) => ({ id: v.id, name: v.name })),
    clashes,
    owed: owedBy({ state: talk.state, currentFiles: files.filter((f) => f.current).length }, people),
    history: history.map((h) => ({
      ...h,
      summary: parseJson<{ before: Record<string, unknown>; after: Record<string, unknown> }>(h.summary, {
        before: {},
        after: {},
      }),
    })),
  }
}
export type TalkDetail = Awaited<ReturnType<typeof talkDetailForTeam>>

/** A speaker as the team sees them; viewers get no e-mail address. */
function projectTeamSpeaker(p: TalkSpeaker, timeZone: string, organise: boolean) {
  return {
    speakerId: p.speakerId,
    name: p.name,
    ...(organise ? { email: p.email } : {}),
    role: p.role,
    confirmed: p.confirmedAt !== null,
    bio: p.bio,
    organisation: p.organisation,
    consent: p.consent,
    needs: needsOf(p),
    availability: availabilityToLocal(parseAvailability(p.availability), timeZone),
  }
}

/** What moving talks did: which changed, and which were skipped (not possible from their state, or changed meanwhile). */
export type MoveResult = { changed: string[]; skipped: string[] }

/**
 * Moves talks to a state (organisers), one or many: each move is guarded by the state and version it was
 * seen in, logged, and — for accept, reject and waitlist, when `notify` — mailed to every speaker of the talk
 * from the team's template, with a new private link (the old one stops working). A talk leaving the
 * programme gives back its slot and its place.
 */
export async function moveTalks(
  db: Database,
  config: Config,
  actor: Person,
  visitId: string,
  talkIds: readonly string[],
  target: TalkState,
  notify: boolean,
  now: Date,
): Promise<MoveResult> {
  const { visit } = await visitForTalks(db, actor, visitId, 'organise')
  const rows = await db
    .select()
    .from(talks)
    .where(and(eq(talks.visitId, visitId), inArray(talks.id, [...talkIds])))
  if (rows.length !== new Set(talkIds).size)
    throw new DomainError('validation_failed', undefined, {
      errors: [{ field: 'talkIds', message: 'invalid' }],
    })
  const movable = rows.filter((t) => organiserMayMove(t.state, target))
  const skipped = rows.filter((t) => !movable.includes(t)).map((t) => t.id)
  const leavesProgramme = target !== 'accepted' && target !== 'confirmed'
  const mails = notify ? await decisionMails(db, config, visit, movable, target) : new Map()
  // A few talks per batch keeps every batch well within D1's limits, however many are chosen.
  for (let at = 0; at < movable.length; at += 20) {
    const statements: BatchItem<'sqlite'>[] = []
    for (const talk of movable.slice(at, at + 20)) {
      const version = talk.version + 1
      const marker = talkAt(talk.id, version, target)
      statements.push(
        db
          .update(talks)
          .set({ state: target, version, updatedAt: now, ...(leavesProgramme ? { itemId: null } : {}) })
          .where(and(eq(talks.id, talk.id), eq(talks.version, talk.version), eq(talks.state, talk.state))),
        auditWhen(
          db,
          {
            teamId: visit.teamId,
            actorId: actor.personId,
            action: `talk.${target}`,
            entityType: 'talk',
            entityId: talk.id,
            before: { state: talk.state },
            after: { state: target },
            at: now,
          },
          marker,
        ),
      )
      if (target === 'confirmed') {
        // Confirming on the speaker's behalf (they said so by phone): the main speaker counts as confirmed.
        statements.push(
          db
            .update(talkSpeakers)
            .set({ confirmedAt: now })
            .where(
              and(
                eq(talkSpeakers.talkId, talk.id),
                eq(talkSpeakers.role, 'main'),
                isNull(talkSpeakers.confirmedAt),
                marker,
              ),
            ),
        )
      }
      if (leavesProgramme) {
        const [held] = await slotOfTalk(db, talk.id)
        if (held) statements.push(...slotReleaseStatements(db, talk, held.slot, marker))
      }
      for (const mail of mails.get(talk.id) ?? []) {
        statements.push(
          db
            .update(talkSpeakers)
            .set({ tokenHash: mail.tokenHash })
            .where(and(eq(talkSpeakers.talkId, talk.id), eq(talkSpeakers.speakerId, mail.speakerId), marker)),
          mail.queue(marker),
        )
      }
    }
    if (statements.length) await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
  }
  const after = movable.length
    ? await db
        .select({ id: talks.id, state: talks.state, version: talks.version })
        .from(talks)
        .where(
          inArray(
            talks.id,
            movable.map((t) => t.id),
          ),
        )
    : []
  const changed = movable
    .filter((t) => after.some((a) => a.id === t.id && a.state === target && a.version === t.version + 1))
    .map((t) => t.id)
  return {
    changed,
    skipped: [...skipped, ...movable.filter((t) => !changed.includes(t.id)).map((t) => t.id)],
  }
}

/** Moves one talk (organisers); 409 when it cannot go there from its state or was changed meanwhile. */
export async function moveTalk(
  db: Database,
  config: Config,
  actor: Person,
  talkId: string,
  target: TalkState,
  notify: boolean,
  now: Date,
) {
  const { talk } = await talkForTeam(db, actor, talkId, 'organise')
  if (!organiserMayMove(talk.state, target)) {
    throw new DomainError('conflict', `A talk cannot go from ${talk.state} to ${target}.`)
  }
  const result = await moveTalks(db, config, actor, talk.visitId, [talkId], target, notify, now)
  if (result.changed.length === 0) throw new DomainError('conflict', TALK_STALE)
}

/** A reviewer's own score and note; one per reviewer and talk, changed in place (organisers). */
export async function saveReview(
  db: Database,
  actor: Person,
  talkId: string,
  input: InferOutput<typeof talkReviewSchema>,
  now: Date,
) {
  await talkForTeam(db, actor, talkId, 'organise')
  await db
    .insert(talkReviews)
    .values({ talkId, personId: actor.personId, score: input.score, note: input.note, updatedAt: now })
    .onConflictDoUpdate({
      target: [talkReviews.talkId, talkReviews.personId],
      set: { score: input.score, note: input.note, updatedAt: now },
    })
}

/** The team's internal notes on a talk (organisers); never shown to speakers or the public. */
export async function saveNotes(
  db: Database,
  actor: Person,
  talkId: string,
  internalNotes: string,
  now: Date,
) {
  const { talk, visit } = await talkForTeam(db, actor, talkId, 'organise')
  await db.batch([
    db.update(talks).set({ internalNotes, updatedAt: now }).where(eq(talks.id, talkId)),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: actor.personId,
      action: 'talk.notes',
      entityType: 'talk',
      entityId: talkId,
      before: { internalNotes: talk.internalNotes },
      after: { internalNotes },
      at: now,
    }),
  ])
}

/**
 * What a decision would do, without doing it: the talks that would move, how many cannot, and the mail the
 * first of them would get (for the team to read before sending).
 */
export async function planMove(
  db: Database,
  config: Config,
  actor: Actor,
  visitId: string,
  talkIds: readonly string[],
  target: TalkState,
) {
  const { visit } = await visitForTalks(db, actor, visitId, 'organise')
  const rows = await db
    .select()
    .from(talks)
    .where(and(eq(talks.visitId, visitId), inArray(talks.id, [...talkIds])))
  if (rows.length !== new Set(talkIds).size) {
    throw new DomainError('validation_failed', undefined, {
      errors: [{ field: 'talkIds', message: 'invalid' }],
    })
  }
  const moving = rows.filter((t) => organiserMayMove(t.state, target))
  const first = moving[0]
  const [main] = first ? (await speakersOfTalks(db, [first.id])).filter((p) => p.role === 'main') : []
  const mail = await previewDecision(
    db,
    config,
    visit,
    target,
    first ? { title: first.title, language: first.language, speakerName: main?.name ?? '' } : null,
  )
  return {
    visit,
    moving: moving.map((t) => ({ id: t.id, title: t.title, state: t.state })),
    skipped: rows.length - moving.length,
    mail,
  }
}

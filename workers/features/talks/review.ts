/**
 * The team's side of talks: the list, one talk in full, decisions (one or in bulk, after a preview), reviews
 * and notes.
 */

import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { InferOutput } from 'valibot'
import {
  auditLog,
  calls,
  people as peopleTable,
  talkReviews,
  talkSpeakers,
  talks,
} from '../../../shared/db/schema'
import type { Actor } from '../../../shared/domain/access'
import { findClashes } from '../../../shared/domain/clashes'
import {
  availabilityToLocal,
  countByState,
  organiserMayMove,
  organiserTargets,
  owedBy,
  parseAvailability,
  type TalkState,
} from '../../../shared/domain/talks'
import { DomainError } from '../../../shared/errors'
import { auditWhen } from '../../platform/audit'
import type { Config } from '../../platform/config'
import type { Database } from '../../platform/env'
import { toClashInput } from '../programme/programme'
import { loadProgramme } from '../programme/queries'
import {
  filesOfTalk,
  parseCall,
  slotOfTalk,
  speakersOfTalks,
  type TalkSpeaker,
  talkAt,
  talksOfVisit,
} from './queries'
import type { talkNotesSchema, talkReviewSchema } from './schemas'
import {
  answersOf,
  needsOf,
  type Person,
  parseJson,
  talkForTeam,
  talkStale,
  visitForTalks,
} from './talk-context'
import { decisionMails, previewDecision } from './talk-mail'
import { itemOfTalk, slotReleaseStatements } from './talk-slots'

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
  if (result.changed.length === 0) throw talkStale()
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

/**
 * The team's internal notes on a talk (organisers); never shown to speakers or the public. Based on the
 * version seen, when given: notes saved over a talk someone else changed meanwhile answer 409.
 */
export async function saveNotes(
  db: Database,
  actor: Person,
  talkId: string,
  input: InferOutput<typeof talkNotesSchema>,
  now: Date,
) {
  const { talk, visit } = await talkForTeam(db, actor, talkId, 'organise')
  if (input.version !== undefined && input.version !== talk.version) throw talkStale()
  const version = talk.version + 1
  const [updated] = await db.batch([
    db
      .update(talks)
      .set({ internalNotes: input.internalNotes, version, updatedAt: now })
      .where(and(eq(talks.id, talkId), eq(talks.version, talk.version)))
      .returning({ id: talks.id }),
    auditWhen(
      db,
      {
        teamId: visit.teamId,
        actorId: actor.personId,
        action: 'talk.notes',
        entityType: 'talk',
        entityId: talkId,
        before: { internalNotes: talk.internalNotes },
        after: { internalNotes: input.internalNotes },
        at: now,
      },
      talkAt(talkId, version),
    ),
  ])
  if (updated.length === 0) throw talkStale()
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

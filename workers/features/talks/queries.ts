import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm'
import {
  calls,
  mailTemplates,
  speakers,
  talkFiles,
  talkReviews,
  talkSlots,
  talkSpeakers,
  talks,
  venues,
  visits,
} from '../../../shared/db/schema'
import type { CallQuestion } from '../../../shared/domain/talks'
import type { Database } from '../../platform/env'

export type TalkRow = typeof talks.$inferSelect
export type SpeakerRow = typeof speakers.$inferSelect
export type CallRow = typeof calls.$inferSelect
export type TalkFileRow = typeof talkFiles.$inferSelect
export type SlotRow = typeof talkSlots.$inferSelect

/** The fields of a visit the talk pages and mails need. */
export const visitFields = {
  id: visits.id,
  teamId: visits.teamId,
  slug: visits.slug,
  title: visits.title,
  status: visits.status,
  listed: visits.listed,
  startDate: visits.startDate,
  endDate: visits.endDate,
  timeZone: visits.timeZone,
}

/** A call's JSON columns read back; anything unreadable counts as empty (the team saves it again). */
export function parseCall(row: CallRow) {
  const list = <T>(json: string, keep: (x: unknown) => x is T): T[] => {
    try {
      const value: unknown = JSON.parse(json)
      return Array.isArray(value) ? value.filter(keep) : []
    } catch {
      return []
    }
  }
  return {
    visitId: row.visitId,
    open: row.open,
    deadline: row.deadline,
    intro: row.intro,
    durations: list(row.durations, (x): x is number => typeof x === 'number'),
    languages: list(row.languages, (x): x is 'nl' | 'en' => x === 'nl' || x === 'en'),
    questions: list(
      row.questions,
      (x): x is CallQuestion =>
        typeof x === 'object' && x !== null && typeof (x as CallQuestion).id === 'string',
    ),
    selfScheduling: row.selfScheduling,
    version: row.version,
  }
}
export type Call = ReturnType<typeof parseCall>

/** A visit by slug with its call (null when the team never opened one). One statement, for a batch. */
export function visitWithCallBySlug(db: Database, slug: string) {
  return db
    .select({ visit: visitFields, call: calls })
    .from(visits)
    .leftJoin(calls, eq(calls.visitId, visits.id))
    .where(eq(visits.slug, slug))
    .limit(1)
}

/** The link behind a private token: the speaker's row for one talk, with the talk, the speaker and the visit. */
export function linkByTokenHash(db: Database, tokenHash: string) {
  return db
    .select({ link: talkSpeakers, talk: talks, speaker: speakers, visit: visitFields, call: calls })
    .from(talkSpeakers)
    .innerJoin(talks, eq(talks.id, talkSpeakers.talkId))
    .innerJoin(speakers, eq(speakers.id, talkSpeakers.speakerId))
    .innerJoin(visits, eq(visits.id, talks.visitId))
    .leftJoin(calls, eq(calls.visitId, talks.visitId))
    .where(eq(talkSpeakers.tokenHash, tokenHash))
    .limit(1)
}

/** The speakers of some talks (never their token hashes), main speakers first. */
export function speakersOfTalks(db: Database, talkIds: SQL | string[]) {
  return db
    .select({
      talkId: talkSpeakers.talkId,
      speakerId: talkSpeakers.speakerId,
      role: talkSpeakers.role,
      confirmedAt: talkSpeakers.confirmedAt,
      name: speakers.name,
      email: speakers.email,
      bio: speakers.bio,
      organisation: speakers.organisation,
      consent: speakers.consent,
      availability: speakers.availability,
      needs: speakers.needs,
      photoKey: speakers.photoKey,
    })
    .from(talkSpeakers)
    .innerJoin(speakers, eq(speakers.id, talkSpeakers.speakerId))
    .where(inArray(talkSpeakers.talkId, talkIds))
    .orderBy(asc(talkSpeakers.role), asc(speakers.name))
}
export type TalkSpeaker = Awaited<ReturnType<typeof speakersOfTalks>>[number]

/** The files of a talk, newest first. */
export function filesOfTalk(db: Database, talkId: string) {
  return db.select().from(talkFiles).where(eq(talkFiles.talkId, talkId)).orderBy(desc(talkFiles.uploadedAt))
}

/** The slot a talk holds, with its venue's name. */
export function slotOfTalk(db: Database, talkId: string) {
  return db
    .select({ slot: talkSlots, venueName: venues.name })
    .from(talkSlots)
    .leftJoin(venues, eq(venues.id, talkSlots.venueId))
    .where(eq(talkSlots.talkId, talkId))
    .limit(1)
}

/** All slots of a visit in time order, with the venue's name and the talk that took each. */
export function slotsOfVisit(db: Database, visitId: string) {
  return db
    .select({ slot: talkSlots, venueName: venues.name, talkTitle: talks.title })
    .from(talkSlots)
    .leftJoin(venues, eq(venues.id, talkSlots.venueId))
    .leftJoin(talks, eq(talks.id, talkSlots.talkId))
    .where(eq(talkSlots.visitId, visitId))
    .orderBy(asc(talkSlots.startsAt))
}

/** The talks of a visit with what the list needs per talk: how many current files, the average score. */
export function talksOfVisit(db: Database, visitId: string) {
  return db
    .select({
      talk: talks,
      currentFiles: sql<number>`(SELECT count(*) FROM ${talkFiles} WHERE ${talkFiles.talkId} = ${talks.id} AND ${talkFiles.current} = 1)`,
      reviews: sql<number>`(SELECT count(*) FROM ${talkReviews} WHERE ${talkReviews.talkId} = ${talks.id})`,
      averageScore: sql<
        number | null
      >`(SELECT avg(${talkReviews.score}) FROM ${talkReviews} WHERE ${talkReviews.talkId} = ${talks.id})`,
    })
    .from(talks)
    .where(eq(talks.visitId, visitId))
    .orderBy(desc(talks.createdAt))
}

/** The team's own wording of the decision mails of a visit. */
export function mailTemplatesOf(db: Database, visitId: string) {
  return db.select().from(mailTemplates).where(eq(mailTemplates.visitId, visitId))
}

/** True in SQL when the talk is at this version (and state): marks that a conditional update in the batch won. */
export const talkAt = (talkId: string, version: number, state?: string) =>
  state === undefined
    ? sql`EXISTS (SELECT 1 FROM ${talks} WHERE ${talks.id} = ${talkId} AND ${talks.version} = ${version})`
    : sql`EXISTS (SELECT 1 FROM ${talks} WHERE ${talks.id} = ${talkId} AND ${talks.version} = ${version} AND ${talks.state} = ${state})`

/** A speaker row of a visit by e-mail address. */
export function speakerByEmail(db: Database, visitId: string, email: string) {
  return db
    .select()
    .from(speakers)
    .where(and(eq(speakers.visitId, visitId), eq(speakers.email, email)))
    .limit(1)
}

import { eq, inArray, isNotNull, sql } from 'drizzle-orm'
import {
  people,
  speakers,
  talkFiles,
  talkReviews,
  talkSpeakers,
  talks,
  visits,
} from '../../../shared/db/schema'
import type { PersonalDataPart } from '../../platform/personal-data/contract'

/**
 * Speakers with the address (one per visit), their talks, files and private links, and the reviews a team
 * member wrote. Erasure makes the speaker anonymous (the talk stays in the programme), ends their links,
 * deletes their portrait and the files they uploaded from R2, and removes their reviews.
 */
export const talksPersonalData: PersonalDataPart = {
  owner: 'talks',
  tables: ['speakers', 'talk_speakers', 'talk_files', 'talk_reviews'],
  async exportFor({ db, email }) {
    const speakerIds = db.select({ id: speakers.id }).from(speakers).where(eq(speakers.email, email))
    const person = db.select({ id: people.id }).from(people).where(eq(people.email, email))
    const [speakerRows, talkRows, files, reviews] = await db.batch([
      db
        .select({
          visit: visits.title,
          name: speakers.name,
          email: speakers.email,
          bio: speakers.bio,
          organisation: speakers.organisation,
          hasPortrait: isNotNull(speakers.photoKey),
          consent: speakers.consent,
          availability: speakers.availability,
          needs: speakers.needs,
          createdAt: speakers.createdAt,
        })
        .from(speakers)
        .innerJoin(visits, eq(visits.id, speakers.visitId))
        .where(eq(speakers.email, email)),
      db
        .select({
          title: talks.title,
          abstract: talks.abstract,
          state: talks.state,
          role: talkSpeakers.role,
          confirmedAt: talkSpeakers.confirmedAt,
        })
        .from(talkSpeakers)
        .innerJoin(talks, eq(talks.id, talkSpeakers.talkId))
        .where(inArray(talkSpeakers.speakerId, speakerIds)),
      db
        .select({
          filename: talkFiles.filename,
          sizeBytes: talkFiles.sizeBytes,
          uploadedAt: talkFiles.uploadedAt,
        })
        .from(talkFiles)
        .where(inArray(talkFiles.speakerId, speakerIds)),
      db
        .select({ talk: talks.title, score: talkReviews.score, note: talkReviews.note })
        .from(talkReviews)
        .innerJoin(talks, eq(talks.id, talkReviews.talkId))
        .where(inArray(talkReviews.personId, person)),
    ])
    return {
      speakers: speakerRows.map((s) => ({
        ...s,
        hasPortrait: Boolean(s.hasPortrait),
        availability: JSON.parse(s.availability) as unknown,
        needs: JSON.parse(s.needs) as unknown,
      })),
      talks: talkRows,
      files,
      reviews,
    }
  },
  async planErasure({ db, email }) {
    const speakerIds = db.select({ id: speakers.id }).from(speakers).where(eq(speakers.email, email))
    const person = db.select({ id: people.id }).from(people).where(eq(people.email, email))
    const [portraits, files] = await db.batch([
      db.select({ key: speakers.photoKey }).from(speakers).where(eq(speakers.email, email)),
      db.select({ key: talkFiles.r2Key }).from(talkFiles).where(inArray(talkFiles.speakerId, speakerIds)),
    ])
    return {
      statements: [
        db.delete(talkFiles).where(inArray(talkFiles.speakerId, speakerIds)),
        db
          .update(talkSpeakers)
          .set({ tokenHash: sql`'erased:' || ${talkSpeakers.talkId} || ':' || ${talkSpeakers.speakerId}` })
          .where(inArray(talkSpeakers.speakerId, speakerIds)),
        db.delete(talkReviews).where(inArray(talkReviews.personId, person)),
        db
          .update(speakers)
          .set({
            name: '',
            email: sql`'erased-' || ${speakers.id} || '@erased.invalid'`,
            bio: '',
            organisation: '',
            photoKey: null,
            consent: false,
            availability: '[]',
            needs: '[]',
          })
          .where(eq(speakers.email, email)),
      ],
      objects: [...portraits, ...files].flatMap((r) => (r.key ? [r.key] : [])),
    }
  },
}

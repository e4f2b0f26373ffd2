import { and, eq, inArray, lt, sql } from 'drizzle-orm'
import { speakers, talkFiles, talks, visits } from '../../../shared/db/schema'
import type { Actor } from '../../../shared/domain/access'
import { DomainError } from '../../../shared/errors'
import { auditEntry, auditWhen } from '../../platform/audit'
import type { Database } from '../../platform/env'
import { downloadName } from '../../platform/files/filename'
import { removeUnlessRecorded, storeChecked, type Upload } from '../../platform/files/r2-upload'
import { imageKind, looksLikePdf } from '../../platform/files/sniff'
import { filesOfTalk } from './queries'
import { loadLink, requireActive, talkForTeam } from './talk-context'

/** A portrait may be this large; slides and handouts may be 20 MB (the upload route's own body limit). */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024
/** Files a talk may offer at once (slides, a handout, …). */
export const MAX_CURRENT_FILES = 5
/** Versions kept of a talk's files, replaced ones included, until the visit ends. */
export const MAX_FILE_VERSIONS = 30

/** Checks a link may upload before its body is read: an unknown link is 404, a closed talk 409. */
export async function checkUploadLink(db: Database, token: string) {
  requireActive(await loadLink(db, token))
}

/**
 * Slides or a handout (PDF) through a speaker's link, streamed into R2. `replaces` names a current file this
 * one takes the place of; the old version is kept (not current) until the visit ends. Checked by content:
 * a renamed executable is refused (415) and neither R2 nor D1 gets anything.
 */
export async function uploadSlidesByToken(
  db: Database,
  bucket: R2Bucket,
  token: string,
  upload: Upload,
  replaces: string | null,
  now: Date,
) {
  const l = await loadLink(db, token)
  requireActive(l)
  const files = await filesOfTalk(db, l.talk.id)
  const current = files.filter((f) => f.current)
  if (replaces !== null && !current.some((f) => f.id === replaces)) {
    throw new DomainError('validation_failed', undefined, {
      errors: [{ field: 'replaces', message: 'invalid' }],
    })
  }
  if (files.length >= MAX_FILE_VERSIONS || (replaces === null && current.length >= MAX_CURRENT_FILES)) {
    throw new DomainError('validation_failed', undefined, {
      errors: [{ field: 'file', message: 'talks.validation.tooManyFiles' }],
    })
  }
  const id = crypto.randomUUID()
  const key = `talks/${l.talk.id}/${id}.pdf`
  await storeChecked(bucket, key, upload, {
    kindOf: (p) => (looksLikePdf(p) ? 'application/pdf' : null),
    refusal: 'Only PDF files are accepted.',
  })
  // Named by what the bytes are (a PDF) and a cleaned title: never the name as it was sent.
  const filename = downloadName(upload.filename, 'pdf', 'slides')
  // The bytes without their row would be an orphan nobody can reach.
  await removeUnlessRecorded(bucket, key, () =>
    db.batch([
      db
        .update(talkFiles)
        .set({ current: false })
        .where(and(eq(talkFiles.talkId, l.talk.id), eq(talkFiles.id, replaces ?? ''))),
      db.insert(talkFiles).values({
        id,
        talkId: l.talk.id,
        speakerId: l.speaker.id,
        r2Key: key,
        filename,
        sizeBytes: upload.length,
        current: true,
        uploadedAt: now,
      }),
      auditEntry(db, {
        teamId: l.visit.teamId,
        actorId: null,
        action: 'talk_file.uploaded',
        entityType: 'talk',
        entityId: l.talk.id,
        after: { fileId: id, filename, sizeBytes: upload.length, replaces },
        at: now,
      }),
    ]),
  )
  return { id, filename, sizeBytes: upload.length }
}

/** A speaker takes a file off their talk; the version is kept (not current) until the visit ends. */
export async function retireFileByToken(db: Database, token: string, fileId: string, now: Date) {
  const l = await loadLink(db, token)
  requireActive(l)
  const ofThisTalk = and(eq(talkFiles.id, fileId), eq(talkFiles.talkId, l.talk.id))
  const [, done] = await db.batch([
    auditWhen(
      db,
      {
        teamId: l.visit.teamId,
        actorId: null,
        action: 'talk_file.retired',
        entityType: 'talk',
        entityId: l.talk.id,
        before: { fileId },
        at: now,
      },
      sql`EXISTS (SELECT 1 FROM ${talkFiles} WHERE ${ofThisTalk})`,
    ),
    db.update(talkFiles).set({ current: false }).where(ofThisTalk).returning({ id: talkFiles.id }),
  ])
  if (done.length === 0) throw new DomainError('not_found')
}

/** A file of the talk behind this link (never another talk's), with its bytes. */
export async function fileByToken(db: Database, bucket: R2Bucket, token: string, fileId: string) {
  const l = await loadLink(db, token)
  return readFile(db, bucket, l.talk.id, fileId)
}

/** A file of a talk for its team (organisers and viewers). */
export async function fileForTeam(
  db: Database,
  bucket: R2Bucket,
  actor: Actor,
  talkId: string,
  fileId: string,
) {
  await talkForTeam(db, actor, talkId)
  return readFile(db, bucket, talkId, fileId)
}

async function readFile(db: Database, bucket: R2Bucket, talkId: string, fileId: string) {
  const [file] = await db
    .select()
    .from(talkFiles)
    .where(and(eq(talkFiles.id, fileId), eq(talkFiles.talkId, talkId)))
  if (!file) throw new DomainError('not_found')
  const object = await bucket.get(file.r2Key)
  if (!object) throw new DomainError('not_found')
  return { file, object }
}

/** A speaker's portrait (JPEG, PNG or WebP, up to 5 MB), checked by content; replaces the one before. */
export async function uploadPhotoByToken(
  db: Database,
  bucket: R2Bucket,
  token: string,
  upload: Upload,
  now: Date,
) {
  const l = await loadLink(db, token)
  requireActive(l)
  const key = `speakers/${l.speaker.id}/${crypto.randomUUID()}`
  await storeChecked(bucket, key, upload, {
    kindOf: imageKind,
    refusal: 'Only JPEG, PNG or WebP images are accepted.',
    maxBytes: MAX_PHOTO_BYTES,
    tooLarge: 'A portrait may be at most 5 MB.',
  })
  await removeUnlessRecorded(bucket, key, () =>
    db.batch([
      db.update(speakers).set({ photoKey: key }).where(eq(speakers.id, l.speaker.id)),
      auditEntry(db, {
        teamId: l.visit.teamId,
        actorId: null,
        action: 'speaker.photo',
        entityType: 'speaker',
        entityId: l.speaker.id,
        after: { photo: true },
        at: now,
      }),
    ]),
  )
  if (l.speaker.photoKey) await bucket.delete(l.speaker.photoKey).catch(() => {})
}

/** The speaker's own portrait, through their link. */
export async function photoByToken(db: Database, bucket: R2Bucket, token: string) {
  const l = await loadLink(db, token)
  if (!l.speaker.photoKey) throw new DomainError('not_found')
  const object = await bucket.get(l.speaker.photoKey)
  if (!object) throw new DomainError('not_found')
  return object
}

/**
 * Replaced and removed versions of slides are kept until the visit ends; then they go (from R2 first, so a
 * failure leaves a row to try again rather than an orphan). A few hundred per run.
 */
export async function purgeReplacedTalkFiles(db: Database, bucket: R2Bucket, now: Date) {
  // The day after the visit's last day, wherever its zone is: a day's margin instead of zone arithmetic.
  const cutoff = new Date(now.getTime() - 2 * 86_400_000).toISOString().slice(0, 10)
  const old = await db
    .select({ id: talkFiles.id, key: talkFiles.r2Key })
    .from(talkFiles)
    .innerJoin(talks, eq(talks.id, talkFiles.talkId))
    .innerJoin(visits, eq(visits.id, talks.visitId))
    .where(and(eq(talkFiles.current, false), lt(visits.endDate, cutoff)))
    .limit(200)
  if (old.length === 0) return 0
  await bucket.delete(old.map((f) => f.key))
  await db.delete(talkFiles).where(
    inArray(
      talkFiles.id,
      old.map((f) => f.id),
    ),
  )
  return old.length
}

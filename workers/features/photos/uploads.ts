import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm'
import type { InferOutput } from 'valibot'
import { photoSettings, photos, photoUploadParts, photoUploads } from '../../../shared/db/schema'
import type { Actor } from '../../../shared/domain/access'
import { DomainError } from '../../../shared/errors'
import { auditEntry } from '../../platform/audit'
import type { Database } from '../../platform/env'
import { cleanFilename } from '../../platform/files/filename'
import { type ImageKind, looksLikeHeic } from '../../platform/files/image-facts'
import { storePartChecked } from '../../platform/files/r2-upload'
import { imageKind } from '../../platform/files/sniff'
import { liveLink, photoVisitFor, type VisitRow } from './photo-context'
import {
  DEFAULT_LIMITS,
  nextPart,
  PART_BYTES,
  type PartRefusal,
  partCount,
  partLength,
  partVerdict,
  roomLeft,
  STALE_UPLOAD_MS,
} from './rules'
import type { linkUploaderSchema, uploadStartSchema } from './schemas'
import { makeVariants } from './variants'

type UploadRow = typeof photoUploads.$inferSelect
type PartRow = typeof photoUploadParts.$inferSelect

/** Who sends an upload: the signed-in person (organiser or host), or whoever holds a photo link. */
export type Sender = { actor: Actor; linkToken: string | undefined }

const heicRefusal = () =>
  new DomainError(
    'unsupported_media_type',
    'HEIC photos are not taken: choose the photo again so the phone sends it as JPEG, or export it as JPEG.',
    { reason: 'heic' },
  )
const kindRefusal = () =>
  new DomainError('unsupported_media_type', 'Only JPEG, PNG or WebP photos are taken; nothing was stored.')

/** A visit's limits: its own, or the defaults. */
export async function limitsOf(db: Database, visitId: string) {
  const [row] = await db.select().from(photoSettings).where(eq(photoSettings.visitId, visitId)).limit(1)
  return {
    maxFileBytes: row?.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes,
    maxVisitBytes: row?.maxVisitBytes ?? DEFAULT_LIMITS.maxVisitBytes,
  }
}

/** Bytes a visit holds in originals, and bytes announced by uploads still on their way. */
export async function bytesOf(db: Database, visitId: string) {
  const [stored, underway] = await db.batch([
    db
      .select({ n: sql<number>`coalesce(sum(${photos.originalBytes}), 0)` })
      .from(photos)
      .where(eq(photos.visitId, visitId)),
    db
      .select({ n: sql<number>`coalesce(sum(${photoUploads.sizeBytes}), 0)` })
      .from(photoUploads)
      .where(eq(photoUploads.visitId, visitId)),
  ])
  return { stored: stored[0]?.n ?? 0, underway: underway[0]?.n ?? 0 }
}

/** The upload as the sender may see it: how it is cut, which parts are in, which comes next. */
export function uploadView(upload: UploadRow, parts: readonly PartRow[]) {
  const count = partCount(upload.sizeBytes, upload.partSize)
  const done = parts.filter((p) => p.etag !== null).map((p) => p.partNumber)
  done.sort((a, b) => a - b)
  return {
    id: upload.id,
    visitId: upload.visitId,
    filename: upload.filename,
    fingerprint: upload.fingerprint,
    sizeBytes: upload.sizeBytes,
    partSize: upload.partSize,
    partCount: count,
    partsDone: done,
    bytesDone: done.reduce((sum, n) => sum + partLength(upload.sizeBytes, n, upload.partSize), 0),
    nextPart: nextPart(count, done),
  }
}

type Start = InferOutput<typeof uploadStartSchema>

/**
 * Opens an upload: checks the file's type as the browser reports it (an iPhone's HEIC is refused with a clear
 * message before a byte is sent), the visit's limits per file and in all, then makes the R2 multipart upload
 * and the row that keeps its parts.
 */
async function openUpload(
  db: Database,
  bucket: R2Bucket,
  visit: VisitRow,
  who: { personId: string | null; linkId: string | null; name: string; email: string },
  input: Start,
  now: Date,
) {
  if (visit.status === 'archived') {
    throw new DomainError('conflict', 'This visit is archived: nothing about it changes any more.', {
      reason: 'visit_archived',
    })
  }
  if (/^image\/hei[cf]/i.test(input.type ?? '') || /\.hei[cf]$/i.test(input.filename)) throw heicRefusal()
  const limits = await limitsOf(db, visit.id)
  if (input.sizeBytes > limits.maxFileBytes) {
    throw new DomainError(
      'payload_too_large',
      `A photo may be at most ${Math.floor(limits.maxFileBytes / 1048576)} MB here.`,
      { reason: 'file_too_large' },
    )
  }
  const used = await bytesOf(db, visit.id)
  if (input.sizeBytes > roomLeft(limits.maxVisitBytes, used.stored, used.underway)) {
    throw new DomainError('payload_too_large', 'This visit has no room left for a photo this large.', {
      reason: 'visit_full',
    })
  }
  const id = crypto.randomUUID()
  const key = `photos/${visit.id}/${id}/original`
  const multipart = await bucket.createMultipartUpload(key)
  const row = {
    id,
    visitId: visit.id,
    personId: who.personId,
    linkId: who.linkId,
    uploaderName: who.name,
    uploaderEmail: who.email,
    r2Key: key,
    r2UploadId: multipart.uploadId,
    filename: cleanFilename(input.filename, 'foto.jpg'),
    fingerprint: input.fingerprint ?? '',
    sizeBytes: input.sizeBytes,
    partSize: PART_BYTES,
    createdAt: now,
    touchedAt: now,
  }
  try {
    await db.insert(photoUploads).values(row)
  } catch (error) {
    await multipart.abort().catch(() => {})
    throw error
  }
  return uploadView({ ...row, contentType: null }, [])
}

/** Opens an upload for an organiser or a host of the visit. */
export async function startTeamUpload(
  db: Database,
  bucket: R2Bucket,
  actor: Extract<Actor, { kind: 'person' }>,
  visitId: string,
  input: Start,
  now: Date,
) {
  const { visit } = await photoVisitFor(db, actor, visitId, 'upload')
  return openUpload(
    db,
    bucket,
    visit,
    { personId: actor.personId, linkId: null, name: '', email: '' },
    input,
    now,
  )
}

/** Opens an upload through a photo link: a revoked or unknown link is 404 and nothing is made. */
export async function startLinkUpload(
  db: Database,
  bucket: R2Bucket,
  token: string | undefined,
  input: InferOutput<typeof linkUploaderSchema>,
  now: Date,
) {
  const { link, visit } = await liveLink(db, token)
  const { name = '', email = '', ...file } = input
  return openUpload(db, bucket, visit, { personId: null, linkId: link.id, name, email }, file, now)
}

/**
 * An upload with its parts, for the one who sends it: the same person (still an organiser or host), or the
 * holder of the same live link. Anyone else, and a finished, aborted or revoked one, gets 404.
 */
async function uploadFor(db: Database, sender: Sender, uploadId: string) {
  const [upload] = await db.select().from(photoUploads).where(eq(photoUploads.id, uploadId)).limit(1)
  if (!upload) throw new DomainError('not_found')
  let visit: VisitRow
  let link: Awaited<ReturnType<typeof liveLink>>['link'] | null = null
  if (upload.linkId) {
    const found = await liveLink(db, sender.linkToken)
    if (found.link.id !== upload.linkId) throw new DomainError('not_found')
    visit = found.visit
    link = found.link
  } else {
    const person = sender.actor.kind === 'person' ? sender.actor : null
    if (!person || person.personId !== upload.personId) throw new DomainError('not_found')
    visit = (await photoVisitFor(db, person, upload.visitId, 'upload')).visit
  }
  const parts = await db
    .select()
    .from(photoUploadParts)
    .where(eq(photoUploadParts.uploadId, uploadId))
    .orderBy(asc(photoUploadParts.partNumber))
  return { upload, parts, visit, link }
}

/** Where an upload stands (to resume it after a dropped connection or a reload). */
export async function uploadStatus(db: Database, sender: Sender, uploadId: string) {
  const { upload, parts } = await uploadFor(db, sender, uploadId)
  return uploadView(upload, parts)
}

/** The sender's uploads of a visit that are still on their way (a reloaded page offers to resume them). */
export async function unfinishedUploads(db: Database, sender: Sender, visitId: string | null) {
  let where: ReturnType<typeof eq>
  if (visitId === null) {
    const { link } = await liveLink(db, sender.linkToken)
    where = eq(photoUploads.linkId, link.id)
  } else {
    const person = sender.actor.kind === 'person' ? sender.actor : null
    if (!person) throw new DomainError('unauthenticated')
    await photoVisitFor(db, person, visitId, 'upload')
    where = and(eq(photoUploads.visitId, visitId), eq(photoUploads.personId, person.personId)) as typeof where
  }
  const uploads = await db.select().from(photoUploads).where(where).orderBy(asc(photoUploads.createdAt))
  if (uploads.length === 0) return []
  const parts = await db
    .select()
    .from(photoUploadParts)
    .where(
      inArray(
        photoUploadParts.uploadId,
        uploads.map((u) => u.id),
      ),
    )
  return uploads.map((u) =>
    uploadView(
      u,
      parts.filter((p) => p.uploadId === u.id),
    ),
  )
}

const partRefusals: Record<PartRefusal, string> = {
  part_unknown: 'This upload has no part with that number.',
  part_repeated: 'This part is already stored; send the next one.',
  part_out_of_order: 'Parts are sent in order: send the next part that is missing.',
  part_in_flight: 'This part is being received right now.',
}

/**
 * Receives part `n` of an upload, streamed into R2 with the exact length it must have. Parts come in order
 * (partVerdict); the part is claimed in D1 before a byte is read, so the same part sent twice at once is
 * refused. The first part is checked by its bytes: anything but JPEG, PNG or WebP ends the whole upload (415)
 * and leaves nothing in R2 or D1.
 */
export async function receivePart(
  db: Database,
  bucket: R2Bucket,
  sender: Sender,
  uploadId: string,
  n: number,
  body: ReadableStream<Uint8Array> | null,
  length: number | null,
  now: Date,
) {
  const { upload, parts } = await uploadFor(db, sender, uploadId)
  if (length === null)
    throw new DomainError('length_required', 'Send each part with a Content-Length header.')
  const count = partCount(upload.sizeBytes, upload.partSize)
  const refusal = partVerdict(
    n,
    count,
    parts.map((p) => ({ partNumber: p.partNumber, done: p.etag !== null, claimedAt: p.claimedAt.getTime() })),
    now.getTime(),
  )
  if (refusal === 'part_unknown')
    throw new DomainError('not_found', partRefusals[refusal], { reason: refusal })
  if (refusal) {
    const next = nextPart(
      count,
      parts.filter((p) => p.etag !== null).map((p) => p.partNumber),
    )
    throw new DomainError('conflict', `${partRefusals[refusal]} Next: part ${next}.`, { reason: refusal })
  }
  const expected = partLength(upload.sizeBytes, n, upload.partSize)
  if (length !== expected || !body) {
    throw new DomainError('bad_request', `Part ${n} must be exactly ${expected} bytes; nothing was stored.`)
  }
  // The claim: a row without an etag. A stale one (a cut-off request) is taken over; a fresh one is refused.
  const claimed = await db
    .insert(photoUploadParts)
    .values({ uploadId, partNumber: n, sizeBytes: length, claimedAt: now })
    .onConflictDoUpdate({
      target: [photoUploadParts.uploadId, photoUploadParts.partNumber],
      set: { claimedAt: now, sizeBytes: length },
      where: and(
        isNull(photoUploadParts.etag),
        lt(photoUploadParts.claimedAt, new Date(now.getTime() - 60_000)),
      ),
    })
    .returning({ n: photoUploadParts.partNumber })
  if (claimed.length === 0) {
    throw new DomainError('conflict', partRefusals.part_in_flight, { reason: 'part_in_flight' })
  }
  const unclaim = () =>
    db
      .delete(photoUploadParts)
      .where(
        and(
          eq(photoUploadParts.uploadId, uploadId),
          eq(photoUploadParts.partNumber, n),
          isNull(photoUploadParts.etag),
        ),
      )
  const multipart = bucket.resumeMultipartUpload(upload.r2Key, upload.r2UploadId)
  let stored: Awaited<ReturnType<typeof storePartChecked>>
  try {
    stored = await storePartChecked(multipart, n, body, length, n === 1 ? { kindOf: imageKind } : undefined)
  } catch (error) {
    await unclaim().catch(() => {})
    throw error
  }
  if ('refused' in stored) {
    await abortUploads(db, bucket, [upload])
    throw looksLikeHeic(stored.refused) ? heicRefusal() : kindRefusal()
  }
  await db.batch([
    db
      .update(photoUploadParts)
      .set({ etag: stored.part.etag })
      .where(and(eq(photoUploadParts.uploadId, uploadId), eq(photoUploadParts.partNumber, n))),
    db
      .update(photoUploads)
      .set({ touchedAt: now, ...(stored.contentType ? { contentType: stored.contentType } : {}) })
      .where(eq(photoUploads.id, uploadId)),
  ])
  const after = [
    ...parts.filter((p) => p.partNumber !== n),
    { uploadId, partNumber: n, etag: stored.part.etag, sizeBytes: length, claimedAt: now },
  ]
  return uploadView(upload, after)
}

/** Aborts uploads in R2 and forgets them (their parts go with them). */
export async function abortUploads(db: Database, bucket: R2Bucket, uploads: readonly UploadRow[]) {
  if (uploads.length === 0) return
  await Promise.all(
    uploads.map((u) =>
      bucket
        .resumeMultipartUpload(u.r2Key, u.r2UploadId)
        .abort()
        .catch(() => {}),
    ),
  )
  await db.delete(photoUploads).where(
    inArray(
      photoUploads.id,
      uploads.map((u) => u.id),
    ),
  )
}

/** The sender gives up an upload: R2 forgets its parts, D1 its row. */
export async function cancelUpload(db: Database, bucket: R2Bucket, sender: Sender, uploadId: string) {
  const { upload } = await uploadFor(db, sender, uploadId)
  await abortUploads(db, bucket, [upload])
}

/** Deletes every object under a prefix (a photo's original and variants). */
export async function removePrefix(bucket: R2Bucket, prefix: string) {
  const listed = await bucket.list({ prefix })
  if (listed.objects.length > 0) await bucket.delete(listed.objects.map((o) => o.key))
}

/**
 * Finishes an upload: R2 joins the parts, the Images binding makes the public variants (checked to carry no
 * metadata), and the photo's row is written with its taken-at, the link's credit and the next position.
 * Only then does a photo exist: until this answers 201 nothing shows anywhere. Team uploads start approved,
 * link uploads wait for the team; consent starts as 'asked', so nothing is public before someone settles it.
 * When any step fails, the original and whatever was made of it are removed again.
 */
export async function completeUpload(
  db: Database,
  bucket: R2Bucket,
  images: ImagesBinding,
  sender: Sender,
  uploadId: string,
  now: Date,
) {
  const { upload, parts, visit, link } = await uploadFor(db, sender, uploadId)
  const view = uploadView(upload, parts)
  if (view.nextPart !== null || !upload.contentType) {
    throw new DomainError('conflict', `Not all parts are in yet: send part ${view.nextPart}.`, {
      reason: 'upload_incomplete',
    })
  }
  const kind = upload.contentType as ImageKind
  const multipart = bucket.resumeMultipartUpload(upload.r2Key, upload.r2UploadId)
  try {
    await multipart.complete(
      parts
        .map((p) => ({ partNumber: p.partNumber, etag: p.etag ?? '' }))
        .sort((a, b) => a.partNumber - b.partNumber),
    )
  } catch (error) {
    // R2 no longer knows the parts (aborted meanwhile): the upload cannot be finished; start again.
    console.error(`photo upload ${uploadId}: complete failed: ${error}`)
    await abortUploads(db, bucket, [upload])
    throw new DomainError('conflict', 'This upload could not be finished; send the photo again.', {
      reason: 'upload_incomplete',
    })
  }
  const prefix = `photos/${visit.id}/${upload.id}`
  const photo = await (async () => {
    try {
      const made = await makeVariants(bucket, images, { key: upload.r2Key, kind, prefix }, visit.timeZone)
      const [last] = await db
        .select({ n: sql<number>`coalesce(max(${photos.position}), 0)` })
        .from(photos)
        .where(eq(photos.visitId, visit.id))
      const row = {
        id: upload.id,
        visitId: visit.id,
        personId: upload.personId,
        linkId: upload.linkId,
        uploaderName: upload.uploaderName,
        uploaderEmail: upload.uploaderEmail,
        filename: upload.filename,
        originalKey: upload.r2Key,
        originalType: upload.contentType ?? 'image/jpeg',
        originalBytes: upload.sizeBytes,
        webKey: made.web.key,
        webWidth: made.web.width,
        webHeight: made.web.height,
        webBytes: made.web.bytes,
        thumbKey: made.thumb.key,
        thumbWidth: made.thumb.width,
        thumbHeight: made.thumb.height,
        credit: link ? link.credit || upload.uploaderName : '',
        source: link?.source ?? '',
        takenAt: made.takenAt,
        position: (last?.n ?? 0) + 1,
        approved: link === null && (await isCurator(db, sender, visit)),
        createdAt: now,
      }
      await db.batch([
        db.insert(photos).values(row),
        db.delete(photoUploads).where(eq(photoUploads.id, upload.id)),
        auditEntry(db, {
          teamId: visit.teamId,
          actorId: upload.personId,
          action: 'photo.uploaded',
          entityType: 'photo',
          entityId: upload.id,
          after: { filename: row.filename, sizeBytes: row.originalBytes, via: link ? 'link' : 'team' },
          at: now,
        }),
      ])
      return row
    } catch (error) {
      await removePrefix(bucket, `${prefix}/`).catch(() => {})
      await db
        .delete(photoUploads)
        .where(eq(photoUploads.id, upload.id))
        .catch(() => {})
      throw error
    }
  })()
  return photo
}

async function isCurator(db: Database, sender: Sender, visit: VisitRow) {
  const { access } = await photoVisitFor(db, sender.actor, visit.id)
  return access === 'curate'
}

/** Uploads nobody sent a part to for a day: aborted in R2, forgotten in D1 (a hundred per run). */
export async function abortStaleUploads(db: Database, bucket: R2Bucket, now: Date) {
  const stale = await db
    .select()
    .from(photoUploads)
    .where(lt(photoUploads.touchedAt, new Date(now.getTime() - STALE_UPLOAD_MS)))
    .limit(100)
  await abortUploads(db, bucket, stale)
  return stale.length
}

import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { InferOutput } from 'valibot'
import { photoSettings, photos, programmeItems } from '../../../shared/db/schema'
import type { Actor } from '../../../shared/domain/access'
import { utcToZoned, zonedToUtc } from '../../../shared/domain/time'
import { DomainError } from '../../../shared/errors'
import { auditEntry } from '../../platform/audit'
import type { Database } from '../../platform/env'
import { photoVisitFor, type VisitRow } from './photo-context'
import { isPublic, MiB } from './rules'
import type { photoBulkSchema, photoSettingsSchema, photoUpdateSchema } from './schemas'
import { bytesOf, limitsOf, removePrefix } from './uploads'

type Person = Extract<Actor, { kind: 'person' }>
export type PhotoRow = typeof photos.$inferSelect

/**
 * The statement that tells the public gallery it changed: its version goes up in the same batch as the change,
 * so the ETag and the edge cache key change with it (photo_settings is made when it is not there yet).
 */
export const galleryChanged = (db: Database, visitId: string) =>
  db
    .insert(photoSettings)
    .values({ visitId, galleryVersion: 2 })
    .onConflictDoUpdate({
      target: photoSettings.visitId,
      set: { galleryVersion: sql`${photoSettings.galleryVersion} + 1` },
    })

/** A photo as the team sees it (no storage keys, no uploader's address for anyone but organisers). */
export function projectPhoto(photo: PhotoRow, access: 'curate' | 'read' | 'upload', timeZone: string) {
  const { originalKey: _o, webKey: _w, thumbKey: _t, uploaderEmail, ...open } = photo
  const taken = photo.takenAt ? utcToZoned(photo.takenAt.getTime(), timeZone) : null
  return {
    ...open,
    ...(access === 'curate' ? { uploaderEmail } : {}),
    takenAtLocal: taken ? { date: taken.date, time: taken.time } : null,
    public: isPublic(photo),
  }
}

/**
 * The photos of a visit for the team, in the gallery's order: all of them for organisers and viewers, a host
 * only their own uploads. With the visit's limits and how much room is used.
 */
export async function listPhotos(db: Database, actor: Actor, visitId: string) {
  const { visit, access } = await photoVisitFor(db, actor, visitId)
  const own = access === 'upload' && actor.kind === 'person' ? eq(photos.personId, actor.personId) : undefined
  const [rows, items] = await db.batch([
    db
      .select()
      .from(photos)
      .where(and(eq(photos.visitId, visitId), own))
      .orderBy(asc(photos.position), asc(photos.createdAt)),
    db
      .select({ id: programmeItems.id, title: programmeItems.title, startsAt: programmeItems.startsAt })
      .from(programmeItems)
      .where(and(eq(programmeItems.visitId, visitId), eq(programmeItems.cancelled, false)))
      .orderBy(asc(programmeItems.startsAt)),
  ])
  const [limits, used] = await Promise.all([limitsOf(db, visitId), bytesOf(db, visitId)])
  return { visit, access, photos: rows, items, limits, used }
}

/** One photo of a visit for the team (a host: only one they uploaded). A photo of another visit is 404. */
export async function photoFor(db: Database, actor: Actor, photoId: string, need: 'see' | 'curate' = 'see') {
  const [photo] = await db.select().from(photos).where(eq(photos.id, photoId)).limit(1)
  if (!photo) throw new DomainError('not_found')
  const { visit, access } = await photoVisitFor(db, actor, photo.visitId)
  if (access === 'upload' && (actor.kind !== 'person' || photo.personId !== actor.personId)) {
    throw new DomainError('not_found')
  }
  if (need === 'curate' && access !== 'curate') throw new DomainError('forbidden')
  return { photo, visit, access }
}

const stale = () =>
  new DomainError('conflict', 'Someone changed this photo meanwhile; look at it again.', { reason: 'stale' })

/**
 * Changes a photo's description and curation (organisers), on the version it was based on: caption, credit,
 * source, taken-at (local time in the visit's zone), the programme item (of this visit), consent, approval,
 * cover (one per visit: the previous cover steps down in the same batch).
 */
export async function updatePhoto(
  db: Database,
  actor: Person,
  photoId: string,
  input: InferOutput<typeof photoUpdateSchema>,
  now: Date,
) {
  const { photo, visit } = await photoFor(db, actor, photoId, 'curate')
  if (input.version !== photo.version) throw stale()
  if (input.itemId) {
    const [item] = await db
      .select({ id: programmeItems.id })
      .from(programmeItems)
      .where(and(eq(programmeItems.id, input.itemId), eq(programmeItems.visitId, visit.id)))
      .limit(1)
    if (!item) {
      throw new DomainError('validation_failed', undefined, {
        errors: [{ field: 'itemId', message: 'photos.validation.unknownItem' }],
      })
    }
  }
  const { version: _v, takenAt, ...fields } = input
  const changes: Partial<PhotoRow> = { ...fields }
  if (takenAt !== undefined) {
    changes.takenAt = takenAt ? new Date(zonedToUtc(takenAt.date, takenAt.time, visit.timeZone)) : null
  }
  const statements: BatchItem<'sqlite'>[] = []
  if (input.cover === true) {
    statements.push(
      db
        .update(photos)
        .set({ cover: false })
        .where(and(eq(photos.visitId, visit.id), ne(photos.id, photoId), eq(photos.cover, true))),
    )
  }
  const updated = db
    .update(photos)
    .set({ ...changes, version: photo.version + 1, updatedAt: now })
    .where(and(eq(photos.id, photoId), eq(photos.version, photo.version)))
    .returning()
  const [rows] = (await db.batch([
    updated,
    ...statements,
    galleryChanged(db, visit.id),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: actor.personId,
      action: 'photo.updated',
      entityType: 'photo',
      entityId: photoId,
      before: Object.fromEntries(Object.keys(changes).map((k) => [k, photo[k as keyof PhotoRow]])),
      after: changes,
      at: now,
    }),
  ])) as [PhotoRow[], ...unknown[]]
  const [row] = rows
  if (!row) throw stale()
  return { photo: row, visit }
}

/** Approves (or not) or sets the consent of several photos of one visit at once (organisers). */
export async function updatePhotos(
  db: Database,
  actor: Person,
  visitId: string,
  input: InferOutput<typeof photoBulkSchema>,
  now: Date,
) {
  const { visit } = await photoVisitFor(db, actor, visitId, 'curate')
  const set = {
    ...(input.approved !== undefined ? { approved: input.approved } : {}),
    ...(input.consent !== undefined ? { consent: input.consent } : {}),
  }
  if (Object.keys(set).length === 0) return 0
  const [changed] = await db.batch([
    db
      .update(photos)
      .set({ ...set, version: sql`${photos.version} + 1`, updatedAt: now })
      .where(and(eq(photos.visitId, visitId), inArray(photos.id, input.ids)))
      .returning({ id: photos.id }),
    galleryChanged(db, visitId),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: actor.personId,
      action: 'photos.updated',
      entityType: 'visit',
      entityId: visitId,
      after: { ...set, count: input.ids.length },
      at: now,
    }),
  ])
  return changed.length
}

/** Puts the photos in the gallery's order (organisers): every photo of the visit, each once. */
export async function reorderPhotos(db: Database, actor: Person, visitId: string, ids: string[], now: Date) {
  const { visit } = await photoVisitFor(db, actor, visitId, 'curate')
  const current = await db.select({ id: photos.id }).from(photos).where(eq(photos.visitId, visitId))
  const known = new Set(current.map((p) => p.id))
  if (ids.length !== known.size || new Set(ids).size !== ids.length || ids.some((id) => !known.has(id))) {
    throw new DomainError('validation_failed', 'List every photo of this visit once.', {
      errors: [{ field: 'ids', message: 'photos.validation.order' }],
    })
  }
  await db.batch([
    galleryChanged(db, visitId),
    ...ids.map((id, i) =>
      db
        .update(photos)
        .set({ position: i + 1 })
        .where(eq(photos.id, id)),
    ),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: actor.personId,
      action: 'photos.reordered',
      entityType: 'visit',
      entityId: visitId,
      after: { count: ids.length },
      at: now,
    }),
  ])
}

/** Moves one photo a place up or down in the gallery's order (the team's page, without script). */
export async function movePhoto(db: Database, actor: Person, photoId: string, by: -1 | 1, now: Date) {
  const { visit } = await photoFor(db, actor, photoId, 'curate')
  const order = await db
    .select({ id: photos.id })
    .from(photos)
    .where(eq(photos.visitId, visit.id))
    .orderBy(asc(photos.position), asc(photos.createdAt))
  const ids = order.map((p) => p.id)
  const at = ids.indexOf(photoId)
  const to = at + by
  if (to < 0 || to >= ids.length) return visit
  ;[ids[at], ids[to]] = [ids[to] as string, ids[at] as string]
  await reorderPhotos(db, actor, visit.id, ids, now)
  return visit
}

/**
 * Deletes a photo: its row first (so nothing points at a missing object), then its original and variants in
 * R2. Organisers, or the host who uploaded it.
 */
export async function deletePhoto(db: Database, bucket: R2Bucket, actor: Person, photoId: string, now: Date) {
  const { photo, visit, access } = await photoFor(db, actor, photoId)
  if (access === 'read') throw new DomainError('forbidden')
  await db.batch([
    db.delete(photos).where(eq(photos.id, photoId)),
    galleryChanged(db, visit.id),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: actor.personId,
      action: 'photo.deleted',
      entityType: 'photo',
      entityId: photoId,
      before: { filename: photo.filename, caption: photo.caption },
      at: now,
    }),
  ])
  await bucket.delete([photo.originalKey, photo.webKey, photo.thumbKey])
  await removePrefix(bucket, `photos/${visit.id}/${photo.id}/`)
  return visit
}

/** Sets a visit's photo limits (organisers), in MB; lowering them never removes photos already there. */
export async function updatePhotoSettings(
  db: Database,
  actor: Person,
  visitId: string,
  input: InferOutput<typeof photoSettingsSchema>,
  now: Date,
) {
  const { visit } = await photoVisitFor(db, actor, visitId, 'curate')
  const values = { maxFileBytes: input.maxFileMb * MiB, maxVisitBytes: input.maxVisitMb * MiB }
  await db.batch([
    db
      .insert(photoSettings)
      .values({ visitId, ...values })
      .onConflictDoUpdate({ target: photoSettings.visitId, set: values }),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: actor.personId,
      action: 'photo_settings.updated',
      entityType: 'visit',
      entityId: visitId,
      after: values,
      at: now,
    }),
  ])
  return values
}

export type { VisitRow }

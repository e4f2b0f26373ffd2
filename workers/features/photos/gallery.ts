import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { photoSettings, photos, programmeItems, releases, visits } from '../../../shared/db/schema'
import { DomainError } from '../../../shared/errors'
import { batchPrepared, prepareOnce } from '../../platform/db/prepared'
import type { Database } from '../../platform/env'
import { type ZipEntry, zipStream } from '../../platform/files/zip-stream'
import { creditLine, zipEntryNames } from './rules'

/** Public means approved, with consent settled (nobody recognisable, or those shown said yes). */
const isPublicPhoto = (visitId: ReturnType<typeof sql.placeholder> | string) =>
  and(eq(photos.visitId, visitId), eq(photos.approved, true), inArray(photos.consent, ['none', 'given']))

/**
 * The gallery's version by the visit's slug (for the ETag and the edge-cache key): read in the same round
 * trip as the newest release (publicRelease's `alongside`), so a page from the edge costs one small query.
 */
export const galleryVersionBySlug = (db: Database) => (slug: string) =>
  db
    .select({ version: photoSettings.galleryVersion })
    .from(photoSettings)
    .innerJoin(visits, eq(visits.id, photoSettings.visitId))
    .where(eq(visits.slug, slug))
    .limit(1)

/** The version a gallery page is cached under: 1 until anything about the gallery changed. */
export const versionOf = (rows: readonly { version: number }[] | undefined) => rows?.[0]?.version ?? 1

/**
 * What a gallery page shows, prepared once per isolate and read only when it is rendered (in one round trip):
 * the public photos in order, with the programme item each belongs to (only the columns the page shows: no
 * storage key of an original, no uploader), and the visit's title and zone as the release froze them. Those
 * two are picked out of the snapshot by SQLite (json_extract), so a gallery page never parses a programme.
 */
const galleryQueries = prepareOnce((db) => ({
  photos: db
    .select({
      id: photos.id,
      caption: photos.caption,
      credit: photos.credit,
      source: photos.source,
      takenAt: photos.takenAt,
      cover: photos.cover,
      webKey: photos.webKey,
      webWidth: photos.webWidth,
      webHeight: photos.webHeight,
      thumbKey: photos.thumbKey,
      thumbWidth: photos.thumbWidth,
      thumbHeight: photos.thumbHeight,
      itemTitle: programmeItems.title,
    })
    .from(photos)
    .leftJoin(programmeItems, eq(programmeItems.id, photos.itemId))
    .where(isPublicPhoto(sql.placeholder('visitId')))
    .orderBy(asc(photos.position), asc(photos.createdAt))
    .prepare(),
  visit: db
    .select({
      facts: sql<string>`json_array(json_extract(${releases.snapshot}, '$.visit.title'), json_extract(${releases.snapshot}, '$.visit.timeZone'))`,
    })
    .from(releases)
    .where(eq(releases.id, sql.placeholder('releaseId')))
    .prepare(),
}))

export type GalleryPhoto = Awaited<ReturnType<typeof publicGallery>>['photos'][number]

/** The last part of a variant's key: the file name in its public address (`web-<content hash>.webp`). */
export const fileOf = (key: string) => key.slice(key.lastIndexOf('/') + 1)

/**
 * A visit's public gallery as of a release: the photos, and the visit's title and time zone from the release,
 * in one D1 round trip.
 */
export async function publicGallery(db: Database, visitId: string, releaseId: string) {
  const [shown, visit] = await batchPrepared(db, [
    [galleryQueries().photos, { visitId }],
    [galleryQueries().visit, { releaseId }],
  ] as const)
  const [title, timeZone] = JSON.parse(visit[0]?.facts ?? '[]') as [string?, string?]
  return {
    visit: { title: title ?? '', timeZone: timeZone ?? 'Europe/Amsterdam' },
    photos: shown.map((p) => ({
      ...p,
      webFile: fileOf(p.webKey),
      thumbFile: fileOf(p.thumbKey),
      creditLine: creditLine(p),
    })),
  }
}

/**
 * A public variant by the address the gallery gave it: the photo must be of this visit and public, and the
 * file its current thumbnail or web size (`thumb-<hash>.webp`). Anything else is 404, whoever asks.
 */
export async function publicVariant(db: Database, visitId: string, photoId: string, file: string) {
  const [photo] = await db
    .select({ webKey: photos.webKey, thumbKey: photos.thumbKey, caption: photos.caption })
    .from(photos)
    .where(and(eq(photos.id, photoId), isPublicPhoto(visitId)))
    .limit(1)
  const key = photo && [photo.webKey, photo.thumbKey].find((k) => fileOf(k) === file)
  if (!photo || !key) throw new DomainError('not_found')
  return { key, caption: photo.caption }
}

/**
 * "Download all": the web size of every public photo in the gallery's order, streamed as a ZIP with a
 * credits file (who took which photo, as the gallery shows it). Only public versions: no original, no EXIF.
 */
export function galleryZip(
  bucket: R2Bucket,
  visit: { title: string },
  shown: readonly GalleryPhoto[],
  creditsTitle: string,
  now: Date,
) {
  const names = zipEntryNames(shown)
  const credits = [
    `${visit.title}`,
    '',
    creditsTitle,
    ...shown.map((p, i) => `${names[i]}: ${[p.caption, p.creditLine].filter(Boolean).join(' — ')}`),
    '',
  ].join('\r\n')
  const entries: ZipEntry[] = [
    ...shown.map((p, i) => ({
      name: names[i] as string,
      modified: p.takenAt ?? now,
      body: async () => (await bucket.get(p.webKey))?.body ?? null,
    })),
    { name: 'credits.txt', modified: now, body: async () => new TextEncoder().encode(credits) },
  ]
  return zipStream(entries)
}

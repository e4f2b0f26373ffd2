import { inArray } from 'drizzle-orm'
import { photos, photoUploads } from '../../../shared/db/schema'
import type { Database } from '../../platform/env'
import { abortStaleUploads } from './uploads'

/** An object younger than this may belong to an upload being finished right now: it is never an orphan yet. */
const ORPHAN_AGE_MS = 24 * 3600_000
/** Where the orphan sweep goes on next time (per isolate: after a restart it starts from the top again). */
let sweepCursor: string | undefined

/**
 * R2 objects under photos/ that no photo and no upload points at (a Worker stopped between storing and
 * recording, a visit deleted with its rows): one page of the bucket per run, deleted once a day old.
 */
export async function removeOrphanPhotoObjects(db: Database, bucket: R2Bucket, now: Date) {
  const page = await bucket.list({ prefix: 'photos/', limit: 500, cursor: sweepCursor })
  sweepCursor = page.truncated ? page.cursor : undefined
  const idOf = (key: string) => key.split('/')[2] ?? ''
  const ids = [...new Set(page.objects.map((o) => idOf(o.key)).filter(Boolean))]
  if (ids.length === 0) return 0
  const [known, underway] = await db.batch([
    db.select({ id: photos.id }).from(photos).where(inArray(photos.id, ids)),
    db.select({ id: photoUploads.id }).from(photoUploads).where(inArray(photoUploads.id, ids)),
  ])
  const alive = new Set([...known, ...underway].map((r) => r.id))
  const orphans = page.objects
    .filter((o) => !alive.has(idOf(o.key)) && now.getTime() - o.uploaded.getTime() > ORPHAN_AGE_MS)
    .map((o) => o.key)
  if (orphans.length > 0) await bucket.delete(orphans)
  return orphans.length
}

/** The photos' part of the scheduled clean-up: idle uploads aborted, orphaned objects removed. */
export async function cleanUpPhotos(db: Database, bucket: R2Bucket, now: Date) {
  const aborted = await abortStaleUploads(db, bucket, now)
  const orphans = await removeOrphanPhotoObjects(db, bucket, now)
  return { aborted, orphans }
}

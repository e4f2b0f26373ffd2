import { and, asc, eq, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import { releaseParts, releases } from '../../../shared/db/schema'
import { type ReleaseSnapshot, snapshotFromRows, snapshotRows } from '../../../shared/domain/release-snapshot'
import type { Database } from '../../platform/env'
import type { StoredBodies } from '../../platform/http/public-cache'

/**
 * A release's large parts beside it: the items of a snapshot too large for one D1 value (release_parts), and
 * the public answers made once per release and language (in R2, named in release_parts).
 */

/** The `snapshot` value of a release row and the rows of its item parts, to insert with it (one batch). */
export function snapshotValues(releaseId: string, snapshot: ReleaseSnapshot) {
  const { row, itemParts } = snapshotRows(snapshot)
  return {
    row,
    parts: itemParts.map((body, seq) => ({ releaseId, key: 'items', seq, body })),
  }
}

/** Inserts of part rows, at most a few per statement (each value may be near D1's 2 MB). */
export function insertParts(db: Database, rows: (typeof releaseParts.$inferInsert)[]) {
  return rows.map((r) => db.insert(releaseParts).values(r).onConflictDoNothing())
}

/** A release's snapshot with its item parts, in one D1 round trip. */
export async function readReleaseSnapshot(db: Database, releaseId: string): Promise<ReleaseSnapshot> {
  return (await readReleaseSnapshotWith(db, releaseId)).snapshot
}

/** A release's snapshot with its item parts and the rows of one more statement, in one D1 round trip. */
export async function readReleaseSnapshotWith<S extends BatchItem<'sqlite'>>(
  db: Database,
  releaseId: string,
  extra?: S,
): Promise<{ snapshot: ReleaseSnapshot; extra: Awaited<S> | undefined }> {
  const row = db.select({ snapshot: releases.snapshot }).from(releases).where(eq(releases.id, releaseId))
  const parts = db
    .select({ body: releaseParts.body })
    .from(releaseParts)
    .where(and(eq(releaseParts.releaseId, releaseId), eq(releaseParts.key, 'items')))
    .orderBy(asc(releaseParts.seq))
  // The extra statement goes first: a claim (see storedBodies) is taken before the snapshot is read.
  const [got, rows, partRows] = extra
    ? await db.batch([extra, row, parts])
    : [undefined, ...(await db.batch([row, parts]))]
  const [head] = rows as { snapshot: string }[]
  if (!head) throw new Error(`release ${releaseId} vanished`)
  return {
    snapshot: snapshotFromRows(
      head.snapshot,
      (partRows as { body: string }[]).map((p) => p.body),
    ),
    extra: got as Awaited<S> | undefined,
  }
}

/** The snapshot of a release row as read (`select()`), its item parts read only when it has any. */
export async function snapshotOfRow(db: Database, row: { id: string; snapshot: string }) {
  const head = JSON.parse(row.snapshot) as ReleaseSnapshot
  if (!head.itemParts) return head
  const parts = await db
    .select({ body: releaseParts.body })
    .from(releaseParts)
    .where(and(eq(releaseParts.releaseId, row.id), eq(releaseParts.key, 'items')))
    .orderBy(asc(releaseParts.seq))
  return snapshotFromRows(
    row.snapshot,
    parts.map((p) => p.body),
  )
}

/** How long a first reader may take to make an answer before another reader makes it instead. */
export const CLAIM_MS = 10_000
/** How long a reader waits for an answer another reader is making (then makes it too). */
const WAIT_MS = 3_000
const POLL_MS = 100

/** Where an answer made for a release is kept: in R2, beside the release's photos, under the release id. */
export const storedBodyKey = (releaseId: string, variant: string) => `releases/${releaseId}/${variant}`

/**
 * A public answer of a release made once (by its first reader anywhere) and kept beside it, for cachedPublic:
 * the bytes go to R2 (streamed back to every later reader the edge cache has nothing for: another data centre,
 * a new isolate, with no D1 value to decode and no render), and a row 'body:<variant>' in release_parts says
 * it is there, so the release head (`published.made`) tells a reader whether to look. The first reader of an
 * answer claims it ('claim:<variant>', in the same D1 round trip as the snapshot it renders from); readers who
 * come while it renders wait for it in R2 instead of rendering too, and make it themselves only when the
 * claim is older than CLAIM_MS or the wait runs out. Keys name the release, so a new release is never
 * answered with an old one. Only answers that are the same for every reader are kept (`variant` must not
 * carry a share link: those stay in the edge cache alone).
 */
export function storedBodies(
  db: Database,
  bucket: R2Bucket,
  published: {
    release: { id: string }
    made: Set<string>
    snapshotWith: <S extends BatchItem<'sqlite'>>(extra: S) => Promise<Awaited<S> | undefined>
  },
  variant: string,
  now = Date.now,
): StoredBodies {
  const releaseId = published.release.id
  const key = `body:${variant}`
  const objectKey = storedBodyKey(releaseId, variant)
  const fetchMade = () => bucket.get(objectKey)
  return {
    async read() {
      if (published.made.has(key)) {
        const made = await fetchMade()
        if (made) return made
      }
      // Not made yet (as the release head said): claim it, reading the snapshot in the same round trip.
      const at = now()
      const claim = await published.snapshotWith(
        db
          .insert(releaseParts)
          .values({ releaseId, key: `claim:${variant}`, seq: 0, body: String(at) })
          .onConflictDoUpdate({
            target: [releaseParts.releaseId, releaseParts.key, releaseParts.seq],
            set: { body: String(at) },
            setWhere: sql`CAST(${releaseParts.body} AS INTEGER) < ${at - CLAIM_MS}`,
          })
          .returning({ claimed: releaseParts.seq }),
      )
      if (!claim || claim.length > 0) return null
      // Another reader is making it: wait for it rather than render the same answer again.
      for (let waited = 0; waited < WAIT_MS; waited += POLL_MS) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS))
        const made = await fetchMade()
        if (made) return made
      }
      return null
    },
    async write(body) {
      await bucket.put(objectKey, body)
      // Two first readers at once both write the same bytes: the second row is ignored.
      await db.insert(releaseParts).values({ releaseId, key, seq: 0, body: 'r2' }).onConflictDoNothing()
      published.made.add(key)
    },
  }
}

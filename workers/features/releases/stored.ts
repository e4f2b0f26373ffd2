import { and, asc, eq } from 'drizzle-orm'
import { releaseParts, releases } from '../../../shared/db/schema'
import {
  type ReleaseSnapshot,
  snapshotFromRows,
  snapshotRows,
  textChunks,
} from '../../../shared/domain/release-snapshot'
import type { Database } from '../../platform/env'
import type { StoredBodies } from '../../platform/http/public-cache'

/**
 * A release's large parts beside it (release_parts): the items of a snapshot too large for one D1 value, and
 * the public answers made once per release and language.
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
  const [rows, parts] = await db.batch([
    db.select({ snapshot: releases.snapshot }).from(releases).where(eq(releases.id, releaseId)),
    db
      .select({ body: releaseParts.body })
      .from(releaseParts)
      .where(and(eq(releaseParts.releaseId, releaseId), eq(releaseParts.key, 'items')))
      .orderBy(asc(releaseParts.seq)),
  ])
  const [row] = rows
  if (!row) throw new Error(`release ${releaseId} vanished`)
  return snapshotFromRows(
    row.snapshot,
    parts.map((p) => p.body),
  )
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

/**
 * A public answer of a release made once (by its first reader anywhere) and kept beside it, for cachedPublic:
 * `published.made` (from the release head) says whether it is there, so a reader does one read or the other.
 * every later reader the edge cache has nothing for (another data centre, a new isolate) streams it from D1
 * instead of rendering. Only answers that are the same for every reader are kept (`variant` must not carry a
 * share link: those stay in the edge cache alone).
 */
export function storedBodies(
  db: Database,
  published: { release: { id: string }; made: Set<string> },
  variant: string,
): StoredBodies {
  const releaseId = published.release.id
  const key = `body:${variant}`
  return {
    async read() {
      // Not made yet (as the release head said): rendering needs no look first.
      if (!published.made.has(key)) return null
      const rows = await db
        .select({ body: releaseParts.body })
        .from(releaseParts)
        .where(and(eq(releaseParts.releaseId, releaseId), eq(releaseParts.key, key)))
        .orderBy(asc(releaseParts.seq))
      return rows.length === 0 ? null : rows.length === 1 ? rows[0]!.body : rows.map((r) => r.body).join('')
    },
    async write(body) {
      const chunks = textChunks(body)
      const inserts = insertParts(
        db,
        chunks.map((chunk, seq) => ({ releaseId, key, seq, body: chunk })),
      )
      // Two first readers at once both write the same bytes: the second insert is ignored.
      const [first, ...rest] = inserts
      if (first) await db.batch([first, ...rest])
      published.made.add(key)
    },
  }
}

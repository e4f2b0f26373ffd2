import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import { releaseParts, releases, shareLinks, visits } from '../../../shared/db/schema'
import { type ReleaseSnapshot, snapshotFromRows } from '../../../shared/domain/release-snapshot'
import { hashToken, tokenPattern } from '../../platform/auth/tokens'
import type { Database } from '../../platform/env'

export type VisitRow = typeof visits.$inferSelect

/** Published, listed visits for the home page, oldest start first. */
export async function listPublishedVisits(db: Database) {
  return db
    .select({
      slug: visits.slug,
      title: visits.title,
      kind: visits.kind,
      startDate: visits.startDate,
      endDate: visits.endDate,
      timeZone: visits.timeZone,
      description: visits.description,
    })
    .from(visits)
    .where(and(eq(visits.status, 'published'), eq(visits.listed, true)))
    .orderBy(asc(visits.startDate))
}

/** True when `token` is a live share link of the visit (unlisted visits are readable only through one). */
export async function isValidShareLink(
  db: Database,
  visitId: string,
  token: string | undefined,
): Promise<boolean> {
  if (!token || !tokenPattern.test(token)) return false
  const [row] = await db
    .select({ id: shareLinks.id })
    .from(shareLinks)
    .where(
      and(
        eq(shareLinks.visitId, visitId),
        eq(shareLinks.tokenHash, await hashToken(token)),
        isNull(shareLinks.revokedAt),
      ),
    )
    .limit(1)
  return row !== undefined
}

/**
 * The newest release of a published visit, without its snapshot: enough to answer 304 or serve from the edge
 * cache in one small query. The snapshot is read only when a page must really be rendered. `alongside` is one
 * more small read sent in the same round trip (a page's own version, found by the same slug), so a page whose
 * cache key needs it is still served from the edge in one round trip; its rows come back as `alongside`.
 */
export async function getPublishedHead<A extends BatchItem<'sqlite'> = never>(
  db: Database,
  slug: string,
  alongside?: A,
) {
  // Both ids under names of their own: in a batch D1 answers rows as objects, and two columns named `id`
  // would collapse into one.
  const head = db
    .select({
      visitId: sql<string>`${visits.id}`.as('visit_id'),
      listed: visits.listed,
      status: visits.status,
      releaseId: sql<string>`${releases.id}`.as('release_id'),
      number: releases.number,
      name: releases.name,
      publishedAt: releases.publishedAt,
    })
    .from(visits)
    .innerJoin(releases, eq(releases.visitId, visits.id))
    .where(and(eq(visits.slug, slug), inArray(visits.status, ['published', 'archived'])))
    .orderBy(desc(releases.number))
    .limit(1)
  const [rows, extra] = alongside ? await db.batch([head, alongside]) : [await head, undefined]
  const [row] = rows
  return row ? { ...row, alongside: extra as Awaited<A> | undefined } : null
}

/** The frozen programme of one release, with the items a large release keeps in parts beside it. */
export async function getReleaseSnapshot(db: Database, releaseId: string): Promise<ReleaseSnapshot> {
  const [[row], parts] = await db.batch([
    db.select({ snapshot: releases.snapshot }).from(releases).where(eq(releases.id, releaseId)),
    db
      .select({ body: releaseParts.body })
      .from(releaseParts)
      .where(and(eq(releaseParts.releaseId, releaseId), eq(releaseParts.key, 'items')))
      .orderBy(asc(releaseParts.seq)),
  ])
  if (!row) throw new Error(`release ${releaseId} vanished`)
  return snapshotFromRows(
    row.snapshot,
    parts.map((p) => p.body),
  )
}

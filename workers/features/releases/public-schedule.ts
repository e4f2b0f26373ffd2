import { and, desc, eq, inArray, type Placeholder, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { Context } from 'hono'
import * as v from 'valibot'
import { photos, releaseParts, releases, reports, visits } from '../../../shared/db/schema'
import type { ReleaseSnapshot } from '../../../shared/domain/release-snapshot'
import { DomainError } from '../../../shared/errors'
import { slugSchema } from '../../../shared/schemas/common'
import { hashToken } from '../../platform/auth/tokens'
import { batchPrepared, prepareOnce, type RowsOf } from '../../platform/db/prepared'
import type { AppEnv, Database } from '../../platform/env'
import { shortMemory, skipsCaches } from '../../platform/http/public-cache'
import { isValidShareLink } from '../visits/queries'
import { isValidGuestPass } from './guest-pass'
import { readReleaseSnapshot, readReleaseSnapshotWith } from './stored'

/**
 * How long an isolate keeps the newest release of a slug: within this, another isolate's publish (or an
 * unlisting, an archiving) is seen; a write in this isolate forgets it at once (forgetRecentHeads). So the
 * edge-cache hit of a busy page costs no D1 query at all.
 */
export const HEAD_MEMORY_MS = 5_000
const heads = shortMemory<NonNullable<Awaited<ReturnType<typeof publishedHead>>>>(HEAD_MEMORY_MS)

/**
 * The newest release of a published visit, without its snapshot: enough to answer 304 or serve from the edge
 * cache in one small query, with the names of the answers already made for it (release_parts, found in its
 * primary key alone), so a reader the edge has nothing for reads a made answer or renders, never both.
 * `alongside` is one more small read sent in the same round trip (a page's own version, found by the same
 * slug); its rows come back as `alongside`.
 */
/** The release head's query (see publishedHead), by slug or with the slug as a placeholder. */
const headQuery = (db: Database, slug: string | Placeholder) =>
  db
    .select({
      // Both ids under names of their own: in a batch D1 answers rows as objects, and two columns named `id`
      // would collapse into one.
      visitId: sql<string>`${visits.id}`.as('visit_id'),
      listed: visits.listed,
      status: visits.status,
      releaseId: sql<string>`${releases.id}`.as('release_id'),
      number: releases.number,
      name: releases.name,
      publishedAt: releases.publishedAt,
      // The visit's days as planned now: the range a `?day=` of the public page may name (see public.tsx).
      startDate: visits.startDate,
      endDate: visits.endDate,
      made: sql<
        string | null
      >`(SELECT json_group_array(${releaseParts.key}) FROM ${releaseParts} WHERE ${releaseParts.releaseId} = ${releases.id} AND ${releaseParts.seq} = 0 AND ${releaseParts.key} > 'body:' AND ${releaseParts.key} < 'body;')`.as(
        'made',
      ),
      // What the public page shows beside the release (so its stored answer is kept per state of these):
      // whether the visit's report is published (the page links to it), and its public cover photo (Open
      // Graph), as [id, web key, width, height, caption, version].
      reportPublished:
        sql<number>`EXISTS (SELECT 1 FROM ${reports} WHERE ${reports.visitId} = ${visits.id} AND ${reports.status} = 'published')`.as(
          'report_published',
        ),
      cover: sql<
        string | null
      >`(SELECT json_array(${photos.id}, ${photos.webKey}, ${photos.webWidth}, ${photos.webHeight}, ${photos.caption}, ${photos.version}) FROM ${photos} WHERE ${photos.visitId} = ${visits.id} AND ${photos.cover} = 1 AND ${photos.approved} = 1 AND ${photos.consent} IN ('none', 'given'))`.as(
        'cover',
      ),
    })
    .from(visits)
    .innerJoin(releases, eq(releases.visitId, visits.id))
    .where(and(eq(visits.slug, slug), inArray(visits.status, ['published', 'archived'])))
    .orderBy(desc(releases.number))
    .limit(1)

/** Built once per isolate: the head is read on every public request the isolate does not remember. */
const preparedHead = prepareOnce((db) => headQuery(db, sql.placeholder('slug')).prepare())

/**
 * An `alongside` read prepared once (prepareOnce), with the slug as its placeholder `slug`: sent with the
 * prepared head, so neither query's SQL is built on the request.
 */
export type PreparedBySlug = Parameters<typeof batchPrepared>[1][number][0]
/** The rows of an `alongside` read, built or prepared. */
type AlongsideRows<A> = A extends PreparedBySlug ? RowsOf<A> : Awaited<A>
const isPrepared = (read: object): read is PreparedBySlug => 'getQuery' in read && 'mapResult' in read

async function publishedHead<A extends BatchItem<'sqlite'> | PreparedBySlug = never>(
  db: Database,
  slug: string,
  alongside?: A,
) {
  const [rows, extra] = !alongside
    ? [(await batchPrepared(db, [[preparedHead(), { slug }]] as const))[0], undefined]
    : isPrepared(alongside)
      ? await batchPrepared(db, [
          [preparedHead(), { slug }],
          [alongside, { slug }],
        ] as const)
      : await db.batch([headQuery(db, slug), alongside as BatchItem<'sqlite'>])
  const [row] = rows
  if (!row) return null
  const { made, reportPublished, cover, ...rest } = row
  const shown = cover ? (JSON.parse(cover) as [string, string, number, number, string, number]) : null
  return {
    ...rest,
    reportPublished: Boolean(reportPublished),
    cover: shown
      ? {
          id: shown[0],
          webKey: shown[1],
          width: shown[2],
          height: shown[3],
          caption: shown[4],
          version: shown[5],
        }
      : null,
    /** Answers stored beside the release ('body:<variant>'); added to when this isolate stores one. */
    made: new Set(JSON.parse(made ?? '[]') as string[]),
    alongside: extra as AlongsideRows<A> | undefined,
  }
}

/**
 * The newest release of a visit as the public may see it: 404 for drafts, unknown slugs, and unlisted visits
 * without a live share link (`?k=…`) or a guest's own pass (`?g=…`, see guest-pass.ts), so an unlisted
 * visit's existence is never confirmed. The snapshot is loaded lazily (and once), so a 304 or an edge-cache
 * hit costs one small query.
 */
export async function publicRelease<A extends BatchItem<'sqlite'> | PreparedBySlug = never>(
  c: Context<AppEnv>,
  slug: string | undefined,
  /** One more read by the same slug, sent in the same round trip (see getPublishedHead). */
  alongside?: (slug: string) => A,
  /**
   * Names what `alongside` reads, when its answer may be kept with the release head for HEAD_MEMORY_MS (it
   * must change only with a release); without it, a read with `alongside` always asks D1.
   */
  alongsideKey?: string,
) {
  const parsed = v.safeParse(slugSchema, slug)
  if (!parsed.success) throw new DomainError('not_found')
  const memoKey = alongside ? (alongsideKey ? `${parsed.output} ${alongsideKey}` : null) : parsed.output
  const remembered = memoKey && !skipsCaches(c) ? heads.get(memoKey) : undefined
  const head = remembered ?? (await publishedHead(c.var.db, parsed.output, alongside?.(parsed.output)))
  if (!head) throw new DomainError('not_found')
  if (memoKey && !remembered) heads.set(memoKey, head)
  let shareQuery = ''
  if (!head.listed) {
    const shareToken = c.req.query('k')
    const guestPass = c.req.query('g')
    if (await isValidShareLink(c.var.db, head.visitId, shareToken)) {
      shareQuery = `k=${encodeURIComponent(shareToken ?? '')}`
    } else if (await isValidGuestPass(c.var.db, c.var.config, head.visitId, guestPass)) {
      shareQuery = `g=${encodeURIComponent(guestPass ?? '')}`
    } else {
      throw new DomainError('not_found')
    }
  }
  let loaded: Promise<ReleaseSnapshot> | undefined
  return {
    visitId: head.visitId,
    /** The rows of `alongside`, read with the release. */
    alongside: head.alongside as AlongsideRows<A> | undefined,
    status: head.status,
    release: { id: head.releaseId, number: head.number, name: head.name, publishedAt: head.publishedAt },
    snapshot: () => {
      loaded ??= readReleaseSnapshot(c.var.db, head.releaseId)
      return loaded
    },
    /**
     * Runs one more statement in the same round trip as the snapshot (read once, as `snapshot`): a claim on an
     * answer to make (see storedBodies). Its rows; when the snapshot was read already, it runs alone.
     */
    snapshotWith: async <S extends BatchItem<'sqlite'>>(extra: S): Promise<Awaited<S> | undefined> => {
      if (loaded) return (await extra) as Awaited<S>
      const both = readReleaseSnapshotWith(c.var.db, head.releaseId, extra)
      loaded = both.then((b) => b.snapshot)
      return (await both).extra
    },
    shareQuery,
    /** The answers already made for this release (see storedBodies). */
    made: head.made,
    /** The visit's first and last day (local dates), as the draft has them. */
    dates: { start: head.startDate, end: head.endDate },
    /** Whether the visit's report is published (the public page links to it). */
    reportPublished: head.reportPublished,
    /** The visit's public cover photo, for the page's share card. */
    cover: head.cover,
    /**
     * For cache keys and ETags: a page whose links carry a share query is kept per link, so nobody is handed
     * a copy with another person's link in it (which would also stop working when that link is revoked).
     */
    cacheScope: shareQuery ? `share-${(await hashToken(shareQuery)).slice(0, 32)}` : 'open',
  }
}

/** One row when the newest release of the visit with this slug has a group with this id, none otherwise. */
export const groupOfNewestRelease = (db: Database, slug: string, groupId: string) =>
  db
    .select({ found: sql<number>`1` })
    .from(releases)
    .innerJoin(visits, eq(visits.id, releases.visitId))
    .where(
      and(
        eq(visits.slug, slug),
        sql`${releases.number} = (SELECT max(r.number) FROM releases r WHERE r.visit_id = ${visits.id})`,
        sql`EXISTS (SELECT 1 FROM json_each(${releases.snapshot}, '$.groups') WHERE json_extract(value, '$.id') = ${groupId})`,
      ),
    )
    .limit(1)

/** A group id from the query, in the shape of an id (anything else is ignored, also for the cache key). */
export const groupParam = (value: string | undefined) =>
  value && /^[A-Za-z0-9-]{1,64}$/.test(value) ? value : null

/**
 * A day from the query (`?day=2027-05-01`) when it is one of the visit's days (anything else is ignored, also
 * for the cache key), so made-up days can neither force renders nor fill the cache.
 */
export const dayParam = (value: string | undefined, dates: { start: string; end: string }) =>
  value && /^\d{4}-\d{2}-\d{2}$/.test(value) && value >= dates.start && value <= dates.end ? value : null

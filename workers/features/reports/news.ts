import { and, desc, eq, sql } from 'drizzle-orm'
import { reports, teams, visits } from '../../../shared/db/schema'
import { DomainError } from '../../../shared/errors'
import { batchPrepared, prepareOnce } from '../../platform/db/prepared'
import type { Database } from '../../platform/env'
import { shortMemory } from '../../platform/http/public-cache'
import { HEAD_MEMORY_MS } from '../releases/public-schedule'
import { archiveMonth } from './rules'

/** A team id as it stands in a path: our own ids only, anything else is 404 before a query. */
export const teamIdPattern = /^[A-Za-z0-9-]{1,64}$/

const published = (teamId: ReturnType<typeof sql.placeholder>) =>
  and(eq(visits.teamId, teamId), eq(visits.listed, true), eq(reports.status, 'published'))

/**
 * The team's news: its name and a stamp that changes with every change to any of its reports (for the ETag
 * and edge-cache key), in one small query; the list itself only on a miss, in one more.
 */
const newsQueries = prepareOnce((db) => ({
  head: db
    .select({
      name: teams.name,
      // Written out: inside a subquery drizzle names columns without their table, and `id` is in both.
      stamp: sql<string>`(SELECT count(*) || '.' || coalesce(sum(r.public_version), 0) FROM reports r JOIN visits v ON v.id = r.visit_id WHERE v.team_id = "teams"."id")`,
    })
    .from(teams)
    .where(eq(teams.id, sql.placeholder('teamId')))
    .prepare(),
  list: db
    .select({
      slug: visits.slug,
      // Named apart: in a batch D1 answers rows as objects, and two columns named `title` would collapse.
      visitTitle: sql<string>`${visits.title}`.as('visit_title'),
      timeZone: visits.timeZone,
      title: reports.title,
      intro: reports.intro,
      category: reports.category,
      authorName: reports.authorName,
      publishedAt: reports.publishedAt,
      updatedAt: reports.updatedAt,
      id: reports.id,
    })
    .from(reports)
    .innerJoin(visits, eq(visits.id, reports.visitId))
    .where(published(sql.placeholder('teamId')))
    .orderBy(desc(reports.publishedAt))
    .limit(200)
    .prepare(),
}))

/** The team's name and news stamp; 404 for an unknown team. */
export async function newsHead(db: Database, teamId: string) {
  if (!teamIdPattern.test(teamId)) throw new DomainError('not_found')
  const remembered = newsHeads.get(teamId)
  if (remembered) return remembered
  const head = await readNewsHead(db, teamId)
  if (!head) throw new DomainError('not_found')
  newsHeads.set(teamId, head)
  return head
}

/**
 * A team's news head (name and stamp) kept for a few seconds, as a release's is: the news page and feed from the
 * edge then cost no D1 query. A write in this isolate forgets it at once; another sees a new report within
 * the same seconds as a new release.
 */
const newsHeads = shortMemory<NewsHead>(HEAD_MEMORY_MS)
type NewsHead = NonNullable<Awaited<ReturnType<typeof readNewsHead>>>
const readNewsHead = (db: Database, teamId: string) =>
  batchPrepared(db, [[newsQueries().head, { teamId }]] as const).then(([[head]]) => head)

/** The team's published reports of listed visits, newest first, with the month each is filed under. */
export async function newsList(db: Database, teamId: string) {
  const [rows] = await batchPrepared(db, [[newsQueries().list, { teamId }]] as const)
  return rows.map((r) => ({
    ...r,
    month: r.publishedAt ? archiveMonth(r.publishedAt, r.timeZone) : '',
  }))
}

export type NewsEntry = Awaited<ReturnType<typeof newsList>>[number]

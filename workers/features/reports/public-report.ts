import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import {
  followUps,
  photoSettings,
  photos,
  releaseParts,
  releases,
  reportComments,
  reportPhotos,
  reports,
  talkFiles,
  talks,
  visits,
} from '../../../shared/db/schema'
import { type ReleaseSnapshot, snapshotFromRows } from '../../../shared/domain/release-snapshot'
import { DomainError } from '../../../shared/errors'
import { batchPrepared, prepareOnce } from '../../platform/db/prepared'
import type { Database } from '../../platform/env'
import { creditLine } from '../photos/rules'

/** The file name of a variant in its public address (the photos feature serves it by this name). */
const fileOf = (key: string) => key.slice(key.lastIndexOf('/') + 1)

/**
 * What the talks part of the page shows, as a stamp that changes with it: the visit's talks (any change to a
 * talk raises its version), their current slides, and which speakers consented. The page is kept under it
 * (see stored-page.ts), so a talk edited, slides replaced or a consent taken back shows at once.
 */
const talksStamp =
  sql<string>`(SELECT count(*) || '.' || total(t.version) FROM talks t WHERE t.visit_id = ${reports.visitId}) || '.' || (SELECT count(*) || '.' || coalesce(max(f.uploaded_at), 0) FROM talk_files f JOIN talks t ON t.id = f.talk_id WHERE t.visit_id = ${reports.visitId} AND f.current = 1) || '.' || (SELECT total(s.consent * s.rowid) FROM speakers s WHERE s.visit_id = ${reports.visitId})`.as(
    'talks_stamp',
  )

/**
 * The report's head by the visit's slug, read in the same round trip as the newest release (publicRelease's
 * `alongside`): whether it is published, and the versions its page is cached under (the report's, and the
 * gallery's, as the photo impression shows the gallery's photos; the talks' stamp).
 */
export const reportHeadBySlug = prepareOnce((db) =>
  db
    .select({
      reportId: reports.id,
      teamId: visits.teamId,
      status: reports.status,
      publicVersion: reports.publicVersion,
      galleryVersion: sql<number>`coalesce(${photoSettings.galleryVersion}, 1)`,
      talks: talksStamp,
    })
    .from(reports)
    .innerJoin(visits, eq(visits.id, reports.visitId))
    .leftJoin(photoSettings, eq(photoSettings.visitId, reports.visitId))
    .where(eq(visits.slug, sql.placeholder('slug')))
    .limit(1)
    .prepare(),
)

export type ReportHead = {
  reportId: string
  teamId: string
  status: string
  publicVersion: number
  galleryVersion: number
  talks: string
}

/** The published report's head, or 404: a draft or withdrawn report is not there for the public. */
export function publishedHead(rows: readonly ReportHead[] | undefined): ReportHead {
  const head = rows?.[0]
  if (head?.status !== 'published') throw new DomainError('not_found')
  return head
}

/** A talk is shown only when every one of its speakers consented to be published. */
const everySpeakerConsented = sql`NOT EXISTS (SELECT 1 FROM talk_speakers ts JOIN speakers s ON s.id = ts.speaker_id WHERE ts.talk_id = "talks"."id" AND s.consent = 0)`

/** Public means approved, with consent settled: the gallery's own rule. */
const isPublicPhoto = and(eq(photos.approved, true), inArray(photos.consent, ['none', 'given']))

/**
 * Everything the public report page shows, prepared once per isolate and read in one round trip: the report,
 * its photo impression (public photos only, in the team's order), the approved comments, the follow-ups the
 * team shows, the talks whose speakers all consented (with their current slides), and the release's programme.
 */
const reportQueries = prepareOnce((db) => ({
  report: db
    .select({
      id: reports.id,
      visitId: reports.visitId,
      title: reports.title,
      intro: reports.intro,
      body: reports.body,
      authorName: reports.authorName,
      category: reports.category,
      showProgramme: reports.showProgramme,
      showTalks: reports.showTalks,
      publishedAt: reports.publishedAt,
      updatedAt: reports.updatedAt,
    })
    .from(reports)
    .where(eq(reports.id, sql.placeholder('reportId')))
    .prepare(),
  photos: db
    .select({
      id: photos.id,
      caption: photos.caption,
      credit: photos.credit,
      source: photos.source,
      webKey: photos.webKey,
      webWidth: photos.webWidth,
      webHeight: photos.webHeight,
      thumbKey: photos.thumbKey,
      thumbWidth: photos.thumbWidth,
      thumbHeight: photos.thumbHeight,
    })
    .from(reportPhotos)
    .innerJoin(photos, eq(photos.id, reportPhotos.photoId))
    .where(and(eq(reportPhotos.reportId, sql.placeholder('reportId')), isPublicPhoto))
    .orderBy(asc(reportPhotos.position))
    .prepare(),
  comments: db
    .select({
      id: reportComments.id,
      name: reportComments.name,
      body: reportComments.body,
      at: reportComments.createdAt,
    })
    .from(reportComments)
    .where(
      and(eq(reportComments.reportId, sql.placeholder('reportId')), eq(reportComments.status, 'approved')),
    )
    .orderBy(asc(reportComments.createdAt))
    .limit(500)
    .prepare(),
  followUps: db
    .select({
      id: followUps.id,
      title: followUps.title,
      description: followUps.description,
      status: followUps.status,
      doneAt: followUps.doneAt,
    })
    .from(followUps)
    .where(and(eq(followUps.visitId, sql.placeholder('visitId')), eq(followUps.showOnReport, true)))
    .orderBy(asc(followUps.createdAt))
    .prepare(),
  talks: db
    .select({
      id: talks.id,
      itemId: talks.itemId,
      title: talks.title,
      abstract: talks.abstract,
      // Written out: inside a subquery drizzle names columns without their table.
      files: sql<string>`(SELECT json_group_array(json_array(f.id, f.filename)) FROM talk_files f WHERE f.talk_id = "talks"."id" AND f.current = 1)`,
    })
    .from(talks)
    .where(
      and(eq(talks.visitId, sql.placeholder('visitId')), eq(talks.state, 'confirmed'), everySpeakerConsented),
    )
    .prepare(),
  snapshot: db
    .select({ snapshot: releases.snapshot })
    .from(releases)
    .where(eq(releases.id, sql.placeholder('releaseId')))
    .prepare(),
  // A large release keeps its items in parts beside the row (none for a small one).
  itemParts: db
    .select({ body: releaseParts.body })
    .from(releaseParts)
    .where(and(eq(releaseParts.releaseId, sql.placeholder('releaseId')), eq(releaseParts.key, 'items')))
    .orderBy(asc(releaseParts.seq))
    .prepare(),
}))

/** The public report of a visit, as of a release, in one D1 round trip. */
export async function publicReport(db: Database, reportId: string, visitId: string, releaseId: string) {
  const q = reportQueries()
  const [report, shown, comments, points, consented, release, itemParts] = await batchPrepared(db, [
    [q.report, { reportId }],
    [q.photos, { reportId }],
    [q.comments, { reportId }],
    [q.followUps, { visitId }],
    [q.talks, { visitId }],
    [q.snapshot, { releaseId }],
    [q.itemParts, { releaseId }],
  ] as const)
  const row = report[0]
  if (!row) throw new DomainError('not_found')
  const snapshot: Partial<ReleaseSnapshot> = release[0]
    ? snapshotFromRows(
        release[0].snapshot,
        itemParts.map((p) => p.body),
      )
    : {}
  return {
    report: row,
    snapshot,
    photos: shown.map((p) => ({
      ...p,
      webFile: fileOf(p.webKey),
      thumbFile: fileOf(p.thumbKey),
      creditLine: creditLine(p),
    })),
    comments,
    followUps: points,
    talks: consented.map((t) => ({
      ...t,
      files: (JSON.parse(t.files) as [string | null, string | null][])
        .filter((f): f is [string, string] => f[0] !== null)
        .map(([id, filename]) => ({ id, filename })),
    })),
  }
}

export type PublicReport = Awaited<ReturnType<typeof publicReport>>

/** A current slides file of a consented, confirmed talk of the visit whose report is published; else 404. */
export async function publicSlides(db: Database, visitId: string, fileId: string) {
  const [file] = await db
    .select({ r2Key: talkFiles.r2Key, filename: talkFiles.filename })
    .from(talkFiles)
    .innerJoin(talks, eq(talks.id, talkFiles.talkId))
    .innerJoin(reports, eq(reports.visitId, talks.visitId))
    .where(
      and(
        eq(talkFiles.id, fileId),
        eq(talkFiles.current, true),
        eq(talks.visitId, visitId),
        eq(talks.state, 'confirmed'),
        eq(reports.status, 'published'),
        eq(reports.showTalks, true),
        everySpeakerConsented,
      ),
    )
    .limit(1)
  if (!file) throw new DomainError('not_found')
  return file
}

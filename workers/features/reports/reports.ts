import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import {
  memberships,
  people,
  photos,
  type ReportStatus,
  releases,
  reportComments,
  reportPhotos,
  reports,
} from '../../../shared/db/schema'
import type { Actor } from '../../../shared/domain/access'
import { DomainError } from '../../../shared/errors'
import { auditEntry } from '../../platform/audit'
import type { Database } from '../../platform/env'
import { reportVisitFor } from './report-context'
import { canDecideComment, canMoveReport } from './rules'
import type { ReportSave } from './schemas'

const personIdOf = (actor: Actor) => (actor.kind === 'person' ? actor.personId : null)

/** The photos a report may show: the visit's approved photos with consent settled, in the gallery's order. */
async function choosablePhotos(db: Database, visitId: string) {
  return db
    .select({
      id: photos.id,
      caption: photos.caption,
      credit: photos.credit,
      thumbKey: photos.thumbKey,
      thumbWidth: photos.thumbWidth,
      thumbHeight: photos.thumbHeight,
    })
    .from(photos)
    .where(
      and(eq(photos.visitId, visitId), eq(photos.approved, true), inArray(photos.consent, ['none', 'given'])),
    )
    .orderBy(asc(photos.position), asc(photos.createdAt))
}

/** A visit's report as the team sees it: the report (or none yet), its photos, the photos to choose from, comments. */
export async function teamReport(db: Database, actor: Actor, visitId: string) {
  const { visit, access } = await reportVisitFor(db, actor, visitId, 'read')
  const [report] = await db.select().from(reports).where(eq(reports.visitId, visitId)).limit(1)
  const [chosen, choosable, comments] = await Promise.all([
    report
      ? db
          .select({ photoId: reportPhotos.photoId })
          .from(reportPhotos)
          .where(eq(reportPhotos.reportId, report.id))
          .orderBy(asc(reportPhotos.position))
      : Promise.resolve([]),
    choosablePhotos(db, visitId),
    report
      ? db
          .select({
            id: reportComments.id,
            name: reportComments.name,
            body: reportComments.body,
            status: reportComments.status,
            createdAt: reportComments.createdAt,
            decidedAt: reportComments.decidedAt,
          })
          .from(reportComments)
          .where(eq(reportComments.reportId, report.id))
          .orderBy(desc(reportComments.createdAt))
      : Promise.resolve([]),
  ])
  return {
    visit,
    access,
    report: report ?? null,
    photoIds: chosen.map((c) => c.photoId),
    choosable,
    comments,
  }
}

export type TeamReport = Awaited<ReturnType<typeof teamReport>>

/** A report as the API shows it. */
export const projectReport = (found: TeamReport) =>
  found.report
    ? {
        id: found.report.id,
        visitId: found.report.visitId,
        status: found.report.status,
        category: found.report.category,
        title: found.report.title,
        intro: found.report.intro,
        body: found.report.body,
        authorName: found.report.authorName,
        showProgramme: found.report.showProgramme,
        showTalks: found.report.showTalks,
        photoIds: found.photoIds,
        publishedAt: found.report.publishedAt,
        version: found.report.version,
      }
    : null

/**
 * Saves the report (creating it the first time): the text, what it shows and its photo impression, with the
 * audit entry, in one batch. Photos must be public photos of this visit (422 otherwise); a stale version 409.
 */
export async function saveReport(db: Database, actor: Actor, visitId: string, input: ReportSave, now: Date) {
  const { visit } = await reportVisitFor(db, actor, visitId, 'write')
  const [existing] = await db.select().from(reports).where(eq(reports.visitId, visitId)).limit(1)
  const photoIds = [...new Set(input.photoIds)]
  if (photoIds.length > 0) {
    const ok = new Set((await choosablePhotos(db, visitId)).map((p) => p.id))
    const bad = photoIds.findIndex((id) => !ok.has(id))
    if (bad >= 0) {
      throw new DomainError('validation_failed', undefined, {
        errors: [{ field: 'photoIds', message: 'reports.validation.photoNotPublic' }],
      })
    }
  }
  if (existing && input.version !== undefined && input.version !== existing.version) {
    throw new DomainError('conflict', 'The report was changed meanwhile.', { reason: 'stale' })
  }
  if (existing && input.version === undefined) {
    throw new DomainError('validation_failed', undefined, {
      errors: [{ field: 'version', message: 'required' }],
    })
  }
  const reportId = existing?.id ?? crypto.randomUUID()
  const fields = {
    title: input.title,
    intro: input.intro,
    body: input.body,
    authorName: input.authorName,
    category: input.category,
    showProgramme: input.showProgramme,
    showTalks: input.showTalks,
  }
  const statements: BatchItem<'sqlite'>[] = [
    existing
      ? db
          .update(reports)
          .set({
            ...fields,
            version: sql`${reports.version} + 1`,
            publicVersion: sql`${reports.publicVersion} + 1`,
            updatedAt: now,
          })
          .where(and(eq(reports.id, reportId), eq(reports.version, existing.version)))
      : db.insert(reports).values({ id: reportId, visitId, ...fields, createdAt: now, updatedAt: now }),
    db.delete(reportPhotos).where(eq(reportPhotos.reportId, reportId)),
    ...photoIds.map((photoId, position) => db.insert(reportPhotos).values({ reportId, photoId, position })),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: personIdOf(actor),
      action: existing ? 'report.update' : 'report.create',
      entityType: 'report',
      entityId: reportId,
      before: existing ? { title: existing.title, category: existing.category } : null,
      after: { title: fields.title, category: fields.category, photos: photoIds.length },
      at: now,
    }),
  ]
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
  return teamReport(db, actor, visitId)
}

/** Publishes, withdraws or takes back to draft; the first publication sets the date it is filed under. */
export async function setReportStatus(
  db: Database,
  actor: Actor,
  visitId: string,
  status: ReportStatus,
  version: number,
  now: Date,
) {
  const { visit } = await reportVisitFor(db, actor, visitId, 'write')
  const [report] = await db.select().from(reports).where(eq(reports.visitId, visitId)).limit(1)
  if (!report) throw new DomainError('not_found')
  if (report.version !== version)
    throw new DomainError('conflict', 'The report was changed meanwhile.', { reason: 'stale' })
  if (!canMoveReport(report.status, status)) {
    throw new DomainError('conflict', `A ${report.status} report cannot become ${status}.`)
  }
  if (status === 'published' && report.title.trim() === '') {
    throw new DomainError('validation_failed', undefined, {
      errors: [{ field: 'title', message: 'required' }],
    })
  }
  await db.batch([
    db
      .update(reports)
      .set({
        status,
        publishedAt: status === 'published' ? (report.publishedAt ?? now) : report.publishedAt,
        version: sql`${reports.version} + 1`,
        publicVersion: sql`${reports.publicVersion} + 1`,
        updatedAt: now,
      })
      .where(and(eq(reports.id, report.id), eq(reports.version, version))),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: personIdOf(actor),
      action: `report.${status === 'published' ? 'publish' : status === 'withdrawn' ? 'withdraw' : 'draft'}`,
      entityType: 'report',
      entityId: report.id,
      before: { status: report.status },
      after: { status },
      at: now,
    }),
  ])
  return teamReport(db, actor, visitId)
}

/** The team approves or rejects a comment; the public page changes with it (its version is bumped). */
export async function decideComment(
  db: Database,
  actor: Actor,
  visitId: string,
  commentId: string,
  status: 'approved' | 'rejected',
  now: Date,
) {
  const { visit } = await reportVisitFor(db, actor, visitId, 'write')
  const [row] = await db
    .select({ comment: reportComments, reportId: reports.id })
    .from(reportComments)
    .innerJoin(reports, eq(reports.id, reportComments.reportId))
    .where(and(eq(reportComments.id, commentId), eq(reports.visitId, visitId)))
    .limit(1)
  if (!row) throw new DomainError('not_found')
  if (!canDecideComment(row.comment.status, status)) {
    throw new DomainError('conflict', `This comment is ${row.comment.status}.`)
  }
  await db.batch([
    db
      .update(reportComments)
      .set({ status, decidedBy: personIdOf(actor), decidedAt: now })
      .where(eq(reportComments.id, commentId)),
    db
      .update(reports)
      .set({ publicVersion: sql`${reports.publicVersion} + 1` })
      .where(eq(reports.id, row.reportId)),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: personIdOf(actor),
      action: `report_comment.${status === 'approved' ? 'approve' : 'reject'}`,
      entityType: 'report_comment',
      entityId: commentId,
      before: { status: row.comment.status },
      after: { status },
      at: now,
    }),
  ])
  return { id: commentId, status }
}

/** Who in a team hears about new comments: its owners and organisers, in their own language. */
export async function organisersOf(db: Database, teamId: string) {
  return db
    .select({ email: people.email, name: people.name, locale: people.locale })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(and(eq(memberships.teamId, teamId), inArray(memberships.role, ['owner', 'organiser'])))
}

/** The newest release of a visit (what a preview shows the programme of), or null before the first. */
export async function newestReleaseOf(db: Database, visitId: string) {
  const [row] = await db
    .select({ id: releases.id })
    .from(releases)
    .where(eq(releases.visitId, visitId))
    .orderBy(desc(releases.number))
    .limit(1)
  return row?.id ?? null
}

import { eq, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import { reportComments, reports, visits } from '../../../shared/db/schema'
import { DomainError } from '../../../shared/errors'
import { toLang } from '../../../shared/i18n'
import { renderMail } from '../../../shared/mail/templates'
import { auditEntry } from '../../platform/audit'
import { verifyHuman } from '../../platform/auth/human-check'
import { signLink, verifyLink } from '../../platform/auth/signed-links'
import { hashToken, randomToken, tokenPattern } from '../../platform/auth/tokens'
import type { Config } from '../../platform/config'
import type { Database } from '../../platform/env'
import { queueMail } from '../../platform/mail/outbox'
import { organisersOf } from './reports'
import { commentSpamCheck } from './rules'
import type { CommentInput } from './schemas'

const PURPOSE = 'report-comment-form'

/** The signed time a comment form was shown (`<ms>.<signature>`): how long someone was on the page. */
export async function formStamp(config: Config, reportId: string, now: Date) {
  const ms = String(now.getTime())
  return `${ms}.${await signLink(config.appSecret, PURPOSE, `${reportId}:${ms}`)}`
}

/** The time in a stamp, when it is ours and for this report; null for anything made up. */
async function stampTime(config: Config, reportId: string, stamp: string) {
  const [ms, signature] = stamp.split('.')
  if (!ms || !signature || !/^\d{1,15}$/.test(ms)) return null
  return (await verifyLink(config.appSecret, PURPOSE, `${reportId}:${ms}`, signature)) ? Number(ms) : null
}

/**
 * Where the deployment has Turnstile set up, the comment form's token must be a person's: a failed check is a
 * field error (422, the form asks again); siteverify out of reach is 'unavailable' (503): nothing is saved,
 * the form is kept as typed, and the visitor tries again shortly. Without the setting every form passes.
 */
export async function checkHuman(
  config: Config,
  token: unknown,
  clientIp: string | undefined,
  fetcher?: typeof fetch,
) {
  if (!config.humanCheck) return
  const result = await verifyHuman(config.humanCheck, token, clientIp, fetcher)
  if (result === 'passed') return
  throw new DomainError(result === 'unavailable' ? 'unavailable' : 'validation_failed', undefined, {
    errors: [{ field: 'body', message: `reports.validation.human_${result}` }],
    retryAfterSeconds: 30,
  })
}

/** The published report of a visit (by id) for a new comment: a draft or withdrawn report takes none (404). */
export async function commentableReport(db: Database, visitId: string) {
  const [row] = await db
    .select({
      id: reports.id,
      status: reports.status,
      title: reports.title,
      teamId: visits.teamId,
      visitTitle: visits.title,
      visitId: visits.id,
    })
    .from(reports)
    .innerJoin(visits, eq(visits.id, reports.visitId))
    .where(eq(reports.visitId, visitId))
    .limit(1)
  if (row?.status !== 'published') throw new DomainError('not_found')
  return row
}

/**
 * A resident's comment, held for the team: refused (422, nothing stored) when the hidden field is filled in,
 * the form was sent too fast or its stamp is not ours. The team's organisers get a mail in the same batch.
 * Returns the private token that withdraws it.
 */
export async function submitComment(
  db: Database,
  config: Config,
  visitId: string,
  input: CommentInput,
  now: Date,
) {
  const report = await commentableReport(db, visitId)
  const shownAt = await stampTime(config, report.id, input.shown)
  const spam = shownAt === null ? 'stale' : commentSpamCheck({ honeypot: input.website ?? '', shownAt, now })
  if (spam) {
    throw new DomainError('validation_failed', undefined, {
      errors: [{ field: spam === 'honeypot' ? 'website' : 'body', message: `reports.validation.${spam}` }],
    })
  }
  const token = randomToken()
  const id = crypto.randomUUID()
  const link = `${config.publicUrl}/visits/${visitId}/report#comments`
  const mails = (await organisersOf(db, report.teamId)).map((o) =>
    queueMail(
      db,
      config,
      {
        to: o.email,
        kind: 'report_comment',
        ...renderMail('report_comment', toLang(o.locale), {
          link,
          visitTitle: report.visitTitle,
          commenterName: input.name,
          excerpt: input.body,
        }),
      },
      now,
    ),
  )
  const statements: BatchItem<'sqlite'>[] = [
    db.insert(reportComments).values({
      id,
      reportId: report.id,
      name: input.name,
      email: input.email ?? '',
      body: input.body,
      tokenHash: await hashToken(token),
      createdAt: now,
    }),
    ...mails,
    auditEntry(db, {
      teamId: report.teamId,
      actorId: null,
      action: 'report_comment.create',
      entityType: 'report_comment',
      entityId: id,
      after: { status: 'pending' },
      at: now,
    }),
  ]
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
  return { id, token }
}

/** A comment by its private token, with its report's visit; 404 for an unknown token. */
export async function commentByToken(db: Database, token: string | undefined) {
  if (!token || !tokenPattern.test(token)) throw new DomainError('not_found')
  const [row] = await db
    .select({ comment: reportComments, slug: visits.slug, visitTitle: visits.title, teamId: visits.teamId })
    .from(reportComments)
    .innerJoin(reports, eq(reports.id, reportComments.reportId))
    .innerJoin(visits, eq(visits.id, reports.visitId))
    .where(eq(reportComments.tokenHash, await hashToken(token)))
    .limit(1)
  if (!row) throw new DomainError('not_found')
  return row
}

/** The commenter takes their comment back: it is no longer shown, and its text and address are gone. */
export async function withdrawComment(db: Database, token: string | undefined, now: Date) {
  const { comment, teamId } = await commentByToken(db, token)
  if (comment.status === 'withdrawn') return
  const statements: BatchItem<'sqlite'>[] = [
    db
      .update(reportComments)
      .set({ status: 'withdrawn', body: '', email: '', decidedAt: now })
      .where(eq(reportComments.id, comment.id)),
    auditEntry(db, {
      teamId,
      actorId: null,
      action: 'report_comment.withdraw',
      entityType: 'report_comment',
      entityId: comment.id,
      before: { status: comment.status },
      after: { status: 'withdrawn' },
      at: now,
    }),
  ]
  if (comment.status === 'approved') {
    statements.push(
      db
        .update(reports)
        .set({ publicVersion: sql`${reports.publicVersion} + 1` })
        .where(eq(reports.id, comment.reportId)),
    )
  }
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
}

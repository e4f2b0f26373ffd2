import { type Context, Hono } from 'hono'
import * as v from 'valibot'
import { DomainError } from '../../../shared/errors'
import type { AppEnv } from '../../platform/env'
import { saveOrShowAgain } from '../../platform/http/form-outcome'
import { defined, idOrNull, list, requiredNumber, text, yesNo } from '../../platform/http/form-values'
import { formBody, type RawForm } from '../../platform/http/validation'
import { requirePerson } from '../../platform/middleware/session'
import type { FormState } from '../../platform/ui/form'
import {
  createFollowUp,
  followUpFor,
  listTeamFollowUps,
  listVisitFollowUps,
  updateFollowUp,
} from './follow-ups'
import { publicReport } from './public-report'
import { decideComment, newestReleaseOf, saveReport, setReportStatus, teamReport } from './reports'
import {
  commentDecisionSchema,
  followUpCreateSchema,
  followUpFilterSchema,
  followUpUpdateSchema,
  reportSaveSchema,
  reportStatusSchema,
} from './schemas'
import { ReportArticle } from './views/report-article'
import { FollowUpPage, ReportEditPage, TeamFollowUpsPage, VisitFollowUpsPage } from './views/team-pages'

type C = Context<AppEnv>

async function renderReport(c: C, extra: { state?: FormState; notice?: string } = {}) {
  const signedIn = requirePerson(c)
  const found = await teamReport(c.var.db, signedIn.actor, c.req.param('visitId') ?? '')
  c.header('cache-control', 'private, no-store')
  return c.render(<ReportEditPage t={c.var.t} found={found} {...extra} />, {
    title: `${c.var.t.reports.title} · ${found.visit.title}`,
  })
}

const reportFromForm = (form: RawForm) =>
  defined({
    version: requiredNumber(form, 'version'),
    title: text(form, 'title'),
    intro: text(form, 'intro') ?? '',
    body: text(form, 'body') ?? '',
    authorName: text(form, 'authorName') ?? '',
    category: text(form, 'category') ?? 'report',
    showProgramme: yesNo(form, 'showProgramme') ?? false,
    showTalks: yesNo(form, 'showTalks') ?? false,
    photoIds: list(form, 'photoIds'),
  })

const followUpFromForm = (form: RawForm) => {
  const due = text(form, 'dueDate')?.trim()
  return defined({
    version: requiredNumber(form, 'version'),
    title: text(form, 'title'),
    description: text(form, 'description'),
    raisedBy: text(form, 'raisedBy'),
    ownerId: idOrNull(form, 'ownerId'),
    dueDate: due === undefined ? undefined : due === '' ? null : due,
    status: text(form, 'status'),
    showOnReport: yesNo(form, 'showOnReport') ?? undefined,
    comment: text(form, 'comment'),
  })
}

/** A list's filters from the query: anything unknown is refused (422) rather than ignored. */
function filterOf(c: C) {
  const parsed = v.safeParse(followUpFilterSchema, {
    status: c.req.query('status') || undefined,
    ownerId: c.req.query('ownerId') ?? undefined,
    visitId: c.req.query('visitId') ?? undefined,
  })
  if (!parsed.success) throw new DomainError('validation_failed', 'Unknown filter.')
  return parsed.output
}

async function renderVisitFollowUps(c: C, extra: { state?: FormState; notice?: string } = {}) {
  const signedIn = requirePerson(c)
  const filter = c.req.method === 'GET' ? filterOf(c) : { status: 'all' as const, ownerId: '', visitId: '' }
  const found = await listVisitFollowUps(
    c.var.db,
    signedIn.actor,
    c.req.param('visitId') ?? '',
    filter,
    new Date(),
  )
  c.header('cache-control', 'private, no-store')
  return c.render(
    <VisitFollowUpsPage
      t={c.var.t}
      visit={found.visit}
      access={found.access}
      rows={found.followUps}
      members={found.members}
      filter={filter}
      {...extra}
    />,
    { title: `${c.var.t.reports.followUps.title} · ${found.visit.title}` },
  )
}

async function renderFollowUp(c: C, extra: { state?: FormState; notice?: string } = {}) {
  const signedIn = requirePerson(c)
  const found = await followUpFor(c.var.db, signedIn.actor, c.req.param('followUpId') ?? '')
  c.header('cache-control', 'private, no-store')
  return c.render(<FollowUpPage t={c.var.t} found={found} {...extra} />, {
    title: `${found.followUp.title} · ${c.var.t.reports.followUps.title}`,
  })
}

const reportNotices = (c: C): Record<string, string> => ({
  saved: c.var.t.reports.saved,
  published: c.var.t.reports.published,
  withdrawn: c.var.t.reports.withdrawn,
  draft: c.var.t.reports.drafted,
  comment: c.var.t.reports.comments.decided,
})

/** The team's pages: a visit's report with its comments, the follow-ups of a visit and a team, one follow-up. */
export const reportPages = new Hono<AppEnv>()
  .get('/visits/:visitId/report', (c) =>
    renderReport(c, { notice: reportNotices(c)[c.req.query('done') ?? ''] }),
  )
  // The whole report as the public will see it (photos, talks, programme, follow-ups), whatever its status.
  .get('/visits/:visitId/report/preview', async (c) => {
    const signedIn = requirePerson(c)
    const found = await teamReport(c.var.db, signedIn.actor, c.req.param('visitId'))
    const releaseId = await newestReleaseOf(c.var.db, found.visit.id)
    if (!found.report || !releaseId) throw new DomainError('not_found')
    const data = await publicReport(c.var.db, found.report.id, found.visit.id, releaseId)
    c.header('cache-control', 'private, no-store')
    return c.render(
      <>
        <p class="notice" role="status">
          {c.var.t.reports.previewTitle} ·{' '}
          <span class="tag">{c.var.t.reports.statuses[found.report.status]}</span> ·{' '}
          <a href={`/visits/${found.visit.id}/report`}>{c.var.t.reports.title}</a>
        </p>
        <ReportArticle
          t={c.var.t}
          slug={found.visit.slug}
          data={data}
          shareQuery=""
          newsHref={null}
          preview
        />
      </>,
      { title: `${c.var.t.reports.preview} · ${found.report.title}` },
    )
  })
  .post(
    '/visits/:visitId/report',
    formBody(
      reportSaveSchema,
      (c, errors, values) => renderReport(c, { state: { errors, values } }),
      reportFromForm,
    ),
    (c) =>
      saveOrShowAgain(
        c,
        async () => {
          const signedIn = requirePerson(c)
          const visitId = c.req.param('visitId')
          await saveReport(c.var.db, signedIn.actor, visitId, c.req.valid('form'), new Date())
          return c.redirect(`/visits/${visitId}/report?done=saved`, 303)
        },
        (state) => renderReport(c, { state }),
        () => renderReport(c, { notice: c.var.t.reports.stale }),
      ),
  )
  .post(
    '/visits/:visitId/report/status',
    formBody(
      reportStatusSchema,
      () => {
        throw new DomainError('validation_failed')
      },
      (form) => defined({ status: text(form, 'status'), version: requiredNumber(form, 'version') }),
    ),
    (c) =>
      saveOrShowAgain(
        c,
        async () => {
          const signedIn = requirePerson(c)
          const visitId = c.req.param('visitId')
          const { status, version } = c.req.valid('form')
          await setReportStatus(c.var.db, signedIn.actor, visitId, status, version, new Date())
          return c.redirect(`/visits/${visitId}/report?done=${status}`, 303)
        },
        (state) => renderReport(c, { state }),
        () => renderReport(c, { notice: c.var.t.reports.stale }),
      ),
  )
  .post(
    '/visits/:visitId/report/comments/:commentId',
    formBody(
      commentDecisionSchema,
      () => {
        throw new DomainError('validation_failed')
      },
      (form) => defined({ status: text(form, 'status') }),
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const visitId = c.req.param('visitId')
      await decideComment(
        c.var.db,
        signedIn.actor,
        visitId,
        c.req.param('commentId'),
        c.req.valid('form').status,
        new Date(),
      )
      return c.redirect(`/visits/${visitId}/report?done=comment#comments`, 303)
    },
  )
  .get('/visits/:visitId/follow-ups', (c) =>
    renderVisitFollowUps(c, {
      notice: c.req.query('done') === 'created' ? c.var.t.reports.followUps.created : undefined,
    }),
  )
  .post(
    '/visits/:visitId/follow-ups',
    formBody(
      followUpCreateSchema,
      (c, errors, values) => renderVisitFollowUps(c, { state: { errors, values } }),
      (form) => {
        const { version: _v, comment: _c, ...rest } = followUpFromForm(form)
        return { ownerId: null, dueDate: null, ...rest }
      },
    ),
    (c) =>
      saveOrShowAgain(
        c,
        async () => {
          const signedIn = requirePerson(c)
          const visitId = c.req.param('visitId')
          await createFollowUp(c.var.db, signedIn.actor, visitId, c.req.valid('form'), new Date())
          return c.redirect(`/visits/${visitId}/follow-ups?done=created`, 303)
        },
        (state) => renderVisitFollowUps(c, { state }),
      ),
  )
  .get('/teams/:teamId/follow-ups', async (c) => {
    const signedIn = requirePerson(c)
    const filter = filterOf(c)
    const teamId = c.req.param('teamId')
    const found = await listTeamFollowUps(c.var.db, signedIn.actor, teamId, filter, new Date())
    c.header('cache-control', 'private, no-store')
    return c.render(
      <TeamFollowUpsPage
        t={c.var.t}
        teamId={teamId}
        rows={found.followUps}
        members={found.members}
        visits={found.visits}
        filter={filter}
      />,
      { title: c.var.t.reports.followUps.title },
    )
  })
  .get('/follow-ups/:followUpId', (c) =>
    renderFollowUp(c, {
      notice: c.req.query('done') === 'updated' ? c.var.t.reports.followUps.updated : undefined,
    }),
  )
  .post(
    '/follow-ups/:followUpId',
    formBody(
      followUpUpdateSchema,
      (c, errors, values) => renderFollowUp(c, { state: { errors, values } }),
      followUpFromForm,
    ),
    (c) =>
      saveOrShowAgain(
        c,
        async () => {
          const signedIn = requirePerson(c)
          const id = c.req.param('followUpId')
          await updateFollowUp(c.var.db, signedIn.actor, id, c.req.valid('form'), new Date())
          return c.redirect(`/follow-ups/${id}?done=updated`, 303)
        },
        (state) => renderFollowUp(c, { state }),
        () => renderFollowUp(c, { notice: c.var.t.reports.followUps.stale }),
      ),
  )

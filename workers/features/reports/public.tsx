import { type Context, Hono } from 'hono'
import { getCookie } from 'hono/cookie'
import { etag } from 'hono/etag'
import { DomainError } from '../../../shared/errors'
import { HUMAN_CHECK_FIELD, HUMAN_CHECK_ORIGIN } from '../../platform/auth/human-check'
import { SESSION_COOKIE } from '../../platform/auth/session'
import type { AppEnv } from '../../platform/env'
import { downloadName } from '../../platform/files/filename'
import { confirmFirst } from '../../platform/http/confirm'
import { pagePolicyWith } from '../../platform/http/csp'
import { downloadResponse } from '../../platform/http/file-response'
import { doc } from '../../platform/http/openapi'
import { privateHeaders, withPrivateLink } from '../../platform/http/private-link'
import { cachedPublic, type StoredBodies } from '../../platform/http/public-cache'
import { formBody } from '../../platform/http/validation'
import { clientKey, rateLimit } from '../../platform/middleware/rate-limit'
import { publicRelease } from '../releases/public-schedule'
import {
  checkHuman,
  commentableReport,
  commentByToken,
  formStamp,
  submitComment,
  withdrawComment,
} from './comments'
import { newsHead, newsList } from './news'
import { publicReport, publicSlides, publishedHead, type ReportHead, reportHeadBySlug } from './public-report'
import { reportsCss } from './reports-css'
import { commentSchema } from './schemas'
import { storedReportPage } from './stored-page'
import {
  CommentFormPage,
  CommentLinkInvalidPage,
  CommentThanksPage,
  CommentWithdrawPage,
} from './views/public-pages'

type C = Context<AppEnv>

/** Signed-in readers get a page fresh (their menu is personal); everyone else the copy of this version. */
async function cachedPage(
  c: C,
  published: { release: { id: string }; cacheScope: string },
  variant: string,
  contentType: string,
  render: () => Promise<Response>,
  maxAge?: number,
  stored?: StoredBodies,
) {
  if (getCookie(c, SESSION_COOKIE)) {
    c.header('cache-control', 'private, no-cache')
    return render()
  }
  return cachedPublic(
    c,
    { published, variant, contentType, stored, ...(maxAge === undefined ? {} : { maxAge }) },
    async () => (await render()).text(),
  )
}

async function reportPage(c: C) {
  const slug = c.req.param('slug') ?? ''
  // One round trip for the release and the report's head (its versions; both prepared once per isolate): all a
  // page from the edge needs. The head is kept with the release's for a few seconds, as the schedule's: a hit
  // then costs no D1 query. A write in this isolate (an edit, a comment approved) forgets it at once, other
  // isolates within seconds.
  const published = await publicRelease(c, slug, reportHeadBySlug, 'report-head')
  const head = publishedHead(published.alongside as ReportHead[] | undefined)
  const render = async () => {
    // What renders the Markdown (markdown-it) is imported only here, when the page is made afresh: a page
    // from the edge or R2 needs none of it (issue 19).
    const { ReportArticle, ReportHead: ReportMeta } = await import('./views/report-article')
    const { plainText } = await import('./markdown')
    // Everything else in one more round trip.
    const data = await publicReport(c.var.db, head.reportId, published.visitId, published.release.id)
    const origin = c.var.config.publicUrl
    const q = published.shareQuery ? `?${published.shareQuery}` : ''
    const cover = data.photos[0]
    // The team's news is public for listed visits only: an unlisted visit's report links no further.
    const news = published.shareQuery ? null : `/news/${head.teamId}`
    const description = plainText(data.report.intro || data.report.body, 200)
    return c.render(
      <ReportArticle t={c.var.t} slug={slug} data={data} shareQuery={published.shareQuery} newsHref={news} />,
      {
        title: data.report.title,
        head: (
          <ReportMeta
            title={data.report.title}
            description={description}
            url={`${origin}/v/${slug}/report${q}`}
            image={
              cover
                ? {
                    url: `${origin}/v/${slug}/photos/${cover.id}/${cover.webFile}${q}`,
                    width: cover.webWidth,
                    height: cover.webHeight,
                    alt: cover.caption || data.report.title,
                  }
                : null
            }
            feedHref={news ? `${news}/feed.atom` : null}
            feedTitle={c.var.t.reports.news.feed}
          />
        ),
      },
    )
  }
  // Named by everything it shows that can change without a release: the ETag, the edge copy and the stored
  // page follow each of them.
  const variant = `report.r${head.publicVersion}.g${head.galleryVersion}.t${head.talks}.${c.var.lang}`
  return cachedPage(
    c,
    published,
    variant,
    'text/html; charset=UTF-8',
    render,
    // A browser asks again each time (a cheap 304 while nothing changed): an approved comment shows at once.
    0,
    // Kept in R2 for every reader anywhere, when it is the same for all (an unlisted visit's carries the
    // reader's link: edge only).
    published.cacheScope === 'open'
      ? storedReportPage(c.env.PHOTOS, head.reportId, c.var.lang, `${published.release.id}.${variant}`)
      : undefined,
  )
}

/** The visit behind a report's address, for a comment: the release must be public to this reader. */
async function commentTarget(c: C) {
  const slug = c.req.param('slug') ?? ''
  const published = await publicRelease(c, slug)
  const report = await commentableReport(c.var.db, published.visitId)
  const q = published.shareQuery ? `?${published.shareQuery}` : ''
  return { slug, published, report, q }
}

async function renderCommentForm(
  c: C,
  state?: { errors: { field: string; message: string }[]; values: Record<string, unknown> },
) {
  const { slug, report, q } = await commentTarget(c)
  privateHeaders(c)
  const humanCheck = c.var.config.humanCheck
  if (humanCheck) {
    // Turnstile's script and frame come from its own origin: this page alone allows it.
    c.header(
      'content-security-policy',
      pagePolicyWith(c.var.secureHeadersNonce, {
        scriptSrc: [HUMAN_CHECK_ORIGIN],
        frameSrc: [HUMAN_CHECK_ORIGIN],
        connectSrc: [HUMAN_CHECK_ORIGIN],
      }),
    )
  }
  return c.render(
    <CommentFormPage
      humanCheck={humanCheck ? { siteKey: humanCheck.siteKey, nonce: c.var.secureHeadersNonce } : null}
      t={c.var.t}
      reportTitle={report.title}
      action={`/v/${slug}/report/comment${q}`}
      back={`/v/${slug}/report${q}`}
      stamp={await formStamp(c.var.config, report.id, new Date())}
      state={state}
    />,
    { title: `${c.var.t.reports.comments.formTitle} · ${report.title}` },
  )
}

/** The public face of the reports: a visit's report, comments on it, the team's news and its Atom feed. */
export const reportPublicRoutes = new Hono<AppEnv>()
  .use('/assets/reports.css', etag())
  .get('/assets/reports.css', (c) => {
    c.header('cache-control', 'public, max-age=3600, must-revalidate')
    return c.body(reportsCss, 200, { 'content-type': 'text/css; charset=utf-8' })
  })
  .get('/v/:slug/report', reportPage)
  .get('/v/:slug/report/comment', (c) => renderCommentForm(c))
  .post(
    '/v/:slug/report/comment',
    rateLimit('report-comment'),
    formBody(commentSchema, (c, errors, values) => renderCommentForm(c, { errors, values })),
    async (c) => {
      const { slug, published, q } = await commentTarget(c)
      try {
        const form = c.req.valid('form')
        await checkHuman(c.var.config, form[HUMAN_CHECK_FIELD], clientKey(c))
        const { token } = await submitComment(c.var.db, c.var.config, published.visitId, form, new Date())
        privateHeaders(c)
        c.status(201)
        return c.render(
          <CommentThanksPage
            t={c.var.t}
            link={`${c.var.config.publicUrl}/rc/${token}`}
            back={`/v/${slug}/report${q}`}
          />,
          { title: c.var.t.reports.comments.thanksTitle },
        )
      } catch (error) {
        if (
          error instanceof DomainError &&
          error.extra.errors !== undefined &&
          (error.code === 'validation_failed' || error.code === 'unavailable')
        ) {
          if (error.code === 'unavailable')
            c.header('retry-after', String(error.extra.retryAfterSeconds ?? 30))
          c.status(error.code === 'unavailable' ? 503 : 422)
          const values = (await c.req.parseBody({ all: true })) as Record<string, unknown>
          const errors = (error.extra.errors ?? []).map((e) => ({
            field: e.field === 'website' ? 'body' : e.field,
            message:
              c.var.t.reports.validation[
                e.message.split('.').pop() as keyof typeof c.var.t.reports.validation
              ] ?? c.var.t.validation.invalid,
          }))
          return renderCommentForm(c, { errors, values: { ...values, shown: undefined } })
        }
        throw error
      }
    },
  )
  .get('/v/:slug/report/slides/:fileId', async (c) => {
    const published = await publicRelease(c, c.req.param('slug'))
    const file = await publicSlides(c.var.db, published.visitId, c.req.param('fileId'))
    const object = await c.env.PHOTOS.get(file.r2Key)
    if (!object) throw new DomainError('not_found')
    return downloadResponse(c, object, downloadName(file.filename, 'pdf', 'slides'))
  })
  .get('/rc/:token', (c) =>
    withPrivateLink(
      c,
      () =>
        c.render(<CommentLinkInvalidPage t={c.var.t} />, { title: c.var.t.reports.comments.invalidTitle }),
      async (token) => {
        const { comment, slug } = await commentByToken(c.var.db, token)
        return c.render(
          <CommentWithdrawPage
            t={c.var.t}
            token={token}
            status={comment.status}
            body={comment.body}
            back={`/v/${slug}/report`}
          />,
          { title: c.var.t.reports.comments.withdrawTitle },
        )
      },
    ),
  )
  .post('/rc/:token/withdraw', confirmFirst('withdrawComment', { link: true }), (c) =>
    withPrivateLink(
      c,
      () =>
        c.render(<CommentLinkInvalidPage t={c.var.t} />, { title: c.var.t.reports.comments.invalidTitle }),
      async (token) => {
        await withdrawComment(c.var.db, token, new Date())
        return c.redirect(`/rc/${token}`, 303)
      },
    ),
  )
  .get('/news/:teamId', async (c) => {
    const teamId = c.req.param('teamId')
    const head = await newsHead(c.var.db, teamId)
    const raw = c.req.query('category')
    const category = raw === 'report' || raw === 'news' ? raw : null
    const feedHref = `/news/${teamId}/feed.atom`
    const title = c.var.t.reports.news.title(head.name)
    return cachedPage(
      c,
      { release: { id: `news-${teamId}` }, cacheScope: 'open' },
      `news.${head.stamp}.${category ?? 'all'}.${c.var.lang}`,
      'text/html; charset=UTF-8',
      async () => {
        // With the Markdown, only when the page is made afresh (as the report's).
        const { NewsPage } = await import('./views/news-page')
        return c.render(
          <NewsPage
            t={c.var.t}
            teamId={teamId}
            teamName={head.name}
            entries={await newsList(c.var.db, teamId)}
            category={category}
          />,
          { title, head: <link rel="alternate" type="application/atom+xml" title={title} href={feedHref} /> },
        )
      },
    )
  })
  .get(
    '/news/:teamId/feed.atom',
    doc('feeds', 'A team’s published visit reports as an Atom feed', {
      status: 200,
      description: 'Atom 1.0 (RFC 4287)',
    }),
    async (c) => {
      const teamId = c.req.param('teamId')
      const head = await newsHead(c.var.db, teamId)
      return cachedPublic(
        c,
        {
          published: { release: { id: `news-${teamId}` }, cacheScope: 'open' },
          variant: `atom.${head.stamp}.${c.var.lang}`,
          contentType: 'application/atom+xml; charset=utf-8',
        },
        async () => {
          // With the Markdown, only when the feed is made afresh (as the report's).
          const { atomFeed } = await import('./news-feed')
          return atomFeed({
            teamId,
            teamName: head.name,
            title: c.var.t.reports.news.title(head.name),
            origin: c.var.config.publicUrl,
            entries: await newsList(c.var.db, teamId),
            lang: c.var.lang,
          })
        },
      )
    },
  )

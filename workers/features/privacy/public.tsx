import { type Context, Hono } from 'hono'
import type { Lang } from '../../../shared/i18n'
import { formatLongDate } from '../../../shared/i18n/format'
import type { AppEnv } from '../../platform/env'
import { defined, text } from '../../platform/http/form-values'
import { doc } from '../../platform/http/openapi'
import { privateHeaders, withPrivateLink } from '../../platform/http/private-link'
import { formBody, jsonBody } from '../../platform/http/validation'
import { deliverSoon } from '../../platform/mail/outbox'
import { limitAddress, rateLimit } from '../../platform/middleware/rate-limit'
import { getRsvpByToken } from '../rsvps/rsvps'
import { RsvpInvalidPage } from '../rsvps/views/rsvp-pages'
import { type PrivacyLinkKind, readPrivacyLink } from './links'
import { exportFor, mailPrivacyLink, requestErasure } from './requests'
import { privacyRequestsPostResponse } from './responses'
import { privacyRequestSchema } from './schemas'
import { ErasePage, ErasePendingPage, ExportPage } from './views/personal-data-page'
import { PrivacyPage } from './views/privacy-page'

type C = Context<AppEnv>

const day = (c: C, at: Date) => formatLongDate(at, 'Europe/Amsterdam', c.var.t.locale)

/** The address a mailed link opens, or the privacy page again saying the link no longer works (404). */
async function addressOf(c: C, kind: PrivacyLinkKind): Promise<string | Response> {
  privateHeaders(c)
  const email = await readPrivacyLink(c.var.config, kind, c.req.param('link') ?? '', new Date())
  if (email) return email
  c.status(404)
  return c.render(<PrivacyPage t={c.var.t} notice={c.var.t.privacy.linkInvalid} />, {
    title: c.var.t.privacy.title,
  })
}

const scopeOf = (c: C, email: string) => ({ db: c.var.db, bucket: c.env.PHOTOS, email, now: new Date() })

/** The document as a download: the file is named by the app, never by anything the reader sent. */
function jsonDownload(c: C, document: unknown) {
  privateHeaders(c)
  c.header('content-disposition', 'attachment; filename="rondgang-personal-data.json"')
  return c.json(document)
}

async function ask(c: C, input: { email: string; kind: PrivacyLinkKind }) {
  // Per address too: nobody fills someone else's inbox by asking again and again.
  await limitAddress(c, 'privacy', input.email)
  await mailPrivacyLink(c.var.db, c.var.config, { ...input, lang: c.var.lang as Lang }, new Date())
  deliverSoon(c.executionCtx, c.var.db, c.var.config)
}

/**
 * Personal-data rights without an account: the privacy statement, a mailed link to see or erase what is held
 * about an address (the answer never tells whether anything is), and the same through a guest's private link.
 */
export const privacyPublicRoutes = new Hono<AppEnv>()
  .get('/privacy', (c) =>
    c.render(<PrivacyPage t={c.var.t} notice={c.req.query('sent') ? c.var.t.privacy.sent : undefined} />, {
      title: c.var.t.privacy.title,
    }),
  )
  .post(
    '/privacy/requests',
    rateLimit('privacy'),
    formBody(
      privacyRequestSchema,
      (c, errors, values) =>
        c.render(<PrivacyPage t={c.var.t} state={{ errors, values }} />, { title: c.var.t.privacy.title }),
      (form) => defined({ email: text(form, 'email'), kind: text(form, 'kind') }),
    ),
    async (c) => {
      await ask(c, c.req.valid('form'))
      return c.redirect('/privacy?sent=1#ask', 303)
    },
  )
  .get('/privacy/export/:link', async (c) => {
    const email = await addressOf(c, 'export')
    if (email instanceof Response) return email
    const document = await exportFor(scopeOf(c, email))
    return c.render(<ExportPage t={c.var.t} document={document} jsonHref={`${c.req.path}/data.json`} />, {
      title: c.var.t.privacy.exportTitle,
    })
  })
  .get('/privacy/export/:link/data.json', async (c) => {
    const email = await addressOf(c, 'export')
    if (email instanceof Response) return email
    return jsonDownload(c, await exportFor(scopeOf(c, email)))
  })
  .get('/privacy/erase/:link', async (c) => {
    const email = await addressOf(c, 'erase')
    if (email instanceof Response) return email
    const document = await exportFor(scopeOf(c, email))
    return c.render(<ErasePage t={c.var.t} document={document} action={c.req.path} />, {
      title: c.var.t.privacy.eraseTitle,
    })
  })
  .post('/privacy/erase/:link', async (c) => {
    const email = await addressOf(c, 'erase')
    if (email instanceof Response) return email
    const when = await requestErasure(c.var.db, email, new Date())
    return c.render(<ErasePendingPage t={c.var.t} date={day(c, when)} />, {
      title: c.var.t.privacy.eraseTitle,
    })
  })
  // A guest's private link proves the address: no mail round trip needed.
  .get('/r/:token/my-data', (c) =>
    guestLink(c, async (email, token) => {
      const document = await exportFor(scopeOf(c, email))
      return c.render(
        <ExportPage
          t={c.var.t}
          document={document}
          jsonHref={`/r/${token}/my-data.json`}
          eraseHref={`/r/${token}/my-data/erase`}
        />,
        { title: c.var.t.privacy.exportTitle },
      )
    }),
  )
  .get('/r/:token/my-data.json', (c) =>
    guestLink(c, async (email) => jsonDownload(c, await exportFor(scopeOf(c, email)))),
  )
  .get('/r/:token/my-data/erase', (c) =>
    guestLink(c, async (email, token) => {
      const document = await exportFor(scopeOf(c, email))
      return c.render(<ErasePage t={c.var.t} document={document} action={`/r/${token}/my-data/erase`} />, {
        title: c.var.t.privacy.eraseTitle,
      })
    }),
  )
  .post('/r/:token/my-data/erase', (c) =>
    guestLink(c, async (email) => {
      const when = await requestErasure(c.var.db, email, new Date())
      return c.render(<ErasePendingPage t={c.var.t} date={day(c, when)} />, {
        title: c.var.t.privacy.eraseTitle,
      })
    }),
  )

/** Runs a page for the address of a guest's private link; an unknown link is the guests' friendly 404. */
function guestLink(c: C, page: (email: string, token: string) => Promise<Response>) {
  return withPrivateLink(
    c,
    () => c.render(<RsvpInvalidPage t={c.var.t} />, { title: c.var.t.rsvp.invalidTitle }),
    async (token) => {
      const own = await getRsvpByToken(c.var.db, c.var.config, token)
      return page(own.rsvp.email, token)
    },
  )
}

/** The same request through the API: 202 whatever the address, the link goes by mail. */
export const privacyApi = new Hono<AppEnv>().post(
  '/privacy/requests',
  doc('privacy', 'Ask for your data or its erasure: a link is mailed (202 whatever the address)', {
    status: 202,
    description: '{ status: "check_mail" }',
    access: 'public',
    schema: privacyRequestsPostResponse,
  }),
  rateLimit('privacy'),
  jsonBody(privacyRequestSchema),
  async (c) => {
    await ask(c, c.req.valid('json'))
    return c.json({ status: 'check_mail' }, 202)
  },
)

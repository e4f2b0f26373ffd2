import { type Context, Hono } from 'hono'
import * as v from 'valibot'
import { DomainError } from '../../../shared/errors'
import type { AppEnv } from '../../platform/env'
import { confirmFirst } from '../../platform/http/confirm'
import { saveOrShowAgain } from '../../platform/http/form-outcome'
import { defined, list, requiredNumber, text } from '../../platform/http/form-values'
import { privateHeaders, withPrivateLink } from '../../platform/http/private-link'
import { formBody, type RawForm } from '../../platform/http/validation'
import { deliverSoon } from '../../platform/mail/outbox'
import { rateLimit } from '../../platform/middleware/rate-limit'
import type { FormState } from '../../platform/ui/form'
import { confirmEmailChange, isEmailConfirmation } from './email-change'
import { isRenewal, renewRsvpLink } from './renewal'
import {
  cancelRsvpByToken,
  createRsvp,
  getRsvpByToken,
  type RsvpOutcome,
  rsvpForm,
  setNotify,
  updateRsvpByToken,
} from './rsvps'
import { rsvpNotifySchema, rsvpSchema, rsvpUpdateSchema } from './schemas'
import {
  RsvpClosedPage,
  RsvpDonePage,
  RsvpEmailChangedPage,
  RsvpEmailConfirmPage,
  RsvpFormPage,
  RsvpInvalidPage,
  RsvpOptOutPage,
  RsvpOwnPage,
  RsvpRenewPage,
  type RsvpVisit,
} from './views/rsvp-pages'

type C = Context<AppEnv>

const slugSchema = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), v.maxLength(80))
const outcomes: readonly RsvpOutcome[] = ['confirmed', 'waitlisted', 'check_mail']

/** The visit for the guest pages, with the link back to its programme (keeping a share link's ?k=). */
function visitFor(c: C, visit: { slug: string; title: string; startDate: string }): RsvpVisit {
  const k = c.req.query('k')
  return { ...visit, programme: `/v/${visit.slug}${k ? `?k=${encodeURIComponent(k)}` : ''}` }
}

function slugOf(c: C): string {
  const slug = v.safeParse(slugSchema, c.req.param('slug'))
  if (!slug.success) throw new DomainError('not_found')
  return slug.output
}

/** A checkbox group the form had (its hidden empty value is always sent) or undefined when it had none. */
const group = (form: RawForm, name: string) => (form[name] === undefined ? undefined : list(form, name))

/** The form's strings in the shape of the shared schemas. */
/**
 * Persons per need from the form's number fields (`dietary.vegan`); empty fields are none. A form from before
 * the numbers (ticked boxes named `dietary`) still counts one person per tick.
 */
function dietaryFromForm(form: RawForm): unknown {
  const ticked = list(form, 'dietary')
  if (ticked.length > 0) return ticked
  const counts: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(form)) {
    if (!name.startsWith('dietary.')) continue
    const raw = typeof value === 'string' ? value.trim() : ''
    if (raw === '') continue
    counts[name.slice('dietary.'.length)] = /^-?\d+$/.test(raw) ? Number(raw) : raw
  }
  return counts
}

const rsvpFromForm = (form: RawForm) =>
  defined({
    name: text(form, 'name'),
    email: text(form, 'email'),
    partySize: requiredNumber(form, 'partySize'),
    dietary: dietaryFromForm(form),
    dietaryNotes: text(form, 'dietaryNotes'),
    accessNeeds: text(form, 'accessNeeds'),
    groupIds: group(form, 'groupIds'),
  })

async function renderForm(c: C, state?: FormState) {
  const slug = slugOf(c)
  const form = await rsvpForm(c.var.db, slug, c.req.query('k'))
  if (form.archived || form.ended)
    return c.render(<RsvpClosedPage t={c.var.t} visit={visitFor(c, form.visit)} ended={!form.archived} />, {
      title: form.archived ? c.var.t.rsvp.closedTitle : c.var.t.rsvps.endedTitle,
    })
  const url = new URL(c.req.url)
  // A share-link query (?k=…) stays on the form's address; the outcome query of a previous post does not.
  url.searchParams.delete('status')
  return c.render(
    <RsvpFormPage
      t={c.var.t}
      visit={visitFor(c, form.visit)}
      groups={form.groups}
      full={form.full}
      limit={form.limit}
      groupLimits={form.groupLimits}
      action={`${url.pathname}${url.search}`}
      state={state}
    />,
    { title: `${c.var.t.rsvp.title} · ${form.visit.title}` },
  )
}

/** Runs a private-link page; an unknown or replaced token shows the friendly "link does not work" page. */
const withToken = (c: C, page: (token: string) => Promise<Response>) =>
  withPrivateLink(
    c,
    () => c.render(<RsvpInvalidPage t={c.var.t} />, { title: c.var.t.rsvp.invalidTitle }),
    page,
  )

async function renderOwn(c: C, token: string, extra: { notice?: string; state?: FormState } = {}) {
  const own = await getRsvpByToken(c.var.db, c.var.config, token)
  return c.render(<RsvpOwnPage t={c.var.t} token={token} own={own} {...extra} />, {
    title: c.var.t.rsvp.yourRsvp,
  })
}

/** The sentence for a refused change: archived, no room for more, or a newer version. */
function conflictNotice(c: C, error: DomainError): string {
  if (error.reason === 'visit_archived') return c.var.t.rsvp.closedChange
  if (error.reason === 'no_room') return c.var.t.rsvp.noRoom
  return c.var.t.rsvp.stale
}

/**
 * The guest's side of registering: the form at /v/{slug}/rsvp (and what happened after sending it), and the
 * private page /r/{token} from the mail to change, cancel or stop the change mails. No sign-in needed.
 */
export const rsvpPublicRoutes = new Hono<AppEnv>()
  .get('/v/:slug/rsvp', async (c) => {
    const status = c.req.query('status')
    if (status && (outcomes as readonly string[]).includes(status)) {
      const form = await rsvpForm(c.var.db, slugOf(c), c.req.query('k'))
      return c.render(
        <RsvpDonePage
          t={c.var.t}
          visit={visitFor(c, form.visit)}
          status={status as RsvpOutcome}
          limit={form.limit}
          groupLimits={form.groupLimits}
        />,
        {
          title: c.var.t.rsvp.title,
        },
      )
    }
    return renderForm(c)
  })
  .post(
    '/v/:slug/rsvp',
    rateLimit('rsvp'),
    formBody(rsvpSchema, (c, errors, values) => renderForm(c, { errors, values }), rsvpFromForm),
    async (c) => {
      const slug = slugOf(c)
      return saveOrShowAgain(
        c,
        async () => {
          const status = await createRsvp(
            c.var.db,
            c.var.config,
            slug,
            c.req.valid('form'),
            c.var.lang,
            new Date(),
            c.req.query('k'),
          ).catch((error: unknown) => {
            if (error instanceof DomainError && error.reason === 'visit_ended') return null
            throw error
          })
          // The visit ended while the form was open: the closed page says so, with 422; nothing was saved.
          if (status === null) {
            c.status(422)
            return renderForm(c)
          }
          deliverSoon(c.executionCtx, c.var.db, c.var.config)
          const url = new URL(c.req.url)
          url.searchParams.set('status', status)
          return c.redirect(`${url.pathname}${url.search}`, 303)
        },
        (state) => renderForm(c, state),
        // The only conflict here: the visit is archived. Nothing was saved.
        () => renderForm(c),
      )
    },
  )
  .get('/r/renew/:renewal', (c) => {
    privateHeaders(c)
    const renewal = c.req.param('renewal')
    if (!isRenewal(renewal, new Date())) {
      c.status(404)
      return c.render(<RsvpInvalidPage t={c.var.t} />, { title: c.var.t.rsvp.invalidTitle })
    }
    return c.render(<RsvpRenewPage t={c.var.t} action={`/r/renew/${renewal}`} />, {
      title: c.var.t.rsvp.renewTitle,
    })
  })
  .post('/r/renew/:renewal', (c) =>
    withPrivateLink(
      c,
      () => c.render(<RsvpInvalidPage t={c.var.t} />, { title: c.var.t.rsvp.invalidTitle }),
      async () => {
        const token = await renewRsvpLink(c.var.db, c.var.config, c.req.param('renewal'), new Date())
        return c.redirect(`/r/${token}`, 303)
      },
    ),
  )
  // The new address of a registration confirms the move: a page with a button (mail scanners change nothing).
  .get('/r/email/:link', async (c) => {
    privateHeaders(c)
    const link = c.req.param('link')
    if (!(await isEmailConfirmation(c.var.db, c.var.config, link, new Date()))) {
      c.status(404)
      return c.render(<RsvpInvalidPage t={c.var.t} />, { title: c.var.t.rsvp.invalidTitle })
    }
    return c.render(<RsvpEmailConfirmPage t={c.var.t} action={`/r/email/${link}`} />, {
      title: c.var.t.rsvp.emailConfirmTitle,
    })
  })
  .post('/r/email/:link', (c) =>
    withPrivateLink(
      c,
      () => c.render(<RsvpInvalidPage t={c.var.t} />, { title: c.var.t.rsvp.invalidTitle }),
      async () => {
        const { email } = await confirmEmailChange(c.var.db, c.var.config, c.req.param('link'), new Date())
        return c.render(<RsvpEmailChangedPage t={c.var.t} email={email} />, {
          title: c.var.t.rsvp.emailConfirmTitle,
        })
      },
    ),
  )
  .get('/r/:token', (c) =>
    withToken(c, (token) => {
      const notice = c.req.query('email')
        ? c.var.t.rsvp.emailPending
        : c.req.query('saved')
          ? c.var.t.rsvp.saved
          : c.req.query('cancelled')
            ? c.var.t.rsvp.cancelledNotice
            : undefined
      return renderOwn(c, token, { notice })
    }),
  )
  .post(
    '/r/:token',
    formBody(
      rsvpUpdateSchema,
      (c, errors, values) => withToken(c, (token) => renderOwn(c, token, { state: { errors, values } })),
      (form) => defined({ ...rsvpFromForm(form), version: requiredNumber(form, 'version') }),
    ),
    (c) =>
      withToken(c, (token) =>
        saveOrShowAgain(
          c,
          async () => {
            const saved = await updateRsvpByToken(
              c.var.db,
              c.var.config,
              token,
              c.req.valid('form'),
              new Date(),
            )
            deliverSoon(c.executionCtx, c.var.db, c.var.config)
            return c.redirect(`/r/${token}?saved=1${saved.emailPending ? '&email=1' : ''}`, 303)
          },
          (state) => renderOwn(c, token, { state }),
          // With no room the guest adjusts what they typed; a stale form shows the newest data instead.
          (error, values) =>
            renderOwn(c, token, {
              notice: conflictNotice(c, error),
              state: error.reason === 'no_room' ? { values } : undefined,
            }),
        ),
      ),
  )
  .post('/r/:token/cancel', confirmFirst('cancelOwnRsvp', { link: true }), (c) =>
    withToken(c, (token) =>
      saveOrShowAgain(
        c,
        async () => {
          await cancelRsvpByToken(c.var.db, c.var.config, token, new Date())
          deliverSoon(c.executionCtx, c.var.db, c.var.config)
          return c.redirect(`/r/${token}?cancelled=1`, 303)
        },
        () => renderOwn(c, token),
        (error) => renderOwn(c, token, { notice: conflictNotice(c, error) }),
      ),
    ),
  )
  .get('/r/:token/opt-out', (c) =>
    withToken(c, async (token) => {
      const own = await getRsvpByToken(c.var.db, c.var.config, token)
      const done = c.req.query('done')
      const notice = done === 'off' ? c.var.t.rsvp.optedOut : done === 'on' ? c.var.t.rsvp.optedIn : undefined
      return c.render(<RsvpOptOutPage t={c.var.t} token={token} own={own} notice={notice} />, {
        title: c.var.t.rsvp.optOutTitle,
      })
    }),
  )
  .post(
    '/r/:token/opt-out',
    formBody(
      rsvpNotifySchema,
      (c) => withToken(c, async (token) => c.redirect(`/r/${token}/opt-out`, 303)),
      (form) => defined({ notify: text(form, 'notify') }),
    ),
    (c) =>
      withToken(c, async (token) => {
        const notify = c.req.valid('form').notify === 'yes'
        await setNotify(c.var.db, token, notify, new Date())
        return c.redirect(`/r/${token}/opt-out?done=${notify ? 'on' : 'off'}`, 303)
      }),
  )

import { type Context, Hono } from 'hono'
import { loadMessages } from '../../../shared/i18n'
import type { AppEnv } from '../../platform/env'
import { saveOrShowAgain } from '../../platform/http/form-outcome'
import { withPrivateLink } from '../../platform/http/private-link'
import { formBody } from '../../platform/http/validation'
import { actionFromForm, answerFromForm } from './catering-forms'
import { doneNotice, refusal } from './catering-notices'
import { sheetCsv } from './order-sheet'
import { answerByToken, contributionByToken, providerByToken } from './provider-link'
import { contributionActionSchema, providerAnswerSchema } from './schemas'
import { LinkInvalidPage } from './views/link-invalid-page'
import { MinePage } from './views/mine-page'
import { OrderSheetPage } from './views/order-sheet-page'

type C = Context<AppEnv>

const invalid = (c: C) => () =>
  c.render(<LinkInvalidPage t={c.var.t} />, { title: c.var.t.catering.invalidTitle })

/** The provider's own page behind their link, in the language of the page (the switch works here too). */
async function renderLink(c: C, token: string, extra: { notice?: string; alert?: boolean } = {}) {
  const view = await providerByToken(c.var.db, token, new Date())
  const base = `/c/${token}`
  return c.render(
    <MinePage
      t={c.var.t}
      visit={view.visit}
      name={view.provider.name}
      orders={view.orders}
      links={{
        answer: (id) => `${base}/orders/${id}`,
        contribution: (id) => `${base}/contributions/${id}`,
        sheet: `${base}/sheet`,
        csv: `${base}/orders.csv`,
      }}
      notice={extra.notice ?? doneNotice(c)}
      alert={extra.alert}
    />,
    { title: `${c.var.t.catering.mineTitle} · ${view.visit.title}` },
  )
}

/**
 * The pages behind a provider's private link (/c/{token}): their orders and contributions, answering,
 * taking and ticking off, the order sheet and CSV. No sign-in; the link is the key (kept only as a hash),
 * out of Referer headers and caches; a wrong or replaced link is the friendly "this link does not work".
 */
export const cateringPublicRoutes = new Hono<AppEnv>()
  .get('/c/:token', (c) => withPrivateLink(c, invalid(c), (token) => renderLink(c, token)))
  .post(
    '/c/:token/orders/:orderId',
    formBody(
      providerAnswerSchema,
      (c) => withPrivateLink(c, invalid(c), (token) => renderLink(c, token)),
      answerFromForm,
    ),
    (c) =>
      withPrivateLink(c, invalid(c), async (token) => {
        const input = c.req.valid('form')
        return saveOrShowAgain(
          c,
          async () => {
            await answerByToken(c.var.db, token, c.req.param('orderId'), input, new Date())
            return c.redirect(`/c/${token}?done=${input.answer}`, 303)
          },
          () => renderLink(c, token),
          (error) => renderLink(c, token, { notice: refusal(c, error), alert: true }),
        )
      }),
  )
  .post(
    '/c/:token/contributions/:contributionId',
    formBody(
      contributionActionSchema,
      (c) => withPrivateLink(c, invalid(c), (token) => renderLink(c, token)),
      actionFromForm,
    ),
    (c) =>
      withPrivateLink(c, invalid(c), async (token) => {
        const input = c.req.valid('form')
        return saveOrShowAgain(
          c,
          async () => {
            await contributionByToken(c.var.db, token, c.req.param('contributionId'), input, new Date())
            return c.redirect(`/c/${token}?done=${input.action}`, 303)
          },
          () => renderLink(c, token),
          (error) => renderLink(c, token, { notice: refusal(c, error), alert: true }),
        )
      }),
  )
  .get('/c/:token/sheet', (c) =>
    withPrivateLink(c, invalid(c), async (token) => {
      const now = new Date()
      const view = await providerByToken(c.var.db, token, now)
      return c.render(
        <OrderSheetPage
          t={c.var.t}
          visit={view.visit}
          name={view.provider.name}
          orders={view.orders}
          now={now}
          back={`/c/${token}`}
          nonce={c.var.secureHeadersNonce}
        />,
        { title: `${c.var.t.catering.sheet.title} · ${view.visit.title}` },
      )
    }),
  )
  .get('/c/:token/orders.csv', (c) =>
    withPrivateLink(
      c,
      invalid(c),
      async (token) => {
        const view = await providerByToken(c.var.db, token, new Date())
        // The provider's own language, whatever the browser asks: it is their spreadsheet.
        const t = c.req.query('lang') ? c.var.t : await loadMessages(view.provider.lang)
        return c.body(sheetCsv(view.orders, t, view.visit.timeZone), 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="catering-${view.visit.slug}.csv"`,
        })
      },
      { plain404: true },
    ),
  )

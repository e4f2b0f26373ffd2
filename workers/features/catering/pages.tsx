import { type Context, Hono } from 'hono'
import { raw } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'
import { DomainError } from '../../../shared/errors'
import type { Messages } from '../../../shared/i18n'
import type { AppEnv } from '../../platform/env'
import { confirmFirst } from '../../platform/http/confirm'
import { saveOrShowAgain } from '../../platform/http/form-outcome'
import { formBody } from '../../platform/http/validation'
import { deliverSoon } from '../../platform/mail/outbox'
import { requirePerson } from '../../platform/middleware/session'
import type { FormState } from '../../platform/ui/form'
import { withVersion } from '../visits/visit-form'
import {
  actionFromForm,
  answerFromForm,
  contributionChangeFromForm,
  contributionFromForm,
  orderFormErrors,
  orderFromForm,
  providerFromForm,
  teamFromForm,
} from './catering-forms'
import { doneNotice, refusal } from './catering-notices'
import {
  type CateringPlan,
  loadPlanFor,
  loadPlanToOrganise,
  orderForProvider,
  providerSlice,
  providersOfActor,
  providerView,
} from './catering-plan'
import { addContribution, contributionAction, removeContribution, updateContribution } from './contributions'
import { answerOrder, createOrder, moveOrder, orderOf, sendNumbers, updateOrder } from './orders'
import { createProvider, newProviderLink, removeProvider, setTeamPresence, updateProvider } from './providers'
import { cateringPageRead } from './queries'
import {
  contributionActionSchema,
  contributionCreateSchema,
  contributionUpdateSchema,
  orderCreateSchema,
  orderStatusSchema,
  orderUpdateSchema,
  providerAnswerSchema,
  providerCreateSchema,
  providerUpdateSchema,
  sendNumbersSchema,
  teamPresenceSchema,
} from './schemas'
import { CateringPage, type CateringPageStates } from './views/catering-page'
import { MinePage } from './views/mine-page'
import { NewOrderPage } from './views/new-order-page'
import { OrderPage, type OrderPageStates } from './views/order-page'
import { OrderSheetPage } from './views/order-sheet-page'
import { ProviderPage } from './views/provider-page'

type C = Context<AppEnv>

const param = (c: C, name: string) => c.req.param(name) ?? ''

// --- rendering ------------------------------------------------------------------------------------------

/** The catering page: the team's whole plan, or a host's or caterer's own orders. */
async function renderCatering(
  c: C,
  visitId: string,
  extra: { notice?: string; states?: CateringPageStates } = {},
) {
  const signedIn = requirePerson(c)
  const now = new Date()
  c.header('cache-control', 'private, no-store')
  // Read with the session when it could be (one D1 round trip); nothing of it is shown before the access check.
  const pre = cateringPageRead.take(c)
  const preloaded = pre ? await pre.plan.finish(c.var.db, pre.results[0] ?? []) : undefined
  const { access, rows, plan } = await loadPlanFor(
    c.var.db,
    signedIn.actor,
    { visitId },
    now,
    'ordered',
    preloaded,
  )
  const title = `${c.var.t.catering.title} · ${plan.visit.title}`
  if (access === 'own') {
    const mine = new Set(providersOfActor(rows, signedIn.actor).map((p) => p.id))
    return c.render(
      <MinePage
        t={c.var.t}
        visit={plan.visit}
        name=""
        orders={providerSlice(plan, mine)}
        signedIn
        back={`/visits/${visitId}`}
        links={{
          answer: (id) => `/catering/orders/${id}/answer`,
          contribution: (id) => `/catering/contributions/${id}/action`,
          sheet: `/visits/${visitId}/catering/sheet`,
          csv: `/api/visits/${visitId}/catering/orders.csv`,
        }}
        notice={extra.notice ?? doneNotice(c)}
      />,
      { title },
    )
  }
  const notice = extra.notice ?? doneNotice(c)
  if (notice === undefined && extra.states === undefined)
    return c.render(await plainCateringPage(c.var.t, plan, access), { title })
  return c.render(
    <CateringPage t={c.var.t} plan={plan} access={access} notice={notice} states={extra.states ?? {}} />,
    { title },
  )
}

/**
 * The team's catering page as most requests see it (no notice, no refused form), drawn once per plan,
 * language and access: the plan is shared while nothing changes (catering-plan.ts), and so is its page. Only
 * for what the page shows of the plan: nothing drawn per view (a nonce, an idempotency field) may be in it.
 */
const plainPages = new WeakMap<CateringPlan, Map<string, HtmlEscapedString>>()

async function plainCateringPage(t: Messages, plan: CateringPlan, access: 'organise' | 'read') {
  const drawn = plainPages.get(plan) ?? new Map<string, HtmlEscapedString>()
  plainPages.set(plan, drawn)
  const key = `${t.locale} ${access}`
  let page = drawn.get(key)
  if (!page) {
    page = raw(await (<CateringPage t={t} plan={plan} access={access} />).toString())
    drawn.set(key, page)
  }
  return page
}

/** The form of a new order (organisers), again with what was typed after a refusal. */
async function renderNewOrder(c: C, visitId: string, state?: FormState) {
  const signedIn = requirePerson(c)
  c.header('cache-control', 'private, no-store')
  const { plan } = await loadPlanToOrganise(c.var.db, signedIn.actor, { visitId }, new Date(), 'all')
  return c.render(<NewOrderPage t={c.var.t} plan={plan} state={state} />, {
    title: `${c.var.t.catering.newOrder} · ${plan.visit.title}`,
  })
}

/** One order for the team (hosts and caterers see theirs on their own catering page: 403 here). */
async function renderOrder(
  c: C,
  orderId: string,
  extra: { notice?: string; alert?: boolean; states?: OrderPageStates } = {},
) {
  const signedIn = requirePerson(c)
  c.header('cache-control', 'private, no-store')
  const { access, plan } = await loadPlanFor(c.var.db, signedIn.actor, { orderId }, new Date(), 'all')
  if (access === 'own') throw new DomainError('forbidden')
  const order = orderOf(plan, orderId)
  return c.render(
    <OrderPage
      t={c.var.t}
      plan={plan}
      order={order}
      access={access}
      notice={extra.notice ?? doneNotice(c)}
      alert={extra.alert}
      states={extra.states ?? {}}
    />,
    { title: `${c.var.t.catering.order} · ${plan.visit.title}` },
  )
}

/** One provider for the team. */
async function renderProvider(
  c: C,
  providerId: string,
  extra: { notice?: string; link?: string; state?: FormState } = {},
) {
  const signedIn = requirePerson(c)
  c.header('cache-control', 'private, no-store')
  const { access, rows, plan } = await loadPlanFor(c.var.db, signedIn.actor, { providerId }, new Date())
  if (access === 'own') throw new DomainError('forbidden')
  const row = rows.providers.find((p) => p.id === providerId)
  if (!row) throw new DomainError('not_found')
  return c.render(
    <ProviderPage
      t={c.var.t}
      plan={plan}
      provider={providerView(row)}
      access={access}
      notice={extra.notice ?? doneNotice(c)}
      link={extra.link}
      state={extra.state}
    />,
    { title: `${c.var.t.catering.providerPage} · ${plan.visit.title}` },
  )
}

/** The order page's id of an order, for a form whose path names a contribution. */
async function orderOfContribution(c: C, contributionId: string) {
  const signedIn = requirePerson(c)
  const { plan } = await loadPlanFor(c.var.db, signedIn.actor, { contributionId }, new Date())
  const order = plan.orders.find((o) => o.contributions.some((x) => x.id === contributionId))
  if (!order) throw new DomainError('not_found')
  return order.id
}

// --- routes -----------------------------------------------------------------------------------------------

/**
 * The catering pages of the team (a visit's catering, an order, a provider, the order sheet) and of a
 * signed-in host or caterer (their own orders). Every write goes through saveOrShowAgain: refused input shows
 * the form again as typed (422), a stale or closed order the newest version with its sentence (409).
 */
export const cateringPages = new Hono<AppEnv>()
  .get('/visits/:visitId/catering', cateringPageRead.middleware, (c) =>
    renderCatering(c, c.req.param('visitId')),
  )
  .get('/visits/:visitId/catering/orders/new', (c) => renderNewOrder(c, c.req.param('visitId')))
  .post(
    '/visits/:visitId/catering/orders',
    formBody(
      orderCreateSchema,
      (c, errors, values) =>
        renderNewOrder(c, param(c, 'visitId'), { errors: orderFormErrors(errors, c.var.t), values }),
      orderFromForm,
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const visitId = c.req.param('visitId')
      return saveOrShowAgain(
        c,
        async () => {
          const id = await createOrder(c.var.db, signedIn.actor, visitId, c.req.valid('form'), new Date())
          return c.redirect(`/catering/orders/${id}?done=created`, 303)
        },
        (state) =>
          renderNewOrder(c, visitId, { ...state, errors: orderFormErrors(state.errors ?? [], c.var.t) }),
      )
    },
  )
  .post(
    '/visits/:visitId/catering/providers',
    formBody(
      providerCreateSchema,
      (c, errors, values) =>
        renderCatering(c, param(c, 'visitId'), { states: { provider: { errors, values } } }),
      providerFromForm,
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const visitId = c.req.param('visitId')
      return saveOrShowAgain(
        c,
        async () => {
          const id = await createProvider(
            c.var.db,
            c.var.config,
            signedIn.actor,
            visitId,
            c.req.valid('form'),
            new Date(),
          )
          deliverSoon(c.executionCtx, c.var.db, c.var.config)
          return c.redirect(`/catering/providers/${id}?done=provider-created`, 303)
        },
        (provider) => renderCatering(c, visitId, { states: { provider } }),
      )
    },
  )
  .post(
    '/visits/:visitId/catering/team',
    formBody(
      teamPresenceSchema,
      (c, errors, values) => renderCatering(c, param(c, 'visitId'), { states: { team: { errors, values } } }),
      teamFromForm,
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const visitId = c.req.param('visitId')
      return saveOrShowAgain(
        c,
        async () => {
          await setTeamPresence(c.var.db, signedIn.actor, visitId, c.req.valid('form'), new Date())
          return c.redirect(`/visits/${visitId}/catering?done=team#catering-team`, 303)
        },
        (team) => renderCatering(c, visitId, { states: { team } }),
      )
    },
  )
  .get('/visits/:visitId/catering/sheet', async (c) => {
    const signedIn = requirePerson(c)
    const visitId = c.req.param('visitId')
    const now = new Date()
    const { access, rows, plan } = await loadPlanFor(c.var.db, signedIn.actor, { visitId }, now)
    // The team prints every order (to hand to the host, say); a host or caterer only their own.
    const orders =
      access === 'own'
        ? providerSlice(plan, new Set(providersOfActor(rows, signedIn.actor).map((p) => p.id)))
        : plan.orders.map((o) => orderForProvider(o, new Set()))
    c.header('cache-control', 'private, no-store')
    return c.render(
      <OrderSheetPage
        t={c.var.t}
        visit={plan.visit}
        name=""
        orders={orders}
        now={now}
        back={`/visits/${visitId}/catering`}
        nonce={c.var.secureHeadersNonce}
      />,
      { title: `${c.var.t.catering.sheet.title} · ${plan.visit.title}` },
    )
  })
  .get('/catering/orders/:orderId', (c) => renderOrder(c, c.req.param('orderId')))
  .post(
    '/catering/orders/:orderId',
    formBody(
      orderUpdateSchema,
      (c, errors, values) =>
        renderOrder(c, param(c, 'orderId'), {
          states: { edit: { errors: orderFormErrors(errors, c.var.t), values } },
        }),
      (form) => ({ ...orderFromForm(form), ...withVersion(form) }),
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const orderId = c.req.param('orderId')
      return saveOrShowAgain(
        c,
        async () => {
          await updateOrder(c.var.db, signedIn.actor, orderId, c.req.valid('form'), new Date())
          return c.redirect(`/catering/orders/${orderId}?done=saved`, 303)
        },
        (state) =>
          renderOrder(c, orderId, {
            states: { edit: { ...state, errors: orderFormErrors(state.errors ?? [], c.var.t) } },
          }),
        (error) => renderOrder(c, orderId, { notice: refusal(c, error), alert: true }),
      )
    },
  )
  .post(
    '/catering/orders/:orderId/status',
    formBody(
      orderStatusSchema,
      (c, errors) => renderOrder(c, param(c, 'orderId'), { states: { status: { errors } } }),
      (form) => ({ status: form.status, ...withVersion(form) }),
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const orderId = c.req.param('orderId')
      const input = c.req.valid('form')
      return saveOrShowAgain(
        c,
        async () => {
          await moveOrder(c.var.db, c.var.config, signedIn.actor, orderId, input, new Date())
          deliverSoon(c.executionCtx, c.var.db, c.var.config)
          const done = input.status === 'requested' ? 'requested' : 'status'
          return c.redirect(`/catering/orders/${orderId}?done=${done}`, 303)
        },
        (status) => renderOrder(c, orderId, { states: { status } }),
        (error) => renderOrder(c, orderId, { notice: refusal(c, error), alert: true }),
      )
    },
  )
  .post(
    '/catering/orders/:orderId/send',
    formBody(
      sendNumbersSchema,
      (c, errors) => renderOrder(c, param(c, 'orderId'), { states: { status: { errors } } }),
      withVersion,
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const orderId = c.req.param('orderId')
      return saveOrShowAgain(
        c,
        async () => {
          const { mailed } = await sendNumbers(
            c.var.db,
            c.var.config,
            signedIn.actor,
            orderId,
            c.req.valid('form').version,
            new Date(),
          )
          deliverSoon(c.executionCtx, c.var.db, c.var.config)
          return c.redirect(`/catering/orders/${orderId}?done=${mailed ? 'sent' : 'sent-no-mail'}`, 303)
        },
        (status) => renderOrder(c, orderId, { states: { status } }),
        (error) => renderOrder(c, orderId, { notice: refusal(c, error), alert: true }),
      )
    },
  )
  .post(
    '/catering/orders/:orderId/contributions',
    formBody(
      contributionCreateSchema,
      (c, errors, values) =>
        renderOrder(c, param(c, 'orderId'), { states: { contribution: { errors, values } } }),
      contributionFromForm,
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const orderId = c.req.param('orderId')
      return saveOrShowAgain(
        c,
        async () => {
          await addContribution(c.var.db, signedIn.actor, orderId, c.req.valid('form'), new Date())
          return c.redirect(`/catering/orders/${orderId}?done=contribution#order-contributions`, 303)
        },
        (contribution) => renderOrder(c, orderId, { states: { contribution } }),
      )
    },
  )
  .post(
    '/catering/orders/:orderId/answer',
    formBody(
      providerAnswerSchema,
      async (c) => renderCatering(c, await visitOfOrderFor(c, param(c, 'orderId'))),
      answerFromForm,
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const orderId = c.req.param('orderId')
      const input = c.req.valid('form')
      return saveOrShowAgain(
        c,
        async () => {
          const { visitId } = await answerOrder(c.var.db, signedIn.actor, orderId, input, new Date())
          return c.redirect(`/visits/${visitId}/catering?done=${input.answer}#order-${orderId}`, 303)
        },
        async () => renderCatering(c, await visitOfOrderFor(c, orderId)),
        async (error) => renderCatering(c, await visitOfOrderFor(c, orderId), { notice: refusal(c, error) }),
      )
    },
  )
  .post(
    '/catering/contributions/:contributionId',
    formBody(
      contributionUpdateSchema,
      async (c, errors) =>
        renderOrder(c, await orderOfContribution(c, param(c, 'contributionId')), {
          states: { contribution: { errors } },
        }),
      contributionChangeFromForm,
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const contributionId = c.req.param('contributionId')
      const orderId = await orderOfContribution(c, contributionId)
      return saveOrShowAgain(
        c,
        async () => {
          await updateContribution(c.var.db, signedIn.actor, contributionId, c.req.valid('form'), new Date())
          return c.redirect(`/catering/orders/${orderId}?done=contribution#order-contributions`, 303)
        },
        (contribution) => renderOrder(c, orderId, { states: { contribution } }),
        (error) => renderOrder(c, orderId, { notice: refusal(c, error), alert: true }),
      )
    },
  )
  .post('/catering/contributions/:contributionId/remove', confirmFirst('removeContribution'), async (c) => {
    const signedIn = requirePerson(c)
    const orderId = await removeContribution(
      c.var.db,
      signedIn.actor,
      c.req.param('contributionId'),
      new Date(),
    )
    return c.redirect(`/catering/orders/${orderId}?done=contribution#order-contributions`, 303)
  })
  .post(
    '/catering/contributions/:contributionId/action',
    formBody(
      contributionActionSchema,
      async (c) => renderCatering(c, await visitOfContributionFor(c, param(c, 'contributionId'))),
      actionFromForm,
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const contributionId = c.req.param('contributionId')
      const input = c.req.valid('form')
      return saveOrShowAgain(
        c,
        async () => {
          const { visitId } = await contributionAction(
            c.var.db,
            signedIn.actor,
            contributionId,
            input,
            new Date(),
          )
          return c.redirect(`/visits/${visitId}/catering?done=${input.action}`, 303)
        },
        async () => renderCatering(c, await visitOfContributionFor(c, contributionId)),
        async (error) =>
          renderCatering(c, await visitOfContributionFor(c, contributionId), { notice: refusal(c, error) }),
      )
    },
  )
  .get('/catering/providers/:providerId', (c) => renderProvider(c, c.req.param('providerId')))
  .post(
    '/catering/providers/:providerId',
    formBody(
      providerUpdateSchema,
      (c, errors, values) => renderProvider(c, param(c, 'providerId'), { state: { errors, values } }),
      (form) => {
        const { kind: _kind, ...fields } = providerFromForm(form)
        return { ...fields, ...withVersion(form) }
      },
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const providerId = c.req.param('providerId')
      return saveOrShowAgain(
        c,
        async () => {
          await updateProvider(c.var.db, signedIn.actor, providerId, c.req.valid('form'), new Date())
          return c.redirect(`/catering/providers/${providerId}?done=provider`, 303)
        },
        (state) => renderProvider(c, providerId, { state }),
        () => renderProvider(c, providerId, { notice: c.var.t.catering.stale }),
      )
    },
  )
  .post('/catering/providers/:providerId/link', async (c) => {
    const signedIn = requirePerson(c)
    const providerId = c.req.param('providerId')
    const made = await newProviderLink(c.var.db, c.var.config, signedIn.actor, providerId, new Date())
    if (made.mailed) {
      deliverSoon(c.executionCtx, c.var.db, c.var.config)
      return c.redirect(`/catering/providers/${providerId}?done=link-mailed`, 303)
    }
    // Shown once, never stored: the page is the answer to the POST (no redirect that could show it again).
    c.header('referrer-policy', 'no-referrer')
    return renderProvider(c, providerId, { link: made.link })
  })
  .post('/catering/providers/:providerId/remove', async (c) => {
    const signedIn = requirePerson(c)
    const providerId = c.req.param('providerId')
    const form = await c.req.parseBody()
    if (form.confirm !== 'yes') {
      // Without the tick nothing happens; organisers are told, anyone else gets the refusal first.
      const { access } = await loadPlanFor(c.var.db, signedIn.actor, { providerId }, new Date())
      if (access !== 'organise') throw new DomainError('forbidden')
      c.status(422)
      return renderProvider(c, providerId, { notice: c.var.t.catering.removeProviderUnconfirmed })
    }
    const visitId = await removeProvider(c.var.db, signedIn.actor, providerId, new Date())
    return c.redirect(`/visits/${visitId}/catering?done=provider-removed#catering-providers`, 303)
  })
  .get('/catering/providers/:providerId/sheet', async (c) => {
    const signedIn = requirePerson(c)
    const providerId = c.req.param('providerId')
    const now = new Date()
    const { access, rows, plan } = await loadPlanFor(c.var.db, signedIn.actor, { providerId }, now)
    if (access === 'own') throw new DomainError('forbidden')
    const row = rows.providers.find((p) => p.id === providerId)
    if (!row) throw new DomainError('not_found')
    c.header('cache-control', 'private, no-store')
    return c.render(
      <OrderSheetPage
        t={c.var.t}
        visit={plan.visit}
        name={providerView(row).name}
        orders={providerSlice(plan, new Set([providerId]))}
        now={now}
        back={`/catering/providers/${providerId}`}
        nonce={c.var.secureHeadersNonce}
      />,
      { title: `${c.var.t.catering.sheet.title} · ${plan.visit.title}` },
    )
  })

/** The visit of an order the signed-in person may see (404 otherwise). */
async function visitOfOrderFor(c: C, orderId: string) {
  const signedIn = requirePerson(c)
  const { plan } = await loadPlanFor(c.var.db, signedIn.actor, { orderId }, new Date())
  return plan.visit.id
}

/** The visit of a contribution the signed-in person may see (404 otherwise). */
async function visitOfContributionFor(c: C, contributionId: string) {
  const signedIn = requirePerson(c)
  const { plan } = await loadPlanFor(c.var.db, signedIn.actor, { contributionId }, new Date())
  return plan.visit.id
}

import { type Context, Hono } from 'hono'
import { DomainError } from '../../../shared/errors'
import type { AppEnv } from '../../platform/env'
import { doc } from '../../platform/http/openapi'
import { jsonBody } from '../../platform/http/validation'
import { deliverSoon } from '../../platform/mail/outbox'
import { requirePerson } from '../../platform/middleware/session'
import {
  type CateringKey,
  loadPlanFor,
  orderForProvider,
  planForTeam,
  providerSlice,
  providersOfActor,
} from './catering-plan'
import { addContribution, contributionAction, removeContribution, updateContribution } from './contributions'
import { sheetCsv } from './order-sheet'
import { answerOrder, createOrder, moveOrder, sendNumbers, updateOrder } from './orders'
import { myCatering } from './provider-link'
import { createProvider, newProviderLink, removeProvider, setTeamPresence, updateProvider } from './providers'
import {
  cateringContributionActionPostResponse,
  cateringContributionPatchResponse,
  cateringOrderResponse,
  cateringOrderSendPostResponse,
  cateringProviderLinkPostResponse,
  cateringProviderPatchResponse,
  visitCateringResponse,
  visitCateringTeamPutResponse,
} from './responses'
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

type C = Context<AppEnv>

/** The catering as the reader may see it after a change: the team's plan, or a provider's own orders. */
async function seen(c: C, key: CateringKey) {
  const signedIn = requirePerson(c)
  const { access, rows, plan } = await loadPlanFor(c.var.db, signedIn.actor, key, new Date())
  c.header('cache-control', 'private, no-store')
  if (access === 'own') {
    const mine = new Set(providersOfActor(rows, signedIn.actor).map((p) => p.id))
    return { access, plan, orders: providerSlice(plan, mine), team: null }
  }
  return { access, plan, orders: null, team: planForTeam(plan, access) }
}

/** One order of the team's plan as the API gives it. */
async function orderJson(c: C, orderId: string) {
  const { team, orders } = await seen(c, { orderId })
  const order = team ? team.orders.find((o) => o.id === orderId) : orders?.find((o) => o.id === orderId)
  if (!order) throw new DomainError('not_found')
  c.header('etag', `"v${order.version}"`)
  return order
}

const csvHeaders = (filename: string) => ({
  'content-type': 'text/csv; charset=utf-8',
  'content-disposition': `attachment; filename="${filename}"`,
  'cache-control': 'private, no-store',
})

/**
 * Catering as JSON: the team plans orders, providers, contributions and who of the team is there; a host or
 * caterer gets their own orders and answers them. Every number of persons is worked out, never sent in.
 */
export const cateringApi = new Hono<AppEnv>()
  .get(
    '/visits/:visitId/catering',
    doc(
      'catering',
      "A visit's catering: orders with their headcount, budget (team); a provider's own orders",
      {
        status: 200,
        description: 'Catering',
        schema: visitCateringResponse,
      },
    ),
    async (c) => {
      const { team, orders } = await seen(c, { visitId: c.req.param('visitId') })
      return c.json(team ?? { orders })
    },
  )
  .post(
    '/visits/:visitId/catering/orders',
    doc('catering', 'Plan an order for a programme item (organisers)', {
      status: 201,
      description: 'Order',
      schema: cateringOrderResponse,
    }),
    jsonBody(orderCreateSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const id = await createOrder(
        c.var.db,
        signedIn.actor,
        c.req.param('visitId'),
        c.req.valid('json'),
        new Date(),
      )
      return c.json(await orderJson(c, id), 201, { location: `/api/catering/orders/${id}` })
    },
  )
  .get(
    '/catering/orders/:orderId',
    doc('catering', 'One order with its numbers, where they come from, and what changed since sent', {
      status: 200,
      description: 'Order',
      schema: cateringOrderResponse,
    }),
    async (c) => c.json(await orderJson(c, c.req.param('orderId'))),
  )
  .patch(
    '/catering/orders/:orderId',
    doc('catering', 'Change an order (with the version it was based on)', {
      status: 200,
      description: 'Order',
      schema: cateringOrderResponse,
    }),
    jsonBody(orderUpdateSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const orderId = c.req.param('orderId')
      await updateOrder(c.var.db, signedIn.actor, orderId, c.req.valid('json'), new Date())
      return c.json(await orderJson(c, orderId))
    },
  )
  .post(
    '/catering/orders/:orderId/status',
    doc('catering', 'Move an order on: ask the provider (mailed), confirm, deliver, cancel, or back', {
      status: 200,
      description: 'Order',
      schema: cateringOrderResponse,
    }),
    jsonBody(orderStatusSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const orderId = c.req.param('orderId')
      await moveOrder(c.var.db, c.var.config, signedIn.actor, orderId, c.req.valid('json'), new Date())
      deliverSoon(c.executionCtx, c.var.db, c.var.config)
      return c.json(await orderJson(c, orderId))
    },
  )
  .post(
    '/catering/orders/:orderId/send',
    doc('catering', 'Freeze the numbers as they are now and mail them to the provider', {
      status: 200,
      description: 'Order, and whether it was mailed',
      schema: cateringOrderSendPostResponse,
    }),
    jsonBody(sendNumbersSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const orderId = c.req.param('orderId')
      const { mailed } = await sendNumbers(
        c.var.db,
        c.var.config,
        signedIn.actor,
        orderId,
        c.req.valid('json').version,
        new Date(),
      )
      deliverSoon(c.executionCtx, c.var.db, c.var.config)
      return c.json({ mailed, order: await orderJson(c, orderId) })
    },
  )
  .post(
    '/catering/orders/:orderId/answer',
    doc('catering', 'The provider (a signed-in host or caterer) confirms or declines their order', {
      status: 200,
      description: 'Order',
      schema: cateringOrderResponse,
    }),
    jsonBody(providerAnswerSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const orderId = c.req.param('orderId')
      await answerOrder(c.var.db, signedIn.actor, orderId, c.req.valid('json'), new Date())
      return c.json(await orderJson(c, orderId))
    },
  )
  .post(
    '/catering/orders/:orderId/contributions',
    doc('catering', 'Split an order: a part a volunteer brings, or one left open to take', {
      status: 201,
      description: 'Order with its contributions',
      schema: cateringOrderResponse,
    }),
    jsonBody(contributionCreateSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const orderId = c.req.param('orderId')
      await addContribution(c.var.db, signedIn.actor, orderId, c.req.valid('json'), new Date())
      return c.json(await orderJson(c, orderId), 201)
    },
  )
  .patch(
    '/catering/contributions/:contributionId',
    doc('catering', 'Change a contribution: what, how many, who brings it, done', {
      status: 200,
      description: 'Order with its contributions',
      schema: cateringContributionPatchResponse,
    }),
    jsonBody(contributionUpdateSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const id = c.req.param('contributionId')
      await updateContribution(c.var.db, signedIn.actor, id, c.req.valid('json'), new Date())
      const { team } = await seen(c, { contributionId: id })
      const order = team?.orders.find((o) => o.contributions.some((x) => x.id === id))
      if (!order) throw new DomainError('not_found')
      return c.json(order)
    },
  )
  .delete(
    '/catering/contributions/:contributionId',
    doc('catering', 'Remove a contribution', { status: 204, description: 'Removed' }),
    async (c) => {
      const signedIn = requirePerson(c)
      await removeContribution(c.var.db, signedIn.actor, c.req.param('contributionId'), new Date())
      return c.body(null, 204)
    },
  )
  .post(
    '/catering/contributions/:contributionId/action',
    doc('catering', 'A signed-in volunteer takes, gives back or ticks off a contribution', {
      status: 200,
      description: 'Their orders',
      schema: cateringContributionActionPostResponse,
    }),
    jsonBody(contributionActionSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const { visitId } = await contributionAction(
        c.var.db,
        signedIn.actor,
        c.req.param('contributionId'),
        c.req.valid('json'),
        new Date(),
      )
      const mine = await myCatering(c.var.db, signedIn.actor, visitId, new Date())
      c.header('cache-control', 'private, no-store')
      return c.json({ orders: mine.orders })
    },
  )
  .post(
    '/visits/:visitId/catering/providers',
    doc('catering', 'Add a supplier or volunteer (contact details private to the team)', {
      status: 201,
      description: 'Provider',
      schema: cateringProviderPatchResponse,
    }),
    jsonBody(providerCreateSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const visitId = c.req.param('visitId')
      const id = await createProvider(
        c.var.db,
        c.var.config,
        signedIn.actor,
        visitId,
        c.req.valid('json'),
        new Date(),
      )
      const { team } = await seen(c, { visitId })
      return c.json(
        team?.providers.find((p) => p.id === id),
        201,
      )
    },
  )
  .patch(
    '/catering/providers/:providerId',
    doc('catering', 'Change a supplier or volunteer (with the version it was based on)', {
      status: 200,
      description: 'Provider',
      schema: cateringProviderPatchResponse,
    }),
    jsonBody(providerUpdateSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const providerId = c.req.param('providerId')
      await updateProvider(c.var.db, signedIn.actor, providerId, c.req.valid('json'), new Date())
      const { team } = await seen(c, { providerId })
      return c.json(team?.providers.find((p) => p.id === providerId))
    },
  )
  .delete(
    '/catering/providers/:providerId',
    doc('catering', 'Remove a supplier or volunteer; their orders stay without one', {
      status: 204,
      description: 'Removed',
    }),
    async (c) => {
      const signedIn = requirePerson(c)
      await removeProvider(c.var.db, signedIn.actor, c.req.param('providerId'), new Date())
      return c.body(null, 204)
    },
  )
  .post(
    '/catering/providers/:providerId/link',
    doc('catering', 'A new private link for a provider: mailed, or returned once when they have no address', {
      status: 200,
      description: '{ mailed } or { mailed: false, link }',
      schema: cateringProviderLinkPostResponse,
    }),
    async (c) => {
      const signedIn = requirePerson(c)
      const made = await newProviderLink(
        c.var.db,
        c.var.config,
        signedIn.actor,
        c.req.param('providerId'),
        new Date(),
      )
      deliverSoon(c.executionCtx, c.var.db, c.var.config)
      c.header('cache-control', 'private, no-store')
      return c.json(made)
    },
  )
  .put(
    '/visits/:visitId/catering/team',
    doc('catering', 'Who of the team is there, and with which group (replaces the list)', {
      status: 200,
      description: 'Catering',
      schema: visitCateringTeamPutResponse,
    }),
    jsonBody(teamPresenceSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const visitId = c.req.param('visitId')
      await setTeamPresence(c.var.db, signedIn.actor, visitId, c.req.valid('json'), new Date())
      const { team } = await seen(c, { visitId })
      return c.json(team)
    },
  )
  .get(
    '/visits/:visitId/catering/orders.csv',
    doc('catering', 'The orders as CSV (team: all; a host or caterer: their own); counts only, never names', {
      status: 200,
      description: 'CSV',
    }),
    async (c) => {
      const { plan, orders } = await seen(c, { visitId: c.req.param('visitId') })
      // The team gets every order in the sheet's shape (no cost, no notes of theirs: it may be passed on).
      const shown = orders ?? plan.orders.map((o) => orderForProvider(o, new Set()))
      return c.body(
        sheetCsv(shown, c.var.t, plan.visit.timeZone),
        200,
        csvHeaders(`catering-${plan.visit.slug}.csv`),
      )
    },
  )
  .get(
    '/catering/providers/:providerId/orders.csv',
    doc('catering', "One provider's orders as CSV (team); counts only, never names", {
      status: 200,
      description: 'CSV',
    }),
    async (c) => {
      const providerId = c.req.param('providerId')
      const { access, plan } = await seen(c, { providerId })
      if (access === 'own') throw new DomainError('forbidden')
      const provider = plan.providers.find((p) => p.id === providerId)
      if (!provider) throw new DomainError('not_found')
      const orders = providerSlice(plan, new Set([providerId]))
      return c.body(
        sheetCsv(orders, c.var.t, plan.visit.timeZone),
        200,
        csvHeaders(`catering-${plan.visit.slug}.csv`),
      )
    },
  )

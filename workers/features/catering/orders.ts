import { and, eq, isNull, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { InferOutput } from 'valibot'
import { type CateringStatus, cateringOrders, cateringProviders } from '../../../shared/db/schema'
import type { Actor } from '../../../shared/domain/access'
import { zonedToUtc } from '../../../shared/domain/time'
import { DomainError } from '../../../shared/errors'
import { auditEntry, auditWhen, rowAtVersion } from '../../platform/audit'
import { hashToken, randomToken } from '../../platform/auth/tokens'
import type { Config } from '../../platform/config'
import type { Database } from '../../platform/env'
import { queueMailWhen } from '../../platform/mail/outbox'
import { fieldError } from '../visits/visits'
import { providerMail } from './catering-mail'
import {
  type CateringPlan,
  loadPlanFor,
  loadPlanToOrganise,
  orderForProvider,
  type PlannedOrder,
  type ProviderView,
  providersOfActor,
} from './catering-plan'
import type { CateringRows } from './queries'
import { afterAnswer, amountCounts, canMove, deadlineAfterItem, isClosed } from './rules'
import type { orderCreateSchema, orderStatusSchema, orderUpdateSchema, providerAnswerSchema } from './schemas'

type Person = Extract<Actor, { kind: 'person' }>
type OrderInput = InferOutput<typeof orderCreateSchema>
type OrderPatch = InferOutput<typeof orderUpdateSchema>

export const STALE_DETAIL = 'The order was changed elsewhere; look at the newest version.'
export const CLOSED_DETAIL =
  'The order is cancelled or delivered; nothing about it can be answered or sent now.'

const stale = () => new DomainError('conflict', STALE_DETAIL, { reason: 'stale' })
const closed = () => new DomainError('conflict', CLOSED_DETAIL, { reason: 'order_closed' })

/** One order of a loaded plan, or 404. */
export function orderOf(plan: CateringPlan, orderId: string): PlannedOrder {
  const order = plan.orders.find((o) => o.id === orderId)
  if (!order) throw new DomainError('not_found')
  return order
}

/** The instant of a deadline given in the visit's own zone. */
const deadlineAt = (deadline: { date: string; time: string } | null, timeZone: string) =>
  deadline ? new Date(zonedToUtc(deadline.date, deadline.time, timeZone)) : null

/** Checks what an order points at: an item and a provider of this visit, a deadline before the item. */
function checkOrder(
  rows: CateringRows,
  order: { itemId: string | null; providerId: string | null; deadline: Date | null },
) {
  const item = order.itemId ? rows.items.find((i) => i.id === order.itemId) : undefined
  if (order.itemId !== null && !item) throw fieldError('itemId', 'catering.validation.unknownItem')
  if (order.providerId !== null && !rows.providers.some((p) => p.id === order.providerId))
    throw fieldError('providerId', 'catering.validation.unknownProvider')
  if (item && deadlineAfterItem(order.deadline?.getTime() ?? null, item.startsAt.getTime()))
    throw fieldError('deadline', 'catering.validation.deadlineAfterItem')
}

/** The fields of an order as the audit log keeps them (no notes: they are the team's free text). */
const audited = (o: Partial<typeof cateringOrders.$inferSelect>) => {
  const { notes: _notes, sentNumbers: _sent, providerNote: _note, ...rest } = o
  return rest
}

/** Plans a new order (organisers). */
export async function createOrder(
  db: Database,
  actor: Person,
  visitId: string,
  input: OrderInput,
  now: Date,
) {
  const { rows } = await loadPlanToOrganise(db, actor, { visitId }, now, 'all')
  const { deadline: local, ...fields } = input
  const deadline = deadlineAt(local, rows.visit.timeZone)
  checkOrder(rows, { itemId: fields.itemId, providerId: fields.providerId, deadline })
  const id = crypto.randomUUID()
  const row = { id, visitId, ...fields, deadline, createdAt: now }
  await db.batch([
    db.insert(cateringOrders).values(row),
    auditEntry(db, {
      teamId: rows.visit.teamId,
      actorId: actor.personId,
      action: 'catering_order.created',
      entityType: 'catering_order',
      entityId: id,
      after: audited(row),
      at: now,
    }),
  ])
  return id
}

/** Changes an order, based on the version seen (organisers). Quantities and cost follow at once. */
export async function updateOrder(
  db: Database,
  actor: Person,
  orderId: string,
  input: OrderPatch,
  now: Date,
) {
  const { rows } = await loadPlanToOrganise(db, actor, { orderId }, now, 'all')
  const row = rows.orders.find((o) => o.id === orderId)
  if (!row) throw new DomainError('not_found')
  const { version, deadline: local, ...fields } = input
  const patch = {
    ...fields,
    ...(local !== undefined ? { deadline: deadlineAt(local, rows.visit.timeZone) } : {}),
  }
  if (!amountCounts(patch.rule ?? row.rule, patch.amount ?? row.amount))
    throw fieldError('amount', 'catering.validation.amountAtLeastOne')
  checkOrder(rows, {
    itemId: patch.itemId ?? row.itemId,
    providerId: patch.providerId !== undefined ? patch.providerId : row.providerId,
    deadline: patch.deadline !== undefined ? patch.deadline : row.deadline,
  })
  // A new deadline gets its own reminder.
  const remindAgain = patch.deadline !== undefined && patch.deadline?.getTime() !== row.deadline?.getTime()
  const before = Object.fromEntries(Object.keys(patch).map((k) => [k, row[k as keyof typeof row]]))
  const [, updated] = await db.batch([
    auditWhen(
      db,
      {
        teamId: rows.visit.teamId,
        actorId: actor.personId,
        action: 'catering_order.updated',
        entityType: 'catering_order',
        entityId: orderId,
        before: audited(before),
        after: audited(patch),
        at: now,
      },
      rowAtVersion(cateringOrders, orderId, version),
    ),
    db
      .update(cateringOrders)
      .set({
        ...patch,
        ...(remindAgain ? { reminderSentAt: null } : {}),
        updatedAt: now,
        version: version + 1,
      })
      .where(and(eq(cateringOrders.id, orderId), eq(cateringOrders.version, version)))
      .returning({ id: cateringOrders.id }),
  ])
  if (!updated[0]) throw stale()
}

/**
 * A mail to a provider with a new private link: the token is kept only as a hash, so each mail carries a new
 * link and the one in earlier mails stops working. The token and the mail go in the caller's batch, written
 * only while `when` holds (the change they belong to applied). Null when the provider has no address.
 */
export async function mailToProvider(
  db: Database,
  config: Config,
  provider: ProviderView,
  plan: CateringPlan,
  template: Parameters<typeof providerMail>[1],
  orders: readonly PlannedOrder[],
  now: Date,
  when: ReturnType<typeof sql>,
  /** One token for several mails in one batch (else the later mail's link would end the earlier one's). */
  token = randomToken(),
): Promise<BatchItem<'sqlite'>[]> {
  if (!provider.email) return []
  const link = `${config.publicUrl.replace(/\/$/, '')}/c/${token}`
  const mine = new Set([provider.id])
  const mail = await providerMail(
    provider,
    template,
    plan,
    orders.map((o) => orderForProvider(o, mine)),
    link,
  )
  return [
    db
      .update(cateringProviders)
      .set({ tokenHash: await hashToken(token) })
      .where(and(eq(cateringProviders.id, provider.id), when)),
    queueMailWhen(db, config, { to: provider.email, kind: template, ...mail }, now, when),
  ]
}

/**
 * Moves an order to another status (organisers), based on the version seen. Asking the provider mails them
 * the order with their link; cancelling an order they were asked for tells them. Needs a provider to ask.
 */
export async function moveOrder(
  db: Database,
  config: Config,
  actor: Person,
  orderId: string,
  input: InferOutput<typeof orderStatusSchema>,
  now: Date,
) {
  const { rows, plan } = await loadPlanToOrganise(db, actor, { orderId }, now)
  const order = orderOf(plan, orderId)
  if (order.version !== input.version) throw stale()
  if (!canMove(order.status, input.status))
    throw new DomainError('conflict', `An order that is ${order.status} cannot become ${input.status}.`, {
      reason: 'order_status',
    })
  if (input.status === 'requested' && !order.provider)
    throw fieldError('providerId', 'catering.validation.providerNeeded')
  const template =
    input.status === 'requested'
      ? 'catering_request'
      : input.status === 'cancelled' && (order.status === 'requested' || order.status === 'confirmed')
        ? 'catering_cancelled'
        : null
  const statements: BatchItem<'sqlite'>[] = [
    db
      .update(cateringOrders)
      .set({
        status: input.status,
        // Asked again: an earlier "no" no longer stands.
        ...(input.status === 'requested' ? { declinedAt: null } : {}),
        updatedAt: now,
        version: input.version + 1,
      })
      .where(and(eq(cateringOrders.id, orderId), eq(cateringOrders.version, input.version)))
      .returning({ id: cateringOrders.id }),
  ]
  // True only when this change is the one that applied: the row has the new version at this very moment.
  const stamped = sql`exists (select 1 from ${cateringOrders} where ${cateringOrders.id} = ${orderId} and ${cateringOrders.version} = ${input.version + 1} and ${cateringOrders.updatedAt} = ${now.getTime()})`
  if (template && order.provider)
    statements.push(
      ...(await mailToProvider(db, config, order.provider, plan, template, [order], now, stamped)),
    )
  statements.push(
    auditWhen(
      db,
      {
        teamId: rows.visit.teamId,
        actorId: actor.personId,
        action: 'catering_order.status',
        entityType: 'catering_order',
        entityId: orderId,
        before: { status: order.status },
        after: { status: input.status },
        at: now,
      },
      stamped,
    ),
  )
  const [updated] = await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
  if ((updated as unknown[]).length === 0) throw stale()
  return { mailed: template !== null && !!order.provider?.email }
}

/**
 * Freezes an order's numbers as they are now and sends them to its provider (organisers): the first time or
 * again after changes. A planned order becomes requested. Without an address the numbers are frozen all the
 * same and the team tells the provider themselves.
 */
export async function sendNumbers(
  db: Database,
  config: Config,
  actor: Person,
  orderId: string,
  version: number,
  now: Date,
) {
  const { rows, plan } = await loadPlanToOrganise(db, actor, { orderId }, now)
  const order = orderOf(plan, orderId)
  if (order.version !== version) throw stale()
  if (isClosed(order.status)) throw closed()
  if (!order.provider) throw fieldError('providerId', 'catering.validation.providerNeeded')
  const statements = await freezeStatements(
    db,
    config,
    rows,
    plan,
    order.provider,
    [order],
    now,
    actor.personId,
  )
  const [updated] = await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
  if ((updated as unknown[]).length === 0) throw stale()
  return { mailed: !!order.provider.email }
}

/**
 * The statements that freeze orders' numbers and mail them to their provider, guarded so that each order is
 * frozen by one run only (a run of the scheduled job racing another, or the team's click): the mail and the
 * audit row are written only when this run's update applied. Used by the team's "send" and by the job.
 */
export async function freezeStatements(
  db: Database,
  config: Config,
  rows: CateringRows,
  plan: CateringPlan,
  provider: ProviderView | null,
  orders: readonly PlannedOrder[],
  now: Date,
  actorId: string | null,
  guard: 'version' | 'unsent' = 'version',
  token?: string,
): Promise<BatchItem<'sqlite'>[]> {
  const statements: BatchItem<'sqlite'>[] = []
  const stampedAll: ReturnType<typeof sql>[] = []
  for (const order of orders) {
    statements.push(
      db
        .update(cateringOrders)
        .set({
          sentAt: now,
          sentNumbers: JSON.stringify(order.numbers),
          status: order.status === 'planned' ? 'requested' : order.status,
          version: guard === 'version' ? order.version + 1 : sql`${cateringOrders.version} + 1`,
          updatedAt: now,
        })
        .where(
          and(
            eq(cateringOrders.id, order.id),
            guard === 'version' ? eq(cateringOrders.version, order.version) : isNull(cateringOrders.sentAt),
          ),
        )
        .returning({ id: cateringOrders.id }),
    )
    const stamped =
      guard === 'version'
        ? sql`exists (select 1 from ${cateringOrders} where ${cateringOrders.id} = ${order.id} and ${cateringOrders.sentAt} = ${now.getTime()} and ${cateringOrders.version} = ${order.version + 1})`
        : sql`exists (select 1 from ${cateringOrders} where ${cateringOrders.id} = ${order.id} and ${cateringOrders.sentAt} = ${now.getTime()})`
    stampedAll.push(stamped)
    statements.push(
      auditWhen(
        db,
        {
          teamId: rows.visit.teamId,
          actorId,
          action: 'catering_order.numbers_sent',
          entityType: 'catering_order',
          entityId: order.id,
          before: order.sent ? { persons: order.sent.persons, quantity: order.sent.quantity } : null,
          after: { persons: order.numbers.persons, quantity: order.numbers.quantity },
          at: now,
        },
        stamped,
      ),
    )
  }
  if (!provider || stampedAll.length === 0) return statements
  const anyStamped = sql.join(stampedAll, sql` or `)
  statements.push(
    ...(await mailToProvider(
      db,
      config,
      provider,
      plan,
      'catering_numbers',
      orders,
      now,
      sql`(${anyStamped})`,
      token,
    )),
  )
  return statements
}

/** A provider's answer to an order. */
type Answer = InferOutput<typeof providerAnswerSchema>

/**
 * The provider's answer to an order: confirmed, or declined (the order is planned again and the team sees
 * the "no" with its note). `providerIds` are the providers the one answering is; only their own orders.
 */
export async function answerOrderFor(
  db: Database,
  rows: CateringRows,
  plan: CateringPlan,
  providerIds: ReadonlySet<string>,
  orderId: string,
  input: Answer,
  now: Date,
) {
  const order = plan.orders.find((o) => o.id === orderId)
  if (!order || order.providerId === null || !providerIds.has(order.providerId))
    throw new DomainError('not_found')
  if (order.version !== input.version) throw stale()
  if (isClosed(order.status)) throw closed()
  const status: CateringStatus = afterAnswer(input.answer)
  const [, updated] = await db.batch([
    auditWhen(
      db,
      {
        teamId: rows.visit.teamId,
        actorId: null,
        action: input.answer === 'confirm' ? 'catering_order.confirmed' : 'catering_order.declined',
        entityType: 'catering_order',
        entityId: orderId,
        before: { status: order.status },
        after: { status },
        at: now,
      },
      rowAtVersion(cateringOrders, orderId, input.version),
    ),
    db
      .update(cateringOrders)
      .set({
        status,
        providerNote: input.note,
        respondedAt: now,
        declinedAt: input.answer === 'decline' ? now : null,
        updatedAt: now,
        version: input.version + 1,
      })
      .where(and(eq(cateringOrders.id, orderId), eq(cateringOrders.version, input.version)))
      .returning({ id: cateringOrders.id }),
  ])
  if (!updated[0]) throw stale()
  return status
}

/** A signed-in provider (a host or caterer of the visit) answers one of their orders. */
export async function answerOrder(db: Database, actor: Person, orderId: string, input: Answer, now: Date) {
  const { rows, plan } = await loadPlanFor(db, actor, { orderId }, now)
  const mine = new Set(providersOfActor(rows, actor).map((p) => p.id))
  const status = await answerOrderFor(db, rows, plan, mine, orderId, input, now)
  return { status, visitId: rows.visit.id }
}

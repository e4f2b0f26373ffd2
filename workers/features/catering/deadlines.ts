import { and, eq, isNotNull, isNull, lte, notInArray, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import { cateringOrders } from '../../../shared/db/schema'
import { auditWhen } from '../../platform/audit'
import { randomToken } from '../../platform/auth/tokens'
import type { Config } from '../../platform/config'
import type { Database } from '../../platform/env'
import { cateringPlan, type PlannedOrder } from './catering-plan'
import { freezeStatements, mailToProvider } from './orders'
import { loadCatering } from './queries'
import { dueAction } from './rules'

/** The longest reminder the form allows (two weeks): orders further from their deadline are not read. */
const LONGEST_REMINDER_MS = 14 * 24 * 3_600_000

/** What one run of the catering job did. */
export type DeadlineRun = { reminded: number; sent: number }

/**
 * The scheduled catering job, with the clock given (tests pass their own): providers are reminded the
 * configured time before an order's deadline, and at the deadline the numbers are frozen and sent. Each
 * provider gets one mail per run for all their orders that are due. Safe to run twice at once: an order is
 * reminded and frozen by one run only (its update is guarded, the mail written only when it applied).
 */
export async function runCateringDeadlines(db: Database, config: Config, now: Date): Promise<DeadlineRun> {
  const candidates = await db
    .select({
      id: cateringOrders.id,
      visitId: cateringOrders.visitId,
      status: cateringOrders.status,
      deadline: cateringOrders.deadline,
      reminderHours: cateringOrders.reminderHours,
      reminderSentAt: cateringOrders.reminderSentAt,
      providerId: cateringOrders.providerId,
    })
    .from(cateringOrders)
    .where(
      and(
        isNull(cateringOrders.sentAt),
        isNotNull(cateringOrders.deadline),
        lte(cateringOrders.deadline, new Date(now.getTime() + LONGEST_REMINDER_MS)),
        notInArray(cateringOrders.status, ['cancelled', 'delivered']),
      ),
    )
  const due = new Map<string, Map<string, 'send' | 'remind'>>()
  for (const o of candidates) {
    const action = dueAction(
      {
        status: o.status,
        deadline: o.deadline?.getTime() ?? null,
        reminderHours: o.reminderHours,
        reminderSentAt: o.reminderSentAt?.getTime() ?? null,
        sentAt: null,
        hasProvider: o.providerId !== null,
      },
      now.getTime(),
    )
    if (!action) continue
    const ofVisit = due.get(o.visitId) ?? new Map()
    ofVisit.set(o.id, action)
    due.set(o.visitId, ofVisit)
  }
  const run: DeadlineRun = { reminded: 0, sent: 0 }
  for (const [visitId, actions] of due) {
    const rows = await loadCatering(db, { visitId })
    if (!rows) continue
    const plan = cateringPlan(rows, now)
    const statements: BatchItem<'sqlite'>[] = []
    // Per provider (or none): the orders to send and the orders to remind of.
    const byProvider = new Map<string | null, { send: PlannedOrder[]; remind: PlannedOrder[] }>()
    for (const order of plan.orders) {
      const action = actions.get(order.id)
      if (!action) continue
      const entry = byProvider.get(order.providerId) ?? { send: [], remind: [] }
      entry[action].push(order)
      byProvider.set(order.providerId, entry)
    }
    for (const [providerId, { send, remind }] of byProvider) {
      const provider = providerId ? (plan.providers.find((p) => p.id === providerId) ?? null) : null
      // One link per provider and run: a reminder and the numbers in the same run carry the same one.
      const token = randomToken()
      if (send.length > 0) {
        statements.push(
          ...(await freezeStatements(db, config, rows, plan, provider, send, now, null, 'unsent', token)),
        )
        run.sent += send.length
      }
      if (remind.length > 0 && provider) {
        const stamped: ReturnType<typeof sql>[] = []
        for (const order of remind) {
          statements.push(
            db
              .update(cateringOrders)
              .set({ reminderSentAt: now })
              .where(and(eq(cateringOrders.id, order.id), isNull(cateringOrders.reminderSentAt))),
          )
          const mine = sql`exists (select 1 from ${cateringOrders} where ${cateringOrders.id} = ${order.id} and ${cateringOrders.reminderSentAt} = ${now.getTime()})`
          stamped.push(mine)
          statements.push(
            auditWhen(
              db,
              {
                teamId: rows.visit.teamId,
                actorId: null,
                action: 'catering_order.reminded',
                entityType: 'catering_order',
                entityId: order.id,
                after: { persons: order.numbers.persons },
                at: now,
              },
              mine,
            ),
          )
        }
        statements.push(
          ...(await mailToProvider(
            db,
            config,
            provider,
            plan,
            'catering_reminder',
            remind,
            now,
            sql`(${sql.join(stamped, sql` or `)})`,
            token,
          )),
        )
        run.reminded += remind.length
      }
    }
    if (statements.length > 0) await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
  }
  return run
}

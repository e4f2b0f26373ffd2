import { cateringStatuses } from '../../../../shared/db/schema'
import type { Messages } from '../../../../shared/i18n'
import { money } from '../../visits/views/visit-parts'
import type { CateringPlan } from '../catering-plan'
import { BudgetWarning, moment, orderTitle } from './catering-parts'

/**
 * The catering on the visit's overview, for the team: how many orders in which status, the planned and
 * confirmed cost against the budget (with the warning when over), the next deadline, and what needs
 * attention, with the way to the catering page.
 */
export function CateringSummary({ t, plan, now }: { t: Messages; plan: CateringPlan; now: Date }) {
  const c = t.catering
  const { budget, orders } = plan
  const base = `/visits/${plan.visit.id}/catering`
  const counts = cateringStatuses
    .map((s) => [s, orders.filter((o) => o.status === s).length] as const)
    .filter(([, n]) => n > 0)
  const next = orders
    .filter(
      (o) => o.deadline && !o.sentAt && o.status !== 'cancelled' && o.deadline.getTime() > now.getTime(),
    )
    .sort((a, b) => (a.deadline?.getTime() ?? 0) - (b.deadline?.getTime() ?? 0))[0]
  const attention = orders.filter((o) => o.warnings.length > 0).length
  return (
    <section aria-labelledby="catering" class="slot catering-summary">
      <h2 id="catering">{c.title}</h2>
      {orders.length === 0 ? (
        <p class="muted">{c.summaryNone}</p>
      ) : (
        <>
          <p>
            {c.summaryOrders(orders.length)}:{' '}
            {counts.map(([s, n], i) => (
              <>
                {i > 0 ? ', ' : ''}
                <span class={`tag status-${s}`}>
                  {c.statuses[s]} {n}
                </span>
              </>
            ))}
          </p>
          <p>
            {c.planned} {money(budget.plannedCents, t)} · {c.confirmed} {money(budget.confirmedCents, t)}
            {budget.budgetCents !== null ? ` · ${c.budget} ${money(budget.budgetCents, t)}` : ''}
            {budget.plannedPerHeadCents !== null ? (
              <span class="muted">
                {' '}
                · {c.perHead} {money(budget.plannedPerHeadCents, t)}
              </span>
            ) : null}
          </p>
          <BudgetWarning t={t} budget={budget} />
          {next?.deadline ? (
            <p>{c.summaryNext(orderTitle(next, t), moment(next.deadline, t, plan.visit.timeZone))}</p>
          ) : null}
          {attention > 0 ? <p class="catering-warn">{c.summaryAttention(attention)}</p> : null}
        </>
      )}
      <p>
        <a href={base}>{c.summaryLink}</a>
      </p>
    </section>
  )
}

/** For a host or caterer of the visit: the way to their own orders. */
export function OwnCateringLink({ t, visitId, count }: { t: Messages; visitId: string; count: number }) {
  if (count === 0) return null
  return (
    <section aria-labelledby="catering" class="slot">
      <h2 id="catering">{t.catering.yourOrders}</h2>
      <p>
        <a href={`/visits/${visitId}/catering`}>{t.catering.summaryOrders(count)}</a>
      </p>
    </section>
  )
}

import type { Messages } from '../../../../shared/i18n'
import { ErrorSummary, type FormState } from '../../../platform/ui/form'
import { VisitNav } from '../../visits/views/visit-parts'
import type { CateringPlan } from '../catering-plan'
import { OrderFields } from './catering-parts'

/** A new order, on a page of its own: the programme item, who provides it, the rule, the price, the deadline. */
export function NewOrderPage({
  t,
  plan,
  state,
}: {
  t: Messages
  plan: CateringPlan
  state?: FormState | undefined
}) {
  const c = t.catering
  const base = `/visits/${plan.visit.id}/catering`
  return (
    <>
      <VisitNav t={t} visit={plan.visit} access="organise" current="catering" />
      <p>
        <a href={base}>{c.backToCatering}</a>
      </p>
      <h1>{c.newOrder}</h1>
      <p class="lead">{c.newOrderIntro}</p>
      {plan.items.length === 0 ? (
        <p class="notice">
          {c.needItems} <a href={`/visits/${plan.visit.id}/programme`}>{t.visits.tabs.programme}</a>
        </p>
      ) : (
        <>
          <ErrorSummary t={t} state={state} />
          <form method="post" action={`${base}/orders`} novalidate>
            <OrderFields t={t} plan={plan} state={state} />
            <button type="submit">{c.addOrder}</button>
          </form>
        </>
      )}
    </>
  )
}

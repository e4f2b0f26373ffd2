import type { Messages } from '../../../../shared/i18n'
import { ErrorSummary, Field, type FormState, Select } from '../../../platform/ui/form'
import { money, VisitNav } from '../../visits/views/visit-parts'
import type { CateringAccess, CateringPlan, PlannedOrder } from '../catering-plan'
import { quantityText } from '../order-sheet'
import { reminderAt } from '../rules'
import {
  DietaryTable,
  moment,
  OrderFacts,
  OrderFields,
  orderTitle,
  providerName,
  StatusTag,
  Warnings,
} from './catering-parts'

/** The form states of the order page's forms after a refused submit. */
export type OrderPageStates = { edit?: FormState; contribution?: FormState; status?: FormState }

/**
 * One order for the team: its numbers and where they come from, diets and anonymous notes, the numbers as
 * sent and what changed since (send again), status steps, who brings which part, and the edit form.
 */
export function OrderPage({
  t,
  plan,
  order,
  access,
  notice,
  alert,
  states = {},
}: {
  t: Messages
  plan: CateringPlan
  order: PlannedOrder
  access: Exclude<CateringAccess, 'own'>
  notice?: string | undefined
  alert?: boolean | undefined
  states?: OrderPageStates
}) {
  const c = t.catering
  const d = c.detail
  const tz = plan.visit.timeZone
  const organise = access === 'organise'
  const base = `/catering/orders/${order.id}`
  const volunteers = plan.providers.filter((p) => p.kind !== 'supplier')
  const remindAt = reminderAt(order.deadline?.getTime() ?? null, order.reminderHours)
  const closed = order.status === 'cancelled' || order.status === 'delivered'
  return (
    <>
      <VisitNav t={t} visit={plan.visit} access={access} current="catering" />
      <p>
        <a href={`/visits/${plan.visit.id}/catering`}>{c.backToCatering}</a>
      </p>
      <h1>{orderTitle(order, t)}</h1>
      <p>
        <StatusTag t={t} status={order.status} />
        {order.description ? <span> {order.description}</span> : null}
      </p>
      {notice ? (
        <p class={alert ? 'catering-warn' : 'notice'} role={alert ? 'alert' : 'status'}>
          {notice}
        </p>
      ) : null}
      <Warnings t={t} warnings={order.warnings} />
      {order.providerNote ? (
        <p class="notice">
          {d.providerSaid}: “{order.providerNote}”
        </p>
      ) : null}

      <section aria-labelledby="order-numbers">
        <h2 id="order-numbers">{c.order}</h2>
        <dl class="details catering-details">
          <dt>{d.provider}</dt>
          <dd>
            {order.provider ? (
              <a href={`/catering/providers/${order.provider.id}`}>{providerName(order.provider)}</a>
            ) : (
              c.fields.noProvider
            )}
          </dd>
          <dt>{d.cost}</dt>
          <dd>
            {money(order.numbers.costCents, t)}{' '}
            <span class="muted">
              ({quantityText(order.numbers.quantity, order.unit, t)} × {money(order.unitCostCents, t)}
              {order.costPerHeadCents !== null
                ? ` · ${d.costPerHead} ${money(order.costPerHeadCents, t)}`
                : ''}
              )
            </span>
          </dd>
          <dt>{d.reminder}</dt>
          <dd>
            {order.reminderSentAt
              ? d.reminderSent(moment(order.reminderSentAt, t, tz))
              : remindAt !== null
                ? d.reminderPlanned(moment(remindAt, t, tz))
                : d.noReminder}
          </dd>
        </dl>
        <OrderFacts t={t} order={order} timeZone={tz} />
        <DietaryTable t={t} dietary={order.numbers.dietary} caption={d.dietary} />
        {order.notes && organise ? (
          <>
            <h3>{d.teamNotes}</h3>
            <p class="prewrap">{order.notes}</p>
          </>
        ) : null}
      </section>

      <section aria-labelledby="order-sent">
        <h2 id="order-sent">{c.sent}</h2>
        {order.sent && order.sentAt ? (
          <>
            <p>
              {c.sentAt(moment(order.sentAt, t, tz))}:{' '}
              <strong>
                {c.sentPersons(order.sent.persons, quantityText(order.sent.quantity, order.unit, t))}
              </strong>
            </p>
            {order.difference ? null : <p class="muted">{c.noChangeSinceSent}</p>}
          </>
        ) : (
          <p>{c.notSent}</p>
        )}
        {organise && !closed ? (
          <form method="post" action={`${base}/send`}>
            <input type="hidden" name="version" value={String(order.version)} />
            <p class="muted">{c.sendHint}</p>
            <button type="submit" class={order.sent && !order.difference ? 'secondary' : undefined}>
              {order.sent ? c.sendAgain : c.sendNow}
            </button>
          </form>
        ) : null}
      </section>

      {organise && order.next.length > 0 ? (
        <section aria-labelledby="order-status">
          <h2 id="order-status">{c.statusTitle}</h2>
          <ErrorSummary t={t} state={states.status} idPrefix="field" />
          <ul class="status-steps">
            {order.next.map((status) => (
              <li>
                <form method="post" action={`${base}/status`} class="inline-form">
                  <input type="hidden" name="version" value={String(order.version)} />
                  <input type="hidden" name="status" value={status} />
                  <button type="submit" class={status === 'cancelled' ? 'danger' : 'secondary'}>
                    {c.moveTo[status]}
                  </button>
                </form>
                <span class="muted"> {c.moveHint[status]}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="order-contributions">
        <h2 id="order-contributions">{c.contributions}</h2>
        <p class="muted">{c.contributionsIntro}</p>
        {order.coverage ? (
          <p>{c.covered(order.coverage.covered, quantityText(order.coverage.of, order.unit, t))}</p>
        ) : null}
        {order.contributions.length === 0 ? <p>{c.noContributions}</p> : null}
        <ul class="contributions">
          {order.contributions.map((x) => (
            <li class={x.doneAt ? 'done' : undefined}>
              <strong>
                {x.quantity !== null ? `${x.quantity} × ` : ''}
                {x.description}
              </strong>{' '}
              — {x.providerName ? c.taken(x.providerName) : <em>{c.openForTaking}</em>}
              {x.doneAt ? <span class="tag">{c.done}</span> : null}
              {organise ? (
                <div class="contribution-forms">
                  <form method="post" action={`/catering/contributions/${x.id}`} class="inline-form">
                    <input type="hidden" name="version" value={String(x.version)} />
                    <Select
                      name="providerId"
                      id={`contribution-${x.id}-providerId`}
                      label={c.contributionVolunteer}
                      options={[
                        { value: '', label: c.open },
                        ...volunteers.map((p) => ({ value: p.id, label: providerName(p) })),
                      ]}
                      value={x.providerId ?? ''}
                    />
                    <Select
                      name="done"
                      id={`contribution-${x.id}-done`}
                      label={c.doneLabel}
                      options={[
                        { value: 'no', label: c.notDone },
                        { value: 'yes', label: c.done },
                      ]}
                      value={x.doneAt ? 'yes' : 'no'}
                    />
                    <button type="submit" class="secondary">
                      {c.saveContribution}
                    </button>
                  </form>
                  <form method="post" action={`/catering/contributions/${x.id}/remove`} class="inline-form">
                    <button
                      type="submit"
                      class="link-button"
                      aria-label={`${c.removeContribution}: ${x.description}`}
                    >
                      {c.removeContribution}
                    </button>
                  </form>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
        {organise && !closed ? (
          <>
            <ErrorSummary t={t} state={states.contribution} idPrefix="contribution" />
            <form method="post" action={`${base}/contributions`} novalidate class="contribution-new">
              <div class="field-row">
                <Field
                  name="description"
                  id="contribution-description"
                  label={c.contributionDescription}
                  state={states.contribution}
                  required
                />
                <Field
                  name="quantity"
                  id="contribution-quantity"
                  type="number"
                  inputmode="numeric"
                  min={0}
                  label={c.contributionQuantity}
                  state={states.contribution}
                />
              </div>
              <Select
                name="providerId"
                id="contribution-providerId"
                label={c.contributionVolunteer}
                options={[
                  { value: '', label: c.open },
                  ...volunteers.map((p) => ({ value: p.id, label: providerName(p) })),
                ]}
                state={states.contribution}
              />
              <button type="submit">{c.addContribution}</button>
            </form>
          </>
        ) : null}
      </section>

      {organise ? (
        <section aria-labelledby="order-edit">
          <h2 id="order-edit">{c.editOrder}</h2>
          <ErrorSummary t={t} state={states.edit} />
          <form method="post" action={base} novalidate>
            <input type="hidden" name="version" value={String(order.version)} />
            <OrderFields t={t} plan={plan} state={states.edit} order={order} />
            <button type="submit">{c.saveOrder}</button>
          </form>
        </section>
      ) : null}
    </>
  )
}

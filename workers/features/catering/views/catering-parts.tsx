import { type CateringStatus, cateringKinds, quantityRules } from '../../../../shared/db/schema'
import { dietaryOptions } from '../../../../shared/domain/diets'
import { utcToZoned } from '../../../../shared/domain/time'
import type { Messages } from '../../../../shared/i18n'
import { formatLongDate, formatTime, isoInstant } from '../../../../shared/i18n/format'
import { Field, type FormState, Select, Textarea } from '../../../platform/ui/form'
import { eurosForForm, money } from '../../visits/views/visit-parts'
import type { CateringPlan, PlannedOrder, ProviderOrder } from '../catering-plan'
import { dietaryOrNone, differenceText, quantityText, ruleText, whenOf } from '../order-sheet'
import type { Headcount } from '../rules'
import { groupedNotes } from '../rules'

/** '19 september 2017 16:55' in the visit's zone. */
export const moment = (at: Date | number, t: Messages, timeZone: string) =>
  `${formatLongDate(at, timeZone, t.locale)} ${formatTime(at, timeZone, t.locale)}`

/** A status as a tag; cancelled and delivered read as done. */
export function StatusTag({ t, status }: { t: Messages; status: CateringStatus }) {
  return <span class={`tag status-${status}`}>{t.catering.statuses[status]}</span>
}

/** The title of an order: what, at which item. */
export function orderTitle(order: Pick<ProviderOrder, 'kind' | 'item'>, t: Messages) {
  const kind = t.catering.kinds[order.kind]
  return order.item ? t.catering.orderTitle(kind, order.item.title) : kind
}

/** Where the number of persons comes from, line by line (counts only). */
export function CountLines({ t, count }: { t: Messages; count: Headcount }) {
  const c = t.catering.countLines
  const lines = [
    count.registrations > 0 ? c.guests(count.guests, count.registrations) : null,
    count.company > 0 ? c.company(count.company) : null,
    count.team > 0 ? c.team(count.team) : null,
    count.speakers > 0 ? c.speakers(count.speakers) : null,
    count.extra > 0 ? c.extra(count.extra) : null,
  ].filter((x): x is string => x !== null)
  return (
    <ul class="count-lines">
      {lines.length === 0 ? <li>{t.catering.persons(0)}</li> : lines.map((line) => <li>{line}</li>)}
      {count.countedOnce > 0 ? <li class="muted">{c.countedOnce(count.countedOnce)}</li> : null}
    </ul>
  )
}

/** The dietary needs in persons, every need listed (a kitchen wants to see the zeros too). */
export function DietaryTable({
  t,
  dietary,
  caption,
}: {
  t: Messages
  dietary: Record<string, number>
  caption: string
}) {
  return (
    <table class="dietary-table">
      <caption>{caption}</caption>
      <tbody>
        {dietaryOptions.map((o) => (
          <tr class={(dietary[o] ?? 0) > 0 ? undefined : 'muted'}>
            <th scope="row">{t.rsvp.dietaryOptions[o]}</th>
            <td class="nowrap">{dietary[o] ?? 0}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The anonymous notes, each once with how often it was written. */
export function NotesList({ t, notes }: { t: Messages; notes: readonly string[] }) {
  if (notes.length === 0) return <p class="muted">{t.catering.detail.noNotes}</p>
  return (
    <ul class="food-notes">
      {groupedNotes(notes).map((n) => (
        <li>
          {n.text}
          {n.count > 1 ? <span class="muted"> ({n.count}×)</span> : null}
        </li>
      ))}
    </ul>
  )
}

/**
 * What the provider needs of one order: when, where (with a map link), for how many and which diets, the
 * anonymous notes, the deadline, and what changed since the numbers were sent. Shared by the provider's own
 * page, the signed-in caterer's page and the team's order page.
 */
export function OrderFacts({
  t,
  order,
  timeZone,
}: {
  t: Messages
  order: ProviderOrder | PlannedOrder
  timeZone: string
}) {
  const d = t.catering.detail
  const when = whenOf(order, t, timeZone)
  const changed = differenceText(order, t)
  return (
    <>
      <dl class="details catering-details">
        {when ? (
          <>
            <dt>{d.when}</dt>
            <dd>{order.item ? <time datetime={isoInstant(order.item.startsAt)}>{when}</time> : when}</dd>
          </>
        ) : null}
        {order.venue ? (
          <>
            <dt>{d.where}</dt>
            <dd>
              {order.venue.name}
              {order.venue.address ? <span class="muted">, {order.venue.address}</span> : null}
              {order.venue.map ? (
                <>
                  {' '}
                  <a href={order.venue.map} rel="noopener noreferrer" target="_blank">
                    {d.map}
                  </a>
                </>
              ) : null}
            </dd>
          </>
        ) : null}
        <dt>{d.persons}</dt>
        <dd>
          <strong>{t.catering.persons(order.numbers.persons)}</strong>
          {order.groupNames.length > 0 ? (
            <span class="muted"> · {t.catering.forGroups(order.groupNames.join(', '))}</span>
          ) : null}
        </dd>
        <dt>{d.quantity}</dt>
        <dd>
          <strong>{quantityText(order.numbers.quantity, order.unit, t)}</strong>{' '}
          <span class="muted">({ruleText(order, t)})</span>
        </dd>
        <dt>{d.dietary}</dt>
        <dd>{dietaryOrNone(order.numbers, t)}</dd>
        <dt>{d.deadline}</dt>
        <dd>{order.deadline ? moment(order.deadline, t, timeZone) : d.noDeadline}</dd>
      </dl>
      {changed ? <p class="catering-warn">{changed}</p> : null}
      <details>
        <summary>{t.catering.whereFrom}</summary>
        <CountLines t={t} count={order.count} />
      </details>
      <h3>{d.notes}</h3>
      <NotesList t={t} notes={order.numbers.notes} />
    </>
  )
}

/** The warning when the confirmed (or else the planned) cost is over the budget, by how much; else nothing. */
export function BudgetWarning({ t, budget }: { t: Messages; budget: CateringPlan['budget'] }) {
  if (budget.over === 'none' || budget.budgetCents === null) return null
  const c = t.catering
  return (
    <p class="catering-warn" role="alert">
      {budget.over === 'confirmed'
        ? c.overConfirmed(money(budget.confirmedCents - budget.budgetCents, t))
        : c.overPlanned(money(budget.plannedCents - budget.budgetCents, t))}
    </p>
  )
}

/** The budget against the planned and confirmed cost, with the warning when over. */
export function BudgetBlock({ t, budget }: { t: Messages; budget: CateringPlan['budget'] }) {
  const c = t.catering
  return (
    <section aria-labelledby="catering-budget">
      <h2 id="catering-budget">{c.budget}</h2>
      <BudgetWarning t={t} budget={budget} />
      <dl class="details catering-details">
        <dt>{c.budget}</dt>
        <dd>{budget.budgetCents === null ? c.budgetNone : money(budget.budgetCents, t)}</dd>
        <dt>{c.planned}</dt>
        <dd>
          {money(budget.plannedCents, t)}
          {budget.plannedPerHeadCents !== null ? (
            <span class="muted">
              {' '}
              · {c.perHead} {money(budget.plannedPerHeadCents, t)}
            </span>
          ) : null}
        </dd>
        <dt>{c.confirmed}</dt>
        <dd>
          {money(budget.confirmedCents, t)}
          {budget.confirmedPerHeadCents !== null ? (
            <span class="muted">
              {' '}
              · {c.perHead} {money(budget.confirmedPerHeadCents, t)}
            </span>
          ) : null}
        </dd>
        {budget.leftCents !== null ? (
          <>
            <dt>{c.left}</dt>
            <dd class={budget.leftCents < 0 ? 'over-budget' : undefined}>{money(budget.leftCents, t)}</dd>
          </>
        ) : null}
      </dl>
    </section>
  )
}

/** The date and time fields of a deadline as the form shows them, in the visit's zone. */
function deadlineValues(deadline: Date | null | undefined, timeZone: string) {
  if (!deadline) return { date: '', time: '' }
  const z = utcToZoned(deadline.getTime(), timeZone)
  return { date: z.date, time: z.time }
}

/** The fields of an order, shared by the new-order form and the edit form. */
export function OrderFields({
  t,
  plan,
  state,
  order,
  idPrefix = 'field',
}: {
  t: Messages
  plan: CateringPlan
  state?: FormState | undefined
  order?: PlannedOrder | undefined
  /** Two forms on one page need their own ids. */
  idPrefix?: string
}) {
  const f = t.catering.fields
  const tz = plan.visit.timeZone
  const deadline = deadlineValues(order?.deadline, tz)
  const id = (name: string) => `${idPrefix}-${name}`
  // Catering items first: that is where food usually goes; then the rest of the day.
  const items = [...plan.items].sort(
    (a, b) =>
      Number(b.kind === 'catering') - Number(a.kind === 'catering') ||
      a.startsAt.getTime() - b.startsAt.getTime(),
  )
  return (
    <>
      <div class="field-row">
        <Select
          name="kind"
          id={id('kind')}
          label={f.kind}
          options={cateringKinds.map((k) => ({ value: k, label: t.catering.kinds[k] }))}
          state={state}
          value={order?.kind ?? 'drinks'}
        />
        <Select
          name="itemId"
          id={id('itemId')}
          label={f.itemId}
          options={items.map((i) => ({
            value: i.id,
            label: `${i.title} (${formatTime(i.startsAt, tz, t.locale)}${plan.visit.startDate !== plan.visit.endDate ? `, ${utcToZoned(i.startsAt.getTime(), tz).date}` : ''})`,
          }))}
          state={state}
          value={order?.itemId ?? undefined}
        />
      </div>
      <Field
        name="description"
        id={id('description')}
        label={f.description}
        hint={f.descriptionHint}
        state={state}
        value={order?.description}
      />
      <Select
        name="providerId"
        id={id('providerId')}
        label={f.providerId}
        options={[
          { value: '', label: f.noProvider },
          ...plan.providers.map((p) => ({
            value: p.id,
            label: `${p.name || p.email} (${t.catering.providerKinds[p.kind]})`,
          })),
        ]}
        state={state}
        value={order?.providerId ?? ''}
      />
      <div class="field-row">
        <Select
          name="rule"
          id={id('rule')}
          label={f.rule}
          options={quantityRules.map((r) => ({ value: r, label: t.catering.rules[r] }))}
          state={state}
          value={order?.rule ?? 'per_person'}
        />
        <Field
          name="amount"
          id={id('amount')}
          type="number"
          inputmode="numeric"
          min={0}
          label={f.amount}
          state={state}
          value={order ? String(order.amount) : '1'}
          required
        />
      </div>
      <p class="muted">{f.amountHint}</p>
      <div class="field-row">
        <Field
          name="unit"
          id={id('unit')}
          label={f.unit}
          hint={f.unitHint}
          state={state}
          value={order?.unit}
        />
        <Field
          name="unitCost"
          id={id('unitCost')}
          inputmode="decimal"
          label={f.unitCost}
          hint={f.unitCostHint}
          state={state}
          value={order ? eurosForForm(order.unitCostCents, t) : '0'}
          required
        />
      </div>
      <Field
        name="extraPersons"
        id={id('extraPersons')}
        type="number"
        inputmode="numeric"
        min={0}
        label={f.extraPersons}
        hint={f.extraPersonsHint}
        state={state}
        value={String(order?.extraPersons ?? 0)}
      />
      <fieldset class="plain" id={id('deadline')}>
        <legend>{t.catering.detail.deadline}</legend>
        <p class="muted">{f.deadlineHint}</p>
        <div class="field-row">
          <Field
            name="deadlineDate"
            id={id('deadlineDate')}
            type="date"
            label={f.deadlineDate}
            state={state}
            value={deadline.date}
          />
          <Field
            name="deadlineTime"
            id={id('deadlineTime')}
            type="time"
            label={f.deadlineTime}
            state={state}
            value={deadline.time}
          />
        </div>
        {state?.errors?.find((e) => e.field === 'deadline') ? (
          <p class="field-error" id={`${id('deadline')}-error`}>
            {state.errors.find((e) => e.field === 'deadline')?.message}
          </p>
        ) : null}
        <Field
          name="reminderHours"
          id={id('reminderHours')}
          type="number"
          inputmode="numeric"
          min={0}
          label={f.reminderHours}
          hint={f.reminderHoursHint}
          state={state}
          value={String(order?.reminderHours ?? 48)}
        />
      </fieldset>
      <Textarea
        name="notes"
        id={id('notes')}
        label={f.notes}
        hint={f.notesHint}
        state={state}
        value={order?.notes}
        rows={3}
      />
    </>
  )
}

/** A warning list for the team. */
export function Warnings({ t, warnings }: { t: Messages; warnings: PlannedOrder['warnings'] }) {
  if (warnings.length === 0) return null
  return (
    <ul class="catering-warnings">
      {warnings.map((w) => (
        <li class="catering-warn">{t.catering.warnings[w]}</li>
      ))}
    </ul>
  )
}

/** A provider's name as the team's pages show it. */
export const providerName = (p: { name: string; email: string }) => p.name || p.email

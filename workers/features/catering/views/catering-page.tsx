import { providerKinds } from '../../../../shared/db/schema'
import type { Messages } from '../../../../shared/i18n'
import { ErrorSummary, Field, type FormState, Select } from '../../../platform/ui/form'
import { money, Notice, VisitNav } from '../../visits/views/visit-parts'
import type { CateringAccess, CateringPlan } from '../catering-plan'
import { quantityText } from '../order-sheet'
import {
  BudgetBlock,
  CountLines,
  moment,
  orderTitle,
  providerName,
  StatusTag,
  Warnings,
} from './catering-parts'

/** The form states of the page's forms after a refused submit. */
export type CateringPageStates = { provider?: FormState; team?: FormState }

/**
 * A visit's catering for its team: the budget against the cost, the headcount for everyone and where it
 * comes from, every order with its numbers and warnings, who provides what, and who of the team is there.
 * Organisers get the forms; viewers see it all without contact details.
 */
export function CateringPage({
  t,
  plan,
  access,
  notice,
  states = {},
}: {
  t: Messages
  plan: CateringPlan
  access: Exclude<CateringAccess, 'own'>
  notice?: string | undefined
  states?: CateringPageStates
}) {
  const c = t.catering
  const { visit } = plan
  const organise = access === 'organise'
  const tz = visit.timeZone
  const base = `/visits/${visit.id}/catering`
  return (
    <>
      <VisitNav t={t} visit={visit} access={access} current="catering" />
      <h1>
        {c.title}: {visit.title}
      </h1>
      <p class="lead">{c.lead}</p>
      <Notice text={notice} />
      <BudgetBlock t={t} budget={plan.budget} />
      <section aria-labelledby="catering-everyone">
        <h2 id="catering-everyone">
          {c.everyoneCount}: {c.persons(plan.everyone.persons)}
        </h2>
        <CountLines t={t} count={plan.everyone} />
      </section>

      <section aria-labelledby="catering-orders">
        <h2 id="catering-orders">{c.orders}</h2>
        {organise ? (
          <p>
            <a class="button" href={`${base}/orders/new`}>
              {c.newOrder}
            </a>
          </p>
        ) : null}
        {plan.orders.length === 0 ? <p class="notice">{c.noOrders}</p> : null}
        <ul class="cards catering-orders">
          {plan.orders.map((o) => (
            <li class={`card order status-${o.status}`}>
              <h3 class="card-title">
                <a href={`/catering/orders/${o.id}`}>{orderTitle(o, t)}</a>
              </h3>
              <p>
                <StatusTag t={t} status={o.status} />
                {o.item ? <span class="muted"> {moment(o.item.startsAt, t, tz)}</span> : null}
              </p>
              {o.description ? <p>{o.description}</p> : null}
              <p>
                <strong>{c.persons(o.numbers.persons)}</strong> →{' '}
                <strong>{quantityText(o.numbers.quantity, o.unit, t)}</strong>
                <span class="muted"> · {money(o.numbers.costCents, t)}</span>
              </p>
              {o.venue ? <p class="muted">{o.venue.name}</p> : null}
              <p class="muted">
                {c.detail.provider}: {o.provider ? providerName(o.provider) : c.fields.noProvider}
              </p>
              {o.deadline ? (
                <p class="muted">
                  {c.detail.deadline}: {moment(o.deadline, t, tz)}
                </p>
              ) : null}
              <Warnings t={t} warnings={o.warnings} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="catering-providers">
        <h2 id="catering-providers">{c.providers}</h2>
        <p class="muted">{c.providersIntro}</p>
        {plan.providers.length === 0 ? <p>{c.noProviders}</p> : null}
        <ul class="provider-list">
          {plan.providers.map((p) => (
            <li>
              <a href={`/catering/providers/${p.id}`}>{providerName(p)}</a>{' '}
              <span class="tag">{c.providerKinds[p.kind]}</span>
              {organise && (p.email || p.contactPhone) ? (
                <span class="muted"> · {[p.email, p.contactPhone].filter(Boolean).join(' · ')}</span>
              ) : null}
            </li>
          ))}
        </ul>
        {organise ? (
          <details open={states.provider ? true : undefined}>
            <summary>{c.newProvider}</summary>
            <ErrorSummary t={t} state={states.provider} idPrefix="provider" />
            <form method="post" action={`${base}/providers`} novalidate>
              <ProviderFields t={t} plan={plan} state={states.provider} />
              <button type="submit">{c.addProvider}</button>
            </form>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="catering-team">
        <h2 id="catering-team">{c.team}</h2>
        <p class="muted">{c.teamIntro}</p>
        {organise ? (
          <>
            <ErrorSummary t={t} state={states.team} idPrefix="team" />
            <form method="post" action={`${base}/team`}>
              {plan.members.map((m, i) => {
                const present = plan.presence.find((p) => p.personId === m.personId)
                return (
                  <>
                    <input type="hidden" name={`members.${i}.personId`} value={m.personId} />
                    <Select
                      name={`members.${i}.groupId`}
                      id={`team-members.${i}.groupId`}
                      label={m.name || m.email}
                      options={[
                        { value: 'absent', label: c.notPresent },
                        { value: '', label: c.wholeCompany },
                        ...plan.groups.map((g) => ({ value: g.id, label: c.withGroup(g.name) })),
                      ]}
                      value={present ? (present.groupId ?? '') : 'absent'}
                    />
                  </>
                )
              })}
              <button type="submit" class="secondary">
                {c.saveTeam}
              </button>
            </form>
          </>
        ) : (
          <ul>
            {plan.members
              .filter((m) => plan.presence.some((p) => p.personId === m.personId))
              .map((m) => (
                <li>{m.name || m.email}</li>
              ))}
          </ul>
        )}
      </section>
    </>
  )
}

/** The fields of a provider: who they are, and for residents and suppliers their contact details. */
export function ProviderFields({
  t,
  plan,
  state,
  provider,
}: {
  t: Messages
  plan: CateringPlan
  state?: FormState | undefined
  provider?: CateringPlan['providers'][number] | undefined
}) {
  const f = t.catering.providerFields
  const people = [
    ...plan.members.map((m) => ({
      value: m.personId,
      label: `${m.name || m.email} (${t.catering.providerKinds.team_member})`,
    })),
    ...plan.hosts
      .filter((h) => !plan.members.some((m) => m.personId === h.personId))
      .map((h) => ({ value: h.personId, label: `${h.name || h.email} (${t.catering.providerKinds.host})` })),
  ]
  const chosen = provider?.kind ?? 'resident'
  const person = provider ? chosen === 'team_member' || chosen === 'host' : true
  const named = provider ? !person : true
  return (
    <>
      {provider ? null : (
        <Select
          name="kind"
          id="provider-kind"
          label={f.kind}
          options={providerKinds.map((k) => ({ value: k, label: t.catering.providerKinds[k] }))}
          state={state}
          value={chosen}
        />
      )}
      {person ? (
        <div class="field">
          <Select
            name="personId"
            id="provider-personId"
            label={f.personId}
            options={[{ value: '', label: f.noPerson }, ...people]}
            state={state}
            value={provider?.personId ?? ''}
          />
          <p class="muted">{f.personHint}</p>
        </div>
      ) : null}
      {named ? (
        <>
          <Field
            name="name"
            id="provider-name"
            label={f.name}
            hint={f.nameHint}
            state={state}
            value={provider?.name}
          />
          <Field
            name="contactName"
            id="provider-contactName"
            label={f.contactName}
            state={state}
            value={provider?.contactName}
          />
          <Field
            name="email"
            id="provider-email"
            type="email"
            autocomplete="off"
            label={f.email}
            hint={f.emailHint}
            state={state}
            value={provider?.email}
          />
        </>
      ) : null}
      <Field
        name="contactPhone"
        id="provider-contactPhone"
        type="tel"
        label={f.contactPhone}
        state={state}
        value={provider?.contactPhone}
      />
      <Field name="address" id="provider-address" label={f.address} state={state} value={provider?.address} />
      <Select
        name="lang"
        id="provider-lang"
        label={f.lang}
        options={[
          { value: 'nl', label: t.catering.languages.nl },
          { value: 'en', label: t.catering.languages.en },
        ]}
        state={state}
        value={provider?.lang ?? 'nl'}
      />
      <Field name="notes" id="provider-notes" label={f.notes} state={state} value={provider?.notes} />
    </>
  )
}

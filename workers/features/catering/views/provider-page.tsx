import type { Messages } from '../../../../shared/i18n'
import { Checkbox, ErrorSummary, type FormState } from '../../../platform/ui/form'
import { Notice, VisitNav } from '../../visits/views/visit-parts'
import type { CateringAccess, CateringPlan, ProviderView } from '../catering-plan'
import { quantityText } from '../order-sheet'
import { ProviderFields } from './catering-page'
import { orderTitle, providerName, StatusTag } from './catering-parts'

/**
 * One provider for the team: their details (contact for organisers only), their orders and contributions,
 * their private link (a new one mailed, or shown once to pass on), the order sheet and CSV, edit and remove.
 */
export function ProviderPage({
  t,
  plan,
  provider,
  access,
  notice,
  link,
  state,
}: {
  t: Messages
  plan: CateringPlan
  provider: ProviderView
  access: Exclude<CateringAccess, 'own'>
  notice?: string | undefined
  /** A new link, shown once right after it was made. */
  link?: string | undefined
  state?: FormState | undefined
}) {
  const c = t.catering
  const organise = access === 'organise'
  const base = `/catering/providers/${provider.id}`
  const orders = plan.orders.filter((o) => o.providerId === provider.id)
  const parts = plan.orders.flatMap((o) =>
    o.contributions.filter((x) => x.providerId === provider.id).map((x) => ({ order: o, part: x })),
  )
  return (
    <>
      <VisitNav t={t} visit={plan.visit} access={access} current="catering" />
      <p>
        <a href={`/visits/${plan.visit.id}/catering`}>{c.backToCatering}</a>
      </p>
      <span class="tag">{c.providerKinds[provider.kind]}</span>
      <h1>{providerName(provider)}</h1>
      <Notice text={notice} />
      {link ? (
        <div class="notice" role="status">
          <p>{c.linkShown}</p>
          <p class="link-box">
            <a href={link}>{link}</a>
          </p>
        </div>
      ) : null}
      {organise ? (
        <dl class="details catering-details">
          {provider.contactName ? (
            <>
              <dt>{c.providerFields.contactName}</dt>
              <dd>{provider.contactName}</dd>
            </>
          ) : null}
          {provider.email ? (
            <>
              <dt>{c.providerFields.email}</dt>
              <dd>{provider.email}</dd>
            </>
          ) : null}
          {provider.contactPhone ? (
            <>
              <dt>{c.providerFields.contactPhone}</dt>
              <dd>{provider.contactPhone}</dd>
            </>
          ) : null}
          {provider.address ? (
            <>
              <dt>{c.providerFields.address}</dt>
              <dd>{provider.address}</dd>
            </>
          ) : null}
          {provider.notes ? (
            <>
              <dt>{c.providerFields.notes}</dt>
              <dd class="prewrap">{provider.notes}</dd>
            </>
          ) : null}
        </dl>
      ) : null}

      <section aria-labelledby="provider-orders">
        <h2 id="provider-orders">{c.providerOrders}</h2>
        {orders.length === 0 ? <p class="muted">{c.mineNone}</p> : null}
        <ul>
          {orders.map((o) => (
            <li>
              <a href={`/catering/orders/${o.id}`}>{orderTitle(o, t)}</a>{' '}
              <StatusTag t={t} status={o.status} />{' '}
              <span class="muted">
                {c.persons(o.numbers.persons)} → {quantityText(o.numbers.quantity, o.unit, t)}
              </span>
            </li>
          ))}
        </ul>
        {parts.length > 0 ? (
          <>
            <h3>{c.providerContributions}</h3>
            <ul>
              {parts.map(({ order, part }) => (
                <li>
                  {part.quantity !== null ? `${part.quantity} × ` : ''}
                  {part.description} — <a href={`/catering/orders/${order.id}`}>{orderTitle(order, t)}</a>
                  {part.doneAt ? <span class="tag">{c.done}</span> : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <p>
          <a class="button secondary" href={`${base}/sheet`}>
            {c.sheetLink}
          </a>{' '}
          <a class="button secondary" href={`/api/catering/providers/${provider.id}/orders.csv`} download>
            {c.csvLink}
          </a>
        </p>
      </section>

      {organise ? (
        <>
          <section aria-labelledby="provider-link">
            <h2 id="provider-link">{c.link}</h2>
            <p class="muted">{c.linkIntro}</p>
            <form method="post" action={`${base}/link`}>
              <button type="submit" class="secondary">
                {provider.email ? c.newLink : c.newLinkNoMail}
              </button>
            </form>
          </section>
          <section aria-labelledby="provider-edit">
            <h2 id="provider-edit">{c.saveProvider}</h2>
            <ErrorSummary t={t} state={state} idPrefix="provider" />
            <form method="post" action={base} novalidate>
              <input type="hidden" name="version" value={String(provider.version)} />
              <ProviderFields t={t} plan={plan} state={state} provider={provider} />
              <button type="submit">{c.saveProvider}</button>
            </form>
          </section>
          <section aria-labelledby="provider-remove">
            <h2 id="provider-remove">{c.removeProvider}</h2>
            <p class="muted">{c.removeProviderConfirm}</p>
            <form method="post" action={`${base}/remove`} novalidate>
              <Checkbox name="confirm" label={c.removeProviderYes} />
              <button type="submit" class="secondary">
                {c.removeProvider}
              </button>
            </form>
          </section>
        </>
      ) : null}
    </>
  )
}

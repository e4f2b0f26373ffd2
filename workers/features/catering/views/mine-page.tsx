import type { Messages } from '../../../../shared/i18n'
import { Field } from '../../../platform/ui/form'
import type { ProviderOrder } from '../catering-plan'
import { isClosed } from '../rules'
import { OrderFacts, orderTitle, StatusTag } from './catering-parts'

/** Where a provider's forms and files go: their private link's paths, or the signed-in routes. */
export type MineLinks = {
  answer: (orderId: string) => string
  contribution: (contributionId: string) => string
  sheet: string
  csv: string
}

/**
 * A provider's (or volunteer's) own catering: only their orders and contributions, and the open parts of
 * volunteers' orders, with counts, diets, anonymous notes, place, time and a map link; confirm or decline;
 * take, give back or tick off a part; the order sheet to print and the CSV. Never a guest's name.
 */
export function MinePage({
  t,
  visit,
  name,
  orders,
  links,
  notice,
  alert,
  signedIn,
  back,
}: {
  t: Messages
  visit: { title: string; timeZone: string }
  /** Whom the page greets; empty for a signed-in caterer. */
  name: string
  orders: readonly ProviderOrder[]
  links: MineLinks
  notice?: string | undefined
  alert?: boolean | undefined
  signedIn?: boolean
  /** Where a signed-in host or caterer goes back to (their visit); none behind a link. */
  back?: string | undefined
}) {
  const c = t.catering
  const tz = visit.timeZone
  return (
    <>
      {back ? (
        <p>
          <a href={back}>{c.backToVisit}</a>
        </p>
      ) : null}
      <h1>
        {c.mineTitle}
        {name ? `, ${name}` : ''}
      </h1>
      <p class="lead">{c.mineIntro(visit.title)}</p>
      <p class="muted">{c.minePrivacy}</p>
      {notice ? (
        <p class={alert ? 'catering-warn' : 'notice'} role={alert ? 'alert' : 'status'}>
          {notice}
        </p>
      ) : null}
      {orders.length === 0 ? <p class="notice">{signedIn ? c.mineSignedIn : c.mineNone}</p> : null}
      {orders.length > 0 ? (
        <p>
          <a class="button secondary" href={links.sheet}>
            {c.sheetLink}
          </a>{' '}
          <a class="button secondary" href={links.csv} download>
            {c.csvLink}
          </a>
        </p>
      ) : null}
      {orders.map((o) => {
        const mine = o.contributions.filter((x) => x.mine)
        const open = o.contributions.filter((x) => !x.mine)
        return (
          <article class="card order" aria-labelledby={`order-${o.id}`}>
            <h2 id={`order-${o.id}`} class="card-title">
              {orderTitle(o, t)}
            </h2>
            <p>
              <StatusTag t={t} status={o.status} />
              {o.description ? <span> {o.description}</span> : null}
            </p>
            <OrderFacts t={t} order={o} timeZone={tz} />
            {o.mine && !isClosed(o.status) ? (
              <form method="post" action={links.answer(o.id)} class="answer-form" novalidate>
                <input type="hidden" name="version" value={String(o.version)} />
                <h3>{c.answer}</h3>
                {o.respondedAt ? <p class="muted">{c.answered(c.statuses[o.status])}</p> : null}
                <Field name="note" id={`note-${o.id}`} label={c.answerNote} value={o.providerNote} />
                <button type="submit" name="answer" value="confirm">
                  {c.confirm}
                </button>{' '}
                <button type="submit" name="answer" value="decline" class="secondary">
                  {c.decline}
                </button>
              </form>
            ) : null}
            {mine.length > 0 ? (
              <>
                <h3>{c.yourParts}</h3>
                <ul class="contributions">
                  {mine.map((x) => (
                    <li class={x.doneAt ? 'done' : undefined}>
                      <strong>
                        {x.quantity !== null ? `${x.quantity} × ` : ''}
                        {x.description}
                      </strong>
                      {x.doneAt ? <span class="tag">{c.done}</span> : null}
                      {!isClosed(o.status) ? (
                        <form method="post" action={links.contribution(x.id)} class="inline-form">
                          <input type="hidden" name="version" value={String(x.version)} />
                          <button type="submit" name="action" value={x.doneAt ? 'not_done' : 'done'}>
                            {x.doneAt ? c.markNotDone : c.markDone}
                          </button>
                          <button type="submit" name="action" value="give_back" class="secondary">
                            {c.giveBack}
                          </button>
                        </form>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {open.length > 0 && !isClosed(o.status) ? (
              <>
                <h3>{c.openParts}</h3>
                <ul class="contributions">
                  {open.map((x) => (
                    <li>
                      <strong>
                        {x.quantity !== null ? `${x.quantity} × ` : ''}
                        {x.description}
                      </strong>
                      <form method="post" action={links.contribution(x.id)} class="inline-form">
                        <input type="hidden" name="version" value={String(x.version)} />
                        <button type="submit" name="action" value="take">
                          {c.take}
                        </button>
                      </form>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </article>
        )
      })}
    </>
  )
}

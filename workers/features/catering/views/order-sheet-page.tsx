import { raw } from 'hono/html'
import type { Messages } from '../../../../shared/i18n'
import { formatLongDate } from '../../../../shared/i18n/format'
import type { ProviderOrder } from '../catering-plan'
import {
  dietaryOrNone,
  differenceText,
  notesLine,
  quantityText,
  ruleText,
  whenOf,
  whereOf,
} from '../order-sheet'
import { orderTitle } from './catering-parts'

/**
 * A provider's order sheet, made to print on one A4: per order what, when, where (with the map link
 * written out), for how many, diets in persons and the anonymous notes, and what this provider brings. The
 * print button appears only with JavaScript; without it the browser's own print works the same.
 */
export function OrderSheetPage({
  t,
  visit,
  name,
  orders,
  now,
  back,
  nonce,
}: {
  t: Messages
  visit: { title: string; timeZone: string }
  name: string
  orders: readonly ProviderOrder[]
  now: Date
  back: string
  nonce?: string | undefined
}) {
  const c = t.catering
  const s = c.sheet
  const tz = visit.timeZone
  return (
    <article class="order-sheet">
      <p class="no-print">
        <a href={back}>{c.backToCatering}</a>{' '}
        <button type="button" class="secondary" id="print-sheet" hidden>
          {s.print}
        </button>
      </p>
      <h1>
        {s.title}: {visit.title}
      </h1>
      <p>
        {name ? <strong>{name}</strong> : null}
        <span class="muted">
          {name ? ' · ' : ''}
          {s.printed(formatLongDate(now, tz, t.locale))}
        </span>
      </p>
      {orders.length === 0 ? <p>{c.mineNone}</p> : null}
      {orders.map((o) => {
        const when = whenOf(o, t, tz)
        const where = whereOf(o)
        const mine = o.contributions.filter((x) => x.mine)
        const changed = differenceText(o, t)
        return (
          <section class="sheet-order">
            <h2>
              {orderTitle(o, t)}
              {o.description ? <span class="muted"> — {o.description}</span> : null}
            </h2>
            <dl class="details catering-details">
              {when ? (
                <>
                  <dt>{s.when}</dt>
                  <dd>{when}</dd>
                </>
              ) : null}
              {where ? (
                <>
                  <dt>{s.where}</dt>
                  <dd>
                    {where}
                    {o.venue?.map ? <span class="sheet-map"> · {o.venue.map}</span> : null}
                  </dd>
                </>
              ) : null}
              {o.groupNames.length > 0 ? (
                <>
                  <dt>{s.groups}</dt>
                  <dd>{o.groupNames.join(', ')}</dd>
                </>
              ) : null}
              <dt>{s.count}</dt>
              <dd>
                <strong>
                  {c.persons(o.numbers.persons)} → {quantityText(o.numbers.quantity, o.unit, t)}
                </strong>{' '}
                ({ruleText(o, t)})
              </dd>
              <dt>{s.dietary}</dt>
              <dd>{dietaryOrNone(o.numbers, t)}</dd>
              {o.numbers.notes.length > 0 ? (
                <>
                  <dt>{s.notes}</dt>
                  <dd>{notesLine(o.numbers.notes)}</dd>
                </>
              ) : null}
              {mine.length > 0 ? (
                <>
                  <dt>{s.yourPart}</dt>
                  <dd>
                    {mine
                      .map((x) => (x.quantity !== null ? `${x.quantity} × ${x.description}` : x.description))
                      .join('; ')}
                  </dd>
                </>
              ) : null}
            </dl>
            {changed ? <p>{changed}</p> : null}
          </section>
        )
      })}
      <p class="muted">{s.privacy}</p>
      <script nonce={nonce}>
        {raw(
          "const b=document.getElementById('print-sheet');if(b){b.hidden=false;b.addEventListener('click',()=>window.print())}",
        )}
      </script>
    </article>
  )
}

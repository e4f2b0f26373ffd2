import { loadMessages } from '../../../shared/i18n'
import { formatLongDate, formatTime } from '../../../shared/i18n/format'
import type { CateringTemplate } from '../../../shared/mail/catering-templates'
import { renderMail } from '../../../shared/mail/templates'
import type { CateringPlan, ProviderOrder, ProviderView } from './catering-plan'
import { sheetLines } from './order-sheet'

/**
 * A mail to a provider about some of their orders, in their language: the order sheet's lines (counts, diets,
 * anonymous notes, place and time), the earliest deadline, and the link to their own page.
 */
export async function providerMail(
  provider: Pick<ProviderView, 'name' | 'lang'>,
  template: CateringTemplate,
  plan: Pick<CateringPlan, 'visit'>,
  orders: readonly ProviderOrder[],
  link: string,
) {
  const t = await loadMessages(provider.lang)
  const zone = plan.visit.timeZone
  const lines = orders.flatMap((o, i) => [...(i > 0 ? ['—'] : []), ...sheetLines(o, t, zone)])
  const deadlines = orders.flatMap((o) => (o.deadline ? [o.deadline.getTime()] : []))
  const first = deadlines.length > 0 ? Math.min(...deadlines) : null
  const deadline =
    first === null ? null : `${formatLongDate(first, zone, t.locale)} ${formatTime(first, zone, t.locale)}`
  return renderMail(template, provider.lang, {
    link,
    visitTitle: plan.visit.title,
    name: provider.name,
    lines,
    deadline,
  })
}

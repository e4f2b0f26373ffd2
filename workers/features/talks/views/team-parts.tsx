/** Parts of the team's talk pages: the tabs, the visit they are about, its days. */
import type { Messages } from '../../../../shared/i18n'
import { formatLongDate } from '../../../../shared/i18n/format'

/** The visit fields the team's talk pages need. */
export type VisitHead = {
  id: string
  title: string
  slug: string
  timeZone: string
  startDate: string
  endDate: string
  /** False for an unlisted visit: its call opens only with a share link. */
  listed?: boolean
}
export type Access = 'organise' | 'read'

const tabs = ['talks', 'call', 'slots', 'mails'] as const

/** The tabs of a visit's talk pages, with the way back to the visit. */
export function TalksNav({
  t,
  visit,
  current,
}: {
  t: Messages
  visit: VisitHead
  current: (typeof tabs)[number]
}) {
  const base = `/visits/${visit.id}`
  const href = {
    talks: `${base}/talks`,
    call: `${base}/call`,
    slots: `${base}/slots`,
    mails: `${base}/mail-templates`,
  }
  return (
    <nav class="tabs" aria-label={t.talks.nav}>
      <a href={base}>{visit.title}</a>
      {tabs.map((tab) => (
        <a href={href[tab]} aria-current={tab === current ? 'page' : undefined}>
          {t.talks.tabs[tab]}
        </a>
      ))}
    </nav>
  )
}

/** The dates of a visit as select options. */
export function dayOptions(t: Messages, visit: VisitHead) {
  const out: { value: string; label: string }[] = []
  for (let d = visit.startDate; d <= visit.endDate && out.length < 31; ) {
    out.push({ value: d, label: formatLongDate(Date.parse(`${d}T12:00:00Z`), 'UTC', t.locale) })
    const next = new Date(Date.parse(`${d}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
    d = next
  }
  return out
}

import type { Messages } from '../../../../shared/i18n'
import { formatLocalDate } from '../../../../shared/i18n/format'
import type { FormState } from '../../../platform/ui/form'
import { VisitNav } from '../../visits/views/visit-parts'
import type { DayClash, ProgrammeDay } from '../editor-reads'
import { ClashList } from './clash-list'
import { DayTimeline, type Lane, span } from './day-view'
import { groupFormHtml, itemFormsHtml } from './organiser-forms'

/**
 * The clash list as HTML, kept with the day's clashes it shows: the editor keeps those per checked version
 * of the list (editor-reads.ts), and their sentences (a day of a conference has hundreds) are then escaped
 * and joined once. `titleOf` comes from the same clashes.
 */
const clashListHtml = new WeakMap<readonly DayClash[], { t: Messages; html: ReturnType<typeof ClashList> }>()
function clashListOf(t: Messages, clashes: readonly DayClash[], titleOf: Map<string, string>) {
  const found = clashListHtml.get(clashes)
  if (found?.t === t) return found.html
  const html = ClashList({ t, clashes, titleOf })
  clashListHtml.set(clashes, { t, html })
  return html
}

/**
 * The draft programme one day at a time: a day switcher (links), the day view with a lane per group or the
 * same items as a list, the clashes (the day's in full, the other days' counted with a link), and for
 * organisers the forms to add an item, shift for running late and add a group. Without a choice of view a
 * phone shows the day as a list, a wider screen the lanes.
 */
export function ProgrammePage({
  t,
  programme,
  addState,
  lateState,
  groupState,
  view,
}: {
  t: Messages
  programme: ProgrammeDay
  /** The day view with lanes, or the list; undefined: lanes on a wide screen, a list on a phone. */
  view?: 'timeline' | 'list' | undefined
  addState?: FormState | undefined
  lateState?: FormState | undefined
  groupState?: FormState | undefined
}) {
  const { visit, items, groups, venues, access, day, days, clashDays } = programme
  const zone = visit.timeZone
  const organise = access === 'organise'
  const venueName = new Map(venues.map((v) => [v.id, v.name]))
  const groupName = new Map(groups.map((g) => [g.id, g.name]))
  const dayClashes = programme.clashes
  const clashed = new Set(dayClashes.flatMap((c) => c.itemIds))
  const otherDays = [...clashDays.entries()].filter(([d]) => d !== day).sort(([a], [b]) => (a < b ? -1 : 1))
  const total = [...clashDays.values()].reduce((a, b) => a + b, 0)
  const titleOf = new Map<string, string>()
  for (const c of dayClashes) {
    for (const [i, id] of c.itemIds.entries()) titleOf.set(id, c.titles[i] ?? id)
  }
  const lanes: Lane[] = [
    { key: 'everyone', name: t.programme.everyone, groupId: null },
    ...groups.map((g) => ({ key: g.id, name: g.name, groupId: g.id })),
  ]
  const base = `/visits/${visit.id}`
  const link = (d: string, v: typeof view) => {
    const query = [`day=${d}`, ...(v ? [`view=${v}`] : [])]
    return `${base}/programme?${query.join('&')}`
  }
  return (
    <>
      <VisitNav t={t} visit={visit} access={access} current="programme" />
      <h1>
        {t.programme.title}: {visit.title}
      </h1>
      <p class="lead">{t.programme.intro}</p>
      <section aria-labelledby="clashes" id="clashes-section">
        <h2 id="clashes" class={total > 0 ? 'has-clashes' : undefined}>
          {t.programme.clashes} ({total})
        </h2>
        {days.length > 1 && total > 0 ? <p>{t.programme.dayClashes(dayClashes.length, total)}</p> : null}
        {dayClashes.length > 0 || total === 0 ? clashListOf(t, dayClashes, titleOf) : null}
        {otherDays.length > 0 ? (
          <p class="clash-days">
            {t.programme.otherDaysClashes}:{' '}
            {otherDays.map(([d, n], i) => (
              <>
                {i > 0 ? ', ' : ''}
                <a href={`${link(d, view)}#clashes`}>
                  {formatLocalDate(d, t.locale)} ({n})
                </a>
              </>
            ))}
          </p>
        ) : null}
      </section>
      {!programme.hasItems ? <p class="notice">{t.programme.none}</p> : null}
      {programme.hasItems ? (
        <>
          <nav class="view-switch" aria-label={t.programme.title}>
            <a href={link(day, 'timeline')} aria-current={view === 'timeline' ? 'page' : undefined}>
              {t.programme.timeline}
            </a>{' '}
            <a href={link(day, 'list')} aria-current={view === 'list' ? 'page' : undefined}>
              {t.programme.list}
            </a>
          </nav>
          {days.length > 1 ? (
            <nav class="view-switch day-switch" aria-label={t.programme.days}>
              {days.map((d) => (
                <a href={link(d, view)} aria-current={d === day ? 'page' : undefined}>
                  {formatLocalDate(d, t.locale)}
                </a>
              ))}
            </nav>
          ) : null}
        </>
      ) : null}
      {programme.hasItems && view !== 'list' ? (
        <section aria-labelledby="timeline">
          <h2 id="timeline">
            {t.programme.timeline}: {formatLocalDate(day, t.locale)}
          </h2>
          <p class="muted">
            {t.programme.timelineIntro} {t.programme.timelineOverlap}
          </p>
          <DayTimeline
            t={t}
            day={day}
            items={items}
            lanes={lanes}
            zone={zone}
            venueName={venueName}
            groupName={groupName}
            clashed={clashed}
            auto={view === undefined}
          />
        </section>
      ) : null}
      {programme.hasItems && view === 'list' ? (
        <section aria-labelledby="list">
          <h2 id="list">{t.programme.list}</h2>
          {items.length === 0 ? (
            <p class="muted">{t.programme.noItemsOnDay}</p>
          ) : (
            <table class="programme-list">
              <caption>{formatLocalDate(day, t.locale)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.programme.time}</th>
                  <th scope="col">{t.programme.item}</th>
                  <th scope="col">{t.programme.venue}</th>
                  <th scope="col">{t.programme.forWhom}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((i) => (
                  <tr id={`item-${i.id}`} class={i.cancelled ? 'cancelled' : undefined}>
                    <td class="nowrap">{span(i.start, i.end, zone)}</td>
                    <td>
                      <span class="tag">{t.itemKinds[i.kind]}</span>{' '}
                      <a href={`/items/${i.id}`} class="item-title-link">
                        {i.title}
                      </a>
                      {i.cancelled ? ` (${t.programme.cancelled})` : ''}
                      {clashed.has(i.id) ? (
                        <span class="clash-flag">
                          {' '}
                          ⚠<span class="visually-hidden">{t.programme.hasClash}</span>
                        </span>
                      ) : null}
                      {i.departurePlace && i.arrivalPlace ? (
                        <span class="muted">
                          {' '}
                          {t.visit.from} {i.departurePlace} {t.visit.to} {i.arrivalPlace}
                        </span>
                      ) : null}
                    </td>
                    <td>{i.venueId ? (venueName.get(i.venueId) ?? '') : ''}</td>
                    <td>
                      {i.groupIds.length === 0
                        ? t.programme.everyone
                        : i.groupIds.map((g) => groupName.get(g) ?? '').join(', ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
      {organise ? itemFormsHtml(t, programme, day, addState, lateState) : null}
      <section aria-labelledby="groups">
        <h2 id="groups">{t.programme.groupsTitle}</h2>
        <p class="muted">{t.programme.groupsIntro}</p>
        {groups.length === 0 ? (
          <p>{t.programme.noGroups}</p>
        ) : (
          <ul>
            {groups.map((g) => (
              <li data-group={g.id}>
                <a href={`/groups/${g.id}`}>{g.name}</a>
              </li>
            ))}
          </ul>
        )}
        {organise ? groupFormHtml(t, visit.id, groupState) : null}
      </section>
    </>
  )
}

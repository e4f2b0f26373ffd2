import type { Clash } from '../../../../shared/domain/clashes'
import { utcToZoned } from '../../../../shared/domain/time'
import type { Messages } from '../../../../shared/i18n'
import { formatLocalDate } from '../../../../shared/i18n/format'
import { Checkbox, ErrorSummary, Field, type FormState, Select } from '../../../platform/ui/form'
import { VisitNav } from '../../visits/views/visit-parts'
import type { VisitAccess } from '../../visits/visits'
import type { ProgrammePlan } from '../queries'
import { ClashList } from './clash-list'
import { DayTimeline, daysOf, type Lane, span } from './day-view'
import { ItemFields } from './item-fields'

/**
 * The draft programme: a day view with a lane per group, the same items as a list, the clashes, and for
 * organisers the forms to add an item, shift for running late and add a group.
 */
export function ProgrammePage({
  t,
  access,
  programme,
  clashes,
  addState,
  lateState,
  groupState,
  view = 'timeline',
  day,
}: {
  t: Messages
  access: VisitAccess
  programme: ProgrammePlan
  clashes: readonly Clash[]
  /** The day view with lanes, or the list; one at a time keeps a 300-item page light. */
  view?: 'timeline' | 'list'
  /** The day the day view shows, for visits of several days ('YYYY-MM-DD'); the first day by default. */
  day?: string | undefined
  addState?: FormState | undefined
  lateState?: FormState | undefined
  groupState?: FormState | undefined
}) {
  const { visit, items, groups, venues } = programme
  const zone = visit.timeZone
  const organise = access === 'organise'
  const venueName = new Map(venues.map((v) => [v.id, v.name]))
  const groupName = new Map(groups.map((g) => [g.id, g.name]))
  const titleOf = new Map(items.map((i) => [i.id, i.title]))
  const clashed = new Set(clashes.flatMap((c) => c.itemIds))
  const lanes: Lane[] = [
    { key: 'everyone', name: t.programme.everyone, groupId: null },
    ...groups.map((g) => ({ key: g.id, name: g.name, groupId: g.id })),
  ]
  const days = daysOf(items, zone)
  // A visit of several days shows one day in the day view at a time: lighter to render and to read.
  const shownDay = day && days.includes(day) ? day : days[0]
  const timelineDays = days.length > 1 && shownDay ? [shownDay] : days
  const base = `/visits/${visit.id}`
  return (
    <>
      <VisitNav t={t} visit={visit} access={access} current="programme" />
      <h1>
        {t.programme.title}: {visit.title}
      </h1>
      <p class="lead">{t.programme.intro}</p>
      <section aria-labelledby="clashes" id="clashes-section">
        <h2 id="clashes" class={clashes.length > 0 ? 'has-clashes' : undefined}>
          {t.programme.clashes} ({clashes.length})
        </h2>
        <ClashList t={t} clashes={clashes} titleOf={titleOf} />
      </section>
      {items.length === 0 ? <p class="notice">{t.programme.none}</p> : null}
      {items.length > 0 ? (
        <nav class="view-switch" aria-label={t.programme.title}>
          <a href={`/visits/${visit.id}/programme`} aria-current={view === 'timeline' ? 'page' : undefined}>
            {t.programme.timeline}
          </a>{' '}
          <a
            href={`/visits/${visit.id}/programme?view=list`}
            aria-current={view === 'list' ? 'page' : undefined}
          >
            {t.programme.list}
          </a>
        </nav>
      ) : null}
      {items.length > 0 && view === 'timeline' ? (
        <section aria-labelledby="timeline">
          <h2 id="timeline">{t.programme.timeline}</h2>
          <p class="muted">{t.programme.timelineIntro}</p>
          {days.length > 1 ? (
            <nav class="view-switch" aria-label={t.programme.timeline}>
              {days.map((d) => (
                <a href={`${base}/programme?day=${d}`} aria-current={d === shownDay ? 'page' : undefined}>
                  {formatLocalDate(d, t.locale)}
                </a>
              ))}
            </nav>
          ) : null}
          {timelineDays.map((day) => (
            <>
              {days.length > 1 ? <h3>{formatLocalDate(day, t.locale)}</h3> : null}
              <DayTimeline
                t={t}
                day={day}
                items={items}
                lanes={lanes}
                zone={zone}
                venueName={venueName}
                clashed={clashed}
              />
            </>
          ))}
        </section>
      ) : null}
      {items.length > 0 && view === 'list' ? (
        <section aria-labelledby="list">
          <h2 id="list">{t.programme.list}</h2>
          {days.map((day) => (
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
                {items
                  .filter((i) => utcToZoned(i.startsAt.getTime(), zone).date === day)
                  .map((i) => (
                    <tr id={`item-${i.id}`} class={i.cancelled ? 'cancelled' : undefined}>
                      <td class="nowrap">{span(i, zone)}</td>
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
          ))}
        </section>
      ) : null}
      {organise ? (
        <>
          <section aria-labelledby="add-item">
            <h2 id="add-item">{t.programme.addItem}</h2>
            <ErrorSummary t={t} state={addState} />
            <form method="post" action={`${base}/items`} novalidate>
              <ItemFields t={t} programme={programme} state={addState} />
              <button type="submit">{t.programme.addItemButton}</button>
            </form>
          </section>
          <section aria-labelledby="running-late">
            <h2 id="running-late">{t.programme.runningLate}</h2>
            <p class="muted">{t.programme.runningLateIntro}</p>
            <ErrorSummary t={t} state={lateState} />
            <form method="post" action={`${base}/running-late`} novalidate>
              <Select
                name="groupId"
                id="field-late-groupId"
                label={t.programme.whichGroup}
                options={[
                  { value: '', label: t.programme.allGroups },
                  ...groups.map((g) => ({ value: g.id, label: g.name })),
                ]}
                state={lateState}
              />
              <Field
                name="minutes"
                type="number"
                label={t.programme.minutes}
                hint={t.programme.minutesHint}
                state={lateState}
                required
              />
              <div class="field-row">
                <Field name="from.date" type="date" label={t.programme.fromDate} state={lateState} />
                <Field name="from.time" type="time" label={t.programme.fromTime} state={lateState} />
              </div>
              <Checkbox
                name="publish"
                label={t.travel.late.publishNow}
                hint={t.travel.late.publishHint}
                state={lateState}
              />
              <button type="submit" class="secondary">
                {t.programme.shiftButton}
              </button>
            </form>
          </section>
        </>
      ) : null}
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
        {organise ? (
          <>
            <ErrorSummary t={t} state={groupState} />
            <form method="post" action={`${base}/groups`} novalidate>
              <Field
                name="name"
                id="field-group-name"
                label={t.programme.groupName}
                state={groupState}
                required
              />
              <Field
                name="position"
                id="field-group-position"
                type="number"
                label={t.programme.position}
                state={groupState}
              />
              <button type="submit" class="secondary">
                {t.programme.addGroupButton}
              </button>
            </form>
          </>
        ) : null}
      </section>
    </>
  )
}

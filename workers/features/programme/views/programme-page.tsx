import { itemKinds, legModes } from '../../../../shared/db/schema'
import type { Clash } from '../../../../shared/domain/clashes'
import { utcToZoned } from '../../../../shared/domain/time'
import type { Messages } from '../../../../shared/i18n'
import { formatLocalDate } from '../../../../shared/i18n/format'
import { timelineLimits } from '../../../platform/assets/app-css'
import {
  Checkbox,
  Checkboxes,
  ErrorSummary,
  Field,
  type FormState,
  Select,
  Textarea,
} from '../../../platform/ui/form'
import { Notice, VisitNav } from '../../visits/views/visit-overview-page'
import type { VisitAccess } from '../../visits/visits'
import type { PlanItem, Programme, ProgrammeItem, ProgrammePlan } from '../queries'

const minutesOf = (hhmm: string) => {
  const [h = 0, m = 0] = hhmm.split(':').map(Number)
  return h * 60 + m
}
const dayMinutes = 24 * 60

/** The clash sentence in the reader's language. */
export const clashText = (clash: Clash, t: Messages) =>
  t.lang === 'en' ? clash.message.en : clash.message.nl

/** Local times of an item in the visit's zone: '10:00–10:30'. */
const span = (item: PlanItem, zone: string) =>
  `${utcToZoned(item.startsAt.getTime(), zone).time}–${utcToZoned(item.endsAt.getTime(), zone).time}`

/** The local days that have items, in order. */
function daysOf(items: readonly PlanItem[], zone: string): string[] {
  return [...new Set(items.map((i) => utcToZoned(i.startsAt.getTime(), zone).date))].sort()
}

type Lane = { key: string; name: string; groupId: string | null }

/** Runs of neighbouring lane numbers: [1, 2, 4] → [[1, 2], [4, 1]] as [first, length]. */
function runs(indices: number[]): [number, number][] {
  const out: [number, number][] = []
  for (const i of [...new Set(indices)].sort((a, b) => a - b)) {
    const last = out[out.length - 1]
    if (last && last[0] + last[1] === i) last[1] += 1
    else out.push([i, 1])
  }
  return out
}

/**
 * One day as a grid: a time column and one lane per group after the lane for everyone. Rows are 15 minutes,
 * or 5 when a time does not fall on a quarter. Placement uses generated classes, as the CSP forbids styles.
 */
function DayTimeline({
  t,
  day,
  items,
  lanes,
  zone,
  venueName,
  clashed,
}: {
  t: Messages
  day: string
  items: readonly PlanItem[]
  lanes: Lane[]
  zone: string
  venueName: Map<string, string>
  clashed: Set<string>
}) {
  const blocks = items
    .filter((i) => utcToZoned(i.startsAt.getTime(), zone).date === day)
    .map((item) => {
      const start = minutesOf(utcToZoned(item.startsAt.getTime(), zone).time)
      const endZoned = utcToZoned(item.endsAt.getTime(), zone)
      // An item running past midnight is drawn to the end of its first day.
      const end = endZoned.date === day ? minutesOf(endZoned.time) : dayMinutes
      return { item, start, end: Math.max(end, start + 5) }
    })
  if (blocks.length === 0) return null
  const step = blocks.every((b) => b.start % 15 === 0 && b.end % 15 === 0) ? 15 : 5
  const first = Math.floor(Math.min(...blocks.map((b) => b.start)) / 60) * 60
  const last = Math.min(
    dayMinutes,
    Math.max(first + 60, Math.ceil(Math.max(...blocks.map((b) => b.end)) / 60) * 60),
  )
  const row = (minute: number) => 2 + Math.floor((minute - first) / step)
  const laneCount = Math.min(lanes.length, timelineLimits.lanes)
  const laneOf = new Map(lanes.map((l, i) => [l.groupId, Math.min(i, laneCount - 1)]))
  const placed = new Map<number, [number, number][]>()
  const hours: number[] = []
  for (let h = first; h < last; h += 60) hours.push(h)
  return (
    <div class="tl-scroll">
      <div class={`day-grid tl-lanes-${laneCount} tl-step-${step}`} data-day={day}>
        <div class="tl-corner tl-rs-1 tl-cs-1">
          <span class="visually-hidden">{t.programme.time}</span>
        </div>
        {lanes.slice(0, laneCount).map((lane, i) => (
          <div class={`tl-lane tl-rs-1 tl-cs-${i + 2}`} data-lane={lane.key}>
            {lane.name}
          </div>
        ))}
        {hours.map((h) => (
          <>
            <div
              class={`tl-hour tl-rs-${row(h)} tl-rn-${Math.min(60, last - h) / step} tl-cs-1 tl-cn-${laneCount + 1}`}
            />
            <div class={`tl-time tl-rs-${row(h)} tl-cs-1`}>{`${String(h / 60).padStart(2, '0')}:00`}</div>
          </>
        ))}
        {blocks.flatMap(({ item, start, end }) => {
          const lanesOfItem =
            item.groupIds.length === 0
              ? [[0, laneCount] as [number, number]]
              : runs(item.groupIds.flatMap((g) => (laneOf.has(g) ? [laneOf.get(g)!] : [])))
          const rs = row(start)
          const rn = Math.max(1, Math.ceil((end - start) / step))
          return (lanesOfItem.length > 0 ? lanesOfItem : [[0, laneCount] as [number, number]]).map(
            ([lane, width]) => {
              // Two blocks in one lane at once (a double booking) are drawn offset, so both stay readable.
              let overlap = false
              for (let col = lane; col < lane + width; col++) {
                let taken = placed.get(col)
                if (!taken) {
                  taken = []
                  placed.set(col, taken)
                }
                if (taken.some(([s, e]) => s < end && start < e)) overlap = true
                taken.push([start, end])
              }
              const classes = [
                'tl-item',
                `tl-rs-${rs}`,
                `tl-rn-${rn}`,
                `tl-cs-${lane + 2}`,
                `tl-cn-${width}`,
                `kind-${item.kind}`,
                overlap ? 'tl-overlap' : '',
                clashed.has(item.id) ? 'has-clash' : '',
                item.cancelled ? 'cancelled' : '',
              ]
              return (
                <a class={classes.filter(Boolean).join(' ')} href={`/items/${item.id}`} data-item={item.id}>
                  <span class="tl-when">{span(item, zone)}</span> <span class="tl-title">{item.title}</span>
                  {item.venueId && venueName.has(item.venueId) ? (
                    <span class="tl-venue"> · {venueName.get(item.venueId)}</span>
                  ) : null}
                  {item.cancelled ? <span> ({t.programme.cancelled})</span> : null}
                  {clashed.has(item.id) ? (
                    <span class="clash-flag">
                      {' '}
                      ⚠<span class="visually-hidden">{t.programme.hasClash}</span>
                    </span>
                  ) : null}
                </a>
              )
            },
          )
        })}
      </div>
    </div>
  )
}

/** The clashes as sentences with links to the items they name. */
export function ClashList({
  t,
  clashes,
  titleOf,
}: {
  t: Messages
  clashes: readonly Clash[]
  titleOf: Map<string, string>
}) {
  if (clashes.length === 0) return <p class="muted">{t.programme.noClashes}</p>
  return (
    <ol class="clash-list">
      {clashes.map((c) => (
        <li class={`clash kind-${c.kind}`}>
          <p>{clashText(c, t)}</p>
          <p class="muted">
            {t.programme.clashItems}:{' '}
            {c.itemIds.map((id, i) => (
              <>
                {i > 0 ? ', ' : ''}
                <a href={`/items/${id}`}>{titleOf.get(id) ?? id}</a>
              </>
            ))}
          </p>
        </li>
      ))}
    </ol>
  )
}

/** The fields of a programme item, shared by the add and the edit form. */
function ItemFields({
  t,
  programme,
  state,
  item,
}: {
  t: Messages
  programme: ProgrammePlan
  state?: FormState | undefined
  item?: ProgrammeItem | undefined
}) {
  const zone = programme.visit.timeZone
  const start = item ? utcToZoned(item.startsAt.getTime(), zone) : undefined
  const end = item ? utcToZoned(item.endsAt.getTime(), zone) : undefined
  return (
    <>
      <Select
        name="kind"
        label={t.programme.kind}
        options={itemKinds.map((k) => ({ value: k, label: t.itemKinds[k] }))}
        state={state}
        value={item?.kind ?? 'welcome'}
      />
      <Field name="title" label={t.programme.name} value={item?.title} state={state} required />
      <div class="field-row">
        <Field
          name="date"
          type="date"
          label={t.programme.date}
          value={start?.date ?? programme.visit.startDate}
          state={state}
          required
        />
        <Field
          name="start"
          type="time"
          label={t.programme.start}
          value={start?.time}
          state={state}
          required
        />
        <Field name="end" type="time" label={t.programme.end} value={end?.time} state={state} required />
      </div>
      <Field
        name="endDate"
        type="date"
        label={t.programme.endDate}
        value={end && start && end.date !== start.date ? end.date : ''}
        state={state}
      />
      <Select
        name="venueId"
        label={t.programme.venue}
        options={[
          { value: '', label: t.programme.noVenue },
          ...programme.venues.map((v) => ({ value: v.id, label: v.name })),
        ]}
        state={state}
        value={item?.venueId ?? ''}
      />
      {programme.groups.length > 0 ? (
        <Checkboxes
          name="groupIds"
          legend={t.programme.groups}
          hint={t.programme.groupsHint}
          options={programme.groups.map((g) => ({ value: g.id, label: g.name }))}
          state={state}
          values={item?.groupIds}
        />
      ) : null}
      <Select
        name="legMode"
        label={t.programme.legMode}
        options={legModes.map((m) => ({ value: m, label: t.programme.legModes[m] }))}
        state={state}
        value={item?.legMode ?? 'walk'}
      />
      <Field
        name="departurePlace"
        label={t.programme.departurePlace}
        value={item?.departurePlace ?? ''}
        state={state}
      />
      <Field
        name="arrivalPlace"
        label={t.programme.arrivalPlace}
        value={item?.arrivalPlace ?? ''}
        state={state}
      />
      <Textarea name="description" label={t.programme.description} value={item?.description} state={state} />
      {item ? (
        <Checkbox
          name="cancelled"
          label={t.programme.cancelledLabel}
          checked={item.cancelled}
          state={state}
        />
      ) : null}
    </>
  )
}

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

/** One item: its clashes, and for organisers the edit form and the delete button, both with the version. */
export function ItemPage({
  t,
  access,
  programme,
  item,
  clashes,
  notice,
  state,
}: {
  t: Messages
  access: VisitAccess
  programme: Programme
  item: ProgrammeItem
  clashes: readonly Clash[]
  notice?: string | undefined
  state?: FormState | undefined
}) {
  const { visit } = programme
  const zone = visit.timeZone
  const titleOf = new Map(programme.items.map((i) => [i.id, i.title]))
  const venue = item.venueId ? programme.venues.find((v) => v.id === item.venueId) : undefined
  return (
    <>
      <VisitNav t={t} visit={visit} access={access} current="programme" />
      <p>
        <a href={`/visits/${visit.id}/programme`}>{t.programme.backToProgramme}</a>
      </p>
      <span class="tag">{t.itemKinds[item.kind]}</span>
      <h1>{item.title}</h1>
      <p class="lead">
        {formatLocalDate(utcToZoned(item.startsAt.getTime(), zone).date, t.locale)}, {span(item, zone)}
        {venue ? ` · ${venue.name}` : ''}
      </p>
      <Notice text={notice} />
      <section aria-labelledby="item-clashes">
        <h2 id="item-clashes">{t.programme.itemClashes}</h2>
        <ClashList t={t} clashes={clashes} titleOf={titleOf} />
      </section>
      {access === 'organise' ? (
        <>
          <section aria-labelledby="edit-item">
            <h2 id="edit-item">{t.programme.editItem}</h2>
            <ErrorSummary t={t} state={state} />
            <form method="post" action={`/items/${item.id}`} novalidate>
              <input type="hidden" name="version" value={String(item.version)} />
              <ItemFields t={t} programme={programme} state={state} item={item} />
              <button type="submit">{t.programme.save}</button>
            </form>
          </section>
          <section aria-labelledby="delete-item">
            <h2 id="delete-item">{t.programme.delete}</h2>
            <p class="muted">{t.programme.deleteIntro}</p>
            <form method="post" action={`/items/${item.id}/delete`}>
              <input type="hidden" name="version" value={String(item.version)} />
              <button type="submit" class="secondary">
                {t.programme.delete}
              </button>
            </form>
          </section>
        </>
      ) : item.description ? (
        <p class="prewrap">{item.description}</p>
      ) : null}
    </>
  )
}

/** One group of the company: what it has, and for organisers a form to rename or reorder it and to remove it. */
export function GroupPage({
  t,
  access,
  visit,
  group,
  items,
  people,
  state,
}: {
  t: Messages
  access: VisitAccess
  visit: Programme['visit']
  group: { id: string; name: string; position: number }
  items: number
  people: number
  state?: FormState | undefined
}) {
  return (
    <>
      <VisitNav t={t} visit={visit} access={access} current="programme" />
      <p>
        <a href={`/visits/${visit.id}/programme#groups`}>{t.programme.backToProgramme}</a>
      </p>
      <span class="tag">{t.programme.groupTitle}</span>
      <h1>{group.name}</h1>
      <p class="lead">
        {t.programme.groupItems(items)} · {t.programme.groupPeople(people)}
      </p>
      {access === 'organise' ? (
        <>
          <section aria-labelledby="edit-group">
            <h2 id="edit-group">{t.programme.editGroup}</h2>
            <ErrorSummary t={t} state={state} />
            <form method="post" action={`/groups/${group.id}`} novalidate>
              <Field name="name" label={t.programme.groupName} value={group.name} state={state} required />
              <Field
                name="position"
                type="number"
                label={t.programme.position}
                value={String(group.position)}
                state={state}
              />
              <button type="submit">{t.programme.saveGroupButton}</button>
            </form>
          </section>
          <section aria-labelledby="delete-group">
            <h2 id="delete-group">{t.programme.deleteGroup}</h2>
            <p>{t.programme.deleteGroupIntro}</p>
            <form method="post" action={`/groups/${group.id}/delete`}>
              <button type="submit" class="secondary">
                {t.programme.deleteGroupButton}
              </button>
            </form>
          </section>
        </>
      ) : null}
    </>
  )
}

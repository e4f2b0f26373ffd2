import { utcToZoned } from '../../../../shared/domain/time'
import type { Messages } from '../../../../shared/i18n'
import { timelineLimits } from '../../../platform/assets/app-css'
import type { PlanItem } from '../queries'

const minutesOf = (hhmm: string) => {
  const [h = 0, m = 0] = hhmm.split(':').map(Number)
  return h * 60 + m
}
const dayMinutes = 24 * 60

/** Local times of an item in the visit's zone: '10:00–10:30'. */
export const span = (item: PlanItem, zone: string) =>
  `${utcToZoned(item.startsAt.getTime(), zone).time}–${utcToZoned(item.endsAt.getTime(), zone).time}`

/** The local days that have items, in order. */
export function daysOf(items: readonly PlanItem[], zone: string): string[] {
  return [...new Set(items.map((i) => utcToZoned(i.startsAt.getTime(), zone).date))].sort()
}

export type Lane = { key: string; name: string; groupId: string | null }

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
export function DayTimeline({
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

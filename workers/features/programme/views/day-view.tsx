import { raw } from 'hono/html'
import { utcToZoned } from '../../../../shared/domain/time'
import type { Messages } from '../../../../shared/i18n'
import { escapeHtml } from '../../../../shared/mail/templates'
import { timelineLimits } from '../../../platform/assets/timeline-limits'
import type { DayItem } from '../editor-reads'

/** Minutes after midnight of a local time as utcToZoned writes it ('09:30'). */
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))
const dayMinutes = 24 * 60

/** Local times of a span in the visit's zone: '10:00–10:30'. */
export const span = (start: number, end: number, zone: string) =>
  `${utcToZoned(start, zone).time}–${utcToZoned(end, zone).time}`

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

/** One block of an item in the grid: its lanes, and within a single lane the column it takes. */
type Piece = {
  item: DayItem
  start: number
  end: number
  lane: number
  width: number
  /** The first piece of its item (the others repeat it in lanes further on). */
  first: boolean
  /** Within its lane: the first and the number of the lane's columns it takes. */
  sub: number
  subs: number
}

/** The pieces of each lane, by start (then end), in one pass over the pieces. */
function byLane(pieces: readonly Piece[], laneCount: number): Piece[][] {
  const lanes: Piece[][] = Array.from({ length: laneCount }, () => [])
  for (const p of pieces) for (let l = p.lane; l < p.lane + p.width; l++) lanes[l]?.push(p)
  for (const list of lanes) list.sort((a, b) => a.start - b.start || a.end - b.end)
  return lanes
}

/**
 * The pieces that share a moment with another piece in a lane, with the lanes where they do: a sweep over
 * each lane by start.
 */
function overlapping(lanes: readonly Piece[][]): Map<Piece, Set<number>> {
  const found = new Map<Piece, Set<number>>()
  const mark = (p: Piece, lane: number) => {
    const set = found.get(p)
    if (set) set.add(lane)
    else found.set(p, new Set([lane]))
  }
  lanes.forEach((list, lane) => {
    let active: Piece[] = []
    for (const p of list) {
      active = active.filter((a) => a.end > p.start)
      if (active.length > 0) {
        mark(p, lane)
        for (const a of active) mark(a, lane)
      }
      active.push(p)
    }
  })
  return found
}

/** A piece over several lanes cut where it meets others: one piece in each such lane, the runs between kept whole. */
function split(p: Piece, clashing: ReadonlySet<number>): Piece[] {
  const out: Piece[] = []
  for (let lane = p.lane; lane < p.lane + p.width; lane++) {
    const last = out[out.length - 1]
    if (last && !clashing.has(lane) && !clashing.has(lane - 1) && last.lane + last.width === lane)
      last.width += 1
    else out.push({ ...p, lane, width: 1, first: p.first && out.length === 0 })
  }
  return out
}

/**
 * Where each piece goes so that nothing is drawn over anything else. A piece over several lanes that shares
 * a moment with another piece in some of them is cut there (see split); within a lane, pieces at the
 * same time get columns side by side (the first free one, by start), and each widens to the right over the
 * columns nobody at its time takes. The lanes' column counts come back with the pieces.
 */
export function layOut(
  blocks: readonly { item: DayItem; start: number; end: number; lanes: [number, number][] }[],
  laneCount: number,
  maxColumns: number,
): { pieces: Piece[]; columns: number[]; crowded: Set<Piece> } {
  let pieces: Piece[] = blocks.flatMap((b) =>
    b.lanes.map(([lane, width], i) => ({ ...b, lane, width, first: i === 0, sub: 0, subs: 1 })),
  )
  const clashing = overlapping(byLane(pieces, laneCount))
  pieces = pieces.flatMap((p) => {
    const where = clashing.get(p)
    return p.width > 1 && where ? split(p, where) : [p]
  })
  const lanes = byLane(pieces, laneCount)
  const columns = lanes.map(() => 1)
  lanes.forEach((list, lane) => {
    // Greedy colouring by start: the first column whose last piece has ended.
    const ends: number[] = []
    for (const p of list) {
      if (p.width > 1) continue
      let col = ends.findIndex((e) => e <= p.start)
      if (col < 0) col = ends.length
      ends[col] = p.end
      p.sub = col
    }
    columns[lane] = Math.max(1, ends.length)
  })
  // Too many columns for the stylesheet: one column a lane, pieces at the same time drawn offset instead.
  const total = columns.reduce((a, b) => a + b, 0)
  if (total > maxColumns) {
    for (const p of pieces) p.sub = 0
    columns.fill(1)
    return { pieces, columns, crowded: new Set(overlapping(lanes).keys()) }
  }
  for (const [lane, list] of lanes.entries()) {
    const count = columns[lane] ?? 1
    const single = list.filter((p) => p.width === 1)
    for (let i = 0; i < single.length; i++) {
      const p = single[i]!
      // The columns to its right that no piece at the same time takes are its too.
      let limit = count
      for (let j = 0; j < single.length; j++) {
        const q = single[j]!
        if (q !== p && q.start < p.end && p.start < q.end && q.sub > p.sub) limit = Math.min(limit, q.sub)
        if (q.start >= p.end) break
      }
      p.subs = Math.max(1, limit - p.sub)
    }
  }
  return { pieces, columns, crowded: new Set() }
}

/**
 * One day as a grid: a time column and one lane per group after the lane for everyone; items at the same
 * time in one lane side by side. Rows are 15 minutes, or 5 when a time does not fall on a quarter.
 * Placement uses generated classes, as the CSP forbids styles. The grid scrolls sideways in a labelled,
 * focusable region when its lanes do not fit; on a phone, unless the day view was asked for, the blocks
 * stack as a list in time order (`auto`).
 */
export function DayTimeline({
  t,
  day,
  items,
  lanes,
  zone,
  venueName,
  groupName,
  clashed,
  auto,
}: {
  t: Messages
  day: string
  items: readonly DayItem[]
  lanes: Lane[]
  zone: string
  venueName: Map<string, string>
  groupName: Map<string, string>
  clashed: Set<string>
  auto: boolean
}) {
  const laneCount = Math.max(1, Math.min(lanes.length, timelineLimits.lanes))
  const laneOf = new Map(lanes.map((l, i) => [l.groupId, Math.min(i, laneCount - 1)]))
  const everywhere: [number, number][] = [[0, laneCount]]
  // Written as text rather than JSX: a day of a large conference has hundreds of blocks, and rendering their
  // elements one by one was most of the editor's CPU time. Every text from the data is escaped, once per
  // item (an item over several lanes can be drawn in pieces), and the zoned times are read once per item.
  const x = escapeHtml
  const everyone = x(t.programme.everyone)
  const venueHtml = new Map<string, string>()
  for (const [id, name] of venueName) venueHtml.set(id, `<span class="tl-venue"> · ${x(name)}</span>`)
  const cancelled = `<span> (${x(t.programme.cancelled)})</span>`
  const flag = `<span class="clash-flag"> ⚠<span class="visually-hidden">${x(t.programme.hasClash)}</span></span>`
  const inner = new Map<DayItem, string>()
  const blocks = items.map((item) => {
    const startZoned = utcToZoned(item.start, zone)
    const start = minutesOf(startZoned.time)
    const endZoned = utcToZoned(item.end, zone)
    // An item running past midnight is drawn to the end of its first day.
    const end = endZoned.date === day ? minutesOf(endZoned.time) : dayMinutes
    const own =
      item.groupIds.length === 0
        ? []
        : runs(item.groupIds.flatMap((g) => (laneOf.has(g) ? [laneOf.get(g)!] : [])))
    const who =
      item.groupIds.length === 0 ? everyone : x(item.groupIds.map((g) => groupName.get(g) ?? '').join(', '))
    inner.set(
      item,
      `<span class="tl-when">${startZoned.time}–${endZoned.time}</span> <span class="tl-title">${x(item.title)}</span>` +
        (item.venueId ? (venueHtml.get(item.venueId) ?? '') : '') +
        `<span class="tl-who"> · ${who}</span>` +
        (item.cancelled ? cancelled : '') +
        (clashed.has(item.id) ? flag : ''),
    )
    return {
      item,
      start,
      end: Math.max(end, start + 5),
      lanes: own.length === 0 ? everywhere : own,
    }
  })
  if (blocks.length === 0) return <p class="muted">{t.programme.noItemsOnDay}</p>
  const step = blocks.every((b) => b.start % 15 === 0 && b.end % 15 === 0) ? 15 : 5
  const first = Math.floor(Math.min(...blocks.map((b) => b.start)) / 60) * 60
  const last = Math.min(
    dayMinutes,
    Math.max(first + 60, Math.ceil(Math.max(...blocks.map((b) => b.end)) / 60) * 60),
  )
  const row = (minute: number) => 2 + Math.floor((minute - first) / step)
  const { pieces, columns, crowded } = layOut(blocks, laneCount, timelineLimits.lanes)
  const firstColumn: number[] = []
  let total = 0
  for (const n of columns) {
    firstColumn.push(2 + total)
    total += n
  }
  const hours: number[] = []
  for (let h = first; h < last; h += 60) hours.push(h)
  const out: string[] = []
  if (total > 6) out.push(`<p class="tl-hint muted">${x(t.programme.scrollHint(total))}</p>`)
  // A region that scrolls sideways, reachable by keyboard (Tab, then the arrow keys).
  out.push(
    `<section class="tl-scroll" tabindex="0" aria-label="${x(`${t.programme.timeline} ${day}`)}">`,
    `<div class="day-grid tl-lanes-${total} tl-step-${step}${auto ? ' tl-auto' : ''}" data-day="${x(day)}">`,
    `<div class="tl-corner tl-rs-1 tl-cs-1"><span class="visually-hidden">${x(t.programme.time)}</span></div>`,
  )
  lanes.slice(0, laneCount).forEach((lane, i) => {
    out.push(
      `<div class="tl-lane tl-rs-1 tl-cs-${firstColumn[i]} tl-cn-${columns[i]}" data-lane="${x(lane.key)}">${x(lane.name)}</div>`,
    )
  })
  for (const h of hours) {
    out.push(
      `<div class="tl-hour tl-rs-${row(h)} tl-rn-${Math.min(60, last - h) / step} tl-cs-1 tl-cn-${total + 1}"></div>`,
      `<div class="tl-time tl-rs-${row(h)} tl-cs-1">${String(h / 60).padStart(2, '0')}:00</div>`,
    )
  }
  for (const p of pieces) {
    const { item } = p
    const start = firstColumn[p.lane]! + (p.width === 1 ? p.sub : 0)
    const width = p.width === 1 ? p.subs : columns.slice(p.lane, p.lane + p.width).reduce((a, b) => a + b, 0)
    let classes = `tl-item tl-rs-${row(p.start)} tl-rn-${Math.max(1, Math.ceil((p.end - p.start) / step))} tl-cs-${start} tl-cn-${width} kind-${item.kind}`
    // Only when the stylesheet ran out of columns: drawn offset, so both stay readable.
    if (crowded.has(p)) classes += ' tl-overlap'
    if (!p.first) classes += ' tl-more'
    if (clashed.has(item.id)) classes += ' has-clash'
    if (item.cancelled) classes += ' cancelled'
    const id = x(item.id)
    out.push(`<a class="${classes}" href="/items/${id}" data-item="${id}">${inner.get(item)}</a>`)
  }
  out.push('</div></section>')
  return <>{raw(out.join(''))}</>
}

/**
 * Wall-clock time in a named time zone, using only Intl (available in workerd and Node alike).
 * Instants are epoch milliseconds (UTC); local dates are 'YYYY-MM-DD' and local times 'HH:MM'.
 */
import type { Interval } from './interval'
import { dateTimeFormat } from './intl'

const minuteMs = 60_000
const dayMs = 86_400_000

/** A local date and time in a zone, with that zone's offset from UTC at that instant. */
export type ZonedTime = { readonly date: string; readonly time: string; readonly offsetMinutes: number }

/** True when the name is a time zone Intl knows, such as 'Europe/Amsterdam' or 'UTC'. */
export function isValidTimeZone(name: string): boolean {
  if (name.trim() === '') return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name })
    return true
  } catch {
    return false
  }
}

/**
 * The IANA spelling of a zone name as people may type it ('europe/amsterdam' → 'Europe/Amsterdam', 'utc' →
 * 'UTC'); null for a name Intl does not know. Stored and exported names are always this spelling.
 */
export function canonicalTimeZone(name: string): string | null {
  if (name.trim() === '') return null
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name.trim() }).resolvedOptions().timeZone
  } catch {
    return null
  }
}

/**
 * Answers of utcToZoned per zone. A programme asks for the same few hundred instants again and again (clash
 * sentences, timeline, list, exports), and every answer takes an Intl call; the answers never change, so they
 * are kept (frozen, as they are shared) and the cache is emptied when it grows past a bound.
 */
const zonedByZone = new Map<string, Map<number, ZonedTime>>()
const zonedCacheLimit = 20_000

/** The local date, time (HH:MM, seconds dropped) and UTC offset of an instant in a zone. */
export function utcToZoned(ms: number, timeZone: string): ZonedTime {
  let known = zonedByZone.get(timeZone)
  if (!known) {
    known = new Map()
    zonedByZone.set(timeZone, known)
  }
  const found = known.get(ms)
  if (found) return found
  const wall = wallClock(ms, timeZone)
  const d = new Date(wall)
  const zoned = Object.freeze({
    date: formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()),
    time: `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`,
    offsetMinutes: (wall - ms) / minuteMs,
  })
  if (known.size >= zonedCacheLimit) known.clear()
  known.set(ms, zoned)
  return zoned
}

/**
 * The instant a local date and time denote in a zone. A time skipped by a spring-forward change is moved
 * on by the length of the gap (02:30 becomes 03:30); a time that occurs twice in autumn gives the first.
 */
export function zonedToUtc(localDate: string, localTime: string, timeZone: string): number {
  const [year, month, day] = parseLocalDate(localDate)
  const [hour, minute] = parseLocalTime(localTime)
  const naive = Date.UTC(year, month - 1, day, hour, minute)
  // The offsets in force a day either side cover every change but the most exotic ones.
  const offsets = new Set([naive - dayMs, naive, naive + dayMs].map((at) => offsetAt(at, timeZone)))
  const candidates = [...offsets].map((offset) => naive - offset * minuteMs).sort((a, b) => a - b)
  const exact = candidates.find((at) => wallClock(at, timeZone) === naive)
  if (exact !== undefined) return exact
  // In a gap the offset grows, so the later candidate is the wall time read with the offset from before.
  return candidates[candidates.length - 1]!
}

/** Which of the two instants of a wall time that happens twice (the autumn night): summer time or winter time. */
export type Fold = 'earlier' | 'later'

/**
 * What a local date and time denote in a zone: one instant; nothing, as the clocks skip it (the spring-forward
 * gap, from `gapStart` to `gapEnd` in local wall time, with `offsetBefore`/`offsetAfter`); or two instants, as
 * the clocks go back over it (`earlier` with the offset before the change, `later` with the one after).
 */
export type LocalTimeReading =
  | { kind: 'exact'; at: number }
  | { kind: 'gap'; gapStart: string; gapEnd: string; offsetBefore: number; offsetAfter: number }
  | { kind: 'twice'; earlier: number; later: number; earlierOffset: number; laterOffset: number }

/** Reads a local date and time in a zone without guessing: a time in a gap or one that happens twice says so. */
export function readZonedTime(localDate: string, localTime: string, timeZone: string): LocalTimeReading {
  const [year, month, day] = parseLocalDate(localDate)
  const [hour, minute] = parseLocalTime(localTime)
  const naive = Date.UTC(year, month - 1, day, hour, minute)
  const offsets = new Set([naive - dayMs, naive, naive + dayMs].map((at) => offsetAt(at, timeZone)))
  const candidates = [...offsets].map((offset) => naive - offset * minuteMs).sort((a, b) => a - b)
  const exact = candidates.filter((at) => wallClock(at, timeZone) === naive)
  if (exact.length === 1) return { kind: 'exact', at: exact[0]! }
  if (exact.length > 1) {
    const earlier = exact[0]!
    const later = exact[exact.length - 1]!
    return {
      kind: 'twice',
      earlier,
      later,
      earlierOffset: offsetAt(earlier, timeZone),
      laterOffset: offsetAt(later, timeZone),
    }
  }
  // In a gap: read with the later offset the instant is before the change, with the earlier one after it.
  let lo = candidates[0]!
  let hi = candidates[candidates.length - 1]!
  const before = offsetAt(lo, timeZone)
  while (hi - lo > minuteMs) {
    const mid = lo + Math.max(minuteMs, Math.floor((hi - lo) / 2 / minuteMs) * minuteMs)
    if (offsetAt(mid, timeZone) === before) lo = mid
    else hi = mid
  }
  const after = offsetAt(hi, timeZone)
  const wall = (ms: number) => {
    const d = new Date(ms)
    return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`
  }
  return {
    kind: 'gap',
    gapStart: wall(hi + before * minuteMs),
    gapEnd: wall(hi + after * minuteMs),
    offsetBefore: before,
    offsetAfter: after,
  }
}

/** From the start of a local day to the start of the next one, in UTC (23 or 25 hours on change days). */
export function dayBounds(localDate: string, timeZone: string): Interval {
  const start = zonedToUtc(localDate, '00:00', timeZone)
  // The last day a YYYY-MM-DD date can name has no next date to end at: it ends a day later.
  if (localDate === LAST_DATE) return { start, end: start + 24 * 3600_000 }
  return { start, end: zonedToUtc(nextDate(localDate), '00:00', timeZone) }
}

const LAST_DATE = '9999-12-31'

/** A UTC offset in minutes written as '+02:00' or '-05:30'. */
export function formatOffset(minutes: number): string {
  const whole = Math.round(Math.abs(minutes))
  const sign = minutes < 0 && whole !== 0 ? '-' : '+'
  return `${sign}${pad2(Math.floor(whole / 60))}:${pad2(whole % 60)}`
}

/** The local date after the given one, 'YYYY-MM-DD'. */
export function nextDate(localDate: string): string {
  const [year, month, day] = parseLocalDate(localDate)
  const d = new Date(Date.UTC(year, month - 1, day + 1))
  return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
}

/** Year, month and day of a 'YYYY-MM-DD' date; throws RangeError for anything else, such as 2026-02-30. */
export function parseLocalDate(localDate: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate)
  const year = Number(match?.[1])
  const month = Number(match?.[2])
  const day = Number(match?.[3])
  const d = new Date(Date.UTC(year, month - 1, day))
  if (match === null || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    throw new RangeError(`Not a date (YYYY-MM-DD): ${localDate}`)
  }
  return [year, month, day]
}

/** Hour and minute of an 'HH:MM' time from 00:00 to 23:59; throws RangeError for anything else. */
export function parseLocalTime(localTime: string): [number, number] {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(localTime)
  if (match === null) throw new RangeError(`Not a time (HH:MM): ${localTime}`)
  return [Number(match[1]), Number(match[2])]
}

/** Offset of the zone from UTC at an instant, in minutes. */
function offsetAt(ms: number, timeZone: string): number {
  return (wallClock(ms, timeZone) - ms) / minuteMs
}

/** One numeric formatter per zone for wallClock, found without building a cache key. */
const wallClockFormats = new Map<string, Intl.DateTimeFormat>()

/** The zone's wall-clock reading at an instant, written as if it were a UTC instant. */
function wallClock(ms: number, timeZone: string): number {
  let format = wallClockFormats.get(timeZone)
  if (!format) {
    format = dateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    wallClockFormats.set(timeZone, format)
  }
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {}
  for (const { type, value } of format.formatToParts(ms)) part[type] = Number(value)
  const wholeSecond = Math.floor(ms / 1000) * 1000
  const wallSecond = Date.UTC(
    part.year ?? 1970,
    (part.month ?? 1) - 1,
    part.day ?? 1,
    // Some ICU versions write midnight as 24 even with h23.
    (part.hour ?? 0) % 24,
    part.minute ?? 0,
    part.second ?? 0,
  )
  return wallSecond + (ms - wholeSecond)
}

function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`
}

function pad2(n: number): string {
  return String(n).padStart(2, '0')
}

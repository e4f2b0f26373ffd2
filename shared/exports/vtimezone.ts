/**
 * A time zone's offset changes read from Intl, and the iCalendar VTIMEZONE that describes them (RFC 5545
 * 3.6.5). Offsets are minutes east of UTC; instants are epoch milliseconds.
 */

const minuteMs = 60_000
const dayMs = 86_400_000
// Every offset change in the tz database this century is more than a week after the one before it.
const scanStepMs = 7 * dayMs

/** One change of a zone's offset: from `at` on, `offsetAfter` holds, and the zone is called `nameAfter`. */
export type ZoneTransition = { at: number; offsetBefore: number; offsetAfter: number; nameAfter: string }

/** The offset of a zone at an instant, read through one cached formatter (many reads stay cheap). */
export function offsetReader(timeZone: string): (ms: number) => number {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
  return (ms) => {
    const name = format.formatToParts(ms).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT'
    const match = /^GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name)
    if (match === null) return 0
    const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0)
    return match[1] === '-' ? -minutes : minutes
  }
}

/** The short name of a zone at an instant, such as 'CEST', or 'GMT+9' where no abbreviation is in use. */
export function zoneAbbreviation(timeZone: string): (ms: number) => string {
  // en-GB knows the European abbreviations, which en-US writes as GMT+1.
  const format = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' })
  return (ms) => format.formatToParts(ms).find((part) => part.type === 'timeZoneName')?.value ?? 'UTC'
}

/**
 * Transitions already found, per zone and span: every calendar export of a visit asks for the same few years
 * again, and finding them takes a few hundred Intl calls. Frozen, as callers share them; bounded.
 */
const transitionsFound = new Map<string, readonly ZoneTransition[]>()

/** Every offset change of a zone from `from` (inclusive) to `to` (exclusive), found to the minute. */
export function zoneTransitions(timeZone: string, from: number, to: number): readonly ZoneTransition[] {
  const key = `${timeZone} ${from} ${to}`
  let found = transitionsFound.get(key)
  if (!found) {
    found = Object.freeze(findTransitions(timeZone, from, to).map((t) => Object.freeze(t)))
    if (transitionsFound.size >= 100) transitionsFound.clear()
    transitionsFound.set(key, found)
  }
  return found
}

function findTransitions(timeZone: string, from: number, to: number): ZoneTransition[] {
  const offsetAt = offsetReader(timeZone)
  const nameAt = zoneAbbreviation(timeZone)
  const transitions: ZoneTransition[] = []
  let lo = from
  let loOffset = offsetAt(lo)
  while (lo < to) {
    const hi = Math.min(lo + scanStepMs, to)
    const hiOffset = offsetAt(hi)
    if (hiOffset !== loOffset) {
      // The first whole minute with the new offset: changes happen on the minute.
      let a = Math.floor(lo / minuteMs)
      let b = Math.ceil(hi / minuteMs)
      while (b - a > 1) {
        const mid = Math.floor((a + b) / 2)
        if (offsetAt(mid * minuteMs) === loOffset) a = mid
        else b = mid
      }
      const at = b * minuteMs
      const offsetAfter = offsetAt(at)
      if (at < to) transitions.push({ at, offsetBefore: loOffset, offsetAfter, nameAfter: nameAt(at) })
      lo = at
      loOffset = offsetAfter
    } else {
      lo = hi
    }
  }
  return transitions
}

/**
 * The VTIMEZONE lines (unfolded, unescaped: nothing in them needs it) for a zone, exact for every instant
 * from the first change in `fromYear` (from its start when it has none) to the end of `toYear`, so callers
 * give a year of margin. A change that recurs on the same weekday of the same month at the same local time
 * in every one of those years becomes an RRULE, as calendar apps such as Outlook expect; any other change
 * is listed with RDATE. `transitions` are those of exactly those years.
 */
export function vtimezoneLines(
  timeZone: string,
  fromYear: number,
  toYear: number,
  transitions = zoneTransitions(timeZone, Date.UTC(fromYear, 0, 1), Date.UTC(toYear + 1, 0, 1)),
): string[] {
  const from = Date.UTC(fromYear, 0, 1)
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`]
  // Before its first onset a VTIMEZONE says nothing (ical.js then reads UTC), so unless the margin year has
  // a change of its own, the offset in force at its start is stated. A lone rule pair stays as Outlook likes.
  const first = transitions[0]
  if (first === undefined || first.at >= Date.UTC(fromYear + 1, 0, 1)) {
    const offset = offsetReader(timeZone)(from)
    lines.push(
      'BEGIN:STANDARD',
      `DTSTART:${String(fromYear).padStart(4, '0')}0101T000000`,
      `TZOFFSETFROM:${icalOffset(offset)}`,
      `TZOFFSETTO:${icalOffset(offset)}`,
      `TZNAME:${zoneAbbreviation(timeZone)(from)}`,
      'END:STANDARD',
    )
  }
  const groups = new Map<string, ZoneTransition[]>()
  for (const t of transitions) {
    const key = `${t.offsetBefore}|${t.offsetAfter}|${t.nameAfter}`
    groups.set(key, [...(groups.get(key) ?? []), t])
  }
  for (const group of groups.values()) {
    const first = group[0]!
    const component = first.offsetAfter > first.offsetBefore ? 'DAYLIGHT' : 'STANDARD'
    // DTSTART and RDATE are the local time just before the change, read with the offset before it.
    const locals = group.map((t) => new Date(t.at + t.offsetBefore * minuteMs))
    const rule = yearlyRule(locals, fromYear, toYear)
    lines.push(
      `BEGIN:${component}`,
      `DTSTART:${icalLocal(locals[0]!)}`,
      // ical.js ignores DTSTART as an onset once RDATE is there, so DTSTART is listed again (RFC 5545 allows).
      ...(rule === null ? locals.map((local) => `RDATE:${icalLocal(local)}`) : [rule]),
      `TZOFFSETFROM:${icalOffset(first.offsetBefore)}`,
      `TZOFFSETTO:${icalOffset(first.offsetAfter)}`,
      `TZNAME:${first.nameAfter}`,
      `END:${component}`,
    )
  }
  lines.push('END:VTIMEZONE')
  return lines
}

/** An offset in minutes written as iCalendar UTC-OFFSET, '+0200' or '-0430'. */
export function icalOffset(minutes: number): string {
  const whole = Math.abs(minutes)
  const sign = minutes < 0 ? '-' : '+'
  return `${sign}${pad2(Math.floor(whole / 60))}${pad2(whole % 60)}`
}

/**
 * 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU' when the local change times (wall clock read as UTC) fall once in
 * each year of the range, in one month, on one weekday, at one time of day, as the nth or the last of that
 * weekday of the month; otherwise null.
 */
function yearlyRule(locals: Date[], fromYear: number, toYear: number): string | null {
  if (locals.length < 2 || locals.length !== toYear - fromYear + 1) return null
  const first = locals[0]!
  let ordinals = new Set(ordinalsOf(first))
  for (const [i, d] of locals.entries()) {
    const sameShape =
      d.getUTCFullYear() === fromYear + i &&
      d.getUTCMonth() === first.getUTCMonth() &&
      d.getUTCDay() === first.getUTCDay() &&
      d.getTime() % dayMs === first.getTime() % dayMs
    if (!sameShape) return null
    const here = ordinalsOf(d)
    ordinals = new Set([...ordinals].filter((n) => here.includes(n)))
  }
  const ordinal = [...ordinals].sort((a, b) => a - b)[0]
  if (ordinal === undefined) return null
  const weekday = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'][first.getUTCDay()]
  return `RRULE:FREQ=YEARLY;BYMONTH=${first.getUTCMonth() + 1};BYDAY=${ordinal}${weekday}`
}

/** Which weekday of its month a date is: the nth (1 to 5) and, in the last week, also -1. */
function ordinalsOf(d: Date): number[] {
  const day = d.getUTCDate()
  const daysInMonth = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()
  const nth = Math.ceil(day / 7)
  return day + 7 > daysInMonth ? [nth, -1] : [nth]
}

/** A wall-clock reading (held as if UTC) as iCalendar local DATE-TIME, '20261025T030000'. */
function icalLocal(d: Date): string {
  return (
    `${String(d.getUTCFullYear()).padStart(4, '0')}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}` +
    `T${pad2(d.getUTCHours())}${pad2(d.getUTCMinutes())}${pad2(d.getUTCSeconds())}`
  )
}

function pad2(n: number): string {
  return String(n).padStart(2, '0')
}

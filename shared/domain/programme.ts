/**
 * Editing a programme on the day and in forms: shifting later items when things run late, and checking an
 * item's times before it is saved.
 */
import { dayBounds, type Fold, nextDate, readZonedTime } from './time'

/** The kinds of programme item. */
export const itemKinds = [
  'welcome',
  'talk',
  'walk',
  'tour',
  'break',
  'catering',
  'discussion',
  'travel',
] as const
export type ItemKind = (typeof itemKinds)[number]

/** How the company travels between two venues. */
export const legModes = ['walk', 'cycle', 'bus', 'train', 'car'] as const

/** The functions of the people in the visiting company. */
export const participantFunctions = [
  'mayor',
  'alderman',
  'civil_servant',
  'council_member',
  'committee_member',
  'other',
] as const

/** What shiftLater needs of an item; empty groupIds means the item is for everyone. */
export type ShiftableItem = {
  id: string
  start: number
  end: number
  groupIds: readonly string[]
  cancelled?: boolean
}
/** Whose items to shift (null: everyone's), from which instant on, and by how many minutes. */
export type ShiftOptions = { groupId: string | null; fromInstant: number; minutes: number }
/** An item's new times after a shift. */
export type ShiftedItem = { id: string; start: number; end: number }
/** The visit's days in its zone, as validateItemTimes needs them. */
export type ItemTimesVisit = { startDate: string; endDate: string; timeZone: string }
/** One problem with an item's times, named by field and a closed code, for a form error or a 422. */
export type ItemTimesProblem = { field: 'start' | 'end'; code: 'end_before_start' | 'outside_visit' }

/** A local time that cannot be read as one instant: skipped by the clocks, or happening twice without a choice. */
export type LocalTimeProblem =
  | { code: 'in_gap'; gapStart: string; gapEnd: string }
  | { code: 'twice'; earlierOffset: number; laterOffset: number }

/**
 * The instant of a local time typed in a form, never guessed: a time in the spring-forward gap is a problem
 * naming the gap, a time of the autumn night that happens twice needs `fold` (earlier: summer time).
 */
export function localInstant(
  date: string,
  time: string,
  timeZone: string,
  fold?: Fold | undefined,
): { at: number; problem?: undefined } | { at: number; problem: LocalTimeProblem } {
  const reading = readZonedTime(date, time, timeZone)
  if (reading.kind === 'exact') return { at: reading.at }
  if (reading.kind === 'twice') {
    if (fold === 'earlier') return { at: reading.earlier }
    if (fold === 'later') return { at: reading.later }
    return {
      at: reading.earlier,
      problem: { code: 'twice', earlierOffset: reading.earlierOffset, laterOffset: reading.laterOffset },
    }
  }
  return { at: Number.NaN, problem: { code: 'in_gap', gapStart: reading.gapStart, gapEnd: reading.gapEnd } }
}

/**
 * The message key of a local time problem (shared/i18n/travel.ts), its numbers packed into the one argument a
 * key takes: the gap's start and end as minutes of the day, or the two offsets (plus 1000, never negative).
 */
export function localTimeProblemMessage(problem: LocalTimeProblem): string {
  const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))
  return problem.code === 'in_gap'
    ? `travel.validation.timeInGap:${minutesOf(problem.gapStart) * 10_000 + minutesOf(problem.gapEnd)}`
    : `travel.validation.timeTwice:${(problem.earlierOffset + 1000) * 10_000 + problem.laterOffset + 1000}`
}

/** A timetabled leg's departure and arrival as entered: instants, null when cleared, undefined when not sent. */
export type LegTimes = { legDepartsAt?: Date | null; legArrivesAt?: Date | null }

/**
 * The departure and arrival of a train (or timetabled bus) into an item, typed as local times on the item's
 * start date: an arrival before the departure is the next day (a night train). Problems name the field.
 */
export function legTimes(
  date: string,
  input: { legDeparts?: string | null | undefined; legArrives?: string | null | undefined },
  timeZone: string,
): { times: LegTimes; problems: { field: string; message: string }[] } {
  const times: LegTimes = {}
  const problems: { field: string; message: string }[] = []
  const read = (field: 'legDeparts' | 'legArrives', value: string | null | undefined, onDate: string) => {
    if (value === undefined) return undefined
    if (value === null) return null
    const local = localInstant(onDate, value, timeZone, 'earlier')
    if (local.problem) {
      problems.push({ field, message: localTimeProblemMessage(local.problem) })
      return undefined
    }
    return new Date(local.at)
  }
  const departs = read('legDeparts', input.legDeparts, date)
  let arrives = read('legArrives', input.legArrives, date)
  if (departs && arrives && arrives.getTime() <= departs.getTime() && input.legArrives) {
    arrives = read('legArrives', input.legArrives, nextDate(date))
  }
  if (departs !== undefined) times.legDepartsAt = departs
  if (arrives !== undefined) times.legArrivesAt = arrives
  return { times, problems }
}

/** Shifting earlier is capped at three hours, later at ten: beyond that it is a new plan, not running late. */
export const shiftMinutesRange = { min: -180, max: 600 } as const

const minuteMs = 60_000

/**
 * The new times of every item that is not cancelled, starts at or after fromInstant and concerns the group
 * (items for everyone concern every group), moved by the given whole minutes; sorted by original start.
 */
export function shiftLater(items: readonly ShiftableItem[], opts: ShiftOptions): ShiftedItem[] {
  const { groupId, fromInstant, minutes } = opts
  if (!Number.isInteger(minutes) || minutes < shiftMinutesRange.min || minutes > shiftMinutesRange.max) {
    throw new RangeError(
      `Shift must be a whole number of minutes from ${shiftMinutesRange.min} to ${shiftMinutesRange.max}: ${minutes}`,
    )
  }
  if (minutes === 0) return []
  const offset = minutes * minuteMs
  return items
    .filter(
      (item) =>
        item.cancelled !== true &&
        item.start >= fromInstant &&
        (groupId === null || item.groupIds.length === 0 || item.groupIds.includes(groupId)),
    )
    .sort((a, b) => a.start - b.start || compareText(a.id, b.id))
    .map((item) => ({ id: item.id, start: item.start + offset, end: item.end + offset }))
}

/**
 * Problems with an item's times: the end must come after the start, and the item must lie within the visit's
 * days in its zone (ending at midnight after the last day is still inside). At most one problem per field.
 */
export function validateItemTimes(
  item: { start: number; end: number },
  visit: ItemTimesVisit,
): ItemTimesProblem[] {
  const visitStart = dayBounds(visit.startDate, visit.timeZone).start
  const visitEnd = dayBounds(visit.endDate, visit.timeZone).end
  const problems: ItemTimesProblem[] = []
  // Negated comparisons so that NaN (an unparsable time) counts as a problem too.
  if (!(item.start >= visitStart && item.start < visitEnd))
    problems.push({ field: 'start', code: 'outside_visit' })
  if (!(item.end > item.start)) problems.push({ field: 'end', code: 'end_before_start' })
  else if (!(item.end > visitStart && item.end <= visitEnd))
    problems.push({ field: 'end', code: 'outside_visit' })
  return problems
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

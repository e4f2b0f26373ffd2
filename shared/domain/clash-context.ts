/** What every clash check works from: the programme indexed and sorted once, and the helpers they share. */
import type {
  ClashAttendance,
  ClashGroup,
  ClashInput,
  ClashItem,
  ClashSettings,
  ClashSpeaker,
  ClashTalk,
  ClashVenue,
  ClashVisit,
} from './clashes'
import { type Interval, intersection, overlaps } from './interval'
import { utcToZoned } from './time'
import { defaultTravelSettings, type TravelSettings } from './walking'

/** Milliseconds in a minute. */
export const minuteMs = 60_000

/** The programme as every check reads it: sorted and indexed, with the items of each venue and audience. */
export type Context = {
  visit: ClashVisit
  travel: Partial<TravelSettings>
  /** Items that are not cancelled, in time order. */
  items: ClashItem[]
  itemById: Map<string, ClashItem>
  venueById: Map<string, ClashVenue>
  groups: readonly ClashGroup[]
  groupById: Map<string, ClashGroup>
  /** Sorted by id. */
  speakers: readonly ClashSpeaker[]
  speakerById: Map<string, ClashSpeaker>
  talks: readonly ClashTalk[]
  attendance: ClashAttendance | undefined
  /** The items at each venue, in time order. */
  itemsAtVenue: Map<string, ClashItem[]>
  /**
   * The items of each audience, in time order: per group (the groups of the visit and any an item names),
   * its items and those for everyone; with no groups at all, one audience (null) of every item.
   */
  itemsOfAudience: Map<string | null, ClashItem[]>
  time: (ms: number) => string
}

/** Builds the context: cancelled items left out, items in time order, speakers by id. */
export function contextOf(input: ClashInput, settings: ClashSettings): Context {
  const items = input.items.filter((item) => item.cancelled !== true).sort(byTime)
  const { timeZone, walkingSpeedKmh } = input.visit
  const speakers = [...input.speakers].sort((a, b) => compareText(a.id, b.id))
  return {
    visit: input.visit,
    travel: {
      ...settings,
      // A clash list is a warning; a missing speed should not take the programme page down with it.
      walkingSpeedKmh: walkingSpeedKmh > 0 ? walkingSpeedKmh : defaultTravelSettings.walkingSpeedKmh,
    },
    items,
    itemById: new Map(items.map((item) => [item.id, item])),
    venueById: new Map(input.venues.map((venue) => [venue.id, venue])),
    groups: input.groups,
    groupById: new Map(input.groups.map((group) => [group.id, group])),
    speakers,
    speakerById: new Map(speakers.map((speaker) => [speaker.id, speaker])),
    talks: input.talks,
    attendance: input.attendance,
    itemsAtVenue: byVenue(items),
    itemsOfAudience: byAudience(items, input.groups),
    time: (ms) => utcToZoned(ms, timeZone).time,
  }
}

/** Items by venue, each list in the order given (items without a venue left out); one pass. */
function byVenue(items: readonly ClashItem[]): Map<string, ClashItem[]> {
  const out = new Map<string, ClashItem[]>()
  for (const item of items) {
    if (item.venueId === null) continue
    const list = out.get(item.venueId)
    if (list) list.push(item)
    else out.set(item.venueId, [item])
  }
  return out
}

/**
 * Items by audience, each list in the order given: an item for some groups in each of theirs, an item for
 * everyone in all. One pass over the items (an item for everyone once per group).
 */
function byAudience(items: readonly ClashItem[], groups: readonly ClashGroup[]) {
  const out = new Map<string | null, ClashItem[]>()
  for (const g of groups) out.set(g.id, [])
  for (const item of items) for (const id of item.groupIds) if (!out.has(id)) out.set(id, [])
  if (out.size === 0) out.set(null, [])
  const lists = [...out.values()]
  for (const item of items) {
    if (item.groupIds.length === 0) for (const list of lists) list.push(item)
    else for (const id of new Set(item.groupIds)) out.get(id)?.push(item)
  }
  return out
}

/**
 * Pairs of items that share an instant, each pair in time order; items must come sorted by start. A sweep:
 * each item is compared only with the items that start before it ends.
 */
export function overlappingPairs(items: readonly ClashItem[]): [ClashItem, ClashItem][] {
  const pairs: [ClashItem, ClashItem][] = []
  for (let i = 0; i < items.length; i++) {
    const a = items[i]!
    for (let j = i + 1; j < items.length; j++) {
      const b = items[j]!
      if (b.start >= a.end) break
      if (overlaps(a, b)) pairs.push([a, b])
    }
  }
  return pairs
}

/** The groups both items are for ([] meaning everyone), or null when they are for different groups. */
export function sharedAudience(a: ClashItem, b: ClashItem): string[] | null {
  if (a.groupIds.length === 0) return [...b.groupIds]
  if (b.groupIds.length === 0) return [...a.groupIds]
  const shared = a.groupIds.filter((id) => b.groupIds.includes(id))
  return shared.length > 0 ? shared : null
}

/** The sum of the item's group sizes, or null when it is for everyone or a size is unknown. */
export function groupSizes(ctx: Context, item: ClashItem): number | null {
  if (item.groupIds.length === 0) return null
  let sum = 0
  for (const id of item.groupIds) {
    const size = ctx.groupById.get(id)?.size
    if (size === undefined || size === null) return null
    sum += size
  }
  return sum
}

/** Where an item's expected number of people comes from, for the capacity clash to say. */
export type ExpectedAttendance =
  | { source: 'set'; people: number }
  | { source: 'groups'; people: number; members: number; guests: number }
  | {
      source: 'everyone'
      people: number
      members: number
      guests: number
      guestsFrom: 'expected' | 'confirmed'
    }
  | { source: 'visit'; people: number }

/**
 * How many people are expected at an item: the number the organiser set; otherwise, for an item of some
 * groups, the company members of those groups plus the confirmed guests who go with them; for an item for
 * everyone, the whole company plus the guests (the visit's expected number when that is more than have
 * registered). Null when nothing is known.
 */
export function expectedAttendance(ctx: Context, item: ClashItem): ExpectedAttendance | null {
  if (item.expectedAttendance !== undefined && item.expectedAttendance !== null)
    return { source: 'set', people: item.expectedAttendance }
  const known = ctx.attendance
  if (item.groupIds.length > 0) {
    if (!known) {
      const size = groupSizes(ctx, item)
      return size === null ? null : { source: 'groups', people: size, members: size, guests: 0 }
    }
    const members = item.groupIds.reduce((sum, id) => sum + (ctx.groupById.get(id)?.size ?? 0), 0)
    const guests = known.guests
      .filter((g) => g.groupIds.some((id) => item.groupIds.includes(id)))
      .reduce((sum, g) => sum + g.people, 0)
    return { source: 'groups', people: members + guests, members, guests }
  }
  const expected = ctx.visit.expectedGuests
  if (!known) return expected === null ? null : { source: 'visit', people: expected }
  const confirmed = known.guests.reduce((sum, g) => sum + g.people, 0)
  const fromExpected = expected !== null && expected > confirmed
  const guests = fromExpected ? expected : confirmed
  return {
    source: 'everyone',
    people: known.members + guests,
    members: known.members,
    guests,
    guestsFrom: fromExpected ? 'expected' : 'confirmed',
  }
}

/** Items by start, then end, then id: one order whatever order they came in. */
export function byTime(a: ClashItem, b: ClashItem): number {
  return a.start - b.start || a.end - b.end || compareText(a.id, b.id)
}

/** Plain code-unit order, the same in every runtime (no locale). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Lists of ids compared element by element, the shorter first when one starts the other. */
export function compareLists(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareText(a[i]!, b[i]!)
    if (order !== 0) return order
  }
  return a.length - b.length
}

/** How many minutes two intervals share, rounded up. */
export function overlapMinutes(a: Interval, b: Interval): number {
  const common = intersection(a, b)
  return common === null ? 0 : Math.ceil((common.end - common.start) / minuteMs)
}

/** A venue's name, or its id when the venue is unknown. */
export function venueName(ctx: Context, id: string): string {
  return ctx.venueById.get(id)?.name ?? id
}

/** An interval as local times in the visit's zone: '14:00–14:30'. */
export function span(ctx: Context, interval: Interval): string {
  return `${ctx.time(interval.start)}–${ctx.time(interval.end)}`
}

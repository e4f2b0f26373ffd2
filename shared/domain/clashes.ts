/**
 * Clashes in a programme: warnings for the organising team, never errors. Each clash is a value naming the
 * items involved and a message in Dutch and English that says what is wrong and how to put it right.
 */
import { groupDoubleBookings, speakerDoubleBookings, venueDoubleBookings } from './clash-bookings'
import { compareLists, contextOf } from './clash-context'
import {
  outsideOpeningWindows,
  outsideSpeakerAvailability,
  outsideVisitDates,
  overCapacity,
} from './clash-limits'
import { legsTooLong } from './clash-travel'
import type { Interval } from './interval'
import type { LegMode, TravelSettings } from './walking'

/**
 * The version of these rules and their wording. A stored clash list (kept per draft version) was checked by
 * the rules of its day: change this with any change to what a clash is or says, and stored lists are checked
 * again on their next read.
 */
export const clashRulesVersion = '2026-12-02.1'

/** Every kind of clash, in the order they are listed when several start at the same time. */
export const clashKinds = [
  'venue_double_booked',
  'group_double_booked',
  'speaker_double_booked',
  'walk_too_long',
  'leg_off_timetable',
  'over_capacity',
  'outside_opening_window',
  'outside_speaker_availability',
  'outside_visit_dates',
] as const
/** What a clash is about. */
export type ClashKind = (typeof clashKinds)[number]

/** The visit's days, zone and defaults the checks need. */
export type ClashVisit = {
  startDate: string
  endDate: string
  timeZone: string
  walkingSpeedKmh: number
  expectedGuests: number | null
}
/** A venue; without coordinates no walking time is checked, without capacity no head count. */
export type ClashVenue = {
  id: string
  name: string
  lat: number | null
  lng: number | null
  capacity: number | null
  openingWindow?: Interval | null
}
/** A part of the company; its size, when known, counts towards a venue's capacity. */
export type ClashGroup = { id: string; name: string; size?: number | null }
/** A programme item: a timed slot, optionally at a venue, for some groups or for everyone. */
export type ClashItem = {
  id: string
  title: string
  start: number
  end: number
  venueId: string | null
  /** Empty means the item is for everyone. */
  groupIds: readonly string[]
  /** How the company gets to this item from the previous one; walking when absent. */
  legMode?: LegMode
  /** For a train or a timetabled bus: when it leaves and arrives, as entered (null: not entered). */
  legDepartsAt?: number | null
  legArrivesAt?: number | null
  kind: string
  cancelled?: boolean
  expectedAttendance?: number | null
}
/** The company and the confirmed guests, for the expected attendance of each item. */
export type ClashAttendance = {
  members: number
  guests: readonly { groupIds: readonly string[]; people: number }[]
}
/** A speaker and the time ranges they can do. */
export type ClashSpeaker = {
  id: string
  name: string
  /** Null when unknown: then the speaker is not checked. */
  availability: readonly Interval[] | null
}
/** A talk, placed in an item or not yet (itemId null), by one or more speakers. */
export type ClashTalk = { id: string; title: string; itemId: string | null; speakerIds: readonly string[] }
/** Everything findClashes looks at. */
export type ClashInput = {
  visit: ClashVisit
  venues: readonly ClashVenue[]
  /**
   * Who is expected, for the head count at a venue: the company members (all of them) and the confirmed
   * guests by the groups they go with ([]: the whole company). Without it, group sizes and the visit's
   * expected guests are all that is known.
   */
  attendance?: ClashAttendance
  groups: readonly ClashGroup[]
  items: readonly ClashItem[]
  speakers: readonly ClashSpeaker[]
  talks: readonly ClashTalk[]
}
/** Speeds for the other modes and the detour factor; the walking speed comes from the visit. */
export type ClashSettings = Partial<
  Pick<TravelSettings, 'cyclingSpeedKmh' | 'busSpeedKmh' | 'carSpeedKmh' | 'detourFactor'>
>

/** The same sentence in each interface language. */
export type LocalisedText = { nl: string; en: string }
/** One warning: what is wrong, with which items, and how to fix it. */
export type Clash = {
  kind: ClashKind
  /** The items involved, in time order. */
  itemIds: string[]
  talkIds?: string[]
  speakerIds?: string[]
  venueIds?: string[]
  groupIds?: string[]
  message: LocalisedText
  /** The numbers the message is built from, e.g. neededMinutes, gapMinutes, attendance, capacity. */
  details: Record<string, number>
}

/** All clashes in the programme, sorted by the start of their first item; cancelled items are left out. */
export function findClashes(input: ClashInput, settings: ClashSettings = {}): Clash[] {
  const ctx = contextOf(input, settings)
  const clashes = [
    ...venueDoubleBookings(ctx),
    ...groupDoubleBookings(ctx),
    ...speakerDoubleBookings(ctx),
    ...legsTooLong(ctx),
    ...overCapacity(ctx),
    ...outsideOpeningWindows(ctx),
    ...outsideSpeakerAvailability(ctx),
    ...outsideVisitDates(ctx),
  ]
  const firstStart = (clash: Clash): number => ctx.itemById.get(clash.itemIds[0] ?? '')?.start ?? 0
  return clashes.sort(
    (a, b) =>
      firstStart(a) - firstStart(b) ||
      clashKinds.indexOf(a.kind) - clashKinds.indexOf(b.kind) ||
      compareLists(a.itemIds, b.itemIds) ||
      compareLists(a.speakerIds ?? [], b.speakerIds ?? []) ||
      compareLists(a.talkIds ?? [], b.talkIds ?? []) ||
      compareLists(a.groupIds ?? [], b.groupIds ?? []),
  )
}

/** How many clashes there are of each kind, zero included. */
export function summariseClashes(clashes: readonly Clash[]): Record<ClashKind, number> {
  const counts = Object.fromEntries(clashKinds.map((kind) => [kind, 0])) as Record<ClashKind, number>
  for (const clash of clashes) counts[clash.kind] += 1
  return counts
}

/**
 * Clashes in a programme: warnings for the organising team, never errors. Each clash is a value naming the
 * items involved and a message in Dutch and English that says what is wrong and how to put it right.
 */
import { contains, type Interval, intersectAll, intersection, isWithinAny, overlaps } from './interval'
import { dayBounds, utcToZoned } from './time'
import {
  defaultTravelSettings,
  greatCircleMetres,
  type LegMode,
  legMinutes,
  type TravelSettings,
} from './walking'

/** Every kind of clash, in the order they are listed when several start at the same time. */
export const clashKinds = [
  'venue_double_booked',
  'group_double_booked',
  'speaker_double_booked',
  'walk_too_long',
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
  kind: string
  cancelled?: boolean
  expectedAttendance?: number | null
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
  groups: readonly ClashGroup[]
  items: readonly ClashItem[]
  speakers: readonly ClashSpeaker[]
  talks: readonly ClashTalk[]
}
/** Speeds for the other modes and the detour factor; the walking speed comes from the visit. */
export type ClashSettings = Partial<Pick<TravelSettings, 'cyclingSpeedKmh' | 'busSpeedKmh' | 'detourFactor'>>

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

const minuteMs = 60_000

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

type Context = {
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
  /** Pairs of items that share an instant (venue and group double bookings both start from these). */
  overlapping: [ClashItem, ClashItem][]
  time: (ms: number) => string
}

function contextOf(input: ClashInput, settings: ClashSettings): Context {
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
    overlapping: overlappingPairs(items),
    time: (ms) => utcToZoned(ms, timeZone).time,
  }
}

function venueDoubleBookings(ctx: Context): Clash[] {
  const clashes: Clash[] = []
  for (const [a, b] of ctx.overlapping) {
    if (a.venueId === null || a.venueId !== b.venueId) continue
    const venue = venueName(ctx, a.venueId)
    const overlap = overlapMinutes(a, b)
    clashes.push({
      kind: 'venue_double_booked',
      itemIds: [a.id, b.id],
      venueIds: [a.venueId],
      message: {
        nl:
          `${q(venue)} is dubbel geboekt: ${q(a.title)} (${span(ctx, a)}) en ${q(b.title)} (${span(ctx, b)}) ` +
          `overlappen ${minutesNl(overlap)}. Verschuif een van beide onderdelen of kies voor een ervan een andere locatie.`,
        en:
          `${q(venue)} is double-booked: ${q(a.title)} (${span(ctx, a)}) and ${q(b.title)} (${span(ctx, b)}) ` +
          `overlap by ${minutesEn(overlap)}. Move one of the two items or choose another venue for one of them.`,
      },
      details: { overlapMinutes: overlap },
    })
  }
  return clashes
}

function groupDoubleBookings(ctx: Context): Clash[] {
  const clashes: Clash[] = []
  for (const [a, b] of ctx.overlapping) {
    // At one and the same venue this is a venue double booking, reported once as such.
    if (a.venueId !== null && a.venueId === b.venueId) continue
    const shared = sharedAudience(a, b)
    if (shared === null) continue
    const names = shared.map((id) => q(ctx.groupById.get(id)?.name ?? id))
    const plural = names.length > 1
    const whoNl =
      names.length === 0
        ? 'Het hele gezelschap'
        : plural
          ? `De groepen ${listNl(names)}`
          : `De groep ${names[0]}`
    const whoEn =
      names.length === 0
        ? 'The whole company'
        : plural
          ? `The groups ${listEn(names)}`
          : `The group ${names[0]}`
    const where = (item: ClashItem): string =>
      item.venueId === null ? span(ctx, item) : `${span(ctx, item)}, ${venueName(ctx, item.venueId)}`
    const overlap = overlapMinutes(a, b)
    const venueIds = [...new Set([a.venueId, b.venueId].filter((id) => id !== null))]
    clashes.push({
      kind: 'group_double_booked',
      itemIds: [a.id, b.id],
      ...(venueIds.length > 0 ? { venueIds } : {}),
      ...(shared.length > 0 ? { groupIds: shared } : {}),
      message: {
        nl:
          `${whoNl} ${plural ? 'staan' : 'staat'} tegelijk ingepland bij ${q(a.title)} (${where(a)}) en ` +
          `${q(b.title)} (${where(b)}). Verschuif een van beide onderdelen of verdeel ze over verschillende groepen.`,
        en:
          `${whoEn} ${plural ? 'are' : 'is'} scheduled for ${q(a.title)} (${where(a)}) and ${q(b.title)} ` +
          `(${where(b)}) at the same time. Move one of the two items or assign them to different groups.`,
      },
      details: { overlapMinutes: overlap },
    })
  }
  return clashes
}

function speakerDoubleBookings(ctx: Context): Clash[] {
  // Per speaker, their talks per item, in one pass over the talks.
  const talksOf = new Map<string, Map<string, string[]>>()
  for (const talk of ctx.talks) {
    if (talk.itemId === null || !ctx.itemById.has(talk.itemId)) continue
    for (const speakerId of new Set(talk.speakerIds)) {
      let byItem = talksOf.get(speakerId)
      if (!byItem) {
        byItem = new Map()
        talksOf.set(speakerId, byItem)
      }
      const list = byItem.get(talk.itemId)
      if (list) list.push(talk.id)
      else byItem.set(talk.itemId, [talk.id])
    }
  }
  const clashes: Clash[] = []
  for (const speaker of ctx.speakers) {
    // Several talks by one speaker in one item are fine: they follow each other within the slot.
    const talksByItem = talksOf.get(speaker.id)
    if (talksByItem === undefined || talksByItem.size < 2) continue
    const items = [...talksByItem.keys()].map((id) => ctx.itemById.get(id)!).sort(byTime)
    for (const [a, b] of overlappingPairs(items)) {
      const talkIds = [
        ...(talksByItem.get(a.id) ?? []).sort(compareText),
        ...(talksByItem.get(b.id) ?? []).sort(compareText),
      ]
      const overlap = overlapMinutes(a, b)
      clashes.push({
        kind: 'speaker_double_booked',
        itemIds: [a.id, b.id],
        talkIds,
        speakerIds: [speaker.id],
        message: {
          nl:
            `${q(speaker.name)} moet tegelijk spreken bij ${q(a.title)} (${span(ctx, a)}) en ${q(b.title)} ` +
            `(${span(ctx, b)}). Verschuif een van beide onderdelen of laat iemand anders een van de voordrachten geven.`,
          en:
            `${q(speaker.name)} is due to speak at ${q(a.title)} (${span(ctx, a)}) and ${q(b.title)} ` +
            `(${span(ctx, b)}) at the same time. Move one of the two items or ask someone else to give one of the talks.`,
        },
        details: { overlapMinutes: overlap },
      })
    }
  }
  return clashes
}

function legsTooLong(ctx: Context): Clash[] {
  const clashes: Clash[] = []
  const reported = new Set<string>()
  const groupIds = [...new Set([...ctx.groups.map((g) => g.id), ...ctx.items.flatMap((i) => i.groupIds)])]
  const audiences: (string | null)[] = groupIds.length > 0 ? groupIds : [null]
  for (const groupId of audiences) {
    // Items without a venue (a walk, travel) are how the company gets from one venue to the next, so they are
    // part of the gap, not a stop of their own.
    const stops = ctx.items.filter(
      (item) =>
        item.venueId !== null &&
        ctx.venueById.has(item.venueId) &&
        (groupId === null || item.groupIds.length === 0 || item.groupIds.includes(groupId)),
    )
    for (let k = 1; k < stops.length; k++) {
      const a = stops[k - 1]!
      const b = stops[k]!
      const from = ctx.venueById.get(a.venueId ?? '')
      const to = ctx.venueById.get(b.venueId ?? '')
      if (from === undefined || to === undefined || from.id === to.id) continue
      if (from.lat === null || from.lng === null || to.lat === null || to.lng === null) continue
      const gapMs = b.start - a.end
      // Overlapping stops are a double booking, reported as such.
      if (gapMs < 0) continue
      const distance = greatCircleMetres({ lat: from.lat, lng: from.lng }, { lat: to.lat, lng: to.lng })
      const mode = b.legMode ?? 'walk'
      const needed = legMinutes(distance, mode, ctx.travel)
      if (needed * minuteMs <= gapMs) continue
      const key = `${a.id}\u0000${b.id}`
      if (reported.has(key)) continue
      reported.add(key)
      const gap = Math.floor(gapMs / minuteMs)
      const short = Math.ceil((needed * minuteMs - gapMs) / minuteMs)
      const distanceMetres = Math.round(distance)
      const legNl = { walk: 'De wandeling', cycle: 'De fietstocht', bus: 'De busrit' }[mode]
      const legEn = { walk: 'The walk', cycle: 'The bike ride', bus: 'The bus ride' }[mode]
      const gapNl =
        gap === 0 ? 'er zit geen tijd' : gap === 1 ? 'er zit maar 1 minuut' : `er zitten maar ${gap} minuten`
      const gapEn =
        gap === 0
          ? 'there is no time'
          : gap === 1
            ? 'there is only 1 minute'
            : `there are only ${gap} minutes`
      clashes.push({
        kind: 'walk_too_long',
        itemIds: [a.id, b.id],
        venueIds: [from.id, to.id],
        message: {
          nl:
            `${legNl} van ${q(from.name)} naar ${q(to.name)} duurt ongeveer ${minutesNl(needed)} ` +
            `(${distanceNl(distanceMetres)} hemelsbreed), maar ${gapNl} tussen ${q(a.title)} ` +
            `(eindigt ${ctx.time(a.end)}) en ${q(b.title)} (begint ${ctx.time(b.start)}). ` +
            `Schuif ${q(b.title)} minstens ${minutesNl(short)} op of kies een dichterbij gelegen locatie.`,
          en:
            `${legEn} from ${q(from.name)} to ${q(to.name)} takes about ${minutesEn(needed)} ` +
            `(${distanceEn(distanceMetres)} as the crow flies), but ${gapEn} between ${q(a.title)} ` +
            `(ends ${ctx.time(a.end)}) and ${q(b.title)} (starts ${ctx.time(b.start)}). ` +
            `Move ${q(b.title)} at least ${minutesEn(short)} later or choose a venue closer by.`,
        },
        details: { distanceMetres, neededMinutes: needed, gapMinutes: gap, shortMinutes: short },
      })
    }
  }
  return clashes
}

function overCapacity(ctx: Context): Clash[] {
  const clashes: Clash[] = []
  for (const item of ctx.items) {
    const venue = item.venueId === null ? undefined : ctx.venueById.get(item.venueId)
    if (venue === undefined || venue.capacity === null) continue
    const attendance = item.expectedAttendance ?? groupSizes(ctx, item) ?? ctx.visit.expectedGuests
    if (attendance === null || attendance <= venue.capacity) continue
    const capacity = venue.capacity
    clashes.push({
      kind: 'over_capacity',
      itemIds: [item.id],
      venueIds: [venue.id],
      message: {
        nl:
          `Bij ${q(item.title)} (${span(ctx, item)}) worden ${peopleNl(attendance)} verwacht, maar ` +
          `${q(venue.name)} heeft plaats voor ${peopleNl(capacity)}. Kies een grotere locatie, verdeel het ` +
          'gezelschap over groepen of beperk het aantal deelnemers.',
        en:
          `${peopleEn(attendance)} ${attendance === 1 ? 'is' : 'are'} expected at ${q(item.title)} ` +
          `(${span(ctx, item)}), but ${q(venue.name)} has room for ${peopleEn(capacity)}. Choose a larger venue, ` +
          'split the company into groups or limit the number of participants.',
      },
      details: { attendance, capacity, excess: attendance - capacity },
    })
  }
  return clashes
}

function outsideOpeningWindows(ctx: Context): Clash[] {
  const clashes: Clash[] = []
  for (const item of ctx.items) {
    const venue = item.venueId === null ? undefined : ctx.venueById.get(item.venueId)
    const window = venue?.openingWindow
    if (venue === undefined || window === undefined || window === null || contains(window, item)) continue
    const minutesEarly = Math.ceil(Math.max(0, window.start - item.start) / minuteMs)
    const minutesLate = Math.ceil(Math.max(0, item.end - window.end) / minuteMs)
    clashes.push({
      kind: 'outside_opening_window',
      itemIds: [item.id],
      venueIds: [venue.id],
      message: {
        nl:
          `${q(item.title)} (${span(ctx, item)}) valt buiten de openingstijden van ${q(venue.name)} ` +
          `(${span(ctx, window)}). Verplaats ${q(item.title)} binnen die tijden of vraag de gastheer of ` +
          `gastvrouw van ${q(venue.name)} om ruimere openingstijden.`,
        en:
          `${q(item.title)} (${span(ctx, item)}) falls outside the opening hours of ${q(venue.name)} ` +
          `(${span(ctx, window)}). Move ${q(item.title)} within those hours or ask the host of ` +
          `${q(venue.name)} to open for longer.`,
      },
      details: { minutesEarly, minutesLate },
    })
  }
  return clashes
}

function outsideSpeakerAvailability(ctx: Context): Clash[] {
  const clashes: Clash[] = []
  for (const talk of ctx.talks) {
    const item = talk.itemId === null ? undefined : ctx.itemById.get(talk.itemId)
    if (item === undefined) continue
    const known = [...new Set(talk.speakerIds)]
      .flatMap((id) => ctx.speakerById.get(id) ?? [])
      .filter((s) => s.availability !== null)
      .sort((a, b) => compareText(a.id, b.id))
    if (known.length === 0) continue
    const common = intersectAll(known.map((s) => s.availability ?? []))
    if (isWithinAny(item, common)) continue
    // The common availability misses the item exactly when at least one speaker's own availability does.
    const missing = known.filter((s) => !isWithinAny(item, s.availability ?? []))
    const names = missing.map((s) => q(s.name))
    const plural = names.length > 1
    const coveredMs = common.reduce((sum, range) => {
      const part = intersection(range, item)
      return part === null ? sum : sum + (part.end - part.start)
    }, 0)
    clashes.push({
      kind: 'outside_speaker_availability',
      itemIds: [item.id],
      talkIds: [talk.id],
      speakerIds: missing.map((s) => s.id),
      message: {
        nl:
          `De voordracht ${q(talk.title)} staat in ${q(item.title)} (${span(ctx, item)}), maar ${listNl(names)} ` +
          `${plural ? 'zijn' : 'is'} dan niet beschikbaar. Verplaats ${q(item.title)} naar een moment waarop ` +
          `${listNl(names)} ${plural ? 'kunnen' : 'kan'}, of vraag om de beschikbaarheid bij te werken.`,
        en:
          `The talk ${q(talk.title)} is in ${q(item.title)} (${span(ctx, item)}), but ${listEn(names)} ` +
          `${plural ? 'are' : 'is'} not available then. Move ${q(item.title)} to a time when ${listEn(names)} ` +
          `${plural ? 'are' : 'is'} available, or ask for the availability to be updated.`,
      },
      details: {
        itemMinutes: Math.ceil((item.end - item.start) / minuteMs),
        coveredMinutes: Math.floor(coveredMs / minuteMs),
      },
    })
  }
  return clashes
}

function outsideVisitDates(ctx: Context): Clash[] {
  const { startDate, endDate, timeZone } = ctx.visit
  const visit = { start: dayBounds(startDate, timeZone).start, end: dayBounds(endDate, timeZone).end }
  const clashes: Clash[] = []
  const at = (ms: number): { nl: string; en: string } => {
    const zoned = utcToZoned(ms, timeZone)
    return { nl: `${longDateNl(zoned.date)} ${zoned.time}`, en: `${longDateEn(zoned.date)} ${zoned.time}` }
  }
  const oneDay = startDate === endDate
  const visitNl = oneDay
    ? `is op ${longDateNl(startDate)}`
    : `duurt van ${longDateNl(startDate)} tot en met ${longDateNl(endDate)}`
  const visitEn = oneDay
    ? `is on ${longDateEn(startDate)}`
    : `runs from ${longDateEn(startDate)} to ${longDateEn(endDate)} inclusive`
  for (const item of ctx.items) {
    if (contains(visit, item)) continue
    const from = at(item.start)
    const to = at(item.end)
    clashes.push({
      kind: 'outside_visit_dates',
      itemIds: [item.id],
      message: {
        nl:
          `${q(item.title)} loopt van ${from.nl} tot ${to.nl}, maar het bezoek ${visitNl}. ` +
          `Verplaats ${q(item.title)} naar een moment binnen het bezoek of pas de data van het bezoek aan.`,
        en:
          `${q(item.title)} runs from ${from.en} to ${to.en}, but the visit ${visitEn}. ` +
          `Move ${q(item.title)} to a time within the visit or change the dates of the visit.`,
      },
      details: {
        minutesBefore: Math.ceil(Math.max(0, visit.start - item.start) / minuteMs),
        minutesAfter: Math.ceil(Math.max(0, item.end - visit.end) / minuteMs),
      },
    })
  }
  return clashes
}

/** Pairs of items that share an instant, each pair in time order; items must come sorted by start. */
function overlappingPairs(items: readonly ClashItem[]): [ClashItem, ClashItem][] {
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
function sharedAudience(a: ClashItem, b: ClashItem): string[] | null {
  if (a.groupIds.length === 0) return [...b.groupIds]
  if (b.groupIds.length === 0) return [...a.groupIds]
  const shared = a.groupIds.filter((id) => b.groupIds.includes(id))
  return shared.length > 0 ? shared : null
}

/** The sum of the item's group sizes, or null when it is for everyone or a size is unknown. */
function groupSizes(ctx: Context, item: ClashItem): number | null {
  if (item.groupIds.length === 0) return null
  let sum = 0
  for (const id of item.groupIds) {
    const size = ctx.groupById.get(id)?.size
    if (size === undefined || size === null) return null
    sum += size
  }
  return sum
}

function byTime(a: ClashItem, b: ClashItem): number {
  return a.start - b.start || a.end - b.end || compareText(a.id, b.id)
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function compareLists(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareText(a[i]!, b[i]!)
    if (order !== 0) return order
  }
  return a.length - b.length
}

function overlapMinutes(a: Interval, b: Interval): number {
  const common = intersection(a, b)
  return common === null ? 0 : Math.ceil((common.end - common.start) / minuteMs)
}

function venueName(ctx: Context, id: string): string {
  return ctx.venueById.get(id)?.name ?? id
}

function span(ctx: Context, interval: Interval): string {
  return `${ctx.time(interval.start)}–${ctx.time(interval.end)}`
}

function q(text: string): string {
  return `‘${text}’`
}

function listNl(parts: readonly string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} en ${parts[parts.length - 1]}`
}

function listEn(parts: readonly string[]): string {
  return parts.length <= 1
    ? parts.join('')
    : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`
}

function minutesNl(n: number): string {
  return n === 1 ? '1 minuut' : `${n} minuten`
}

function minutesEn(n: number): string {
  return n === 1 ? '1 minute' : `${n} minutes`
}

function peopleNl(n: number): string {
  return n === 1 ? '1 persoon' : `${n} mensen`
}

function peopleEn(n: number): string {
  return n === 1 ? '1 person' : `${n} people`
}

function distanceNl(metres: number): string {
  const rounded = Math.round(metres / 10) * 10
  return rounded < 1000 ? `${rounded} m` : `${(metres / 1000).toFixed(1).replace('.', ',')} km`
}

function distanceEn(metres: number): string {
  const rounded = Math.round(metres / 10) * 10
  return rounded < 1000 ? `${rounded} m` : `${(metres / 1000).toFixed(1)} km`
}

const monthsNl = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
]
const monthsEn = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

// Written out by hand rather than with Intl, so the words do not depend on the ICU version of the runtime.
function longDateNl(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return `${d} ${monthsNl[(m ?? 1) - 1]} ${y}`
}

function longDateEn(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return `${d} ${monthsEn[(m ?? 1) - 1]} ${y}`
}

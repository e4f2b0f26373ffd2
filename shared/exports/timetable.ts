/**
 * The programme laid out the way the frab family of formats (schedule.json v1 and v2, schedule.xml) sees it:
 * days, rooms (our venues) and events, with every time already written in the visit's zone.
 */
import { dayBounds, formatOffset, nextDate, parseLocalDate, utcToZoned } from '../domain/time'
import { MAX_VISIT_DAYS } from '../domain/visits'
import {
  type ExportItem,
  type ExportLang,
  type ExportVenue,
  exportLabels,
  itemGuid,
  itemsInOrder,
  kindLabel,
  positiveIds,
  type ScheduleExport,
  speakerGuid,
  venueGuid,
} from './model'

const minuteMs = 60_000

/** A room of the timetable: a venue, or the room of the items that have none (`venue` null). */
export type TimetableRoom = { name: string; slug: string; guid: string; venue: ExportVenue | null }

/** A local day of the visit, from midnight to midnight, its bounds written with the offset then in force. */
export type TimetableDay = { index: number; date: string; start: string; end: string }

/** A person on an event: a stable number for formats that want one, a GUID, and the public name. */
export type TimetablePerson = { id: number; guid: string; name: string }

/** An item as the frab formats show it. */
export type TimetableEvent = {
  item: ExportItem
  guid: string
  id: number
  slug: string
  room: TimetableRoom
  day: TimetableDay
  /** Start and end as ISO 8601 local date-times with offset, '2026-10-25T02:30:00+01:00'. */
  start: string
  end: string
  /** Local start 'HH:MM' and length 'HH:MM'. */
  startTime: string
  duration: string
  durationMinutes: number
  /** The names of the groups the item is for; empty when it is for everyone. */
  subtitle: string
  track: { name: string; slug: string }
  language: string
  persons: TimetablePerson[]
}

/** The whole timetable of a release. Cancelled items are left out. */
export type Timetable = {
  acronym: string
  title: string
  description: string
  timeZone: string
  url: string
  baseUrl: string
  version: string
  startDate: string
  endDate: string
  days: TimetableDay[]
  rooms: TimetableRoom[]
  tracks: { name: string; slug: string }[]
  /** The largest step, in minutes (1 to 60), that every start and length is a multiple of. */
  timeslotMinutes: number
  events: TimetableEvent[]
}

/** Whole days from one local date to another (both YYYY-MM-DD). */
const daysApart = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000

/** Lays out a released programme as days, rooms and events; cancelled items are left out. */
export function buildTimetable(data: ScheduleExport, lang: ExportLang): Timetable {
  const { visit } = data
  const tz = visit.timeZone
  // Malformed dates fail here, loudly, rather than in the middle of the layout.
  parseLocalDate(visit.startDate)
  parseLocalDate(visit.endDate)
  const acronym = acronymOf(visit.slug)
  const items = itemsInOrder(data.items.filter((item) => !item.cancelled))
  const eventIds = positiveIds(data.items.map((item) => itemKey(visit.id, item.id)))
  const personIds = positiveIds(data.items.flatMap((item) => item.speakers.map((s) => `speaker/${s.id}`)))

  const localStarts = new Map(items.map((item) => [item.id, utcToZoned(item.start, tz)]))
  const dates = [visit.startDate, visit.endDate, ...[...localStarts.values()].map((z) => z.date)].sort()
  const days: TimetableDay[] = []
  const addDay = (date: string) => {
    const bounds = dayBounds(date, tz)
    days.push({
      index: days.length + 1,
      date,
      start: isoLocal(bounds.start, tz),
      end: isoLocal(bounds.end, tz),
    })
  }
  const first = dates[0]!
  const last = dates[dates.length - 1]!
  if (daysApart(first, last) <= MAX_VISIT_DAYS) {
    // Every day of the visit, also a day without items, as the schedule formats expect.
    for (let date = first; date <= last; date = nextDate(date)) addDay(date)
  } else {
    // Dates stored before visits were bounded: only the days that hold something, so the work stays
    // proportional to the items rather than to the calendar.
    const itemDates = [...localStarts.values()].map((z) => z.date).sort()
    // A visit without items keeps its first day.
    for (const date of new Set(itemDates.length > 0 ? itemDates : [first])) addDay(date)
  }

  const rooms = roomsOf(data, items, lang)
  // Looked up by id rather than searched per event, so the layout stays linear in the items.
  const roomOf = new Map(rooms.flatMap((room) => (room.venue ? [[room.venue.id, room] as const] : [])))
  const noRoom = rooms.find((room) => room.venue === null)
  const dayOf = new Map(days.map((day) => [day.date, day]))
  const groupName = new Map(data.groups.map((g) => [g.id, g.name]))
  const tracks = new Map<string, { name: string; slug: string }>()
  const events = items.map((item): TimetableEvent => {
    const local = localStarts.get(item.id)!
    const id = eventIds.get(itemKey(visit.id, item.id))!
    const durationMinutes = Math.max(0, Math.round((item.end - item.start) / minuteMs))
    const track = { name: kindLabel(item.kind, lang), slug: slugOf(item.kind, 'other') }
    if (!tracks.has(track.slug)) tracks.set(track.slug, track)
    return {
      item,
      guid: itemGuid(visit.id, item.id),
      id,
      slug: `${acronym}-${id}-${slugOf(item.title, 'item', 4)}`,
      room: (item.venueId === null ? undefined : roomOf.get(item.venueId)) ?? noRoom!,
      day: dayOf.get(local.date)!,
      start: isoLocal(item.start, tz),
      end: isoLocal(item.end, tz),
      startTime: local.time,
      duration: hoursMinutes(durationMinutes),
      durationMinutes,
      subtitle: item.groupIds.flatMap((gid) => groupName.get(gid) ?? []).join(', '),
      track,
      language: languageOf(item.language, lang),
      persons: item.speakers.map((s) => ({
        id: personIds.get(`speaker/${s.id}`)!,
        guid: speakerGuid(s.id),
        name: s.name,
      })),
    }
  })

  const minutesOfDay = events.map((e) => Number(e.startTime.slice(0, 2)) * 60 + Number(e.startTime.slice(3)))
  const step = [...minutesOfDay, ...events.map((e) => e.durationMinutes)].reduce(gcd, 0)
  return {
    acronym,
    title: visit.title,
    description: visit.description,
    timeZone: tz,
    url: visit.url,
    baseUrl: visit.baseUrl,
    version:
      data.release.name.trim() === ''
        ? String(data.release.number)
        : `${data.release.number} (${data.release.name.trim()})`,
    startDate: days[0]!.date,
    endDate: days[days.length - 1]!.date,
    days,
    rooms,
    tracks: [...tracks.values()],
    timeslotMinutes: step === 0 ? 15 : Math.min(60, step),
    events,
  }
}

/** An instant as an ISO 8601 local date-time with the zone's offset, '2026-10-25T02:30:00+01:00'. */
export function isoLocal(ms: number, timeZone: string): string {
  const z = utcToZoned(ms, timeZone)
  const seconds = Math.floor((((ms % minuteMs) + minuteMs) % minuteMs) / 1000)
  return `${z.date}T${z.time}:${String(seconds).padStart(2, '0')}${formatOffset(z.offsetMinutes)}`
}

/** A length in minutes as 'HH:MM' ('01:30'; '26:00' for more than a day). */
export function hoursMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

/**
 * The conference acronym of a visit: its slug with only lower-case letters, digits and underscores, at least
 * four characters long, as the c3voc schemas require ('vreewijk-2017' becomes 'vreewijk_2017').
 */
export function acronymOf(slug: string): string {
  const base = slugOf(slug, '', 0).replace(/-/g, '_')
  return base.length >= 4 ? base : `rondgang${base === '' ? '' : `_${base}`}`
}

/**
 * Lower-case ASCII letters, digits and single hyphens, with accents dropped and at most 60 characters,
 * never ending in a hyphen; padded with the fallback when shorter than `minLength`.
 */
export function slugOf(text: string, fallback: string, minLength = 2): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '')
  if (slug.length >= minLength) return slug
  return slug === '' ? fallback : `${slug}-${fallback}`
}

function roomsOf(data: ScheduleExport, items: ExportItem[], lang: ExportLang): TimetableRoom[] {
  const used = new Set(items.map((item) => item.venueId))
  const venues: (ExportVenue | null)[] = data.venues.filter((venue) => used.has(venue.id))
  // Items whose venue is unknown (none, or not in the list) are shown together, as on the way.
  const known = new Set(data.venues.map((v) => v.id))
  if (items.some((item) => item.venueId === null || !known.has(item.venueId))) {
    venues.push(null)
  }
  const names = new Set<string>()
  const slugs = new Set<string>()
  return venues.map((venue) => {
    const base = venue?.name.trim() || exportLabels[lang].onTheWay
    let name = base
    for (let n = 2; names.has(name); n++) name = `${base} (${n})`
    names.add(name)
    let slug = slugOf(name, 'room')
    for (let n = 2; slugs.has(slug); n++) slug = `${slugOf(name, 'room')}-${n}`
    slugs.add(slug)
    return { name, slug, guid: venueGuid(data.visit.id, venue?.id ?? null), venue }
  })
}

function itemKey(visitId: string, itemId: string): string {
  return `visit/${visitId}/item/${itemId}`
}

/** An ISO 639-1 code from a tag such as 'nl' or 'en-GB'; the export's language when there is none. */
function languageOf(tag: string | undefined, fallback: ExportLang): string {
  const match = /^([a-z]{2})(?:[-_][a-z0-9-]+)?$/i.exec(tag ?? '')
  return match === null ? fallback : match[1]!.toLowerCase()
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b)
}

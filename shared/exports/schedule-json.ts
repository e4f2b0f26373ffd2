/**
 * The programme as c3voc schedule.json, read by conference apps (Giggity, EventFahrplan, ConfClerk and the
 * c3voc tools): version 1 (frab-style days → rooms → events) and version 2 (a flat list of events).
 * Cancelled items are left out; the output depends only on the release, so equal releases give equal bytes.
 */
import type { ExportOptions, ScheduleExport } from './model'
import { buildTimetable, hoursMinutes, type Timetable, type TimetableEvent } from './timetable'

/** An event of schedule.json version 1. */
export type ScheduleJsonV1Event = {
  id: number
  guid: string
  date: string
  start: string
  end: string
  duration: string
  room: string
  slug: string
  url: string
  title: string
  subtitle: string
  track: string
  type: string
  language: string
  abstract: string
  description: string | null
  persons: { id: number; guid: string; public_name: string }[]
  links: { url: string; title?: string }[]
  attachments: { url: string; title?: string }[]
}

/** The document of schedule.json version 1 (https://c3voc.de/schedule/schema.json). */
export type ScheduleJsonV1 = {
  $schema: string
  generator: { name: string }
  schedule: {
    version: string
    base_url: string
    conference: {
      acronym: string
      title: string
      description?: string
      start: string
      end: string
      daysCount: number
      timeslot_duration: string
      time_zone_name?: string
      url: string
      tracks: { name: string; slug: string }[]
      rooms: { name: string; slug: string; guid: string; description: string | null }[]
      days: {
        index: number
        date: string
        day_start: string
        day_end: string
        rooms: Record<string, ScheduleJsonV1Event[]>
      }[]
    }
  }
}

/** An event of schedule.json version 2. */
export type ScheduleJsonV2Event = {
  guid: string
  start: string
  end: string
  room: { name: string; slug: string; guid: string }
  slug: string
  url: string
  title: string
  subtitle: string
  track: { slug: string }
  type: 'TALK' | 'DISCUSSION' | 'OTHER'
  language: string
  abstract: string
  description: string | null
  participants: { guid: string; name: string; role: 'SPEAKER' }[]
  links: { url: string; title?: string }[]
  attachments: { url: string; title?: string }[]
  state: 'CONFIRMED'
}

/** The document of schedule.json version 2 (https://c3voc.de/schema/schedule2). */
export type ScheduleJsonV2 = {
  $schema: string
  generator: { name: string }
  schedule: {
    version: string
    base_url: string
    conference: {
      acronym: string
      title: string
      description?: string
      start: string
      end: string
      timeslot_duration: string
      time_zone_name?: string
      url: string
      tracks: { name: string; slug: string }[]
      rooms: { name: string; slug: string; guid: string; description: string | null }[]
      days: { index: number; date: string; start: string; end: string }[]
    }
    events: ScheduleJsonV2Event[]
  }
}

/** How schedule.json is written: compact (a quarter smaller, and faster), or indented when a person asks. */
type JsonTextOptions = Pick<ExportOptions, 'lang'> & { pretty?: boolean }

const jsonText = (value: unknown, pretty: boolean | undefined) =>
  `${pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value)}\n`

/** The released programme as schedule.json version 1 text. */
export function toScheduleJsonV1(data: ScheduleExport, opts: JsonTextOptions): string {
  return jsonText(scheduleJsonV1(buildTimetable(data, opts.lang)), opts.pretty)
}

/** The released programme as schedule.json version 2 text. */
export function toScheduleJsonV2(data: ScheduleExport, opts: JsonTextOptions): string {
  return jsonText(scheduleJsonV2(buildTimetable(data, opts.lang)), opts.pretty)
}

/** The schedule.json version 1 document of a timetable. */
export function scheduleJsonV1(t: Timetable): ScheduleJsonV1 {
  return {
    $schema: 'https://c3voc.de/schedule/schema.json',
    generator: { name: 'Rondgang' },
    schedule: {
      version: t.version,
      base_url: t.baseUrl,
      conference: {
        acronym: t.acronym,
        title: t.title,
        ...(t.description.trim() === '' ? {} : { description: t.description }),
        start: t.startDate,
        end: t.endDate,
        daysCount: t.days.length,
        timeslot_duration: hoursMinutes(t.timeslotMinutes),
        ...zoneName(t.timeZone),
        url: t.url,
        tracks: t.tracks,
        rooms: roomsOf(t),
        days: t.days.map((day) => ({
          index: day.index,
          date: day.date,
          day_start: day.start,
          day_end: day.end,
          rooms: Object.fromEntries(
            t.rooms.map((room) => [
              room.name,
              t.events.filter((e) => e.day === day && e.room === room).map(eventV1),
            ]),
          ),
        })),
      },
    },
  }
}

/** The schedule.json version 2 document of a timetable. */
export function scheduleJsonV2(t: Timetable): ScheduleJsonV2 {
  return {
    $schema: 'https://c3voc.de/schema/schedule2',
    generator: { name: 'Rondgang' },
    schedule: {
      version: t.version,
      base_url: t.baseUrl,
      conference: {
        acronym: t.acronym,
        title: t.title,
        ...(t.description.trim() === '' ? {} : { description: t.description }),
        start: t.days[0]!.start,
        end: t.days[t.days.length - 1]!.end,
        timeslot_duration: `PT${t.timeslotMinutes}M`,
        ...zoneName(t.timeZone),
        url: t.url,
        tracks: t.tracks,
        rooms: roomsOf(t),
        days: t.days.map((day) => ({ index: day.index, date: day.date, start: day.start, end: day.end })),
      },
      events: t.events.map(eventV2),
    },
  }
}

function eventV1(e: TimetableEvent): ScheduleJsonV1Event {
  return {
    id: e.id,
    guid: e.guid,
    date: e.start,
    start: e.startTime,
    end: e.end,
    duration: e.duration,
    room: e.room.name,
    slug: e.slug,
    url: e.item.url,
    title: e.item.title,
    subtitle: e.subtitle,
    track: e.track.name,
    type: e.item.kind,
    language: e.language,
    abstract: e.item.description,
    description: null,
    persons: e.persons.map((p) => ({ id: p.id, guid: p.guid, public_name: p.name })),
    links: [],
    attachments: [],
  }
}

function eventV2(e: TimetableEvent): ScheduleJsonV2Event {
  return {
    guid: e.guid,
    start: e.start,
    end: e.end,
    room: { name: e.room.name, slug: e.room.slug, guid: e.room.guid },
    slug: e.slug,
    url: e.item.url,
    title: e.item.title,
    subtitle: e.subtitle,
    track: { slug: e.track.slug },
    type: e.item.kind === 'talk' ? 'TALK' : e.item.kind === 'discussion' ? 'DISCUSSION' : 'OTHER',
    language: e.language,
    abstract: e.item.description,
    description: null,
    participants: e.persons.map((p) => ({ guid: p.guid, name: p.name, role: 'SPEAKER' })),
    links: [],
    attachments: [],
    state: 'CONFIRMED',
  }
}

function roomsOf(t: Timetable): ScheduleJsonV1['schedule']['conference']['rooms'] {
  return t.rooms.map((room) => ({
    name: room.name,
    slug: room.slug,
    guid: room.guid,
    description: room.venue === null || room.venue.address.trim() === '' ? null : room.venue.address,
  }))
}

/** The zone name, left out when it does not fit the schemas' pattern (such as 'Etc/GMT-1'). */
function zoneName(timeZone: string): { time_zone_name?: string } {
  return /^([A-Z][a-z]+\/[A-Z][a-z]+)|UTC$/.test(timeZone) ? { time_zone_name: timeZone } : {}
}

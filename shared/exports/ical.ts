/**
 * The programme as iCalendar (RFC 5545): a feed to subscribe to, and single items to add to a calendar.
 * Times are written in the visit's zone with a full VTIMEZONE, so calendars show them as the programme does.
 */
import { utcToZoned } from '../domain/time'
import {
  type ExportItem,
  type ExportOptions,
  exportLabels,
  itemGuid,
  itemsInOrder,
  kindLabel,
  type ScheduleExport,
} from './model'
import { vtimezoneLines, zoneTransitions } from './vtimezone'

const minuteMs = 60_000
const maxLineOctets = 75

/** The whole released programme as one calendar, cancelled items included with STATUS:CANCELLED. */
export function toICalendar(data: ScheduleExport, opts: ExportOptions): string {
  return calendar(data, itemsInOrder(data.items), opts)
}

/** A calendar with just one item of the programme, for an 'add to my calendar' link; throws if it is unknown. */
export function itemToICalendar(data: ScheduleExport, itemId: string, opts: ExportOptions): string {
  const item = data.items.find((candidate) => candidate.id === itemId)
  if (item === undefined) throw new RangeError(`No item ${itemId} in this programme`)
  return calendar(data, [item], opts)
}

/** Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks; drops control codes. */
export function escapeText(value: string): string {
  // One pass: line breaks (any style) become \n, backslash, semicolon and comma get a backslash, and the
  // control characters TEXT may not hold (all but tab and the line breaks) are dropped.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point here
  return value.replace(/\r\n?|[\n\\;,]|[\u0000-\u0008\u000b-\u001f\u007f]/g, (match) =>
    match === '\\' || match === ';' || match === ','
      ? `\\${match}`
      : match[0] === '\r' || match === '\n'
        ? '\\n'
        : '',
  )
}

/**
 * Folds one content line (RFC 5545 3.1) into physical lines of at most 75 octets of UTF-8, each after the
 * first starting with a space; a character is never split between lines.
 */
export function foldLine(line: string): string {
  // Most lines are short: at most 75 UTF-16 units are at most 75 octets only if all are ASCII, so check.
  if (line.length <= maxLineOctets / 3 || (line.length <= maxLineOctets && isAscii(line))) return line
  const parts: string[] = []
  let start = 0
  let octets = 0
  let i = 0
  while (i < line.length) {
    const code = line.codePointAt(i) ?? 0
    const units = code > 0xffff ? 2 : 1
    const size = utf8Octets(code)
    // Continuation lines begin with a space, which counts towards their 75 octets.
    if (octets + size > maxLineOctets) {
      parts.push(line.slice(start, i))
      start = i
      octets = 1
    }
    octets += size
    i += units
  }
  parts.push(line.slice(start))
  return parts.join('\r\n ')
}

/** Octets of one code point in UTF-8. */
function utf8Octets(code: number): number {
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false
  return true
}

function calendar(data: ScheduleExport, items: ExportItem[], opts: ExportOptions): string {
  const { visit } = data
  const years = yearsCovered(data, items)
  // Local times in the hour that repeats when clocks go back are ambiguous, so they are written in UTC.
  const transitions = zoneTransitions(
    visit.timeZone,
    Date.UTC(years.from, 0, 1),
    Date.UTC(years.to + 1, 0, 1),
  )
  const repeated = transitions
    .filter((t) => t.offsetAfter < t.offsetBefore)
    .map((t) => ({
      from: t.at - (t.offsetBefore - t.offsetAfter) * minuteMs,
      to: t.at + (t.offsetBefore - t.offsetAfter) * minuteMs,
    }))
  const dateTime = (name: string, ms: number): string => {
    if (ms % minuteMs !== 0 || repeated.some((r) => ms >= r.from && ms < r.to)) {
      return `${name}:${icalUtc(ms)}`
    }
    const local = utcToZoned(ms, visit.timeZone)
    return `${name};TZID=${paramValue(visit.timeZone)}:${local.date.replace(/-/g, '')}T${local.time.replace(':', '')}00`
  }
  // What every event needs, worked out once per calendar rather than once per event.
  const shared: EventContext = {
    dateTime,
    stamp: icalUtc(opts.generatedAt),
    lastModified: icalUtc(data.release.publishedAt),
    venueById: new Map(data.venues.map((v) => [v.id, v])),
    groupName: new Map(data.groups.map((g) => [g.id, g.name])),
  }
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Rondgang//Programma//${opts.lang.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(visit.title)}`,
    ...(visit.description.trim() === '' ? [] : [`X-WR-CALDESC:${escapeText(visit.description)}`]),
    `X-WR-TIMEZONE:${visit.timeZone}`,
    ...vtimezoneLines(visit.timeZone, years.from, years.to, transitions),
    ...items.flatMap((item) => eventLines(data, item, opts, shared)),
    'END:VCALENDAR',
  ]
  return `${lines.map(foldLine).join('\r\n')}\r\n`
}

type EventContext = {
  dateTime: (name: string, ms: number) => string
  stamp: string
  lastModified: string
  venueById: Map<string, ScheduleExport['venues'][number]>
  groupName: Map<string, string>
}

function eventLines(
  data: ScheduleExport,
  item: ExportItem,
  opts: ExportOptions,
  ctx: EventContext,
): string[] {
  const { dateTime } = ctx
  const venue = item.venueId === null ? undefined : ctx.venueById.get(item.venueId)
  const labels = exportLabels[opts.lang]
  const groups = item.groupIds.flatMap((id) => ctx.groupName.get(id) ?? [])
  const description = [
    item.description.trim(),
    item.speakers.length > 0 ? `${labels.speakers}: ${item.speakers.map((s) => s.name).join(', ')}` : '',
    groups.length > 0 ? `${labels.groups}: ${groups.join(', ')}` : '',
    // Many calendar apps do not show the URL property, so the link is repeated in the text.
    item.url,
  ]
    .filter((part) => part !== '')
    .join('\n\n')
  const location =
    venue === undefined ? '' : [venue.name, venue.address].filter((p) => p.trim() !== '').join(', ')
  return [
    'BEGIN:VEVENT',
    `UID:${itemGuid(data.visit.id, item.id)}@rondgang`,
    `DTSTAMP:${ctx.stamp}`,
    dateTime('DTSTART', item.start),
    dateTime('DTEND', item.end),
    `SUMMARY:${escapeText(item.title)}`,
    `DESCRIPTION:${escapeText(description)}`,
    ...(location === '' ? [] : [`LOCATION:${escapeText(location)}`]),
    ...(venue?.lat == null || venue.lng == null
      ? []
      : [`GEO:${coordinate(venue.lat)};${coordinate(venue.lng)}`]),
    ...(item.url === '' ? [] : [`URL:${item.url}`]),
    `SEQUENCE:${Math.max(0, Math.trunc(item.sequence))}`,
    `STATUS:${item.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    `CATEGORIES:${escapeText(kindLabel(item.kind, opts.lang))}`,
    `LAST-MODIFIED:${ctx.lastModified}`,
    'END:VEVENT',
  ]
}

/** The calendar years the VTIMEZONE must cover: the visit and its items, with a year's margin either side. */
function yearsCovered(data: ScheduleExport, items: ExportItem[]): { from: number; to: number } {
  const years = [
    Number(data.visit.startDate.slice(0, 4)),
    Number(data.visit.endDate.slice(0, 4)),
    ...items.flatMap((item) => [new Date(item.start).getUTCFullYear(), new Date(item.end).getUTCFullYear()]),
  ].filter((year) => Number.isFinite(year))
  const from = Math.min(...years) - 1
  // Dates stored before visits were bounded can span millennia; the zone's rules are written for a few years
  // from the first (a calendar goes on with the last rule), so the work stays proportional to the events.
  return { from, to: Math.min(Math.max(...years) + 1, from + MAX_ZONE_YEARS) }
}

/** The most years a calendar's VTIMEZONE spells out. */
const MAX_ZONE_YEARS = 6

/** An instant as iCalendar UTC DATE-TIME, '20261025T013000Z'. */
function icalUtc(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`
}

/** A parameter value, quoted when it holds a character that would end it (RFC 5545 3.2). */
function paramValue(value: string): string {
  return /[:;,]/.test(value) ? `"${value.replace(/"/g, '')}"` : value
}

/** A coordinate with at most six decimals (about 10 cm), never in exponent notation. */
function coordinate(degrees: number): string {
  return String(Number(degrees.toFixed(6)))
}

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
  return (
    value
      .replace(/\r\n?/g, '\n')
      .split('')
      // TEXT may hold no control characters but the line breaks escaped below, and tab.
      .filter((c) => (c >= ' ' ? c !== '\u007f' : c === '\n' || c === '\t'))
      .join('')
      .replace(/[\\;,]/g, (c) => `\\${c}`)
      .replace(/\n/g, '\\n')
  )
}

/**
 * Folds one content line (RFC 5545 3.1) into physical lines of at most 75 octets of UTF-8, each after the
 * first starting with a space; a character is never split between lines.
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder()
  const parts: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = encoder.encode(char).length
    // Continuation lines begin with a space, which counts towards their 75 octets.
    if (octets + size > maxLineOctets) {
      parts.push(current)
      current = ' '
      octets = 1
    }
    current += char
    octets += size
  }
  parts.push(current)
  return parts.join('\r\n')
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
    ...items.flatMap((item) => eventLines(data, item, opts, dateTime)),
    'END:VCALENDAR',
  ]
  return `${lines.map(foldLine).join('\r\n')}\r\n`
}

function eventLines(
  data: ScheduleExport,
  item: ExportItem,
  opts: ExportOptions,
  dateTime: (name: string, ms: number) => string,
): string[] {
  const venue = data.venues.find((v) => v.id === item.venueId)
  const labels = exportLabels[opts.lang]
  const groups = item.groupIds.flatMap((id) => data.groups.find((g) => g.id === id)?.name ?? [])
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
    `DTSTAMP:${icalUtc(opts.generatedAt)}`,
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
    `LAST-MODIFIED:${icalUtc(data.release.publishedAt)}`,
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
  return { from: Math.min(...years) - 1, to: Math.max(...years) + 1 }
}

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

/**
 * The programme as frab schedule XML (application/vnd.c3voc.schedule+xml), the oldest of the conference
 * schedule formats and the one most apps read. Cancelled items are left out.
 */
import type { ExportOptions, ScheduleExport } from './model'
import {
  buildTimetable,
  hoursMinutes,
  type Timetable,
  type TimetableDay,
  type TimetableEvent,
  type TimetableRoom,
} from './timetable'

/** The released programme as frab schedule XML text. */
export function toFrabXml(data: ScheduleExport, opts: Pick<ExportOptions, 'lang'>): string {
  return frabXml(buildTimetable(data, opts.lang))
}

/** Escapes text for XML content and attribute values, dropping characters XML 1.0 does not allow. */
export function escapeXml(value: string): string {
  return value
    .split('')
    .filter((c) => (c >= ' ' ? c !== '\ufffe' && c !== '\uffff' : c === '\t' || c === '\n' || c === '\r'))
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/** The frab schedule XML of a timetable. */
export function frabXml(t: Timetable): string {
  // The events grouped once by day and room (in their order), not filtered per day and room: linear.
  const byDayAndRoom = new Map<TimetableDay, Map<TimetableRoom, TimetableEvent[]>>()
  for (const e of t.events) {
    let rooms = byDayAndRoom.get(e.day)
    if (!rooms) {
      rooms = new Map()
      byDayAndRoom.set(e.day, rooms)
    }
    const list = rooms.get(e.room)
    if (list) list.push(e)
    else rooms.set(e.room, [e])
  }
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<schedule>',
    '  <generator name="Rondgang"/>',
    `  ${element('version', t.version)}`,
    '  <conference>',
    `    ${element('acronym', t.acronym)}`,
    `    ${element('title', t.title)}`,
    `    ${element('start', t.startDate)}`,
    `    ${element('end', t.endDate)}`,
    `    ${element('days', String(t.days.length))}`,
    `    ${element('timeslot_duration', hoursMinutes(t.timeslotMinutes))}`,
    ...(isHttpUrl(t.baseUrl) ? [`    ${element('base_url', t.baseUrl)}`] : []),
    ...(isHttpUrl(t.url) ? [`    ${element('url', t.url)}`] : []),
    `    ${element('time_zone_name', t.timeZone)}`,
    ...t.tracks.map((track) => {
      // The XSD wants a track slug to start with a letter.
      const slug = /^[a-z][a-z0-9-]+$/.test(track.slug) ? ` slug="${escapeXml(track.slug)}"` : ''
      return `    <track name="${escapeXml(track.name)}"${slug}>${escapeXml(track.name)}</track>`
    }),
    '  </conference>',
    ...t.days.flatMap((day) => [
      `  <day index="${day.index}" date="${day.date}" start="${day.start}" end="${day.end}">`,
      ...t.rooms.flatMap((room) => {
        const events = byDayAndRoom.get(day)?.get(room) ?? []
        const open = `    <room name="${escapeXml(room.name)}" guid="${room.guid}"`
        return events.length === 0
          ? [`${open}/>`]
          : [`${open}>`, ...events.flatMap(eventLines), '    </room>']
      }),
      '  </day>',
    ]),
    '</schedule>',
  ]
  return `${lines.join('\n')}\n`
}

function eventLines(e: TimetableEvent): string[] {
  const indent = '        '
  return [
    `      <event guid="${e.guid}" id="${e.id}">`,
    ...[
      element('date', e.start),
      element('start', e.startTime),
      element('duration', e.duration),
      element('room', e.room.name),
      element('slug', e.slug),
      ...(isHttpUrl(e.item.url) ? [element('url', e.item.url)] : []),
      element('title', e.item.title),
      element('subtitle', e.subtitle),
      element('track', e.track.name),
      element('type', e.item.kind),
      element('language', e.language),
      element('abstract', e.item.description),
      element('description', ''),
      ...(e.persons.length === 0
        ? ['<persons/>']
        : [
            '<persons>',
            ...e.persons.map((p) => `  <person id="${p.id}" guid="${p.guid}">${escapeXml(p.name)}</person>`),
            '</persons>',
          ]),
      '<links/>',
      '<attachments/>',
    ].map((line) => `${indent}${line}`),
    '      </event>',
  ]
}

function element(name: string, text: string): string {
  return text === '' ? `<${name}/>` : `<${name}>${escapeXml(text)}</${name}>`
}

/** The XSD types every URL element as http(s); anything else is left out rather than made invalid. */
function isHttpUrl(url: string): boolean {
  return /^https?:\/\//.test(url)
}

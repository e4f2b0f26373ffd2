import fc from 'fast-check'
import ICAL from 'ical.js'
import { afterEach, describe, expect, it } from 'vitest'
import { formatOffset, utcToZoned } from '../domain/time'
import { escapeText, foldLine, itemToICalendar, toICalendar } from './ical'
import { itemGuid, type ScheduleExport } from './model'
import { at, generatedAt, items, programme } from './test-fixture'

const ams = 'Europe/Amsterdam'
const nl = { generatedAt, lang: 'nl' } as const

/** Parses a calendar with ical.js, registering its VTIMEZONE first, and gives its events by UID. */
function parse(text: string): { calendar: ICAL.Component; events: Map<string, ICAL.Event> } {
  const calendar = new ICAL.Component(ICAL.parse(text))
  // Values are read lazily, so the zone must be known before the first DTSTART is looked at.
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone)
  const events = new Map(
    calendar.getAllSubcomponents('vevent').map((vevent) => {
      const event = new ICAL.Event(vevent)
      return [event.uid, event] as const
    }),
  )
  return { calendar, events }
}

/**
 * The local reading of an ical.js time as '2026-10-25 02:30 +01:00'. A TZID time is read as ical.js holds it
 * (its fields and the offset its VTIMEZONE gives); a UTC time is read with shared/domain/time, because
 * ical.js converts to a zone through local time and so cannot land in the first of two repeated hours.
 */
function wallClock(time: ICAL.Time, tzid: string): string {
  if (time.zone?.tzid === 'UTC') {
    const z = utcToZoned(time.toUnixTime() * 1000, tzid)
    return `${z.date} ${z.time} ${formatOffset(z.offsetMinutes)}`
  }
  expect(time.zone?.tzid).toBe(tzid)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${time.year}-${pad(time.month)}-${pad(time.day)} ${pad(time.hour)}:${pad(time.minute)} ${formatOffset(time.utcOffset() / 60)}`
}

/** A calendar with its folded lines joined again. */
const unfold = (text: string) => text.replace(/\r\n /g, '')

const uid = (itemId: string) => `${itemGuid('visit-vreewijk', itemId)}@rondgang`

afterEach(() => {
  ICAL.TimezoneService.reset()
})

describe('toICalendar: times on both sides of the end of summer time', () => {
  const text = toICalendar(programme(), nl)

  it('gives ical.js the local time and the UTC instant the programme has, for every item', () => {
    const { events } = parse(text)
    const expected: [keyof typeof items, string, string][] = [
      ['summerDay', '2026-10-23 14:00 +02:00', '2026-10-23 15:30 +02:00'],
      ['nightBefore', '2026-10-24 01:30 +02:00', '2026-10-24 02:30 +02:00'],
      ['beforeChange', '2026-10-25 01:30 +02:00', '2026-10-25 02:30 +02:00'],
      ['afterChange', '2026-10-25 02:30 +01:00', '2026-10-25 03:30 +01:00'],
      ['winterMorning', '2026-10-25 10:00 +01:00', '2026-10-25 11:00 +01:00'],
      ['cancelled', '2026-10-25 12:00 +01:00', '2026-10-25 12:30 +01:00'],
    ]
    expect(events.size).toBe(expected.length)
    for (const [key, start, end] of expected) {
      const event = events.get(uid(items[key].id))!
      expect(event, key).toBeDefined()
      expect(wallClock(event.startDate, ams), key).toBe(start)
      expect(wallClock(event.endDate, ams), key).toBe(end)
      expect(event.startDate.toUnixTime() * 1000, key).toBe(items[key].start)
      expect(event.endDate.toUnixTime() * 1000, key).toBe(items[key].end)
    }
  })

  it('writes unambiguous local times with TZID and the twice-occurring hour in UTC', () => {
    expect(text).toContain('\r\nDTSTART;TZID=Europe/Amsterdam:20261023T140000\r\n')
    expect(text).toContain('\r\nDTEND;TZID=Europe/Amsterdam:20261023T153000\r\n')
    expect(text).toContain('\r\nDTSTART;TZID=Europe/Amsterdam:20261025T013000\r\n')
    // 02:30 happens twice that night; both are written as the instant they are.
    expect(text).toContain('\r\nDTEND:20261025T003000Z\r\n')
    expect(text).toContain('\r\nDTSTART:20261025T013000Z\r\n')
    expect(text).toContain('\r\nDTEND;TZID=Europe/Amsterdam:20261025T033000\r\n')
    expect(text).toContain('\r\nDTSTART;TZID=Europe/Amsterdam:20261025T100000\r\n')
  })

  it('describes Amsterdam with the EU rule: last Sunday of March and of October', () => {
    const vtimezone = text.slice(text.indexOf('BEGIN:VTIMEZONE'), text.indexOf('END:VTIMEZONE'))
    expect(vtimezone.split('\r\n')).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Amsterdam',
      'BEGIN:DAYLIGHT',
      'DTSTART:20250330T020000',
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'TZNAME:CEST',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'DTSTART:20251026T030000',
      'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'TZNAME:CET',
      'END:STANDARD',
      '',
    ])
    parse(text)
    const zone = ICAL.TimezoneService.get(ams)!
    const offsetAt = (iso: string) => zone.utcOffset(ICAL.Time.fromDateTimeString(iso))
    expect(offsetAt('2026-10-25T01:59:00')).toBe(7200)
    expect(offsetAt('2026-10-25T03:00:00')).toBe(3600)
    expect(offsetAt('2026-03-29T01:59:00')).toBe(3600)
    expect(offsetAt('2026-03-29T03:00:00')).toBe(7200)
    expect(offsetAt('2027-07-01T12:00:00')).toBe(7200)
  })
})

describe('toICalendar: the calendar and its events', () => {
  const text = toICalendar(programme(), nl)

  it('opens with the calendar properties a subscription needs', () => {
    expect(text.split('\r\n').slice(0, 9)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Rondgang//Programma//NL',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:Bezoek aan Vreewijk\\, Leiden',
      'X-WR-CALDESC:Het college bezoekt de wijk\\; bewoners laten zien wat er speel',
      ' t.',
      'X-WR-TIMEZONE:Europe/Amsterdam',
    ])
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
  })

  it('uses CRLF only and keeps every physical line within 75 octets, never splitting a character', () => {
    expect(text).not.toMatch(/[^\r]\n/)
    expect(text).not.toMatch(/\r[^\n]/)
    const lines = text.split('\r\n')
    expect(lines.some((line) => Buffer.byteLength(line) === 75)).toBe(true)
    for (const line of lines) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
      expect(line).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/)
    }
  })

  it('escapes semicolons, commas, backslashes and line breaks, and ical.js reads them back', () => {
    expect(text).toContain('\r\nSUMMARY:Gesprek\\; buren\\, gemeente\\nen wethouder\r\n')
    const { events } = parse(text)
    const event = events.get(uid(items.beforeChange.id))!
    expect(event.summary).toBe('Gesprek; buren, gemeente\nen wethouder')
    expect(event.description).toBe(
      'Over de brug\\het plein; en verder, "samen" <nu> & later\n\n' +
        'Groepen: Wethouders, Raadsleden\n\nhttps://rondgang.example/v/vreewijk-2026#item-before-change',
    )
    const long = events.get(uid(items.afterChange.id))!
    expect(long.description.startsWith(items.afterChange.description)).toBe(true)
    expect(long.description).toContain('Sprekers: Marja de Vries, Ahmed El Amrani')
  })

  it('gives each item its status, sequence, place, link and kind', () => {
    const { events } = parse(text)
    const prop = (itemId: string, name: string) =>
      events.get(uid(itemId))!.component.getFirstPropertyValue(name)
    expect(prop(items.cancelled.id, 'status')).toBe('CANCELLED')
    expect(prop(items.summerDay.id, 'status')).toBe('CONFIRMED')
    expect(events.get(uid(items.cancelled.id))!.sequence).toBe(3)
    expect(events.get(uid(items.beforeChange.id))!.sequence).toBe(2)
    expect(events.get(uid(items.summerDay.id))!.sequence).toBe(0)
    expect(events.get(uid(items.summerDay.id))!.location).toBe(
      'Tuin van Marja, Vreewijkstraat 12, 2315 Leiden',
    )
    expect(text).toContain('\r\nGEO:52.150123;4.502346\r\n')
    expect(events.get(uid(items.beforeChange.id))!.location).toBe('Buurthuis De Kiem & Co')
    expect(events.get(uid(items.beforeChange.id))!.component.hasProperty('geo')).toBe(false)
    expect(events.get(uid(items.nightBefore.id))!.component.hasProperty('location')).toBe(false)
    expect(prop(items.summerDay.id, 'url')).toBe('https://rondgang.example/v/vreewijk-2026#item-summer')
    expect(prop(items.summerDay.id, 'categories')).toBe('Voordracht')
    expect(prop(items.summerDay.id, 'dtstamp')?.toString()).toBe('2026-10-20T09:15:00Z')
    expect(prop(items.summerDay.id, 'last-modified')?.toString()).toBe('2026-10-01T08:00:00Z')
  })

  it('lists events in time order', () => {
    const uids = [...text.matchAll(/\r\nUID:([^\r]+)/g)].map((m) => m[1])
    expect(uids).toEqual(
      [
        items.summerDay,
        items.nightBefore,
        items.beforeChange,
        items.afterChange,
        items.winterMorning,
        items.cancelled,
      ].map((item) => uid(item.id)),
    )
  })

  it('keeps UIDs across generations and only moves DTSTAMP', () => {
    const later = toICalendar(programme(), { generatedAt: at('2026-10-22T18:00:00Z'), lang: 'nl' })
    const uidsOf = (t: string) => [...t.matchAll(/\r\nUID:([^\r]+)/g)].map((m) => m[1])
    expect(uidsOf(later)).toEqual(uidsOf(text))
    expect(later.replaceAll('DTSTAMP:20261022T180000Z', 'DTSTAMP:20261020T091500Z')).toBe(text)
  })

  it('writes its own labels in English when asked', () => {
    const en = toICalendar(programme(), { generatedAt, lang: 'en' })
    expect(en).toContain('PRODID:-//Rondgang//Programma//EN')
    expect(en).toContain('\r\nCATEGORIES:Talk\r\n')
    expect(unfold(en)).toContain('\\n\\nGroups: Wethouders\\, Raadsleden\\n\\n')
  })
})

describe('itemToICalendar', () => {
  it('holds one event with the same UID as in the full calendar, and the zone it needs', () => {
    const text = itemToICalendar(programme(), items.afterChange.id, nl)
    const { events, calendar } = parse(text)
    expect([...events.keys()]).toEqual([uid(items.afterChange.id)])
    expect(calendar.getAllSubcomponents('vtimezone')).toHaveLength(1)
    expect(wallClock(events.get(uid(items.afterChange.id))!.startDate, ams)).toBe('2026-10-25 02:30 +01:00')
  })

  it('refuses an item that is not in the programme', () => {
    expect(() => itemToICalendar(programme(), 'item-nope', nl)).toThrow(RangeError)
  })
})

describe('escapeText and foldLine', () => {
  it('escapes in the order that keeps backslashes unambiguous', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf\rg\u0007')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng')
  })

  it('escapes any text as the plain step-by-step rules say', () => {
    // The rules one by one, slow but plain: the reference for the one-pass escapeText.
    const reference = (value: string) =>
      [...value.replace(/\r\n?/g, '\n')]
        .filter((c) => (c >= ' ' ? c !== '\u007f' : c === '\n' || c === '\t'))
        .join('')
        .replace(/[\\;,]/g, (c) => `\\${c}`)
        .replace(/\n/g, '\\n')
    const texty = fc.string({
      unit: fc.constantFrom(
        'a',
        'é',
        ' ',
        '\\',
        ';',
        ',',
        '\r',
        '\n',
        '\t',
        '\u0000',
        '\u000b',
        '\u001f',
        '\u007f',
        '🚲',
      ),
      maxLength: 40,
    })
    fc.assert(
      fc.property(texty, (text) => {
        expect(escapeText(text)).toBe(reference(text))
      }),
    )
  })

  it('folds at 75 octets of UTF-8, counting the leading space of continuation lines', () => {
    const line = `DESCRIPTION:${'é'.repeat(100)}`
    const folded = foldLine(line).split('\r\n')
    // 12 + 31 × 2, then 1 + 37 × 2, then 1 + 32 × 2: one more é would make 76.
    expect(folded.map((l) => Buffer.byteLength(l))).toEqual([74, 75, 65])
    expect(folded.slice(1).every((l) => l.startsWith(' ') && !l.startsWith('  '))).toBe(true)
    expect(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(line)
    const emoji = foldLine(`X:${'🚲'.repeat(40)}`).split('\r\n')
    expect(emoji.map((l) => Buffer.byteLength(l))).toEqual([74, 73, 17])
    expect(foldLine('SHORT:yes')).toBe('SHORT:yes')
  })

  it('keeps every physical line within 75 octets and unfolds to the same line, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ maxLength: 90 }), (a, b) => {
        const line = `DESCRIPTION:${a}${b}`
        const folded = foldLine(line).split('\r\n')
        expect(folded.every((l) => Buffer.byteLength(l) <= 75)).toBe(true)
        expect(folded.slice(1).every((l) => l.startsWith(' ') && l.length > 1)).toBe(true)
        expect(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(line)
      }),
    )
  })
})

describe('toICalendar in other zones', () => {
  const zones = [
    'Europe/Amsterdam',
    'Europe/London',
    'America/New_York',
    'Australia/Sydney',
    'America/Sao_Paulo',
    'Asia/Tokyo',
    'Asia/Kolkata',
    'UTC',
    'Africa/Casablanca',
    'Africa/Cairo',
    'Asia/Tehran',
    'Australia/Lord_Howe',
    'America/Havana',
  ]

  function oneItem(timeZone: string, start: number, minutes: number): ScheduleExport {
    const data = programme()
    const date = utcToZoned(start, timeZone).date
    data.visit = { ...data.visit, timeZone, startDate: date, endDate: date }
    data.items = [{ ...items.summerDay, start, end: start + minutes * 60_000 }]
    return data
  }

  it('writes the US rule for New York and the southern rule for Sydney', () => {
    const ny = toICalendar(oneItem('America/New_York', at('2026-11-01T12:00:00Z'), 60), nl)
    expect(ny).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU')
    expect(ny).toContain('RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU')
    const sydney = toICalendar(oneItem('Australia/Sydney', at('2026-04-05T12:00:00Z'), 60), nl)
    expect(sydney).toContain('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU')
    expect(sydney).toContain('RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU')
  })

  it('lists the changes of a zone that stopped changing (São Paulo, 2019) without a rule', () => {
    const text = toICalendar(oneItem('America/Sao_Paulo', at('2019-06-01T15:00:00Z'), 60), nl)
    expect(text).not.toContain('RRULE')
    expect(text).toContain('DTSTART:20180218T000000')
    expect(text).toContain('RDATE:20190217T000000')
    expect(text).toContain('DTSTART:20181104T000000')
  })

  it('gives a zone without changes one STANDARD component', () => {
    const text = toICalendar(oneItem('Asia/Tokyo', at('2026-06-01T03:00:00Z'), 60), nl)
    expect(text).toContain(
      'BEGIN:STANDARD\r\nDTSTART:20250101T000000\r\nTZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900\r\nTZNAME:GMT+9\r\nEND:STANDARD',
    )
  })

  it('lets ical.js find the very instant of any item, whatever the zone and the clock changes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: at('2018-01-01T00:00:00Z') / 60_000, max: at('2028-12-31T00:00:00Z') / 60_000 }),
        fc.integer({ min: 1, max: 600 }),
        (timeZone, startMinute, minutes) => {
          ICAL.TimezoneService.reset()
          const data = oneItem(timeZone, startMinute * 60_000, minutes)
          const event = [...parse(toICalendar(data, nl)).events.values()][0]!
          return (
            event.startDate.toUnixTime() * 1000 === data.items[0]!.start &&
            event.endDate.toUnixTime() * 1000 === data.items[0]!.end
          )
        },
      ),
      { numRuns: 200 },
    )
  })

  it('finds the instants right around every change in Amsterdam, New York and Sydney', () => {
    const probes: [string, string][] = [
      [ams, '2026-03-29T00:59:00Z'],
      [ams, '2026-03-29T01:00:00Z'],
      [ams, '2026-10-25T00:59:00Z'],
      [ams, '2026-10-25T01:00:00Z'],
      [ams, '2026-10-25T01:59:00Z'],
      [ams, '2026-10-25T02:00:00Z'],
      ['America/New_York', '2026-11-01T05:30:00Z'],
      ['America/New_York', '2026-11-01T06:30:00Z'],
      ['America/New_York', '2026-03-08T06:59:00Z'],
      ['America/New_York', '2026-03-08T07:00:00Z'],
      ['Australia/Sydney', '2026-04-04T15:30:00Z'],
      ['Australia/Sydney', '2026-04-04T16:30:00Z'],
      // ical.js skips DTSTART as an onset when RDATE is present: summer time from 2017-10-15 was lost.
      ['America/Sao_Paulo', '2018-01-11T02:22:00Z'],
      // Egypt had no changes in 2021–2022; before a VTIMEZONE's first onset ical.js reads UTC.
      ['Africa/Cairo', '2022-01-01T09:57:00Z'],
    ]
    for (const [timeZone, iso] of probes) {
      ICAL.TimezoneService.reset()
      const event = [...parse(toICalendar(oneItem(timeZone, at(iso), 30), nl)).events.values()][0]!
      expect(new Date(event.startDate.toUnixTime() * 1000).toISOString(), `${timeZone} ${iso}`).toBe(
        new Date(at(iso)).toISOString(),
      )
    }
  })
})

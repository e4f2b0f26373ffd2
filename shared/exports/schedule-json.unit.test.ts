import { describe, expect, it } from 'vitest'
import { itemGuid, venueGuid } from './model'
import { type ScheduleJsonV1, type ScheduleJsonV2, toScheduleJsonV1, toScheduleJsonV2 } from './schedule-json'
import { items, programme } from './test-fixture'
import { hasFormats, readFormat, schemaValidator } from './test-formats'
import { acronymOf, slugOf } from './timetable'

const v1Text = toScheduleJsonV1(programme(), { lang: 'nl' })
const v1 = JSON.parse(v1Text) as ScheduleJsonV1
const v2 = JSON.parse(toScheduleJsonV2(programme(), { lang: 'en' })) as ScheduleJsonV2
const guid = (itemId: string) => itemGuid('visit-vreewijk', itemId)

describe.skipIf(!hasFormats)('schedule.json against the official schemas (needs ../shared/formats)', () => {
  it('version 1 is valid against schema.json, as is the pretalx sample, and a broken copy is not', () => {
    const validate = schemaValidator('schema.json')
    expect(validate(JSON.parse(readFormat('pretalx-democon.json'))), 'the sample').toBe(true)
    const valid = validate(v1)
    expect(validate.errors ?? []).toEqual([])
    expect(valid).toBe(true)
    const broken = JSON.parse(v1Text) as ScheduleJsonV1
    broken.schedule.conference.days[2]!.rooms['Tuin van Marja']![0]!.start = '10:00:00'
    expect(validate(broken)).toBe(false)
    expect(validate.errors?.[0]?.instancePath).toBe(
      '/schedule/conference/days/2/rooms/Tuin van Marja/0/start',
    )
  })

  it('version 2 is valid against schema2.json, as is the hub sample, and a broken copy is not', () => {
    const validate = schemaValidator('schema2.json')
    expect(validate(JSON.parse(readFormat('hub-schedule2.json'))), 'the sample').toBe(true)
    const valid = validate(v2)
    expect(validate.errors ?? []).toEqual([])
    expect(valid).toBe(true)
    expect(
      validate({ ...v2, schedule: { ...v2.schedule, events: [{ ...v2.schedule.events[0], type: 'talk' }] } }),
    ).toBe(false)
  })

  it('stays valid for a visit with an awkward slug, no venues, no items and an unusual zone', () => {
    const data = programme()
    data.visit = { ...data.visit, slug: 'ab', timeZone: 'Etc/GMT-1', description: '' }
    data.venues = []
    data.items = [
      { ...items.nightBefore, title: '?', language: 'Nederlands', speakers: [{ id: 's', name: 'A' }] },
    ]
    const one = JSON.parse(toScheduleJsonV1(data, { lang: 'en' })) as ScheduleJsonV1
    const two = JSON.parse(toScheduleJsonV2(data, { lang: 'en' })) as ScheduleJsonV2
    expect(schemaValidator('schema.json')(one)).toBe(true)
    expect(schemaValidator('schema2.json')(two)).toBe(true)
    expect(one.schedule.conference.time_zone_name).toBeUndefined()
    expect(two.schedule.events[0]!.language).toBe('en')
    data.items = []
    expect(schemaValidator('schema.json')(JSON.parse(toScheduleJsonV1(data, { lang: 'nl' })))).toBe(true)
    expect(schemaValidator('schema2.json')(JSON.parse(toScheduleJsonV2(data, { lang: 'nl' })))).toBe(true)
  })
})

describe('toScheduleJsonV1', () => {
  const conference = v1.schedule.conference

  it('describes the visit as a conference of three local days', () => {
    expect(v1.$schema).toBe('https://c3voc.de/schedule/schema.json')
    expect(v1.schedule.version).toBe('3 (Definitief)')
    expect(v1.schedule.base_url).toBe('https://rondgang.example/')
    expect(conference).toMatchObject({
      acronym: 'vreewijk_2026',
      title: 'Bezoek aan Vreewijk, Leiden',
      start: '2026-10-23',
      end: '2026-10-25',
      daysCount: 3,
      timeslot_duration: '00:30',
      time_zone_name: 'Europe/Amsterdam',
      url: 'https://rondgang.example/v/vreewijk-2026',
    })
    expect(conference.days.map((d) => [d.index, d.date, d.day_start, d.day_end])).toEqual([
      [1, '2026-10-23', '2026-10-23T00:00:00+02:00', '2026-10-24T00:00:00+02:00'],
      [2, '2026-10-24', '2026-10-24T00:00:00+02:00', '2026-10-25T00:00:00+02:00'],
      // The 25-hour day: it starts in summer time and ends in winter time.
      [3, '2026-10-25', '2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00'],
    ])
  })

  it('makes venues rooms, puts items without a venue on the way, and leaves unused venues out', () => {
    expect(conference.rooms.map((r) => [r.name, r.slug, r.guid, r.description])).toEqual([
      [
        'Tuin van Marja',
        'tuin-van-marja',
        venueGuid('visit-vreewijk', 'venue-garden'),
        'Vreewijkstraat 12, 2315 Leiden',
      ],
      ['Buurthuis De Kiem & Co', 'buurthuis-de-kiem-co', venueGuid('visit-vreewijk', 'venue-centre'), null],
      ['Onderweg', 'onderweg', venueGuid('visit-vreewijk', null), null],
    ])
    const day = (i: number) =>
      Object.fromEntries(
        Object.entries(conference.days[i]!.rooms).map(([room, events]) => [room, events.map((e) => e.guid)]),
      )
    expect(day(0)).toEqual({
      'Tuin van Marja': [guid('item-summer')],
      'Buurthuis De Kiem & Co': [],
      Onderweg: [],
    })
    expect(day(1)).toEqual({
      'Tuin van Marja': [],
      'Buurthuis De Kiem & Co': [],
      Onderweg: [guid('item-night-before')],
    })
    expect(day(2)).toEqual({
      'Tuin van Marja': [guid('item-winter')],
      'Buurthuis De Kiem & Co': [guid('item-before-change'), guid('item-after-change')],
      Onderweg: [],
    })
  })

  it('leaves cancelled items out', () => {
    expect(v1Text).not.toContain(guid('item-cancelled'))
    expect(v1Text).not.toContain('Optreden buurtkoor')
  })

  it('writes local start times and dates with the offset in force on either side of the change', () => {
    const events = conference.days.flatMap((d) => Object.values(d.rooms).flat())
    const byGuid = new Map(events.map((e) => [e.guid, e]))
    const expected: [keyof typeof items, string, string, string, string][] = [
      ['summerDay', '2026-10-23T14:00:00+02:00', '14:00', '01:30', '2026-10-23T15:30:00+02:00'],
      ['nightBefore', '2026-10-24T01:30:00+02:00', '01:30', '01:00', '2026-10-24T02:30:00+02:00'],
      ['beforeChange', '2026-10-25T01:30:00+02:00', '01:30', '01:00', '2026-10-25T02:30:00+02:00'],
      ['afterChange', '2026-10-25T02:30:00+01:00', '02:30', '01:00', '2026-10-25T03:30:00+01:00'],
      ['winterMorning', '2026-10-25T10:00:00+01:00', '10:00', '01:00', '2026-10-25T11:00:00+01:00'],
    ]
    expect(events).toHaveLength(expected.length)
    for (const [key, date, start, duration, end] of expected) {
      const event = byGuid.get(guid(items[key].id))!
      expect({ date: event.date, start: event.start, duration: event.duration, end: event.end }, key).toEqual(
        {
          date,
          start,
          duration,
          end,
        },
      )
      expect(Date.parse(event.date), key).toBe(items[key].start)
    }
  })

  it('fills every event field from the item', () => {
    const event = conference.days[2]!.rooms['Buurthuis De Kiem & Co']![1]!
    expect(event).toEqual({
      id: expect.any(Number),
      guid: guid('item-after-change'),
      date: '2026-10-25T02:30:00+01:00',
      start: '02:30',
      end: '2026-10-25T03:30:00+01:00',
      duration: '01:00',
      room: 'Buurthuis De Kiem & Co',
      slug: `vreewijk_2026-${event.id}-verhalen-uit-de-wijk`,
      url: 'https://rondgang.example/v/vreewijk-2026#item-after-change',
      title: 'Verhalen uit de wijk',
      subtitle: '',
      track: 'Voordracht',
      type: 'talk',
      language: 'nl',
      abstract: items.afterChange.description,
      description: null,
      persons: [
        { id: expect.any(Number), guid: expect.any(String), public_name: 'Marja de Vries' },
        { id: expect.any(Number), guid: expect.any(String), public_name: 'Ahmed El Amrani' },
      ],
      links: [],
      attachments: [],
    })
    const before = conference.days[2]!.rooms['Buurthuis De Kiem & Co']![0]!
    expect(before.subtitle).toBe('Wethouders, Raadsleden')
    expect(before.language).toBe('en')
    expect(before.title).toBe('Gesprek; buren, gemeente\nen wethouder')
    const summer = conference.days[0]!.rooms['Tuin van Marja']![0]!
    expect(summer.persons[0]).toEqual(event.persons[0])
  })

  it('gives events distinct positive ids that stay the same in the next release', () => {
    const ids = conference.days.flatMap((d) => Object.values(d.rooms).flat()).map((e) => e.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toBeGreaterThan(0)
    const next = programme()
    next.release = { ...next.release, number: 4, name: '' }
    next.items = next.items.filter((item) => item.id !== items.summerDay.id)
    const nextV1 = JSON.parse(toScheduleJsonV1(next, { lang: 'nl' })) as ScheduleJsonV1
    const nextIds = nextV1.schedule.conference.days
      .flatMap((d) => Object.values(d.rooms).flat())
      .map((e) => e.id)
    expect(nextIds).toEqual(ids.slice(1))
    expect(nextV1.schedule.version).toBe('4')
  })

  it('writes the room of items without a venue in English when asked', () => {
    const en = JSON.parse(toScheduleJsonV1(programme(), { lang: 'en' })) as ScheduleJsonV1
    expect(en.schedule.conference.rooms.map((r) => r.name)).toContain('On the way')
    expect(en.schedule.conference.tracks).toContainEqual({ name: 'Talk', slug: 'talk' })
  })
})

describe('toScheduleJsonV2', () => {
  const { conference, events } = v2.schedule

  it('gives the conference and its days as date-times with offset', () => {
    expect(v2.$schema).toBe('https://c3voc.de/schema/schedule2')
    expect(conference.start).toBe('2026-10-23T00:00:00+02:00')
    expect(conference.end).toBe('2026-10-26T00:00:00+01:00')
    expect(conference.timeslot_duration).toBe('PT30M')
    expect(conference.days[2]).toEqual({
      index: 3,
      date: '2026-10-25',
      start: '2026-10-25T00:00:00+02:00',
      end: '2026-10-26T00:00:00+01:00',
    })
  })

  it('lists the events flat, in time order, with start and end on both sides of the change', () => {
    expect(events.map((e) => [e.guid, e.start, e.end])).toEqual([
      [guid('item-summer'), '2026-10-23T14:00:00+02:00', '2026-10-23T15:30:00+02:00'],
      [guid('item-night-before'), '2026-10-24T01:30:00+02:00', '2026-10-24T02:30:00+02:00'],
      [guid('item-before-change'), '2026-10-25T01:30:00+02:00', '2026-10-25T02:30:00+02:00'],
      [guid('item-after-change'), '2026-10-25T02:30:00+01:00', '2026-10-25T03:30:00+01:00'],
      [guid('item-winter'), '2026-10-25T10:00:00+01:00', '2026-10-25T11:00:00+01:00'],
    ])
  })

  it('refers to rooms and tracks the conference lists, and maps kinds to the schema types', () => {
    const roomGuids = conference.rooms.map((r) => r.guid)
    for (const event of events) expect(roomGuids).toContain(event.room.guid)
    expect(events[1]!.room).toEqual({
      name: 'On the way',
      slug: 'on-the-way',
      guid: venueGuid('visit-vreewijk', null),
    })
    expect(events.map((e) => [e.track.slug, e.type])).toEqual([
      ['talk', 'TALK'],
      ['walk', 'OTHER'],
      ['discussion', 'DISCUSSION'],
      ['talk', 'TALK'],
      ['catering', 'OTHER'],
    ])
    expect(conference.tracks.map((t) => t.slug)).toEqual(['talk', 'walk', 'discussion', 'catering'])
    expect(events[3]!.participants).toEqual([
      { guid: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'Marja de Vries', role: 'SPEAKER' },
      { guid: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'Ahmed El Amrani', role: 'SPEAKER' },
    ])
    // The item has no language of its own, so the export's language stands in.
    expect(events[3]!.language).toBe('en')
  })
})

describe('acronymOf and slugOf', () => {
  it('fit the patterns of the schemas', () => {
    expect(acronymOf('vreewijk-2017')).toBe('vreewijk_2017')
    expect(acronymOf('ab')).toBe('rondgang_ab')
    expect(acronymOf('---')).toBe('rondgang')
    expect(slugOf('Één café — ’s Nachts!', 'item')).toBe('een-cafe-s-nachts')
    expect(slugOf('?', 'item', 4)).toBe('item')
    expect(slugOf('Ab', 'item', 4)).toBe('ab-item')
  })
})

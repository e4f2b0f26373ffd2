import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  canonicalTimeZone,
  dayBounds,
  formatOffset,
  isValidTimeZone,
  nextDate,
  parseLocalDate,
  readZonedTime,
  utcToZoned,
  zonedToUtc,
} from './time'

const ams = 'Europe/Amsterdam'
const hour = 3_600_000
const utc = (iso: string): number => Date.parse(iso)

describe('zonedToUtc', () => {
  it('reads summer and winter times with their own offsets', () => {
    expect(zonedToUtc('2017-09-19', '14:05', ams)).toBe(utc('2017-09-19T12:05:00Z'))
    expect(zonedToUtc('2026-01-15', '09:00', ams)).toBe(utc('2026-01-15T08:00:00Z'))
    expect(zonedToUtc('2026-01-15', '09:00', 'UTC')).toBe(utc('2026-01-15T09:00:00Z'))
    expect(zonedToUtc('2026-01-15', '09:00', 'Asia/Kolkata')).toBe(utc('2026-01-15T03:30:00Z'))
    expect(zonedToUtc('2026-07-01', '00:00', 'America/New_York')).toBe(utc('2026-07-01T04:00:00Z'))
  })

  describe('spring forward in Amsterdam, 2026-03-29 (02:00 becomes 03:00)', () => {
    it('reads the minute before the gap in winter time and the hour after in summer time', () => {
      expect(zonedToUtc('2026-03-29', '01:59', ams)).toBe(utc('2026-03-29T00:59:00Z'))
      expect(zonedToUtc('2026-03-29', '03:00', ams)).toBe(utc('2026-03-29T01:00:00Z'))
      expect(zonedToUtc('2026-03-29', '03:30', ams)).toBe(utc('2026-03-29T01:30:00Z'))
    })

    it('moves a time in the gap on by the length of the gap: 02:30 is read as 03:30', () => {
      expect(zonedToUtc('2026-03-29', '02:30', ams)).toBe(utc('2026-03-29T01:30:00Z'))
      expect(zonedToUtc('2026-03-29', '02:00', ams)).toBe(utc('2026-03-29T01:00:00Z'))
      expect(utcToZoned(zonedToUtc('2026-03-29', '02:30', ams), ams).time).toBe('03:30')
    })
  })

  describe('fall back in Amsterdam, 2026-10-25 (03:00 becomes 02:00)', () => {
    it('gives the first of the two 02:30s, still in summer time', () => {
      expect(zonedToUtc('2026-10-25', '02:30', ams)).toBe(utc('2026-10-25T00:30:00Z'))
      expect(zonedToUtc('2026-10-25', '02:00', ams)).toBe(utc('2026-10-25T00:00:00Z'))
    })

    it('reads the times around the repeated hour with the right offset', () => {
      expect(zonedToUtc('2026-10-25', '01:59', ams)).toBe(utc('2026-10-24T23:59:00Z'))
      expect(zonedToUtc('2026-10-25', '03:00', ams)).toBe(utc('2026-10-25T02:00:00Z'))
    })
  })

  it('handles the spring gap in New York the same way', () => {
    expect(zonedToUtc('2026-03-08', '02:30', 'America/New_York')).toBe(utc('2026-03-08T07:30:00Z'))
  })

  it('rejects malformed or impossible dates and times', () => {
    expect(() => zonedToUtc('2026-02-30', '10:00', ams)).toThrow(RangeError)
    expect(() => zonedToUtc('26-02-01', '10:00', ams)).toThrow(RangeError)
    expect(() => zonedToUtc('2026-02-01', '24:00', ams)).toThrow(RangeError)
    expect(() => zonedToUtc('2026-02-01', '9:00', ams)).toThrow(RangeError)
    expect(() => zonedToUtc('2026-02-01', '10:00', 'Mars/Olympus_Mons')).toThrow(RangeError)
  })

  it('gives back the wall time of any instant, at or before that instant', () => {
    const minute = fc
      .integer({ min: 0, max: 20 * 365 * 24 * 60 })
      .map((m) => utc('2015-01-01T00:00:00Z') + m * 60_000)
    fc.assert(
      fc.property(
        minute,
        fc.constantFrom(ams, 'America/New_York', 'Australia/Lord_Howe', 'UTC'),
        (t, zone) => {
          const local = utcToZoned(t, zone)
          const back = zonedToUtc(local.date, local.time, zone)
          expect(back).toBeLessThanOrEqual(t)
          const again = utcToZoned(back, zone)
          expect([again.date, again.time]).toEqual([local.date, local.time])
        },
      ),
    )
  })
})

describe('utcToZoned', () => {
  it('gives date, time and offset in the zone', () => {
    expect(utcToZoned(utc('2017-09-19T12:05:00Z'), ams)).toEqual({
      date: '2017-09-19',
      time: '14:05',
      offsetMinutes: 120,
    })
    expect(utcToZoned(utc('2026-01-01T22:59:59.999Z'), ams)).toEqual({
      date: '2026-01-01',
      time: '23:59',
      offsetMinutes: 60,
    })
    expect(utcToZoned(utc('2026-01-01T23:00:00Z'), ams)).toEqual({
      date: '2026-01-02',
      time: '00:00',
      offsetMinutes: 60,
    })
    expect(utcToZoned(utc('2026-01-01T12:00:00Z'), 'America/St_Johns').offsetMinutes).toBe(-210)
  })

  it('tells the two 02:30s of 2026-10-25 apart by their offset', () => {
    expect(utcToZoned(utc('2026-10-25T00:30:00Z'), ams)).toEqual({
      date: '2026-10-25',
      time: '02:30',
      offsetMinutes: 120,
    })
    expect(utcToZoned(utc('2026-10-25T01:30:00Z'), ams)).toEqual({
      date: '2026-10-25',
      time: '02:30',
      offsetMinutes: 60,
    })
  })

  it('gives the same frozen answer when asked again, per zone, also after its cache has been emptied', () => {
    const at = utc('2026-03-29T00:59:00Z')
    const first = utcToZoned(at, ams)
    expect(utcToZoned(at, ams)).toBe(first)
    expect(Object.isFrozen(first)).toBe(true)
    expect(utcToZoned(at, 'America/New_York')).toEqual({
      date: '2026-03-28',
      time: '20:59',
      offsetMinutes: -240,
    })
    // More distinct instants than the cache keeps (20,000), so it is emptied on the way at least once.
    const start = utc('2026-03-28T00:00:00Z')
    for (let i = 0; i < 25_000; i++) utcToZoned(start + i * 60_000, ams)
    expect(utcToZoned(at, ams)).toEqual({ date: '2026-03-29', time: '01:59', offsetMinutes: 60 })
    expect(utcToZoned(at + 60_000, ams)).toEqual({ date: '2026-03-29', time: '03:00', offsetMinutes: 120 })
  })
})

describe('dayBounds', () => {
  it('is 24 hours on an ordinary day, from local midnight to local midnight', () => {
    expect(dayBounds('2026-06-10', ams)).toEqual({
      start: utc('2026-06-09T22:00:00Z'),
      end: utc('2026-06-10T22:00:00Z'),
    })
  })

  it('is 23 hours on 2026-03-29 in Amsterdam', () => {
    const day = dayBounds('2026-03-29', ams)
    expect(day).toEqual({ start: utc('2026-03-28T23:00:00Z'), end: utc('2026-03-29T22:00:00Z') })
    expect(day.end - day.start).toBe(23 * hour)
  })

  it('is 25 hours on 2026-10-25 in Amsterdam', () => {
    const day = dayBounds('2026-10-25', ams)
    expect(day).toEqual({ start: utc('2026-10-24T22:00:00Z'), end: utc('2026-10-25T23:00:00Z') })
    expect(day.end - day.start).toBe(25 * hour)
  })

  it('starts at 01:00 where midnight itself is skipped (Santiago, 2026-09-06)', () => {
    const day = dayBounds('2026-09-06', 'America/Santiago')
    expect(utcToZoned(day.start, 'America/Santiago').time).toBe('01:00')
    expect(day.end - day.start).toBe(23 * hour)
  })

  it('crosses month and year ends', () => {
    expect(dayBounds('2026-12-31', ams).end).toBe(utc('2026-12-31T23:00:00Z'))
  })
})

describe('local dates', () => {
  it('steps to the next day across months, years and leap days', () => {
    expect(nextDate('2026-01-31')).toBe('2026-02-01')
    expect(nextDate('2028-02-28')).toBe('2028-02-29')
    expect(nextDate('2026-12-31')).toBe('2027-01-01')
  })

  it('parses a valid date and refuses 29 February outside a leap year', () => {
    expect(parseLocalDate('2028-02-29')).toEqual([2028, 2, 29])
    expect(() => parseLocalDate('2026-02-29')).toThrow(RangeError)
    expect(() => parseLocalDate('2026-13-01')).toThrow(RangeError)
  })
})

describe('isValidTimeZone', () => {
  it('accepts IANA names and UTC, and refuses anything else', () => {
    expect(isValidTimeZone('Europe/Amsterdam')).toBe(true)
    expect(isValidTimeZone('UTC')).toBe(true)
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false)
    expect(isValidTimeZone('')).toBe(false)
    expect(isValidTimeZone('Europe Amsterdam')).toBe(false)
  })
})

describe('formatOffset', () => {
  it('writes sign, hours and minutes', () => {
    expect(formatOffset(120)).toBe('+02:00')
    expect(formatOffset(60)).toBe('+01:00')
    expect(formatOffset(0)).toBe('+00:00')
    expect(formatOffset(-0)).toBe('+00:00')
    expect(formatOffset(330)).toBe('+05:30')
    expect(formatOffset(-210)).toBe('-03:30')
    expect(formatOffset(-600)).toBe('-10:00')
    expect(formatOffset(840)).toBe('+14:00')
  })
})

describe('readZonedTime: no guessing at the clock changes', () => {
  it('names the spring-forward gap for a time that does not exist (Amsterdam, 2026-03-29)', () => {
    expect(readZonedTime('2026-03-29', '02:30', ams)).toEqual({
      kind: 'gap',
      gapStart: '02:00',
      gapEnd: '03:00',
      offsetBefore: 60,
      offsetAfter: 120,
    })
    expect(readZonedTime('2026-03-08', '02:15', 'America/New_York')).toMatchObject({
      kind: 'gap',
      gapStart: '02:00',
      gapEnd: '03:00',
    })
    // Lord Howe moves its clocks by half an hour.
    expect(readZonedTime('2026-10-04', '02:10', 'Australia/Lord_Howe')).toMatchObject({
      kind: 'gap',
      gapStart: '02:00',
      gapEnd: '02:30',
    })
  })

  it('gives both instants of a time that happens twice (Amsterdam, 2026-10-25)', () => {
    expect(readZonedTime('2026-10-25', '02:30', ams)).toEqual({
      kind: 'twice',
      earlier: utc('2026-10-25T00:30:00Z'),
      later: utc('2026-10-25T01:30:00Z'),
      earlierOffset: 120,
      laterOffset: 60,
    })
  })

  it('reads every other time as the one instant zonedToUtc gives', () => {
    for (const [date, time] of [
      ['2026-03-29', '01:59'],
      ['2026-03-29', '03:00'],
      ['2026-10-25', '01:59'],
      ['2026-10-25', '03:00'],
      ['2026-07-01', '12:00'],
    ] as const) {
      expect(readZonedTime(date, time, ams)).toEqual({ kind: 'exact', at: zonedToUtc(date, time, ams) })
    }
  })
})

describe('canonicalTimeZone', () => {
  it('gives the IANA spelling of a zone typed in any case', () => {
    expect(canonicalTimeZone('europe/amsterdam')).toBe('Europe/Amsterdam')
    expect(canonicalTimeZone(' EUROPE/LONDON ')).toBe('Europe/London')
    expect(canonicalTimeZone('america/new_york')).toBe('America/New_York')
    expect(canonicalTimeZone('utc')).toBe('UTC')
  })

  it('knows no made-up zone', () => {
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeNull()
    expect(canonicalTimeZone('')).toBeNull()
  })
})

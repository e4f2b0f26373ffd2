import { describe, expect, it } from 'vitest'
import { utcToZoned } from '../domain/time'
import { icalOffset, offsetReader, vtimezoneLines, zoneTransitions } from './vtimezone'

const at = (iso: string): number => Date.parse(iso)

describe('zoneTransitions', () => {
  it('finds the two changes of 2026 in Amsterdam to the minute', () => {
    expect(
      zoneTransitions('Europe/Amsterdam', at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z')),
    ).toEqual([
      { at: at('2026-03-29T01:00:00Z'), offsetBefore: 60, offsetAfter: 120, nameAfter: 'CEST' },
      { at: at('2026-10-25T01:00:00Z'), offsetBefore: 120, offsetAfter: 60, nameAfter: 'CET' },
    ])
  })

  it('finds half-hour and southern changes (Lord Howe Island, Sydney)', () => {
    const lordHowe = zoneTransitions(
      'Australia/Lord_Howe',
      at('2026-01-01T00:00:00Z'),
      at('2027-01-01T00:00:00Z'),
    )
    expect(lordHowe.map((t) => [new Date(t.at).toISOString(), t.offsetBefore, t.offsetAfter])).toEqual([
      ['2026-04-04T15:00:00.000Z', 660, 630],
      ['2026-10-03T15:30:00.000Z', 630, 660],
    ])
    expect(
      zoneTransitions('Australia/Sydney', at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z')),
    ).toHaveLength(2)
  })

  it('finds nothing where the clock never changes', () => {
    expect(zoneTransitions('Asia/Tokyo', at('2025-01-01T00:00:00Z'), at('2028-01-01T00:00:00Z'))).toEqual([])
    expect(zoneTransitions('UTC', at('2025-01-01T00:00:00Z'), at('2028-01-01T00:00:00Z'))).toEqual([])
  })
})

describe('offsetReader', () => {
  it('agrees with utcToZoned of shared/domain/time over a year with changes', () => {
    const disagreements: string[] = []
    for (const zone of ['Europe/Amsterdam', 'America/St_Johns', 'Asia/Kathmandu', 'America/Sao_Paulo']) {
      const offsetAt = offsetReader(zone)
      // Every 5 hours: the samples move through every hour of the day.
      for (let ms = at('2018-01-01T00:00:00Z'); ms < at('2019-03-01T00:00:00Z'); ms += 5 * 3_600_000) {
        const expected = utcToZoned(ms, zone).offsetMinutes
        if (offsetAt(ms) !== expected) disagreements.push(`${zone} ${new Date(ms).toISOString()}`)
      }
    }
    expect(disagreements).toEqual([])
    expect(offsetReader('America/St_Johns')(at('2018-07-01T00:00:00Z'))).toBe(-150)
    expect(offsetReader('Asia/Kathmandu')(at('2018-07-01T00:00:00Z'))).toBe(345)
  })
})

describe('vtimezoneLines', () => {
  it('writes RDATE for changes that do not recur every year of the range', () => {
    const lines = vtimezoneLines('America/Sao_Paulo', 2018, 2020)
    expect(lines).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:America/Sao_Paulo',
      'BEGIN:STANDARD',
      'DTSTART:20180218T000000',
      'RDATE:20180218T000000',
      'RDATE:20190217T000000',
      'TZOFFSETFROM:-0200',
      'TZOFFSETTO:-0300',
      'TZNAME:GMT-3',
      'END:STANDARD',
      'BEGIN:DAYLIGHT',
      'DTSTART:20181104T000000',
      'RDATE:20181104T000000',
      'TZOFFSETFROM:-0300',
      'TZOFFSETTO:-0200',
      'TZNAME:GMT-2',
      'END:DAYLIGHT',
      'END:VTIMEZONE',
    ])
  })

  it('writes offsets as iCalendar UTC-OFFSET', () => {
    expect(icalOffset(120)).toBe('+0200')
    expect(icalOffset(-210)).toBe('-0330')
    expect(icalOffset(0)).toBe('+0000')
    expect(icalOffset(345)).toBe('+0545')
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  localInstant,
  localTimeProblemMessage,
  type ShiftableItem,
  shiftLater,
  validateItemTimes,
} from './programme'
import { zonedToUtc } from './time'

const zone = 'Europe/Amsterdam'
const day = '2026-09-19'
const at = (time: string, date = day): number => zonedToUtc(date, time, zone)
const minute = 60_000

function item(id: string, from: string, to: string, extra: Partial<ShiftableItem> = {}): ShiftableItem {
  return { id, start: at(from), end: at(to), groupIds: [], ...extra }
}

describe('shiftLater', () => {
  // Two groups split after lunch; the group 'north' runs a quarter of an hour late.
  const items = [
    item('lunch', '12:00', '13:00'),
    item('north-garden', '13:00', '14:00', { groupIds: ['north'] }),
    item('south-garden', '13:00', '14:00', { groupIds: ['south'] }),
    item('both-press', '13:30', '14:00', { groupIds: ['north', 'south'] }),
    item('north-walk', '14:00', '14:30', { groupIds: ['north'], cancelled: true }),
    item('closing', '15:00', '16:00'),
  ]

  it('moves the group’s later items and the items for everyone', () => {
    expect(shiftLater(items, { groupId: 'north', fromInstant: at('13:00'), minutes: 15 })).toEqual([
      { id: 'north-garden', start: at('13:15'), end: at('14:15') },
      { id: 'both-press', start: at('13:45'), end: at('14:15') },
      { id: 'closing', start: at('15:15'), end: at('16:15') },
    ])
  })

  it('moves every later item with no group given, but never a cancelled one', () => {
    const ids = shiftLater(items, { groupId: null, fromInstant: at('13:00'), minutes: 15 }).map((c) => c.id)
    expect(ids).toEqual(['north-garden', 'south-garden', 'both-press', 'closing'])
  })

  it('leaves items that start before the instant, even when they are still running', () => {
    const ids = shiftLater(items, { groupId: null, fromInstant: at('13:01'), minutes: 10 }).map((c) => c.id)
    expect(ids).toEqual(['both-press', 'closing'])
  })

  it('moves items earlier with a negative shift', () => {
    expect(shiftLater(items, { groupId: 'south', fromInstant: at('14:30'), minutes: -30 })).toEqual([
      { id: 'closing', start: at('14:30'), end: at('15:30') },
    ])
  })

  it('returns no changes for a shift of zero minutes', () => {
    expect(shiftLater(items, { groupId: null, fromInstant: 0, minutes: 0 })).toEqual([])
  })

  it('accepts −180 to +600 whole minutes and refuses anything else', () => {
    const shift = (minutes: number) => () => shiftLater(items, { groupId: null, fromInstant: 0, minutes })
    expect(shift(-180)).not.toThrow()
    expect(shift(600)).not.toThrow()
    for (const minutes of [-181, 601, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(shift(minutes)).toThrow(RangeError)
    }
  })

  it('shifting by +n and then −n gives the original times and never touches items left out', () => {
    const arbitraryItem = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      start: fc.integer({ min: 0, max: 24 * 60 }),
      length: fc.integer({ min: 1, max: 240 }),
      groupIds: fc.subarray(['a', 'b', 'c']),
      cancelled: fc.boolean(),
    })
    fc.assert(
      fc.property(
        fc.uniqueArray(arbitraryItem, { selector: (i) => i.id, maxLength: 12 }),
        fc.constantFrom(null, 'a', 'b', 'c'),
        fc.integer({ min: 0, max: 24 * 60 }),
        fc.integer({ min: 0, max: 180 }),
        (raw, groupId, from, n) => {
          const list: ShiftableItem[] = raw.map((r) => ({
            id: r.id,
            start: r.start * minute,
            end: (r.start + r.length) * minute,
            groupIds: r.groupIds,
            cancelled: r.cancelled,
          }))
          const fromInstant = from * minute
          const there = shiftLater(list, { groupId, fromInstant, minutes: n })
          for (const change of there) {
            const original = list.find((i) => i.id === change.id)!
            expect(original.cancelled).toBe(false)
            expect(original.start).toBeGreaterThanOrEqual(fromInstant)
            expect(
              groupId === null || original.groupIds.length === 0 || original.groupIds.includes(groupId),
            ).toBe(true)
          }
          const shifted = list.map((i) => ({ ...i, ...there.find((c) => c.id === i.id) }))
          const back = shiftLater(shifted, { groupId, fromInstant: fromInstant + n * minute, minutes: -n })
          const restored = shifted.map((i) => ({ ...i, ...back.find((c) => c.id === i.id) }))
          expect(restored).toEqual(list)
        },
      ),
    )
  })
})

describe('validateItemTimes', () => {
  const visit = { startDate: '2026-09-18', endDate: '2026-09-19', timeZone: zone }

  it('accepts an item within the visit, from the first midnight to the last', () => {
    expect(validateItemTimes({ start: at('14:00'), end: at('15:00') }, visit)).toEqual([])
    expect(
      validateItemTimes({ start: at('00:00', '2026-09-18'), end: at('00:00', '2026-09-20') }, visit),
    ).toEqual([])
  })

  it('accepts an item ending exactly at midnight after the last day', () => {
    expect(validateItemTimes({ start: at('23:00'), end: at('00:00', '2026-09-20') }, visit)).toEqual([])
  })

  it('refuses an item starting one minute before the first day', () => {
    expect(
      validateItemTimes({ start: at('23:59', '2026-09-17'), end: at('01:00', '2026-09-18') }, visit),
    ).toEqual([{ field: 'start', code: 'outside_visit' }])
  })

  it('refuses an item ending one minute after the last day, or lying wholly outside', () => {
    expect(validateItemTimes({ start: at('23:00'), end: at('00:01', '2026-09-20') }, visit)).toEqual([
      { field: 'end', code: 'outside_visit' },
    ])
    expect(
      validateItemTimes({ start: at('00:00', '2026-09-20'), end: at('01:00', '2026-09-20') }, visit),
    ).toEqual([
      { field: 'start', code: 'outside_visit' },
      { field: 'end', code: 'outside_visit' },
    ])
  })

  it('refuses an end at or before the start, reported once for the end', () => {
    expect(validateItemTimes({ start: at('14:00'), end: at('14:00') }, visit)).toEqual([
      { field: 'end', code: 'end_before_start' },
    ])
    expect(validateItemTimes({ start: at('00:30', '2026-09-20'), end: at('23:00') }, visit)).toEqual([
      { field: 'start', code: 'outside_visit' },
      { field: 'end', code: 'end_before_start' },
    ])
  })

  it('treats times that are not numbers as problems', () => {
    expect(validateItemTimes({ start: Number.NaN, end: Number.NaN }, visit)).toEqual([
      { field: 'start', code: 'outside_visit' },
      { field: 'end', code: 'end_before_start' },
    ])
  })

  it('uses the visit’s zone, also on a day with a clock change', () => {
    const autumn = { startDate: '2026-10-25', endDate: '2026-10-25', timeZone: zone }
    // The day has 25 hours: 22:00 UTC on the 24th to 23:00 UTC on the 25th.
    expect(
      validateItemTimes({ start: Date.UTC(2026, 9, 24, 22), end: Date.UTC(2026, 9, 25, 23) }, autumn),
    ).toEqual([])
    expect(
      validateItemTimes({ start: Date.UTC(2026, 9, 24, 21, 59), end: Date.UTC(2026, 9, 24, 23) }, autumn),
    ).toEqual([{ field: 'start', code: 'outside_visit' }])
    const utc = { ...autumn, timeZone: 'UTC' }
    expect(
      validateItemTimes({ start: Date.UTC(2026, 9, 24, 22), end: Date.UTC(2026, 9, 24, 23) }, utc),
    ).toEqual([
      { field: 'start', code: 'outside_visit' },
      { field: 'end', code: 'outside_visit' },
    ])
  })
})

describe('localInstant: a typed time is never moved silently', () => {
  it('refuses 02:30 on the day summer time starts, naming the gap', () => {
    const read = localInstant('2026-03-29', '02:30', zone)
    expect(read.problem).toEqual({ code: 'in_gap', gapStart: '02:00', gapEnd: '03:00' })
    expect(Number.isNaN(read.at)).toBe(true)
    expect(localTimeProblemMessage(read.problem!)).toBe('travel.validation.timeInGap:1200180')
  })

  it('asks which 02:30 on the night the clocks go back, and takes the one chosen', () => {
    const asked = localInstant('2026-10-25', '02:30', zone)
    expect(asked.problem).toEqual({ code: 'twice', earlierOffset: 120, laterOffset: 60 })
    expect(localTimeProblemMessage(asked.problem!)).toBe('travel.validation.timeTwice:11201060')
    expect(localInstant('2026-10-25', '02:30', zone, 'earlier')).toEqual({
      at: Date.parse('2026-10-25T00:30:00Z'),
    })
    expect(localInstant('2026-10-25', '02:30', zone, 'later')).toEqual({
      at: Date.parse('2026-10-25T01:30:00Z'),
    })
  })

  it('reads an ordinary time as it is, whatever fold is sent', () => {
    expect(localInstant(day, '14:00', zone)).toEqual({ at: at('14:00') })
    expect(localInstant(day, '14:00', zone, 'later')).toEqual({ at: at('14:00') })
  })
})

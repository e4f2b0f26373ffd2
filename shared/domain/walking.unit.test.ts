import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultTravelSettings, greatCircleMetres, legMinutes } from './walking'

describe('greatCircleMetres', () => {
  it('is zero for one and the same point', () => {
    expect(greatCircleMetres({ lat: 52.15, lng: 4.5 }, { lat: 52.15, lng: 4.5 })).toBe(0)
  })

  it('gives 111.195 km for one degree along a meridian or the equator', () => {
    expect(greatCircleMetres({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo(111_195.08, 1)
    expect(greatCircleMetres({ lat: 0, lng: 0 }, { lat: 0, lng: 1 })).toBeCloseTo(111_195.08, 1)
  })

  it('gives about 37 km from Amsterdam Centraal to Leiden Centraal', () => {
    expect(greatCircleMetres({ lat: 52.3791, lng: 4.9003 }, { lat: 52.1664, lng: 4.4817 })).toBeCloseTo(
      37_021.41,
      1,
    )
  })

  it('gives half the circumference for antipodal points', () => {
    expect(greatCircleMetres({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(Math.PI * 6_371_008.8, 3)
  })

  it('is symmetric and never negative', () => {
    const point = fc.record({
      lat: fc.double({ min: -90, max: 90, noNaN: true }),
      lng: fc.double({ min: -180, max: 180, noNaN: true }),
    })
    fc.assert(
      fc.property(point, point, (a, b) => {
        const d = greatCircleMetres(a, b)
        expect(d).toBeGreaterThanOrEqual(0)
        expect(d).toBeLessThanOrEqual(Math.PI * 6_371_008.8 + 1e-6)
        expect(greatCircleMetres(b, a)).toBeCloseTo(d, 6)
      }),
    )
  })
})

describe('legMinutes', () => {
  it('has the documented defaults', () => {
    expect(defaultTravelSettings).toEqual({
      walkingSpeedKmh: 4.5,
      cyclingSpeedKmh: 15,
      busSpeedKmh: 20,
      carSpeedKmh: 60,
      detourFactor: 1.3,
    })
  })

  it('walks 1 km of straight line in 18 minutes (1.3 km of street at 75 m a minute, rounded up)', () => {
    expect(legMinutes(1000, 'walk')).toBe(18)
  })

  it('cycles and takes the bus faster', () => {
    expect(legMinutes(1000, 'cycle')).toBe(6) // 1300 m at 250 m/min = 5.2
    expect(legMinutes(1000, 'bus')).toBe(4) // 1300 m at 333⅓ m/min = 3.9
  })

  it('gives a whole number exactly when the leg fits exactly', () => {
    expect(legMinutes(750, 'walk')).toBe(13) // 975 m at 75 m/min
    expect(legMinutes(0, 'walk')).toBe(0)
  })

  it('does not round floating-point noise up to an extra minute', () => {
    // 750 * 1.1 / 75 is 11.000000000000002 in floating point.
    expect(legMinutes(750, 'walk', { detourFactor: 1.1 })).toBe(11)
  })

  it('uses the given speeds and detour factor', () => {
    expect(legMinutes(1000, 'walk', { walkingSpeedKmh: 6 })).toBe(13) // 1300 m at 100 m/min
    expect(legMinutes(1000, 'walk', { detourFactor: 1 })).toBe(14) // 13.3
    expect(legMinutes(1000, 'cycle', { cyclingSpeedKmh: 19.5 })).toBe(4) // 1300 m at 325 m/min
    expect(legMinutes(1000, 'bus', { busSpeedKmh: 39 })).toBe(2)
  })

  it('ignores settings given as undefined', () => {
    expect(legMinutes(1000, 'walk', { walkingSpeedKmh: undefined })).toBe(18)
  })

  it('refuses negative distances, non-positive speeds and detours below 1', () => {
    expect(() => legMinutes(-1, 'walk')).toThrow(RangeError)
    expect(() => legMinutes(Number.NaN, 'walk')).toThrow(RangeError)
    expect(() => legMinutes(100, 'walk', { walkingSpeedKmh: 0 })).toThrow(RangeError)
    expect(() => legMinutes(100, 'bus', { busSpeedKmh: -5 })).toThrow(RangeError)
    expect(() => legMinutes(100, 'walk', { detourFactor: 0.9 })).toThrow(RangeError)
  })

  it('never decreases with distance', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 50_000, noNaN: true }),
        fc.double({ min: 0, max: 50_000, noNaN: true }),
        fc.constantFrom('walk' as const, 'cycle' as const, 'bus' as const),
        (x, y, mode) => {
          const [near, far] = x <= y ? [x, y] : [y, x]
          expect(legMinutes(near, mode)).toBeLessThanOrEqual(legMinutes(far, mode))
        },
      ),
    )
  })
})

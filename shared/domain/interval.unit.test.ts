import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  contains,
  type Interval,
  intersectAll,
  intersection,
  isEmpty,
  isWithinAny,
  overlaps,
  union,
} from './interval'

const iv = (start: number, end: number): Interval => ({ start, end })

/** Small integer bounds: with integer ends, a point k stands for the whole unit [k, k + 1). */
const interval = fc
  .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 12 }))
  .map(([start, length]) => iv(start, start + length))
const intervalList = fc.array(interval, { maxLength: 8 })
const points = Array.from({ length: 56 }, (_, k) => k - 2)
const covers = (list: readonly Interval[], p: number): boolean => list.some((i) => i.start <= p && p < i.end)

describe('overlaps', () => {
  it('is true when the intervals share time', () => {
    expect(overlaps(iv(0, 10), iv(5, 15))).toBe(true)
    expect(overlaps(iv(0, 10), iv(2, 3))).toBe(true)
  })

  it('is false for touching intervals', () => {
    expect(overlaps(iv(0, 10), iv(10, 20))).toBe(false)
    expect(overlaps(iv(10, 20), iv(0, 10))).toBe(false)
  })

  it('is false for an empty interval, even inside another', () => {
    expect(overlaps(iv(5, 5), iv(0, 10))).toBe(false)
  })

  it('is symmetric', () => {
    fc.assert(fc.property(interval, interval, (a, b) => overlaps(a, b) === overlaps(b, a)))
  })

  it('agrees with sharing a point', () => {
    fc.assert(
      fc.property(interval, interval, (a, b) => {
        expect(overlaps(a, b)).toBe(points.some((p) => covers([a], p) && covers([b], p)))
      }),
    )
  })
})

describe('contains', () => {
  it('accepts equal bounds and rejects a slip over either end', () => {
    expect(contains(iv(0, 10), iv(0, 10))).toBe(true)
    expect(contains(iv(0, 10), iv(2, 8))).toBe(true)
    expect(contains(iv(0, 10), iv(-1, 5))).toBe(false)
    expect(contains(iv(0, 10), iv(5, 11))).toBe(false)
  })

  it('treats a zero-length inner as a point on the closed outer range', () => {
    expect(contains(iv(0, 10), iv(10, 10))).toBe(true)
    expect(contains(iv(0, 10), iv(11, 11))).toBe(false)
  })
})

describe('intersection', () => {
  it('returns the common part, or null for touching and apart', () => {
    expect(intersection(iv(0, 10), iv(5, 15))).toEqual(iv(5, 10))
    expect(intersection(iv(0, 10), iv(10, 15))).toBeNull()
    expect(intersection(iv(0, 10), iv(12, 15))).toBeNull()
  })

  it('is contained in both and holds exactly the shared points', () => {
    fc.assert(
      fc.property(interval, interval, (a, b) => {
        const common = intersection(a, b)
        if (common !== null) {
          expect(contains(a, common)).toBe(true)
          expect(contains(b, common)).toBe(true)
          expect(isEmpty(common)).toBe(false)
        }
        for (const p of points)
          expect(covers(common ? [common] : [], p)).toBe(covers([a], p) && covers([b], p))
      }),
    )
  })
})

describe('union', () => {
  it('merges overlapping and touching ranges, keeps gaps, sorts, drops empties', () => {
    expect(union([iv(20, 30), iv(0, 10), iv(10, 12), iv(5, 8), iv(40, 40), iv(14, 15)])).toEqual([
      iv(0, 12),
      iv(14, 15),
      iv(20, 30),
    ])
    expect(union([])).toEqual([])
  })

  it('does not change its input', () => {
    const input = [iv(5, 6), iv(0, 1)]
    union(input)
    expect(input).toEqual([iv(5, 6), iv(0, 1)])
  })

  it('is sorted, disjoint, not touching, and covers the same points', () => {
    fc.assert(
      fc.property(intervalList, (list) => {
        const merged = union(list)
        for (const i of merged) expect(isEmpty(i)).toBe(false)
        for (let k = 1; k < merged.length; k++) expect(merged[k - 1]!.end).toBeLessThan(merged[k]!.start)
        for (const p of points) expect(covers(merged, p)).toBe(covers(list, p))
      }),
    )
  })

  it('is idempotent', () => {
    fc.assert(
      fc.property(intervalList, (list) => {
        expect(union(union(list))).toEqual(union(list))
      }),
    )
  })
})

describe('intersectAll', () => {
  it('keeps only the time every set has', () => {
    const ann = [iv(9, 12), iv(14, 17)]
    const bob = [iv(10, 15)]
    const cas = [iv(0, 11), iv(16, 24)]
    expect(intersectAll([ann, bob])).toEqual([iv(10, 12), iv(14, 15)])
    expect(intersectAll([ann, bob, cas])).toEqual([iv(10, 11)])
  })

  it('is empty when one set is empty or the sets only touch', () => {
    expect(intersectAll([[iv(0, 10)], []])).toEqual([])
    expect(intersectAll([[iv(0, 10)], [iv(10, 20)]])).toEqual([])
  })

  it('merges within one set first', () => {
    expect(intersectAll([[iv(0, 5), iv(5, 10)]])).toEqual([iv(0, 10)])
  })

  it('of no sets at all is every instant', () => {
    expect(intersectAll([])).toEqual([iv(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY)])
  })

  it('is commutative', () => {
    fc.assert(
      fc.property(intervalList, intervalList, intervalList, (a, b, c) => {
        const expected = intersectAll([a, b, c])
        expect(intersectAll([b, a, c])).toEqual(expected)
        expect(intersectAll([c, b, a])).toEqual(expected)
        expect(intersectAll([a, c, b])).toEqual(expected)
      }),
    )
  })

  it('holds exactly the points every set covers, as a merged list', () => {
    fc.assert(
      fc.property(fc.array(intervalList, { minLength: 1, maxLength: 4 }), (sets) => {
        const common = intersectAll(sets)
        expect(union(common)).toEqual(common)
        for (const p of points) expect(covers(common, p)).toBe(sets.every((set) => covers(set, p)))
      }),
    )
  })
})

describe('isWithinAny', () => {
  it('accepts an interval spanning two touching ranges, since they merge', () => {
    expect(isWithinAny(iv(9, 11), [iv(10, 12), iv(8, 10)])).toBe(true)
  })

  it('rejects an interval spanning a gap, or sticking out at an end', () => {
    expect(isWithinAny(iv(9, 11), [iv(8, 10), iv(10.5, 12)])).toBe(false)
    expect(isWithinAny(iv(11, 13), [iv(8, 12)])).toBe(false)
    expect(isWithinAny(iv(1, 2), [])).toBe(false)
  })

  it('agrees with covering every point of the interval', () => {
    fc.assert(
      fc.property(interval, intervalList, (i, ranges) => {
        fc.pre(!isEmpty(i))
        const everyPoint = points.filter((p) => covers([i], p)).every((p) => covers(ranges, p))
        expect(isWithinAny(i, ranges)).toBe(everyPoint)
      }),
    )
  })
})

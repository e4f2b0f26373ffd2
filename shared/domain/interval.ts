/**
 * Half-open intervals of instants, [start, end) in epoch milliseconds (UTC).
 * Half-open so that a slot ending at 14:00 and one starting at 14:00 neither overlap nor leave a gap.
 */
export type Interval = { readonly start: number; readonly end: number }

/** True when the interval holds no instant at all (start at or after end). */
export function isEmpty(interval: Interval): boolean {
  return !(interval.start < interval.end)
}

/** True when a and b share at least one instant; touching intervals do not overlap. */
export function overlaps(a: Interval, b: Interval): boolean {
  return Math.max(a.start, b.start) < Math.min(a.end, b.end)
}

/** True when every instant of inner lies in outer (bounds compared, so a zero-length inner is a point). */
export function contains(outer: Interval, inner: Interval): boolean {
  return outer.start <= inner.start && inner.end <= outer.end
}

/** The instants a and b have in common, or null when they do not overlap. */
export function intersection(a: Interval, b: Interval): Interval | null {
  const start = Math.max(a.start, b.start)
  const end = Math.min(a.end, b.end)
  return start < end ? { start, end } : null
}

/** The same instants as a sorted list of disjoint, non-touching intervals (empty ones dropped). */
export function union(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => !isEmpty(i)).sort((a, b) => a.start - b.start || a.end - b.end)
  const merged: Interval[] = []
  for (const next of sorted) {
    const last = merged[merged.length - 1]
    // Touching ranges merge too: 09:00–10:00 and 10:00–11:00 together cover 09:00–11:00 without a gap.
    if (last !== undefined && next.start <= last.end) {
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, next.end) }
    } else {
      merged.push({ start: next.start, end: next.end })
    }
  }
  return merged
}

/** The instants present in every one of the sets; with no sets at all, every instant (one unbounded range). */
export function intersectAll(sets: readonly (readonly Interval[])[]): Interval[] {
  let result: Interval[] = [{ start: Number.NEGATIVE_INFINITY, end: Number.POSITIVE_INFINITY }]
  for (const set of sets) {
    result = intersectSorted(result, union(set))
    if (result.length === 0) break
  }
  return result
}

/** True when the interval lies entirely inside one range after merging the ranges. */
export function isWithinAny(interval: Interval, ranges: readonly Interval[]): boolean {
  return union(ranges).some((range) => contains(range, interval))
}

/** Intersection of two sorted, disjoint lists, walked side by side. */
function intersectSorted(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const x = a[i]!
    const y = b[j]!
    const common = intersection(x, y)
    if (common !== null) out.push(common)
    if (x.end < y.end) i++
    else j++
  }
  return out
}

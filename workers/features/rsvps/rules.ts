/** Guests' registrations: how many fit, who moves up from the waitlist, what the caterers need to know. */
import { dietaryOptions } from '../../../shared/db/schema'
import type { ReleaseSnapshot } from '../../../shared/domain/release-snapshot'

export type DietaryOption = (typeof dietaryOptions)[number]

/**
 * The most guests (party sizes added up) a registration for these groups may join: the smallest of the visit's
 * own limit and the capacities of the venues of every non-cancelled item that concerns the guest (items for
 * everyone and items of their groups). Unknown capacities are no limit; null when nothing limits.
 */
export function effectiveCapacity(
  visitCapacity: number | null,
  snapshot: Pick<ReleaseSnapshot, 'venues' | 'items'>,
  groupIds: readonly string[],
): number | null {
  const capacityOf = new Map(snapshot.venues.map((v) => [v.id, v.capacity]))
  let limit = visitCapacity
  for (const item of snapshot.items) {
    if (item.cancelled || !item.venueId) continue
    const concerns = item.groupIds.length === 0 || item.groupIds.some((g) => groupIds.includes(g))
    const capacity = capacityOf.get(item.venueId)
    if (!concerns || capacity === null || capacity === undefined) continue
    limit = limit === null ? capacity : Math.min(limit, capacity)
  }
  return limit
}

/** A waitlisted registration; `capacity` is its own limit when it differs per guest (their groups). */
export type WaitlistEntry = { id: string; partySize: number; capacity?: number | null }

/**
 * Who moves up from the waitlist now, first come first served: entries in the order they registered, taken
 * while they fit. It stops at the first that does not fit, so nobody is skipped by a smaller party behind them.
 */
export function promotions(
  waitlist: readonly WaitlistEntry[],
  confirmedTotal: number,
  capacity: number | null,
): string[] {
  const promoted: string[] = []
  let total = confirmedTotal
  for (const entry of waitlist) {
    const limit = entry.capacity === undefined ? capacity : entry.capacity
    if (limit !== null && total + entry.partySize > limit) break
    promoted.push(entry.id)
    total += entry.partySize
  }
  return promoted
}

/** Dietary needs added up for the kitchen: each option counts the whole party; notes are only counted. */
export type DietaryTotals = { byOption: Record<DietaryOption, number>; notes: number }

/** Adds up the dietary needs of registrations, weighted by party size, plus how many wrote a note. */
export function dietaryTotals(
  rsvps: readonly { partySize: number; dietary: readonly DietaryOption[]; dietaryNotes: string }[],
): DietaryTotals {
  const byOption = Object.fromEntries(dietaryOptions.map((o) => [o, 0])) as Record<DietaryOption, number>
  let notes = 0
  for (const r of rsvps) {
    for (const option of new Set(r.dietary)) byOption[option] += r.partySize
    if (r.dietaryNotes.trim() !== '') notes++
  }
  return { byOption, notes }
}

/** Reads the stored JSON list of dietary options, dropping anything that is not (or no longer) an option. */
export function parseDietary(json: string): DietaryOption[] {
  const known = new Set<string>(dietaryOptions)
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value)
      ? value.filter((x): x is DietaryOption => typeof x === 'string' && known.has(x))
      : []
  } catch {
    return []
  }
}

/** Reads the stored JSON list of group ids. */
export function parseIds(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

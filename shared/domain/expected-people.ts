/** How many people to expect at an item, for those who receive them (a host): numbers only, never names. */
import { contextOf, expectedAttendance } from './clash-context'
import type { ClashInput } from './clashes'

/**
 * The expected number of people at each of the given items, counted as the capacity check counts them (the
 * number set on the item, else the company and the confirmed guests who go); null when nothing is known.
 * Cancelled items are left out.
 */
export function expectedPeople(
  input: ClashInput,
  itemIds: ReadonlySet<string>,
): Record<string, number | null> {
  // Only the items asked about: the context pairs overlapping items, and a host's venue has a handful.
  const ctx = contextOf({ ...input, items: input.items.filter((i) => itemIds.has(i.id)) }, {})
  const out: Record<string, number | null> = {}
  for (const item of ctx.items) out[item.id] = expectedAttendance(ctx, item)?.people ?? null
  return out
}

/** What an audit entry says about a change: the fields that changed, before and after, private values masked. */

export type ChangeSummary = { before: Record<string, unknown>; after: Record<string, unknown> }

/** Fields whose values never go into the log (the fact that they changed does). */
export const privateFields = new Set([
  'hostContact',
  'email',
  'contact',
  'dietaryNeeds',
  'phone',
  'tokenHash',
])

const MASK = '•••'

/** Keeps the changed keys only; for a creation (no before) or deletion (no after) keeps all keys given. */
export function changeSummary(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): ChangeSummary {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  const out: ChangeSummary = { before: {}, after: {} }
  for (const key of keys) {
    const a = before?.[key]
    const b = after?.[key]
    if (before && after && JSON.stringify(a) === JSON.stringify(b)) continue
    const mask = (value: unknown) =>
      privateFields.has(key) && value !== undefined && value !== '' ? MASK : value
    if (before) out.before[key] = mask(a instanceof Date ? a.toISOString() : a)
    if (after) out.after[key] = mask(b instanceof Date ? b.toISOString() : b)
  }
  return out
}

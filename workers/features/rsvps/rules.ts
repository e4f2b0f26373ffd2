/** Guests' registrations: what the caterers need to know (who fits is shared/domain/capacity.ts). */
import { dietaryOptions } from '../../../shared/domain/diets'

export type DietaryOption = (typeof dietaryOptions)[number]

/** Persons per dietary need in one registration: only the needs that apply, each at least 1. */
export type DietaryCounts = Partial<Record<DietaryOption, number>>

/** Dietary needs added up for the kitchen, in persons; notes are only counted (their text is private). */
export type DietaryTotals = { byOption: Record<DietaryOption, number>; notes: number }

/**
 * Adds up the persons per dietary need over registrations, plus how many wrote a note. A count is never more
 * than its party (a registration changed to a smaller party keeps no phantom vegetarians). `registrations`
 * says how many alike registrations an entry stands for (1 when not given): counts grouped by SQLite.
 */
export function dietaryTotals(
  rsvps: readonly {
    partySize: number
    dietary: DietaryCounts
    dietaryNotes: string
    registrations?: number
  }[],
): DietaryTotals {
  const byOption = Object.fromEntries(dietaryOptions.map((o) => [o, 0])) as Record<DietaryOption, number>
  let notes = 0
  for (const r of rsvps) {
    const n = r.registrations ?? 1
    for (const option of dietaryOptions) byOption[option] += Math.min(r.dietary[option] ?? 0, r.partySize) * n
    if (r.dietaryNotes.trim() !== '') notes += n
  }
  return { byOption, notes }
}

/** The needs of one registration in words, for lists and spreadsheets: `Vegetarisch: 1`, in option order. */
export function describeDietary(dietary: DietaryCounts, labels: Record<DietaryOption, string>): string[] {
  return dietaryOptions.flatMap((option) =>
    dietary[option] ? [`${labels[option]}: ${dietary[option]}`] : [],
  )
}

/** The total number of persons with a need of this registration: its `dietary` counts added up. */
export const personsWithNeeds = (dietary: DietaryCounts) =>
  Object.values(dietary).reduce((sum, n) => sum + (n ?? 0), 0)

/** The needs that name more persons than the party has: a registration with any is refused. */
export function needsAboveParty(dietary: DietaryCounts, partySize: number): DietaryOption[] {
  return dietaryOptions.filter((option) => (dietary[option] ?? 0) > partySize)
}

/**
 * Reads stored dietary needs. Today's shape is an object of persons per need; registrations made before
 * persons were asked hold a list of ticked needs, each read as one person (the form asked for "someone in
 * your party", so one is what is known). Anything that is not (or no longer) a need is dropped.
 */
export function parseDietary(json: string): DietaryCounts {
  const known = new Set<string>(dietaryOptions)
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    return {}
  }
  const out: DietaryCounts = {}
  if (Array.isArray(value)) {
    for (const x of value) if (typeof x === 'string' && known.has(x)) out[x as DietaryOption] = 1
  } else if (value && typeof value === 'object') {
    for (const [key, n] of Object.entries(value)) {
      if (known.has(key) && Number.isInteger(n) && (n as number) > 0) out[key as DietaryOption] = n as number
    }
  }
  return out
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

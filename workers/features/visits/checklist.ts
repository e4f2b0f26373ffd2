/**
 * What is left to do for a visit, in the order a committee does it: venues with coordinates, programme items,
 * speakers, guests' registration, publish. Each step links to where it is done and is ticked once done.
 */

export type ChecklistStep = {
  key: 'venues' | 'programme' | 'speakers' | 'registration' | 'publish'
  done: boolean
  href: string
  /** How many there are, where a number helps ("2 van 3 locaties hebben coördinaten"). */
  count?: { done: number; of: number } | undefined
}

/** The counts the checklist needs beyond the items and venues (read with the programme, no extra trip). */
export type ChecklistFacts = { speakers: number; registrations: number; releases: number }

/** The steps, from the visit, the venues its programme uses, its items and the facts above. */
export function visitChecklist(input: {
  visit: { id: string; teamId: string; rsvpCapacity?: number | null | undefined }
  venues: readonly { id: string; lat: number | null; lng: number | null }[]
  items: number
  facts: ChecklistFacts
  /** Changes waiting to be published (when known): a published visit with changes is not done. */
  pendingChanges?: number | undefined
}): ChecklistStep[] {
  const base = `/visits/${input.visit.id}`
  const placed = input.venues.filter((v) => v.lat !== null && v.lng !== null).length
  // A venue of the programme still without coordinates: straight to its page, where a map link or the
  // address fills them; otherwise the team's venues, to add one.
  const unplaced = input.venues.find((v) => v.lat === null || v.lng === null)
  return [
    {
      key: 'venues',
      done: input.venues.length > 0 && placed === input.venues.length,
      href: unplaced ? `/venues/${unplaced.id}` : `/teams/${input.visit.teamId}/venues`,
      count: { done: placed, of: input.venues.length },
    },
    { key: 'programme', done: input.items > 0, href: `${base}/programme` },
    { key: 'speakers', done: input.facts.speakers > 0, href: `${base}/talks` },
    {
      key: 'registration',
      done: input.facts.registrations > 0 || (input.visit.rsvpCapacity ?? null) !== null,
      href: `${base}/rsvps`,
    },
    {
      key: 'publish',
      done: input.facts.releases > 0 && (input.pendingChanges ?? 0) === 0,
      href: `${base}/releases`,
    },
  ]
}

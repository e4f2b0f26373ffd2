/** Catering planned from the real headcount: who is there, how much that makes, what it costs. Pure. */
import type { CateringStatus, QuantityRule } from '../../../shared/db/schema'
import { dietaryOptions } from '../../../shared/domain/diets'
import { type DietaryCounts, type DietaryOption, dietaryTotals } from '../rsvps/rules'

/** Persons per dietary need, every need present (0 when nobody). */
export type DietaryByOption = Record<DietaryOption, number>

/**
 * Confirmed registrations that look alike, counted once: the same party size, groups and needs. SQLite
 * groups them, so 1,000 registrations arrive as the few hundred shapes they come in.
 */
export type GuestShape = {
  partySize: number
  groupIds: readonly string[]
  dietary: DietaryCounts
  registrations: number
}

/**
 * Confirmed registrations already added up for one set of groups: their number, persons, and persons per
 * need with rsvps' rule applied to each registration (SQLite's triggers keep these, migration 0017).
 */
export type GuestSum = {
  groupIds: readonly string[]
  registrations: number
  persons: number
  needs: DietaryByOption
}

/**
 * A free-text note about food (a guest's or a company member's), with the groups of whoever wrote it, and how
 * many wrote the same (1 when not given).
 */
export type FoodNote = { text: string; groupIds: readonly string[]; count?: number }

/** Everyone the system knows will be there, in the shapes the headcount reads. No names. */
export type HeadcountSources = {
  guests: readonly GuestShape[]
  /** Guests already added up per set of groups, counted beside `guests`. */
  guestSums?: readonly GuestSum[]
  /** Confirmed guests whose address is also a team member's or a speaker's: they are counted once. */
  guestAddresses: readonly { email: string; groupIds: readonly string[] }[]
  /** Company members per group (null: in no group). */
  company: readonly { groupId: string | null; people: number }[]
  notes: readonly FoodNote[]
  team: readonly { email: string; groupId: string | null }[]
  /** Confirmed speakers; groupIds are those of the items of their talks ([]: the whole company). */
  speakers: readonly { email: string; groupIds: readonly string[] }[]
}

/** How many persons an order counts, and where each of them comes from. */
export type Headcount = {
  persons: number
  guests: number
  registrations: number
  company: number
  team: number
  speakers: number
  extra: number
  /** Team members and speakers who also registered as a guest (or both): counted once. */
  countedOnce: number
  dietary: DietaryByOption
  /** The notes as written, without who wrote them, in alphabetical order (never in the order they came). */
  notes: string[]
}

/**
 * Whether someone with these groups is at an item for these groups. An item for no group in particular is
 * for everyone; someone in no group follows the whole company and is counted at every item.
 */
export function concerns(itemGroupIds: readonly string[], groupIds: readonly string[]): boolean {
  if (itemGroupIds.length === 0 || groupIds.length === 0) return true
  return groupIds.some((g) => itemGroupIds.includes(g))
}

/** No needs yet: every need at 0 (written out: Object.fromEntries is slow on a hot path). */
const noNeeds = (): DietaryByOption => ({
  vegetarian: 0,
  vegan: 0,
  halal: 0,
  kosher: 0,
  gluten_free: 0,
  lactose_free: 0,
  nut_allergy: 0,
})

/** Alphabetical in Dutch, with one collator (localeCompare with a locale builds one per call). */
const alphabetical = new Intl.Collator('nl').compare

/** Someone counted once at most, by address (lower-cased), with the groups they go with. */
type Counted = { email: string; groupIds: readonly string[] }

/**
 * The sources as the headcount reads them: guests added up per set of groups, the notes sorted once, the
 * addresses of those counted once lower-cased once.
 */
type Prepared = {
  /** Guests who follow the same groups, added up: an item's guests are found without visiting each shape. */
  guests: GuestSum[]
  notes: (FoodNote & { count: number })[]
  addresses: Counted[]
  team: Counted[]
  speakers: Counted[]
}

/** The work of a headcount that does not depend on the item, done once for all the items of a plan. */
function prepare(sources: HeadcountSources): Prepared {
  // Keyed by the list itself when the caller shares one list per set of groups (the plan does), else by value.
  const byGroups = new Map<
    readonly string[] | string,
    { groupIds: readonly string[]; shapes: GuestShape[]; sums: GuestSum[] }
  >()
  const byValue = new Map<string, readonly string[]>()
  const entryOf = (groupIds: readonly string[]) => {
    let key: readonly string[] | undefined = groupIds
    if (!byGroups.has(key)) {
      const value = [...groupIds].sort().join(' ')
      key = byValue.get(value) ?? groupIds
      byValue.set(value, key)
    }
    const entry = byGroups.get(key) ?? { groupIds, shapes: [], sums: [] }
    byGroups.set(key, entry)
    return entry
  }
  for (const shape of sources.guests) entryOf(shape.groupIds).shapes.push(shape)
  for (const sum of sources.guestSums ?? []) entryOf(sum.groupIds).sums.push(sum)
  const guests = [...byGroups.values()].map(({ groupIds, shapes, sums }) => {
    // rsvps' own sum (persons per need, never more than the party), each shape counted for its registrations.
    const needs = dietaryTotals(shapes.map(withoutNotes)).byOption
    for (const sum of sums) for (const option of dietaryOptions) needs[option] += sum.needs[option]
    return {
      groupIds,
      persons:
        shapes.reduce((n, s) => n + s.partySize * s.registrations, 0) +
        sums.reduce((n, s) => n + s.persons, 0),
      registrations:
        shapes.reduce((n, s) => n + s.registrations, 0) + sums.reduce((n, s) => n + s.registrations, 0),
      needs,
    }
  })
  return {
    guests,
    notes: sources.notes
      .map((n) => ({ text: n.text.trim(), groupIds: n.groupIds, count: n.count ?? 1 }))
      .filter((n) => n.text !== '')
      .sort((a, b) => alphabetical(a.text, b.text)),
    addresses: sources.guestAddresses.map((g) => ({ email: g.email.toLowerCase(), groupIds: g.groupIds })),
    team: sources.team.map((m) => ({ email: m.email.toLowerCase(), groupIds: m.groupId ? [m.groupId] : [] })),
    speakers: sources.speakers.map((m) => ({ email: m.email.toLowerCase(), groupIds: m.groupIds })),
  }
}

/** A shape as rsvps' dietaryTotals reads a registration: its notes are counted elsewhere. */
const withoutNotes = (s: GuestShape) => ({
  partySize: s.partySize,
  dietary: s.dietary,
  registrations: s.registrations,
  dietaryNotes: '',
})

/**
 * The headcount of an item: confirmed guests with their party sizes, the company, the team members present
 * and the confirmed speakers — of the item's groups only when it is for some groups — plus the extra persons
 * the team adds. Each person once: a speaker or team member who also registered counts as that guest.
 */
export function headcount(
  itemGroupIds: readonly string[],
  sources: HeadcountSources,
  extraPersons = 0,
): Headcount {
  return headcounter(sources)(itemGroupIds, extraPersons)
}

/**
 * The headcount of many items from the same sources (a plan's orders): what does not depend on the item is
 * worked out once, here, rather than per order — and forgotten with the counter, not kept per sources.
 */
export function headcounter(
  sources: HeadcountSources,
): (itemGroupIds: readonly string[], extraPersons?: number) => Headcount {
  const { guests: sums, notes: allNotes, addresses, team: present, speakers: speaking } = prepare(sources)
  return (itemGroupIds, extraPersons = 0) => {
    const dietary = noNeeds()
    let guests = 0
    let registrations = 0
    for (const sum of sums) {
      if (!concerns(itemGroupIds, sum.groupIds)) continue
      guests += sum.persons
      registrations += sum.registrations
      for (const option of dietaryOptions) dietary[option] += sum.needs[option]
    }
    let company = 0
    for (const c of sources.company)
      if (concerns(itemGroupIds, c.groupId ? [c.groupId] : [])) company += c.people
    const counted = new Set<string>()
    for (const g of addresses) if (concerns(itemGroupIds, g.groupIds)) counted.add(g.email)
    let countedOnce = 0
    /** 1 for someone not counted yet at this item, 0 (and noted) for someone who is. */
    const once = (email: string) => {
      if (counted.has(email)) {
        countedOnce++
        return 0
      }
      counted.add(email)
      return 1
    }
    let team = 0
    for (const m of present) if (concerns(itemGroupIds, m.groupIds)) team += once(m.email)
    let speakers = 0
    for (const m of speaking) if (concerns(itemGroupIds, m.groupIds)) speakers += once(m.email)
    const notes: string[] = []
    for (const n of allNotes) {
      if (!concerns(itemGroupIds, n.groupIds)) continue
      for (let i = 0; i < n.count; i++) notes.push(n.text)
    }
    const extra = Math.max(0, extraPersons)
    return {
      persons: guests + company + team + speakers + extra,
      guests,
      registrations,
      company,
      team,
      speakers,
      extra,
      countedOnce,
      dietary,
      notes,
    }
  }
}

/** The same notes told once each, with how often they were written: `Graag zonder ui (2×)`. */
export function groupedNotes(notes: readonly string[]): { text: string; count: number }[] {
  const counts = new Map<string, number>()
  for (const note of notes) counts.set(note, (counts.get(note) ?? 0) + 1)
  return [...counts].map(([text, count]) => ({ text, count }))
}

/** How many units an order comes to: `amount` per person, one per `amount` persons, or `amount` in all. */
export function quantityFor(rule: QuantityRule, amount: number, persons: number): number {
  switch (rule) {
    case 'per_person':
      return persons * amount
    case 'per_persons':
      return amount > 0 ? Math.ceil(persons / amount) : 0
    case 'fixed':
      return amount
  }
}

/**
 * Whether an amount makes sense for its rule: "0 per person" or "one per 0 persons" counts nothing, so only
 * a fixed number may be 0. Either unknown (a change that leaves it as it was) is not judged here.
 */
export function amountCounts(rule: QuantityRule | undefined, amount: number | undefined): boolean {
  return rule === undefined || amount === undefined || rule === 'fixed' || amount >= 1
}

/** The numbers of an order as they are now, or as they were sent to the provider. */
export type OrderNumbers = {
  persons: number
  quantity: number
  costCents: number
  dietary: DietaryByOption
  notes: string[]
}

/** The numbers an order comes to from its headcount, rule and unit cost. */
export function orderNumbers(
  order: { rule: QuantityRule; amount: number; unitCostCents: number },
  count: Pick<Headcount, 'persons' | 'dietary' | 'notes'>,
): OrderNumbers {
  const quantity = quantityFor(order.rule, order.amount, count.persons)
  return {
    persons: count.persons,
    quantity,
    costCents: quantity * order.unitCostCents,
    dietary: { ...count.dietary },
    notes: [...count.notes],
  }
}

/** What changed since the numbers were sent: only what differs; null when nothing did. */
export type NumbersDifference = {
  persons: number
  quantity: number
  costCents: number
  dietary: Partial<Record<DietaryOption, number>>
  notesAdded: string[]
  notesGone: string[]
}

/** Each note of `a` that `b` does not have (as many times as `a` has it more often). */
function notesMissing(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>()
  for (const note of b) left.set(note, (left.get(note) ?? 0) + 1)
  const out: string[] = []
  for (const note of a) {
    const n = left.get(note) ?? 0
    if (n > 0) left.set(note, n - 1)
    else out.push(note)
  }
  return out
}

/** The difference between the numbers as sent and as they are now ("+3 since the numbers were sent"). */
export function numbersDifference(sent: OrderNumbers, now: OrderNumbers): NumbersDifference | null {
  const dietary: Partial<Record<DietaryOption, number>> = {}
  for (const option of dietaryOptions) {
    const delta = (now.dietary[option] ?? 0) - (sent.dietary[option] ?? 0)
    if (delta !== 0) dietary[option] = delta
  }
  const diff = {
    persons: now.persons - sent.persons,
    quantity: now.quantity - sent.quantity,
    costCents: now.costCents - sent.costCents,
    dietary,
    notesAdded: notesMissing(now.notes, sent.notes),
    notesGone: notesMissing(sent.notes, now.notes),
  }
  const changed =
    diff.persons !== 0 ||
    diff.quantity !== 0 ||
    diff.costCents !== 0 ||
    Object.keys(dietary).length > 0 ||
    diff.notesAdded.length > 0 ||
    diff.notesGone.length > 0
  return changed ? diff : null
}

/** Reads stored numbers; anything unreadable (or missing) is null, so the order shows as not sent. */
export function parseNumbers(json: string | null): OrderNumbers | null {
  if (!json) return null
  try {
    const value = JSON.parse(json) as Partial<OrderNumbers>
    if (typeof value.persons !== 'number' || typeof value.quantity !== 'number') return null
    const dietary = noNeeds()
    for (const option of dietaryOptions) {
      const n = value.dietary?.[option]
      if (typeof n === 'number' && Number.isFinite(n)) dietary[option] = n
    }
    return {
      persons: value.persons,
      quantity: value.quantity,
      costCents: typeof value.costCents === 'number' ? value.costCents : 0,
      dietary,
      notes: Array.isArray(value.notes) ? value.notes.filter((n): n is string => typeof n === 'string') : [],
    }
  } catch {
    return null
  }
}

// --- status ----------------------------------------------------------------------------------------------

/** The statuses an order may go to from each status, by the team's hand. */
const teamMoves: Record<CateringStatus, readonly CateringStatus[]> = {
  planned: ['requested', 'confirmed', 'cancelled'],
  requested: ['planned', 'confirmed', 'cancelled'],
  confirmed: ['requested', 'delivered', 'cancelled'],
  // Undoing a mistaken click: delivered back to confirmed, a cancelled order planned again.
  delivered: ['confirmed'],
  cancelled: ['planned'],
}

/** Whether the team may move an order from one status to another. */
export function canMove(from: CateringStatus, to: CateringStatus): boolean {
  return teamMoves[from].includes(to)
}

/** The statuses the team may choose next for an order. */
export const nextStatuses = (from: CateringStatus): readonly CateringStatus[] => teamMoves[from]

/** A cancelled or delivered order is closed: its provider can no longer answer, nothing is sent. */
export const isClosed = (status: CateringStatus) => status === 'cancelled' || status === 'delivered'

/** What the provider's answer makes of an order: confirmed, or planned again (the team looks for another). */
export function afterAnswer(answer: 'confirm' | 'decline'): CateringStatus {
  return answer === 'confirm' ? 'confirmed' : 'planned'
}

// --- time ------------------------------------------------------------------------------------------------

/** The final numbers are needed before the item starts; a deadline after that is refused. */
export function deadlineAfterItem(deadline: number | null, itemStartsAt: number): boolean {
  return deadline !== null && deadline > itemStartsAt
}

/** When the provider is reminded: `reminderHours` before the deadline; null without one of the two. */
export function reminderAt(deadline: number | null, reminderHours: number): number | null {
  if (deadline === null || reminderHours <= 0) return null
  return deadline - reminderHours * 3_600_000
}

/**
 * What the scheduled job does for an order now: remind its provider (asked, not yet reminded, the configured
 * time before the deadline), freeze and send its numbers (at the deadline), or nothing.
 */
export function dueAction(
  order: {
    status: CateringStatus
    deadline: number | null
    reminderHours: number
    reminderSentAt: number | null
    sentAt: number | null
    hasProvider: boolean
  },
  now: number,
): 'send' | 'remind' | null {
  if (isClosed(order.status) || order.sentAt !== null || order.deadline === null) return null
  if (now >= order.deadline) return 'send'
  const remindAt = reminderAt(order.deadline, order.reminderHours)
  // Only a provider who was asked (or said yes) is reminded; one not asked yet hears at the deadline.
  const asked = order.status === 'requested' || order.status === 'confirmed'
  if (asked && order.hasProvider && order.reminderSentAt === null && remindAt !== null && now >= remindAt)
    return 'remind'
  return null
}

// --- money -----------------------------------------------------------------------------------------------

/** The visit's budget against the planned and the confirmed cost. */
export type BudgetSummary = {
  budgetCents: number | null
  plannedCents: number
  confirmedCents: number
  /** Budget left after the planned cost; negative when over. Null without a budget. */
  leftCents: number | null
  over: 'none' | 'planned' | 'confirmed'
  /** Per person at an item for everyone; null when nobody is counted yet. */
  plannedPerHeadCents: number | null
  confirmedPerHeadCents: number | null
}

/** Planned cost: every order not cancelled. Confirmed cost: orders confirmed or delivered. */
export function budgetSummary(
  orders: readonly { status: CateringStatus; costCents: number }[],
  budgetCents: number | null,
  everyone: number,
): BudgetSummary {
  const planned = orders.filter((o) => o.status !== 'cancelled').reduce((s, o) => s + o.costCents, 0)
  const confirmed = orders
    .filter((o) => o.status === 'confirmed' || o.status === 'delivered')
    .reduce((s, o) => s + o.costCents, 0)
  const over =
    budgetCents === null
      ? 'none'
      : confirmed > budgetCents
        ? 'confirmed'
        : planned > budgetCents
          ? 'planned'
          : 'none'
  const perHead = (cents: number) => (everyone > 0 ? Math.round(cents / everyone) : null)
  return {
    budgetCents,
    plannedCents: planned,
    confirmedCents: confirmed,
    leftCents: budgetCents === null ? null : budgetCents - planned,
    over,
    plannedPerHeadCents: perHead(planned),
    confirmedPerHeadCents: perHead(confirmed),
  }
}

/** The cost per person of one order; null when nobody is counted. */
export const costPerHead = (n: Pick<OrderNumbers, 'persons' | 'costCents'>) =>
  n.persons > 0 ? Math.round(n.costCents / n.persons) : null

// --- place -----------------------------------------------------------------------------------------------

/** A map link for a place: its coordinates on OpenStreetMap, or a search for its address; null without both. */
export function mapLink(place: { lat: number | null; lng: number | null; address: string }): string | null {
  if (place.lat !== null && place.lng !== null) {
    const lat = place.lat.toFixed(5)
    const lng = place.lng.toFixed(5)
    return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=18/${lat}/${lng}`
  }
  const address = place.address.trim()
  return address ? `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}` : null
}

/** How much of an order its contributions cover, when they name quantities: `{ covered: 40, of: 56 }`. */
export function coverage(
  quantity: number,
  contributions: readonly { quantity: number | null }[],
): { covered: number; of: number } | null {
  const named = contributions.filter((c) => c.quantity !== null)
  if (named.length === 0) return null
  return { covered: named.reduce((s, c) => s + (c.quantity ?? 0), 0), of: quantity }
}

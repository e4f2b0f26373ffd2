import type { CateringStatus } from '../../../shared/db/schema'
import { type Actor, visitAccess } from '../../../shared/domain/access'
import { DomainError } from '../../../shared/errors'
import type { Database } from '../../platform/env'
import { parseIds } from '../rsvps/rules'
import {
  type CateringKey,
  type CateringRows,
  type ContributionRow,
  type ItemsRead,
  loadCatering,
  type ProviderRow,
} from './queries'

export type { CateringKey }

import {
  budgetSummary,
  costPerHead,
  coverage,
  type Headcount,
  type HeadcountSources,
  headcounter,
  isClosed,
  mapLink,
  nextStatuses,
  numbersDifference,
  orderNumbers,
  parseNumbers,
} from './rules'

/**
 * How much of a visit's catering an actor sees: the team all of it (viewers without changing anything), a
 * host or caterer only the orders and contributions that are theirs (counts, never names), anyone else nothing.
 */
export type CateringAccess = 'organise' | 'read' | 'own'

/** The catering access of an actor to a visit; null: the visit does not exist for them (404). */
export function cateringAccessOf(actor: Actor, visit: { id: string; teamId: string }): CateringAccess | null {
  const access = visitAccess(actor, visit)
  if (access === 'organise' || access === 'read') return access
  return access === null ? null : 'own'
}

/** A provider as the team sees them: a person's name and address come from their account. */
export function providerView(p: CateringRows['providers'][number]) {
  const { tokenHash: _hash, personName, personEmail, ...row } = p
  return {
    ...row,
    name: row.personId && personName ? personName : row.name,
    email: row.personId && personEmail ? personEmail : row.email,
  }
}
export type ProviderView = ReturnType<typeof providerView>

/** A contribution with the name of the volunteer who brings it. */
export type ContributionView = ContributionRow & { providerName: string | null }

/** The headcount's sources from the rows of a load: guests added up per set of groups, never a person's name. */
function sourcesOf(rows: CateringRows): HeadcountSources {
  // The sums and notes repeat their stored lists of groups: each is read once (and shared, which the
  // headcount uses to add them up without comparing lists).
  const groupLists = new Map<string, string[]>()
  const groupsOf = (json: string) => {
    let list = groupLists.get(json)
    if (list === undefined) {
      list = parseIds(json)
      groupLists.set(json, list)
    }
    return list
  }
  return {
    guests: [],
    guestSums: rows.guests.map((g) => ({
      groupIds: groupsOf(g.groupIds),
      registrations: g.registrations,
      persons: g.persons,
      needs: {
        vegetarian: g.vegetarian,
        vegan: g.vegan,
        halal: g.halal,
        kosher: g.kosher,
        gluten_free: g.glutenFree,
        lactose_free: g.lactoseFree,
        nut_allergy: g.nutAllergy,
      },
    })),
    guestAddresses: rows.guestAddresses.map((g) => ({ email: g.email, groupIds: groupsOf(g.groupIds) })),
    company: rows.company.map(({ groupId, people }) => ({ groupId, people })),
    notes: [
      ...rows.guestNotes.map((n) => ({
        text: n.note,
        groupIds: groupsOf(n.groupIds),
        count: n.registrations,
      })),
      ...rows.company.flatMap((c) =>
        c.notes.map((text) => ({ text, groupIds: c.groupId ? [c.groupId] : [] })),
      ),
    ],
    team: rows.presence.map((p) => ({ email: p.email, groupId: p.groupId })),
    // A talk not placed yet, or placed in an item for everyone, puts its speaker with the whole company.
    speakers: rows.speakers.map((s) => ({ email: s.email, groupIds: s.everyone ? [] : s.groupIds })),
  }
}

const byName = new Intl.Collator('nl').compare

/** Why an order needs the team's attention. */
export type OrderWarning =
  | 'no_item'
  | 'item_cancelled'
  | 'no_provider'
  | 'declined'
  | 'deadline_passed'
  | 'no_address'
  | 'changed_since_sent'

/**
 * The plans worked out from the rows loads share (queries.ts keeps the rows of the same answer from D1):
 * each is worked out once, and used while `now` is on the same side of every order's deadline (only the
 * "deadline passed" warning depends on the time). Shared between requests, so read-only for everyone.
 */
const plans = new WeakMap<CateringRows, { plan: CateringPlan; from: number; until: number }>()

/**
 * The whole catering of a visit worked out: every order with its item, place, provider, headcount (and where
 * it comes from), quantity, cost, the numbers as sent and what changed since, its contributions; the budget.
 */
export function cateringPlan(rows: CateringRows, now: Date): CateringPlan {
  const t = now.getTime()
  const known = plans.get(rows)
  if (known && known.from <= t && t < known.until) return known.plan
  const plan = workOutPlan(rows, now)
  let from = Number.NEGATIVE_INFINITY
  let until = Number.POSITIVE_INFINITY
  for (const o of rows.orders) {
    const d = o.deadline?.getTime()
    if (d === undefined) continue
    if (d <= t) from = Math.max(from, d)
    else until = Math.min(until, d)
  }
  plans.set(rows, { plan, from, until })
  return plan
}

function workOutPlan(rows: CateringRows, now: Date) {
  const groupName = new Map(rows.groups.map((g) => [g.id, g.name]))
  const groupsOfItem = new Map<string, string[]>()
  for (const { itemId, groupId } of rows.itemGroups) {
    const list = groupsOfItem.get(itemId) ?? []
    list.push(groupId)
    groupsOfItem.set(itemId, list)
  }
  const countAt = headcounter(sourcesOf(rows))
  // The items as read (no copy of 300 rows per request); an order's item gets its groups, read for it alone.
  const items = rows.items
  const itemById = new Map(items.map((i) => [i.id, i]))
  const venueById = new Map(rows.venues.map((v) => [v.id, v]))
  const providers = rows.providers.map(providerView)
  const providerById = new Map(providers.map((p) => [p.id, p]))
  const contributionsOf = new Map<string, ContributionView[]>()
  for (const c of rows.contributions) {
    const list = contributionsOf.get(c.orderId) ?? []
    list.push({ ...c, providerName: c.providerId ? (providerById.get(c.providerId)?.name ?? null) : null })
    contributionsOf.set(c.orderId, list)
  }
  const orders = rows.orders.map((o) => {
    const row = o.itemId ? itemById.get(o.itemId) : undefined
    const item = row ? { ...row, groupIds: groupsOfItem.get(row.id)?.sort() ?? [] } : null
    const venue = item?.venueId ? (venueById.get(item.venueId) ?? null) : null
    const provider = o.providerId ? (providerById.get(o.providerId) ?? null) : null
    const count: Headcount = countAt(item?.groupIds ?? [], o.extraPersons)
    const numbers = orderNumbers(o, count)
    const sent = parseNumbers(o.sentNumbers)
    const difference = sent ? numbersDifference(sent, numbers) : null
    const contributions = contributionsOf.get(o.id) ?? []
    const warnings: OrderWarning[] = []
    if (!item) warnings.push('no_item')
    else if (item.cancelled && o.status !== 'cancelled') warnings.push('item_cancelled')
    if (!isClosed(o.status)) {
      if (!provider) warnings.push('no_provider')
      // Only when there is something to mail: numbers due at a deadline, not sent yet.
      else if (!provider.email && o.deadline && !o.sentAt) warnings.push('no_address')
      if (o.declinedAt && o.status === 'planned') warnings.push('declined')
      if (o.deadline && o.deadline.getTime() <= now.getTime() && !o.sentAt) warnings.push('deadline_passed')
      if (difference) warnings.push('changed_since_sent')
    }
    return {
      ...o,
      item,
      groupNames: (item?.groupIds ?? []).map((g) => groupName.get(g) ?? ''),
      venue: venue ? { ...venue, map: mapLink(venue) } : null,
      provider,
      count,
      numbers,
      costPerHeadCents: costPerHead(numbers),
      sent,
      difference,
      contributions,
      coverage: coverage(numbers.quantity, contributions),
      next: nextStatuses(o.status) as readonly CateringStatus[],
      warnings,
    }
  })
  const everyone = countAt([])
  return {
    visit: rows.visit,
    orders,
    providers,
    items,
    groups: rows.groups,
    members: [...rows.members].sort((a, b) => byName(a.name || a.email, b.name || b.email)),
    hosts: rows.hosts,
    presence: rows.presence.map(({ personId, groupId }) => ({ personId, groupId })),
    everyone,
    budget: budgetSummary(
      orders.map((o) => ({ status: o.status, costCents: o.numbers.costCents })),
      rows.visit.budgetCents,
      everyone.persons,
    ),
  }
}

export type CateringPlan = ReturnType<typeof workOutPlan>
export type PlannedOrder = CateringPlan['orders'][number]

/** True when a provider is this signed-in person: chosen as them, or named with their address. */
export function isProviderOf(provider: Pick<ProviderView, 'personId' | 'email'>, actor: Actor): boolean {
  if (actor.kind !== 'person') return false
  return provider.personId === actor.personId || (provider.email !== '' && provider.email === actor.email)
}

/**
 * An order as its provider (or a volunteer) sees it: what, when, where, for how many and which diets, with
 * the notes but never who wrote them; no cost, no team notes, no other provider's contact.
 */
export function orderForProvider(order: PlannedOrder, providerIds: ReadonlySet<string>) {
  return {
    id: order.id,
    kind: order.kind,
    description: order.description,
    status: order.status,
    version: order.version,
    rule: order.rule,
    amount: order.amount,
    unit: order.unit,
    deadline: order.deadline,
    sentAt: order.sentAt,
    providerNote: order.providerNote,
    respondedAt: order.respondedAt,
    mine: order.providerId !== null && providerIds.has(order.providerId),
    item: order.item
      ? {
          id: order.item.id,
          title: order.item.title,
          startsAt: order.item.startsAt,
          endsAt: order.item.endsAt,
          cancelled: order.item.cancelled,
        }
      : null,
    groupNames: order.groupNames,
    venue: order.venue,
    count: order.count,
    numbers: { ...order.numbers, costCents: 0 },
    sent: order.sent ? { ...order.sent, costCents: 0 } : null,
    difference: order.difference ? { ...order.difference, costCents: 0 } : null,
    contributions: order.contributions
      .filter((c) => c.providerId === null || providerIds.has(c.providerId))
      .map((c) => ({
        id: c.id,
        description: c.description,
        quantity: c.quantity,
        mine: c.providerId !== null && providerIds.has(c.providerId),
        takenAt: c.takenAt,
        doneAt: c.doneAt,
        version: c.version,
      })),
  }
}
export type ProviderOrder = ReturnType<typeof orderForProvider>

/**
 * What one provider sees: the orders they provide, and — for a volunteer — the orders they bring a part of or
 * whose parts are still open for volunteers to take (orders not by a supplier). Nothing else of the visit.
 */
export function providerSlice(plan: CateringPlan, providerIds: ReadonlySet<string>) {
  const volunteer = plan.providers.some((p) => providerIds.has(p.id) && p.kind !== 'supplier')
  const supplierOrder = (o: PlannedOrder) =>
    o.providerId !== null && plan.providers.find((p) => p.id === o.providerId)?.kind === 'supplier'
  const shown = plan.orders.filter((o) => {
    if (o.providerId !== null && providerIds.has(o.providerId)) return true
    if (o.contributions.some((c) => c.providerId !== null && providerIds.has(c.providerId))) return true
    // Open parts of orders brought by volunteers: any volunteer of the visit may take one.
    return (
      volunteer &&
      !isClosed(o.status) &&
      !supplierOrder(o) &&
      o.contributions.some((c) => c.providerId === null)
    )
  })
  return shown.map((o) => orderForProvider(o, providerIds))
}

/** Loads a visit's catering (named by the visit, an order, a contribution or a provider) for an actor. */
export async function loadPlanFor(
  db: Database,
  actor: Actor,
  key: CateringKey,
  now: Date,
  itemsRead: ItemsRead = 'ordered',
  /** Read already (with the session, see cateringPageRead): not read again. */
  preloaded?: CateringRows | null,
) {
  const rows = preloaded === undefined ? await loadCatering(db, key, itemsRead) : preloaded
  const access = rows ? cateringAccessOf(actor, rows.visit) : null
  if (!rows || !access) throw new DomainError('not_found')
  return { access, rows, plan: cateringPlan(rows, now) }
}

/** The provider rows of a load that are this signed-in person. */
export const providersOfActor = (rows: CateringRows, actor: Actor): ProviderRow[] =>
  rows.providers.filter((p) => isProviderOf(providerView(p), actor))

/** The plan for the team's organisers; anyone who may see it but not organise it is refused (403). */
export async function loadPlanToOrganise(
  db: Database,
  actor: Actor,
  key: CateringKey,
  now: Date,
  itemsRead: ItemsRead = 'ordered',
) {
  const loaded = await loadPlanFor(db, actor, key, now, itemsRead)
  if (loaded.access !== 'organise') throw new DomainError('forbidden')
  return loaded
}

/** A provider without contact details or notes, for viewers: who it is, not how to reach them. */
const withoutContact = (p: ProviderView) => ({ id: p.id, kind: p.kind, name: p.name, version: p.version })

/**
 * The plan as the team's API gives it: organisers everything, viewers without providers' contact details;
 * never a token. (A host's or caterer's answer is their providerSlice instead.)
 */
export function planForTeam(plan: CateringPlan, access: 'organise' | 'read') {
  const providers = access === 'organise' ? plan.providers : plan.providers.map(withoutContact)
  const providerOf = new Map(providers.map((p) => [p.id, p]))
  return {
    visit: {
      id: plan.visit.id,
      title: plan.visit.title,
      timeZone: plan.visit.timeZone,
      budgetCents: plan.visit.budgetCents,
    },
    budget: plan.budget,
    everyone: plan.everyone,
    orders: plan.orders.map(({ provider: _p, ...o }) => ({
      ...o,
      provider: o.providerId ? (providerOf.get(o.providerId) ?? null) : null,
    })),
    providers,
    presence: plan.presence,
  }
}

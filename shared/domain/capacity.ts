/**
 * Room for guests, per place and time. A venue's capacity holds for the people who are there at the same
 * moment: the company members and guests of the groups whose items are on there then (everyone, when one of
 * those items is for everyone). A guest fits when every such gathering they go to has room for their party,
 * and the visit's own maximum (if any) is not passed. No I/O: the counts are passed in.
 */

/** A venue as the rule needs it; without a capacity it limits nobody. */
export type CapacityVenue = { id: string; name: string; capacity: number | null }
/** A programme item as the rule needs it; `groupIds` empty means for everyone. */
export type CapacityItem = {
  id: string
  title: string
  start: number
  end: number
  venueId: string | null
  groupIds: readonly string[]
  cancelled?: boolean
}

/** A venue at a moment: the items on there together, and who is there (null: everyone). */
export type Gathering = {
  venueId: string
  venueName: string
  capacity: number
  /** The moment the gathering is at its fullest: from the start of its last item to the first end. */
  start: number
  end: number
  itemTitles: string[]
  /** The groups whose people are there, sorted; null when an item for everyone is on. */
  groupIds: string[] | null
}

/**
 * The gatherings of a programme that can limit guests: for each venue with a capacity, each distinct set of
 * items on at once (taken at every item's start). Of gatherings with the same people at the same venue, the
 * first is kept; cancelled items and items without a venue gather nobody.
 */
export function gatheringsOf(programme: {
  venues: readonly CapacityVenue[]
  items: readonly CapacityItem[]
}): Gathering[] {
  const venueById = new Map(programme.venues.map((v) => [v.id, v]))
  const live = programme.items
    .filter((i) => !i.cancelled && i.venueId !== null && i.end > i.start)
    .sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const out: Gathering[] = []
  const seen = new Set<string>()
  for (const item of live) {
    const venue = venueById.get(item.venueId ?? '')
    if (!venue || venue.capacity === null) continue
    const together = live.filter(
      (other) => other.venueId === item.venueId && other.start <= item.start && other.end > item.start,
    )
    const everyone = together.some((i) => i.groupIds.length === 0)
    const groupIds = everyone ? null : [...new Set(together.flatMap((i) => i.groupIds))].sort()
    const key = `${venue.id}\u0000${groupIds === null ? '*' : groupIds.join('\u0000')}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push({
      venueId: venue.id,
      venueName: venue.name,
      capacity: venue.capacity,
      start: item.start,
      end: Math.min(...together.map((i) => i.end)),
      itemTitles: together.map((i) => i.title),
      groupIds,
    })
  }
  return out
}

/** Whether a guest (or company member) who goes with these groups is at the gathering; [] is the whole company. */
export function isAt(gathering: Pick<Gathering, 'groupIds'>, groupIds: readonly string[]): boolean {
  return gathering.groupIds === null || gathering.groupIds.some((g) => groupIds.includes(g))
}

/** A confirmed party, or a company member (party of 1) with their group. */
export type Party = { partySize: number; groupIds: readonly string[] }

/** Everything the rule decides from: the visit's own maximum, the gatherings, who is confirmed, the company. */
export type CapacityState = {
  visitLimit: number | null
  gatherings: readonly Gathering[]
  /** The groups of the company members, one entry per member (null: goes with the whole company). */
  members: readonly (string | null)[]
  confirmed: readonly Party[]
}

/** People at a gathering: the company members there plus the confirmed guests there. */
export function peopleAt(
  gathering: Pick<Gathering, 'groupIds'>,
  state: Pick<CapacityState, 'members' | 'confirmed'>,
) {
  const members = state.members.filter((g) => isAt(gathering, g === null ? [] : [g])).length
  const guests = state.confirmed
    .filter((p) => isAt(gathering, p.groupIds))
    .reduce((sum, p) => sum + p.partySize, 0)
  return { members, guests }
}

/** Why a party does not fit: the visit's maximum is reached, or a venue is full at a moment. */
export type Blocker =
  | { kind: 'visit'; limit: number; guests: number }
  | { kind: 'venue'; gathering: Gathering; members: number; guests: number; room: number }

/** The first reason the party does not fit now (the visit's maximum first), or null when it fits. */
export function blockerFor(state: CapacityState, party: Party): Blocker | null {
  if (state.visitLimit !== null) {
    const guests = state.confirmed.reduce((sum, p) => sum + p.partySize, 0)
    if (guests + party.partySize > state.visitLimit) return { kind: 'visit', limit: state.visitLimit, guests }
  }
  let tightest: Extract<Blocker, { kind: 'venue' }> | null = null
  for (const gathering of state.gatherings) {
    if (!isAt(gathering, party.groupIds)) continue
    const { members, guests } = peopleAt(gathering, state)
    const room = Math.max(0, gathering.capacity - members - guests)
    if (party.partySize > room && (tightest === null || room < tightest.room))
      tightest = { kind: 'venue', gathering, members, guests, room }
  }
  return tightest
}

/** A waiting registration, in the order they registered. */
export type WaitingParty = Party & { id: string }

/**
 * Who moves up from the waitlist now: in the order they registered, every party that fits (counted with the
 * ones moved up before it). A party that does not fit does not hold back smaller ones behind it; it is
 * listed as skipped with the reason.
 */
export function promotions(
  waitlist: readonly WaitingParty[],
  state: CapacityState,
): { promoted: string[]; skipped: { id: string; blocker: Blocker }[] } {
  const confirmed = [...state.confirmed]
  const promoted: string[] = []
  const skipped: { id: string; blocker: Blocker }[] = []
  for (const party of waitlist) {
    const blocker = blockerFor({ ...state, confirmed }, party)
    if (blocker) {
      skipped.push({ id: party.id, blocker })
      continue
    }
    promoted.push(party.id)
    confirmed.push(party)
  }
  return { promoted, skipped }
}

/** The most guests a limit lets in, and what sets it: the visit's maximum or a venue at a moment. */
export type GuestLimit =
  | { kind: 'visit'; limit: number }
  | { kind: 'venue'; limit: number; gathering: Gathering; members: number }

/**
 * The limit on guests who go with these groups ([] for the whole company only) when nobody is registered:
 * the smallest of the visit's maximum and each gathering's capacity less the company members there. Null
 * when nothing limits. With no maximum set, this is the hidden limit the organisers are shown.
 */
export function guestLimit(
  state: Pick<CapacityState, 'visitLimit' | 'gatherings' | 'members'>,
  groupIds: readonly string[],
): GuestLimit | null {
  let best: GuestLimit | null = state.visitLimit === null ? null : { kind: 'visit', limit: state.visitLimit }
  for (const gathering of state.gatherings) {
    if (!isAt(gathering, groupIds)) continue
    const { members } = peopleAt(gathering, { members: state.members, confirmed: [] })
    const limit = Math.max(0, gathering.capacity - members)
    if (best === null || limit < best.limit) best = { kind: 'venue', limit, gathering, members }
  }
  return best
}

/**
 * Of the gatherings a party goes to, the ones that can stop it: the tightest gathering for everyone (they
 * all hold the same people) and, per set of groups, the tightest. What the SQL check must look at.
 */
export function limitingGatherings(gatherings: readonly Gathering[], groupIds: readonly string[]) {
  const tightest = new Map<string, Gathering>()
  for (const gathering of gatherings) {
    if (!isAt(gathering, groupIds)) continue
    const key = gathering.groupIds === null ? '*' : gathering.groupIds.join('\u0000')
    const kept = tightest.get(key)
    if (!kept || gathering.capacity < kept.capacity) tightest.set(key, gathering)
  }
  return [...tightest.values()]
}

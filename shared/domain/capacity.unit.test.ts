import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  blockerFor,
  type CapacityItem,
  type CapacityState,
  type CapacityVenue,
  gatheringsOf,
  guestLimit,
  limitingGatherings,
  promotions,
} from './capacity'

const h = 3_600_000
const venue = (id: string, capacity: number | null): CapacityVenue => ({ id, name: id, capacity })
const item = (id: string, venueId: string | null, from: number, to: number, groupIds: string[] = []) =>
  ({ id, title: id, start: from * h, end: to * h, venueId, groupIds }) as CapacityItem

// A tour: everyone meets in the garden (60), then group A visits the small kitchen (12) while group B is in
// the community centre (25); at 15:00 both groups share the hall (35).
const venues = [
  venue('tuin', 60),
  venue('keuken', 12),
  venue('buurthuis', 25),
  venue('zaal', 35),
  venue('plein', null),
]
const items = [
  item('welkom', 'tuin', 10, 11),
  item('keuken-a', 'keuken', 11, 12, ['a']),
  item('buurthuis-b', 'buurthuis', 11, 12, ['b']),
  item('samen', 'zaal', 15, 16, ['a']),
  item('samen-b', 'zaal', 15, 16, ['b']),
  item('wandeling', null, 12, 13),
  item('plein', 'plein', 13, 14),
]
const gatherings = gatheringsOf({ venues, items })
const state = (confirmed: CapacityState['confirmed'], visitLimit: number | null = null): CapacityState => ({
  visitLimit,
  gatherings,
  members: [],
  confirmed,
})
const party = (partySize: number, groupIds: string[] = []) => ({ partySize, groupIds })

describe('gatheringsOf', () => {
  it('finds each venue with a capacity at each moment, with the groups that are there', () => {
    expect(gatherings.map((g) => [g.venueId, g.groupIds, g.capacity])).toEqual([
      ['tuin', null, 60],
      ['buurthuis', ['b'], 25],
      ['keuken', ['a'], 12],
      ['zaal', ['a', 'b'], 35],
    ])
  })

  it('leaves out cancelled items, items without a venue and venues without a capacity', () => {
    const cancelled = { ...item('x', 'keuken', 9, 10), cancelled: true }
    expect(
      gatheringsOf({ venues, items: [cancelled, item('y', null, 9, 10), item('z', 'plein', 9, 10)] }),
    ).toEqual([])
  })
})

describe('the capacity rule: per place and time', () => {
  it("compares a guest's venue with the people at that venue, not with the visit's whole total", () => {
    // 30 guests are confirmed; the kitchen (12) only holds group A, which has 2 guests.
    const now = state([party(20, ['b']), party(2, ['a']), party(8)])
    expect(blockerFor(now, party(4, ['a']))).toBeNull()
    // The garden (everyone, 60) and the hall (A and B, 35) have room for 11 more; the kitchen has not.
    const blocker = blockerFor(now, party(11, ['a']))
    expect(blocker).toMatchObject({ kind: 'venue', gathering: { venueId: 'keuken' }, guests: 2, room: 10 })
  })

  it('counts the company members who are there, and everyone at an item for everyone', () => {
    const withCompany = { ...state([party(5, ['a'])]), members: ['a', 'a', 'a', null, 'b'] }
    // Kitchen: 3 members of A + 5 guests of A = 8 of 12.
    expect(blockerFor(withCompany, party(4, ['a']))).toBeNull()
    expect(blockerFor(withCompany, party(5, ['a']))).toMatchObject({ kind: 'venue', members: 3, room: 4 })
    // A guest of the whole company goes only to the items for everyone: the garden, 5 + 5 members of 40.
    expect(blockerFor(withCompany, party(20))).toBeNull()
    expect(blockerFor(withCompany, party(51))).toMatchObject({ gathering: { venueId: 'tuin' }, room: 50 })
  })

  it('counts groups that share a venue at the same moment together', () => {
    // 15:00 in the hall: A and B together, 35 places.
    const now = state([party(15, ['a']), party(17, ['b'])])
    expect(blockerFor(now, party(3, ['b']))).toBeNull()
    expect(blockerFor(now, party(4, ['b']))).toMatchObject({
      gathering: { venueId: 'zaal', groupIds: ['a', 'b'] },
      room: 3,
    })
  })

  it("checks the visit's own maximum first", () => {
    expect(blockerFor(state([party(8)], 10), party(3))).toEqual({ kind: 'visit', limit: 10, guests: 8 })
    expect(blockerFor(state([party(8)], 10), party(2))).toBeNull()
  })
})

describe('promotions: skip-ahead', () => {
  const w = (id: string, partySize: number, groupIds: string[] = []) => ({ id, partySize, groupIds })

  it('takes everyone when nothing limits', () => {
    const free = { visitLimit: null, gatherings: [], members: [], confirmed: [] }
    expect(promotions([w('a', 5), w('b', 20)], free).promoted).toEqual(['a', 'b'])
  })

  it('lets smaller parties behind a party that does not fit move up, and says why it was skipped', () => {
    const result = promotions([w('big', 4), w('small', 1), w('two', 2)], state([party(8)], 10))
    expect(result.promoted).toEqual(['small'])
    expect(result.skipped.map((s) => s.id)).toEqual(['big', 'two'])
    expect(result.skipped[0]?.blocker).toEqual({ kind: 'visit', limit: 10, guests: 8 })
    // 'two' was skipped counting 'small' moved up before it.
    expect(result.skipped[1]?.blocker).toEqual({ kind: 'visit', limit: 10, guests: 9 })
  })

  it('skips a party whose venue is full while others elsewhere move up', () => {
    const now = state([party(12, ['a']), party(10, ['b'])])
    const result = promotions([w('kitchen', 1, ['a']), w('centre', 2, ['b'])], now)
    expect(result.promoted).toEqual(['centre'])
    expect(result.skipped[0]?.blocker).toMatchObject({ kind: 'venue', gathering: { venueId: 'keuken' } })
  })

  it('never overfills a place and never leaves out a party that fits, in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ size: fc.integer({ min: 1, max: 8 }), groups: fc.subarray(['a', 'b']) }), {
          maxLength: 25,
        }),
        fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
        (waiting, visitLimit) => {
          const list = waiting.map((p, i) => w(String(i), p.size, p.groups))
          const start = state([], visitLimit)
          const { promoted, skipped } = promotions(list, start)
          const confirmed = list.filter((p) => promoted.includes(p.id))
          const after = { ...start, confirmed }
          // Nobody more fits, and every gathering holds its people.
          for (const s of skipped) expect(blockerFor(after, list[Number(s.id)]!)).not.toBeNull()
          for (const g of gatherings) {
            const there = confirmed.filter(
              (p) => g.groupIds === null || p.groupIds.some((x) => g.groupIds?.includes(x)),
            )
            expect(there.reduce((n, p) => n + p.partySize, 0)).toBeLessThanOrEqual(g.capacity)
          }
          if (visitLimit !== null)
            expect(confirmed.reduce((n, p) => n + p.partySize, 0)).toBeLessThanOrEqual(visitLimit)
          expect(promoted.length + skipped.length).toBe(list.length)
        },
      ),
    )
  })
})

describe('guestLimit: the limit that applies, and which venue sets it', () => {
  it('shows the hidden limit when no maximum is set', () => {
    const limit = guestLimit({ visitLimit: null, gatherings, members: ['a', null] }, [])
    expect(limit).toMatchObject({ kind: 'venue', limit: 58, members: 2, gathering: { venueId: 'tuin' } })
    expect(guestLimit({ visitLimit: null, gatherings, members: ['a', 'a'] }, ['a'])).toMatchObject({
      limit: 10,
      gathering: { venueId: 'keuken' },
    })
  })

  it("is the visit's maximum when that is lower, and null when nothing limits", () => {
    expect(guestLimit({ visitLimit: 20, gatherings, members: [] }, [])).toEqual({ kind: 'visit', limit: 20 })
    expect(guestLimit({ visitLimit: null, gatherings: [], members: [] }, ['a'])).toBeNull()
  })
})

describe('limitingGatherings', () => {
  it('keeps, per set of people, only the tightest place the party goes to', () => {
    const more = gatheringsOf({
      venues: [...venues, venue('schuur', 70)],
      items: [...items, item('s', 'schuur', 17, 18)],
    })
    expect(limitingGatherings(more, []).map((g) => g.venueId)).toEqual(['tuin'])
    expect(limitingGatherings(more, ['a']).map((g) => g.venueId)).toEqual(['tuin', 'keuken', 'zaal'])
  })
})

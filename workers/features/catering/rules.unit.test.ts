import { describe, expect, it } from 'vitest'
import {
  budgetSummary,
  canMove,
  concerns,
  costPerHead,
  coverage,
  deadlineAfterItem,
  dueAction,
  groupedNotes,
  type HeadcountSources,
  headcount,
  mapLink,
  numbersDifference,
  orderNumbers,
  parseNumbers,
  quantityFor,
} from './rules'

const none: HeadcountSources = {
  guests: [],
  guestAddresses: [],
  company: [],
  notes: [],
  team: [],
  speakers: [],
}

/** A visit with two groups: guests, company, team and speakers spread over them. */
const visit: HeadcountSources = {
  guests: [
    { partySize: 2, groupIds: [], dietary: { vegetarian: 1 }, registrations: 3 },
    { partySize: 1, groupIds: ['a'], dietary: { vegan: 1, gluten_free: 1 }, registrations: 2 },
    { partySize: 4, groupIds: ['b'], dietary: { halal: 2 }, registrations: 1 },
  ],
  guestAddresses: [{ email: 'fatima@example.nl', groupIds: ['b'] }],
  company: [
    { groupId: 'a', people: 5 },
    { groupId: 'b', people: 4 },
    { groupId: null, people: 1 },
  ],
  notes: [
    { text: 'Graag zonder ui.', groupIds: [] },
    { text: 'Notenallergie (ernstig)', groupIds: ['a'] },
    { text: '  ', groupIds: [] },
    { text: 'Graag zonder ui.', groupIds: ['b'] },
  ],
  team: [
    { email: 'marja@example.nl', groupId: null },
    { email: 'joost@example.nl', groupId: 'a' },
  ],
  speakers: [
    { email: 'Fatima@example.nl', groupIds: ['b'] },
    { email: 'henk@example.nl', groupIds: [] },
    { email: 'marja@example.nl', groupIds: ['a'] },
  ],
}

describe('who counts at an item', () => {
  it('an item for everyone concerns everybody; someone in no group follows the whole company', () => {
    expect(concerns([], ['a'])).toBe(true)
    expect(concerns(['a'], [])).toBe(true)
    expect(concerns(['a'], ['a', 'b'])).toBe(true)
    expect(concerns(['a'], ['b'])).toBe(false)
  })
})

describe('headcount', () => {
  it('counts nobody when nothing is known, and adds the extra persons the team names', () => {
    expect(headcount([], none)).toMatchObject({ persons: 0, guests: 0, notes: [] })
    expect(headcount([], none, 3)).toMatchObject({ persons: 3, extra: 3 })
    expect(headcount([], none, -2).persons).toBe(0)
  })

  it('for everyone: guests by party size, the company, the team and speakers, each person once', () => {
    const count = headcount([], visit, 2)
    // Guests 3×2 + 2×1 + 1×4 = 12 in 6 registrations; company 10; team 2; speakers: Fatima registered as a
    // guest, Marja is on the team: only Henk is added.
    expect(count).toMatchObject({
      guests: 12,
      registrations: 6,
      company: 10,
      team: 2,
      speakers: 1,
      extra: 2,
      countedOnce: 2,
      persons: 27,
    })
    expect(count.dietary).toEqual({
      vegetarian: 3,
      vegan: 2,
      halal: 2,
      kosher: 0,
      gluten_free: 2,
      lactose_free: 0,
      nut_allergy: 0,
    })
  })

  it('for one group: only that group, plus those who follow the whole company', () => {
    const a = headcount(['a'], visit)
    // Guests: 3 parties of 2 without a group, 2 of group a; company: 5 of a and the 1 without a group; team:
    // both (Marja follows everyone); speakers: Henk (everyone) and Marja (already on the team).
    expect(a).toMatchObject({ guests: 8, company: 6, team: 2, speakers: 1, countedOnce: 1, persons: 17 })
    expect(a.dietary.halal).toBe(0)
    expect(a.dietary.vegan).toBe(2)
    expect(a.notes).toEqual(['Graag zonder ui.', 'Notenallergie (ernstig)'])
    const b = headcount(['b'], visit)
    expect(b).toMatchObject({ guests: 10, company: 5, team: 1, speakers: 1, countedOnce: 1, persons: 17 })
    expect(b.notes).toEqual(['Graag zonder ui.', 'Graag zonder ui.'])
  })

  it('never counts more persons with a need than the party has (rsvps’ own rule)', () => {
    const shrunk: HeadcountSources = {
      ...none,
      guests: [{ partySize: 1, groupIds: [], dietary: { vegetarian: 3 }, registrations: 4 }],
    }
    expect(headcount([], shrunk).dietary.vegetarian).toBe(4)
  })

  it('lists notes in alphabetical order, never in the order they came, and groups the same ones', () => {
    const notes = headcount([], {
      ...none,
      notes: [
        { text: 'Zonder varkensvlees', groupIds: [] },
        { text: 'Allergisch voor selderij', groupIds: [] },
        { text: 'Zonder varkensvlees', groupIds: [] },
      ],
    }).notes
    expect(notes).toEqual(['Allergisch voor selderij', 'Zonder varkensvlees', 'Zonder varkensvlees'])
    expect(groupedNotes(notes)).toEqual([
      { text: 'Allergisch voor selderij', count: 1 },
      { text: 'Zonder varkensvlees', count: 2 },
    ])
  })
})

describe('quantity rules', () => {
  it('per person, one per N persons (rounded up), or fixed', () => {
    expect(quantityFor('per_person', 2, 27)).toBe(54)
    expect(quantityFor('per_persons', 4, 27)).toBe(7)
    expect(quantityFor('per_persons', 4, 28)).toBe(7)
    expect(quantityFor('per_persons', 4, 0)).toBe(0)
    expect(quantityFor('fixed', 3, 27)).toBe(3)
    expect(quantityFor('per_person', 1, 0)).toBe(0)
  })

  it('makes the numbers of an order, with its cost and the cost per head', () => {
    const count = headcount([], visit)
    const numbers = orderNumbers({ rule: 'per_persons', amount: 5, unitCostCents: 899 }, count)
    expect(numbers).toMatchObject({ persons: 25, quantity: 5, costCents: 4495 })
    expect(costPerHead(numbers)).toBe(180)
    expect(costPerHead({ persons: 0, costCents: 100 })).toBeNull()
  })
})

describe('the numbers as sent and as they are now', () => {
  const sent = orderNumbers(
    { rule: 'per_person', amount: 1, unitCostCents: 250 },
    { persons: 20, dietary: headcount([], none).dietary, notes: ['Graag zonder ui.'] },
  )

  it('is nothing when nothing changed', () => {
    expect(numbersDifference(sent, structuredClone(sent))).toBeNull()
  })

  it('says what changed: +3 persons, one more vegetarian, a new note, one gone', () => {
    const now = orderNumbers(
      { rule: 'per_person', amount: 1, unitCostCents: 250 },
      {
        persons: 23,
        dietary: { ...sent.dietary, vegetarian: 1 },
        notes: ['Notenallergie'],
      },
    )
    expect(numbersDifference(sent, now)).toEqual({
      persons: 3,
      quantity: 3,
      costCents: 750,
      dietary: { vegetarian: 1 },
      notesAdded: ['Notenallergie'],
      notesGone: ['Graag zonder ui.'],
    })
  })

  it('tells fewer persons as a negative difference', () => {
    const now = { ...sent, persons: 18, quantity: 18, costCents: 4500 }
    expect(numbersDifference(sent, now)).toMatchObject({ persons: -2, quantity: -2, costCents: -500 })
  })

  it('counts a repeated note as often as it was written', () => {
    const now = { ...sent, notes: ['Graag zonder ui.', 'Graag zonder ui.'] }
    expect(numbersDifference(sent, now)).toMatchObject({ notesAdded: ['Graag zonder ui.'], notesGone: [] })
  })

  it('reads stored numbers back, and nothing from something unreadable', () => {
    expect(parseNumbers(JSON.stringify(sent))).toEqual(sent)
    expect(parseNumbers(null)).toBeNull()
    expect(parseNumbers('{')).toBeNull()
    expect(parseNumbers('{"persons":"many"}')).toBeNull()
    expect(parseNumbers('{"persons":2,"quantity":2}')).toMatchObject({ costCents: 0, notes: [] })
  })
})

describe('status', () => {
  it('moves forward, back by one, or cancelled and restored — never from delivered to cancelled', () => {
    expect(canMove('planned', 'requested')).toBe(true)
    expect(canMove('requested', 'confirmed')).toBe(true)
    expect(canMove('confirmed', 'delivered')).toBe(true)
    expect(canMove('cancelled', 'planned')).toBe(true)
    expect(canMove('delivered', 'cancelled')).toBe(false)
    expect(canMove('cancelled', 'delivered')).toBe(false)
    expect(canMove('planned', 'delivered')).toBe(false)
    expect(canMove('planned', 'planned')).toBe(false)
  })
})

describe('deadlines and reminders', () => {
  const hour = 3_600_000
  const order = {
    status: 'requested' as const,
    deadline: 100 * hour,
    reminderHours: 48,
    reminderSentAt: null,
    sentAt: null,
    hasProvider: true,
  }

  it('refuses a deadline after the item starts', () => {
    expect(deadlineAfterItem(10, 9)).toBe(true)
    expect(deadlineAfterItem(9, 9)).toBe(false)
    expect(deadlineAfterItem(null, 9)).toBe(false)
  })

  it('reminds once, the configured time before the deadline, and sends at the deadline', () => {
    expect(dueAction(order, 51 * hour)).toBeNull()
    expect(dueAction(order, 52 * hour)).toBe('remind')
    expect(dueAction({ ...order, reminderSentAt: 52 * hour }, 60 * hour)).toBeNull()
    expect(dueAction({ ...order, reminderSentAt: 52 * hour }, 100 * hour)).toBe('send')
    // A missed reminder is not sent after the deadline: the numbers go instead.
    expect(dueAction(order, 101 * hour)).toBe('send')
  })

  it('does nothing for sent, closed or deadline-less orders, and reminds nobody without a provider', () => {
    expect(dueAction({ ...order, sentAt: 90 * hour }, 200 * hour)).toBeNull()
    expect(dueAction({ ...order, status: 'cancelled' }, 200 * hour)).toBeNull()
    expect(dueAction({ ...order, status: 'delivered' }, 200 * hour)).toBeNull()
    expect(dueAction({ ...order, deadline: null }, 200 * hour)).toBeNull()
    expect(dueAction({ ...order, hasProvider: false }, 60 * hour)).toBeNull()
    expect(dueAction({ ...order, reminderHours: 0 }, 60 * hour)).toBeNull()
    expect(dueAction({ ...order, status: 'planned' }, 100 * hour)).toBe('send')
    // Not asked yet: no reminder, the numbers go at the deadline (and ask them then).
    expect(dueAction({ ...order, status: 'planned' }, 60 * hour)).toBeNull()
    expect(dueAction({ ...order, status: 'confirmed' }, 60 * hour)).toBe('remind')
  })
})

describe('budget', () => {
  it('sets planned and confirmed cost against the budget, per head too', () => {
    const orders = [
      { status: 'confirmed' as const, costCents: 20_000 },
      { status: 'planned' as const, costCents: 10_000 },
      { status: 'cancelled' as const, costCents: 99_999 },
      { status: 'delivered' as const, costCents: 5_000 },
    ]
    expect(budgetSummary(orders, 40_000, 25)).toEqual({
      budgetCents: 40_000,
      plannedCents: 35_000,
      confirmedCents: 25_000,
      leftCents: 5_000,
      over: 'none',
      plannedPerHeadCents: 1400,
      confirmedPerHeadCents: 1000,
    })
    expect(budgetSummary(orders, 30_000, 25).over).toBe('planned')
    expect(budgetSummary(orders, 20_000, 25)).toMatchObject({ over: 'confirmed', leftCents: -15_000 })
    expect(budgetSummary(orders, null, 0)).toMatchObject({
      over: 'none',
      leftCents: null,
      plannedPerHeadCents: null,
    })
  })
})

describe('place and contributions', () => {
  it('links coordinates to the map, or searches the address', () => {
    expect(mapLink({ lat: 52.151871, lng: 4.505312, address: 'x' })).toBe(
      'https://www.openstreetmap.org/?mlat=52.15187&mlon=4.50531#map=18/52.15187/4.50531',
    )
    expect(mapLink({ lat: null, lng: null, address: 'Lusthoflaan 12, Leiden' })).toBe(
      'https://www.openstreetmap.org/search?query=Lusthoflaan%2012%2C%20Leiden',
    )
    expect(mapLink({ lat: null, lng: null, address: ' ' })).toBeNull()
  })

  it('adds up the quantities contributions name', () => {
    expect(coverage(56, [{ quantity: 40 }, { quantity: null }, { quantity: 10 }])).toEqual({
      covered: 50,
      of: 56,
    })
    expect(coverage(56, [{ quantity: null }])).toBeNull()
  })
})

// Examples of the answers in responses.ts, taken from real answers of a test run (lists cut to one entry).

export const visitRsvpsPostExample = { status: 'confirmed' }

export const visitRsvpsExample = {
  rsvps: [
    {
      id: '52682aa9-ded2-46c2-825a-204ac29ea8d0',
      name: 'Gast van de matrix',
      email: 'guest-rsvp@example.nl',
      partySize: 2,
      dietary: { vegan: 1 },
      dietaryNotes: 'RSVP-NOTE',
      accessNeeds: '',
      groupIds: [],
      status: 'confirmed',
      lang: 'nl',
      notifyChanges: true,
      version: 1,
      createdAt: '2026-12-02T14:11:34.601Z',
      updatedAt: null,
    },
  ],
}

const confirmedJsonExample = { registrations: 1, people: 2 }

export const visitRsvpTotalsExample = {
  capacity: null,
  limit: null,
  groupLimits: [],
  registrations: 1,
  byStatus: {
    confirmed: confirmedJsonExample,
    waitlisted: confirmedJsonExample,
    cancelled: confirmedJsonExample,
  },
  byGroup: [{ id: '2eeb7dd5-201d-41a1-bda2-3daa59bcda70', name: 'Groep A', registrations: 0, people: 0 }],
  wholeCompany: confirmedJsonExample,
  confirmedParties: 1,
  confirmedPeople: 2,
  waitlistedParties: 0,
  waitlistedPeople: 0,
  dietary: {
    byOption: {
      vegetarian: 0,
      vegan: 1,
      halal: 0,
      kosher: 0,
      gluten_free: 0,
      lactose_free: 0,
      nut_allergy: 0,
    },
    notes: 1,
  },
  accessNeedsCount: 0,
}

// Examples of the answers in responses.ts, taken from real answers of a test run (lists cut to one entry).

const itemJsonExample = {
  id: 'eac09e8b-026d-4d17-ba39-49eb0ed3bb4f',
  visitId: '98a00f17-9a88-47ac-93c1-fc3d8bac6960',
  venueId: '536304d2-8d44-4f16-8608-83f057fb22f4',
  kind: 'welcome',
  title: 'Welkom',
  description: '',
  startsAt: '2027-06-12T13:00:00.000Z',
  endsAt: '2027-06-12T13:15:00.000Z',
  legMode: 'walk',
  departurePlace: null,
  arrivalPlace: null,
  legDepartsAt: null,
  legArrivesAt: null,
  cancelled: false,
  version: 1,
  createdAt: '2026-12-02T14:11:32.169Z',
  expectedAttendance: null,
  groupIds: [],
}

const clashCountsJsonExample = {
  venue_double_booked: 0,
  group_double_booked: 0,
  speaker_double_booked: 0,
  walk_too_long: 0,
  leg_off_timetable: 0,
  over_capacity: 0,
  outside_opening_window: 0,
  outside_speaker_availability: 0,
  outside_visit_dates: 0,
}

export const visitProgrammeExample = {
  visit: {
    id: '98a00f17-9a88-47ac-93c1-fc3d8bac6960',
    title: 'Bezoek 0c61d66d',
    timeZone: 'Europe/Amsterdam',
    version: 1,
  },
  items: [itemJsonExample],
  groups: [
    {
      id: '78317bed-3b27-42d1-bb2e-b24526861f84',
      visitId: '98a00f17-9a88-47ac-93c1-fc3d8bac6960',
      name: 'Groep A',
      position: 0,
      size: 1,
    },
  ],
  venues: [
    {
      id: 'a60b2cec-82c1-4fb1-ad3c-8c8d098d0aaf',
      teamId: 'b419d5ed-d873-4991-a3fa-f1725345e93d',
      name: 'Buurthuis A2',
      kind: 'community_centre',
      address: '',
      lat: null,
      lng: null,
      capacity: null,
      stepFree: null,
      toilet: null,
      shelter: null,
      notes: '',
      version: 1,
      createdAt: '2026-12-02T14:11:32.164Z',
    },
  ],
  visitVenues: [],
  releases: [
    {
      id: 'b659ab7f-e320-4bf9-abe1-e1772733fbad',
      number: 1,
      name: 'Versie 1',
      publishedAt: '2026-12-02T14:11:32.161Z',
    },
  ],
  clashes: [],
  clashCounts: clashCountsJsonExample,
}

export const itemExample = { item: itemJsonExample, clashes: [] }

export const visitRunningLatePostExample = {
  slotsMoved: 0,
  speakersMailed: 0,
  moved: ['882a366d-35e3-42d5-9dbb-dcc9e57ff949'],
  published: null,
  guestsSeeShift: 'after_next_publish',
}

export const groupPatchExample = {
  id: '66e4319a-0816-4f5c-bb87-f75fb3cf64e7',
  visitId: '49f3825d-9623-4fee-9fc1-3ab46d6a10aa',
  name: 'Wethouders',
  position: 0,
}

const participant2JsonExample = {
  id: 'e9520b1f-8e27-48d6-b782-60ec033f167d',
  visitId: 'f1fb37d9-03d9-4f63-baf9-159e4306bec4',
  name: 'De burgemeester',
  function: 'mayor',
  organisation: '',
  groupId: '90a19214-32aa-48f2-930b-a9f2c368f65b',
  version: 1,
  createdAt: '2026-12-02T14:11:33.287Z',
  contact: '06-MAYOR-999',
  dietaryNeeds: 'DIET-glutenvrij',
}

export const visitParticipantsExample = { participants: [participant2JsonExample] }

export const visitParticipantsPostExample = participant2JsonExample

export const visitClashesExample = { clashes: [], counts: clashCountsJsonExample }

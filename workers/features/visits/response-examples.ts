// Examples of the answers in responses.ts, taken from real answers of a test run (lists cut to one entry).

export const teamVisitsExample = {
  visits: [
    {
      id: 'ea0f87bc-f6df-49d5-997c-cd52beb8e004',
      teamId: '34e030ed-cf48-4462-8532-b2726e383764',
      slug: 'bezoek-bdea24e7',
      kind: 'college_visit',
      title: 'Bezoek bdea24e7',
      description: '',
      startDate: '2027-06-12',
      endDate: '2027-06-12',
      timeZone: 'Europe/Amsterdam',
      meetingPoint: '',
      expectedGuests: null,
      budgetCents: 150000,
      walkingSpeedKmh: 4.5,
      status: 'published',
      listed: true,
      rsvpCapacity: null,
      version: 1,
      createdAt: '2026-12-02T14:11:30.160Z',
      updatedAt: null,
    },
  ],
}

export const teamVisitsPostExample = {
  id: '83384a54-1b07-44a5-b6a5-210e2a2b98af',
  teamId: 'd2e75905-9579-4544-8350-84f1b7c44d6b',
  slug: 'nieuw-bezoek',
  kind: 'other',
  title: 'Nieuw bezoek',
  description: '',
  startDate: '2027-07-01',
  endDate: '2027-07-01',
  timeZone: 'Europe/Amsterdam',
  meetingPoint: '',
  expectedGuests: null,
  budgetCents: null,
  walkingSpeedKmh: 4.5,
  status: 'draft',
  listed: true,
  rsvpCapacity: null,
  version: 1,
  createdAt: '2026-12-02T14:11:30.316Z',
  updatedAt: null,
}

const venue2JsonExample = {
  id: 'a54ad55d-cb75-4bc8-9752-9e9b06736d79',
  name: 'Tuin A1',
  kind: 'garden',
  address: '',
  lat: null,
  lng: null,
  capacity: null,
  stepFree: null,
  toilet: null,
  shelter: null,
  notes: '',
  version: 1,
  hostName: '',
  hostContact: '06-HOST-555',
}

export const visitExample = {
  access: 'organise',
  visit: {
    id: 'be8ceaba-3890-4a29-a7ee-fb3469df742a',
    teamId: 'b48d0224-9e81-4389-9750-174c68541dd9',
    slug: 'bezoek-53b1a7bb',
    kind: 'college_visit',
    title: 'Bezoek 53b1a7bb',
    description: '',
    startDate: '2027-06-12',
    endDate: '2027-06-12',
    timeZone: 'Europe/Amsterdam',
    meetingPoint: '',
    expectedGuests: null,
    walkingSpeedKmh: 4.5,
    status: 'published',
    listed: true,
    rsvpCapacity: null,
    version: 1,
    createdAt: '2026-12-02T14:11:30.341Z',
    updatedAt: null,
    budgetCents: 150000,
  },
  items: [
    {
      id: 'bf1c8b4a-b775-4e5e-9c12-4d4db96d2a14',
      visitId: 'be8ceaba-3890-4a29-a7ee-fb3469df742a',
      venueId: 'a54ad55d-cb75-4bc8-9752-9e9b06736d79',
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
      createdAt: '2026-12-02T14:11:30.341Z',
      expectedAttendance: null,
    },
  ],
  venues: [venue2JsonExample],
}

export const visitPatchExample = {
  id: 'ea09d466-190f-4ae7-87ef-d544b1b35695',
  teamId: '1a561a15-1d1d-47fb-8cb6-53a22cf6ec2f',
  slug: 'bezoek-78961c6d',
  kind: 'college_visit',
  title: 'Bezoek 78961c6d',
  description: '',
  startDate: '2027-06-12',
  endDate: '2027-06-12',
  timeZone: 'Europe/Amsterdam',
  meetingPoint: 'Bij de poort',
  expectedGuests: null,
  budgetCents: 150000,
  walkingSpeedKmh: 4.5,
  status: 'published',
  listed: true,
  rsvpCapacity: null,
  version: 2,
  createdAt: '2026-12-02T14:11:30.587Z',
  updatedAt: '2026-12-02T14:11:30.619Z',
}

export const visitRestorePostExample = { status: 'published' }

export const visitRolesPostExample = {
  personId: '154e65ae-10bf-4b87-91ee-290b7479e5f9',
  role: 'caterer',
  venueId: null,
  isNew: true,
}

export const visitVenuePutExample = {
  visitId: '82ebd57f-6e6b-40d6-aa97-3cd932cf68ea',
  venueId: 'ff2f783d-2e73-43b3-9851-6c52bafb24f7',
  opensAt: '2027-06-12T08:00:00.000Z',
  closesAt: '2027-06-12T15:00:00.000Z',
  rainVenueId: null,
}

export const teamVenuesExample = { venues: [venue2JsonExample] }

export const venueExample = venue2JsonExample

export const visitShareLinksExample = { links: [] }

export const visitShareLinksPostExample = {
  id: '540654ed-5b3f-4d32-b60c-abb76342347f',
  label: 'Voor de pers',
  url: 'https://rondgang.example/v/bezoek-20ad7b07?k=l3RNiL4TliDPZDVvkHIwD5esGUnd9IB_EDVSkf7kTQc',
}

export const teamHostSignupLinkPostExample = {
  url: 'https://rondgang.example/host-offer/nxsD5_j76mrN8n8j8uYn32jhlAIUMjuq2fuBeJlLXRU',
}

export const teamHostOffersExample = {
  offers: [
    {
      id: '5244dd93-d14f-49a5-85e1-d08122d67ba2',
      teamId: 'bad78380-5978-4228-b654-5f4feee762e7',
      status: 'pending',
      hostName: 'Karin',
      hostEmail: 'karin-755a9bd1@example.nl',
      hostPhone: '',
      venueName: 'Tuin van Karin',
      venueKind: 'garden',
      address: 'Rozenlaan 3',
      lat: null,
      lng: null,
      capacity: null,
      stepFree: null,
      toilet: null,
      shelter: null,
      notes: '',
      venueId: null,
      decidedAt: null,
      createdAt: '2026-12-02T14:11:31.971Z',
    },
  ],
}

export const hostOfferAcceptPostExample = { venueId: 'b2ec8506-0c16-4a75-8547-4fc4037d0997' }

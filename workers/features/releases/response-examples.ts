// Examples of the answers in responses.ts, taken from real answers of a test run (lists cut to one entry).

export const visitReleasesExample = {
  releases: [
    {
      id: '3f51bea9-ec9f-48a6-8a8a-cdc7b5fcb16e',
      visitId: '5782ebbc-93dd-45d0-afd6-6b5f5bb74bf8',
      number: 1,
      name: 'Versie 1',
      changes: [],
      publishedBy: null,
      publishedAt: '2026-12-02T14:11:34.114Z',
    },
  ],
}

const addedChangeJsonExample = {
  itemId: '3cab1986-55cf-4f43-aa93-2609da576b5d',
  title: 'Welkom',
  start: 1812805200000,
  end: 1812806100000,
  groupIds: [],
  kind: 'new',
  venueName: 'Tuin A1',
}

export const visitReleasesPostExample = {
  id: '1d0330f7-c3ef-452b-a17c-b30d030420f1',
  number: 2,
  name: 'Versie 2',
  publishedAt: '2026-12-02T14:11:34.230Z',
  changes: [addedChangeJsonExample],
}

export const visitPendingChangesExample = { changes: [addedChangeJsonExample] }

export const releaseExample = {
  id: 'c6971502-35a6-4335-b900-43091f4b5288',
  visitId: 'f0cac998-3920-4868-89ee-320495fd74b7',
  number: 1,
  name: 'Versie 1',
  snapshot: {
    visit: {
      id: 'f0cac998-3920-4868-89ee-320495fd74b7',
      slug: 'bezoek-a3c5882d',
      title: 'Bezoek a3c5882d',
      kind: 'college_visit',
      description: '',
      meetingPoint: '',
      timeZone: 'Europe/Amsterdam',
      startDate: '2027-06-12',
      endDate: '2027-06-12',
      walkingSpeedKmh: 4.5,
    },
    venues: [],
    groups: [],
    items: [],
  },
  changes: [],
  publishedBy: null,
  publishedAt: '2026-12-02T14:11:34.347Z',
}

export const scheduleJsonExample = {
  $schema: 'https://c3voc.de/schedule/schema.json',
  generator: { name: 'Rondgang' },
  schedule: {
    version: '1 (Versie 1)',
    base_url: 'https://rondgang.example/',
    conference: {
      acronym: 'bezoek_9372c9ee',
      title: 'Bezoek 9372c9ee',
      start: '2027-06-12',
      end: '2027-06-12',
      daysCount: 1,
      timeslot_duration: '00:15',
      time_zone_name: 'Europe/Amsterdam',
      url: 'https://rondgang.example/v/bezoek-9372c9ee',
      tracks: [],
      rooms: [],
      days: [
        {
          index: 1,
          date: '2027-06-12',
          day_start: '2027-06-12T00:00:00+02:00',
          day_end: '2027-06-13T00:00:00+02:00',
          rooms: {},
        },
      ],
    },
  },
}

export const scheduleV2JsonExample = {
  $schema: 'https://c3voc.de/schema/schedule2',
  generator: { name: 'Rondgang' },
  schedule: {
    version: '1 (Versie 1)',
    base_url: 'https://rondgang.example/',
    conference: {
      acronym: 'bezoek_8bd8bf53',
      title: 'Bezoek 8bd8bf53',
      start: '2027-06-12T00:00:00+02:00',
      end: '2027-06-13T00:00:00+02:00',
      timeslot_duration: 'PT15M',
      time_zone_name: 'Europe/Amsterdam',
      url: 'https://rondgang.example/v/bezoek-8bd8bf53',
      tracks: [],
      rooms: [],
      days: [
        {
          index: 1,
          date: '2027-06-12',
          start: '2027-06-12T00:00:00+02:00',
          end: '2027-06-13T00:00:00+02:00',
        },
      ],
    },
    events: [],
  },
}

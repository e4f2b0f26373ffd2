// Examples of the answers in responses.ts, taken from real answers of a test run (lists cut to one entry).

export const visitTalksPostExample = { status: 'submitted' }

export const visitCallExample = {
  visitId: 'ed1979f0-3a0a-4ec0-87ec-a1971cd3df62',
  open: true,
  deadline: null,
  intro: '',
  durations: [5],
  languages: ['nl'],
  questions: [],
  selfScheduling: true,
  version: 1,
  exists: true,
}

export const visitCallPutExample = { version: 2 }

const speakerJsonExample = {
  speakerId: 'a0b329ab-e36d-4bda-9647-1ba95cc93b1d',
  name: 'Spreker van de matrix',
  role: 'main',
  confirmed: false,
  email: 'speaker-talk@example.nl',
}

const talkJsonExample = {
  id: '0b814480-23c9-4345-a095-7bd6c9db5e6b',
  title: 'Praatje van de matrix',
  state: 'submitted',
  durationMinutes: 10,
  language: 'nl',
  placed: false,
  createdAt: '2026-12-02T14:11:35.421Z',
  currentFiles: 0,
  reviews: 0,
  averageScore: null,
  myScore: null,
  speakers: [speakerJsonExample],
  owed: null,
}

export const visitTalksExample = {
  counts: {
    draft: 0,
    submitted: 1,
    accepted: 0,
    confirmed: 0,
    waitlisted: 0,
    rejected: 0,
    withdrawn: 0,
    cancelled: 0,
  },
  talks: [talkJsonExample],
  owing: [],
}

export const visitTalksBulkPostExample = { changed: ['5181d745-563f-49f6-a7c9-5619610ad4a4'], skipped: [] }

export const talkExample = {
  access: 'organise',
  call: {
    visitId: 'c934047b-9c43-4fea-b335-3ed4150568d1',
    open: true,
    deadline: null,
    intro: '',
    durations: [5],
    languages: ['nl'],
    questions: [],
    selfScheduling: true,
    version: 1,
  },
  talk: {
    id: 'c81bdc72-e1ab-4946-a49a-3df7125f31ea',
    visitId: 'c934047b-9c43-4fea-b335-3ed4150568d1',
    title: 'Praatje van de matrix',
    abstract: 'Over de buurt.',
    durationMinutes: 10,
    language: 'nl',
    state: 'submitted',
    answers: {},
    internalNotes: '',
    itemId: null,
    version: 1,
    createdAt: '2026-12-02T14:11:35.645Z',
    updatedAt: null,
  },
  targets: ['accepted'],
  speakers: [
    {
      speakerId: 'fa39a002-05f4-44e7-a7fe-23ec47f1c861',
      name: 'Spreker van de matrix',
      email: 'speaker-talk@example.nl',
      role: 'main',
      confirmed: false,
      bio: 'Woont om de hoek.',
      organisation: '',
      consent: true,
      needs: [],
      availability: [],
    },
  ],
  files: [],
  reviews: [],
  averageScore: null,
  myReview: null,
  item: null,
  slot: null,
  items: [
    {
      id: 'd2f37fb0-120e-4f71-83f8-a2ee8c8df536',
      title: 'Welkom',
      kind: 'welcome',
      start: '2027-06-12T13:00:00.000Z',
      end: '2027-06-12T13:15:00.000Z',
    },
  ],
  venues: [{ id: 'e5272542-5a22-47a4-8b46-e88f16d1484d', name: 'Buurthuis A2' }],
  clashes: [],
  owed: null,
  history: [],
}

export const visitSlotsExample = {
  slots: [
    {
      id: '48163b49-cdbe-4228-9c45-20f8d32e38d3',
      start: '2027-06-12T14:00:00.000Z',
      end: '2027-06-12T14:15:00.000Z',
      venueName: null,
      itemId: '052359d4-533d-4fee-95cc-cea84f668b3f',
      talkId: null,
      talkTitle: null,
    },
  ],
}

export const visitSlotsPostExample = {
  id: '8fedd14e-2d1c-48b0-b72a-f7afc77121bc',
  start: '2027-06-12T14:00:00.000Z',
  end: '2027-06-12T14:15:00.000Z',
  venueId: null,
  itemId: null,
  talkId: null,
}

export const visitMailTemplatesExample = {
  templates: [
    {
      kind: 'talk_accepted',
      lang: 'nl',
      custom: false,
      subject: 'Je voordracht is geaccepteerd: {talk}',
      body: 'Goed nieuws: je voordracht ‘{talk}’ voor {visit} op {date} is geaccepteerd!\n\nWil je met de knop hieronder bevestigen dat je komt? Daar kun je ook je beschikbaar…',
    },
  ],
}

export const visitMailTemplatePreviewPostExample = {
  subject: 'Ja: Het nieuwe speelveld',
  text: 'Beste Marja de Vries,\n\nWelkom.\n\nhttps://rondgang.example/t/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n\nDeze link is alleen voor jou: stuur hem niet door. Hij verv…',
  html: '<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>Ja: Het nieuwe speelv…',
}

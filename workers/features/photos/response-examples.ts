// Examples of the answers in responses.ts, taken from real answers of a test run (lists cut to one entry).

export const photoLinkUploadsPostExample = {
  id: 'e006b96f-02cc-4da9-a4d8-6a4fbe521204',
  visitId: 'b0da510a-267d-4229-b73b-e7287e9f9123',
  filename: 'a.jpg',
  fingerprint: '',
  sizeBytes: 1000,
  partSize: 8388608,
  partCount: 1,
  partsDone: [],
  bytesDone: 0,
  nextPart: 1,
}

export const photoLinkUploadsExample = { uploads: [] }

export const visitPhotosExample = {
  photos: [],
  limits: { maxFileBytes: 52428800, maxVisitBytes: 2147483648 },
  used: { stored: 0, underway: 0 },
}

export const visitPhotosPatchExample = { changed: 1 }

export const photoExample = {
  id: '4cfee109-6173-420c-989b-d2f8818a447e',
  visitId: '9eb231b1-11c6-4e42-a0d3-8352fb0a8110',
  itemId: null,
  personId: 'f220844a-4047-4fb1-8569-4a608a5af81a',
  linkId: null,
  uploaderName: '',
  filename: 'tuin.jpg',
  originalType: 'image/jpeg',
  originalBytes: 12,
  webWidth: 16,
  webHeight: 12,
  webBytes: 12,
  thumbWidth: 8,
  thumbHeight: 6,
  caption: '',
  credit: '',
  source: '',
  takenAt: null,
  consent: 'asked',
  position: 1,
  cover: false,
  approved: false,
  version: 1,
  createdAt: '2026-12-02T14:11:40.941Z',
  updatedAt: null,
  uploaderEmail: '',
  takenAtLocal: null,
  public: false,
}

export const visitPhotoLinksExample = { links: [] }

export const visitPhotoLinksPostExample = {
  id: 'f119ced9-e34f-4134-938d-fa283cceb590',
  label: 'Gasten',
  credit: '',
  source: '',
  url: 'https://rondgang.example/p/ntz9miLSd4qmxKGpAYVYFWNfctkQNkC1hjbr3AYoMbg',
}

export const visitPhotoSettingsPutExample = { maxFileBytes: 20971520, maxVisitBytes: 524288000 }

// Written by hand: the test sends no whole photo (see openapi-responses.test.ts).
export const photoUploadCompletePostExample = {
  id: '5b0f1c9e-2d4a-4c6b-9e1f-3a7d8c2b4e60',
  filename: 'tuin-a1.jpg',
  approved: false,
}

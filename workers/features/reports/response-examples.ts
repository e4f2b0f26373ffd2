// Examples of the answers in responses.ts, taken from real answers of a test run (lists cut to one entry).

export const visitReportExample = { report: null, comments: [] }

const reportJsonExample = {
  id: '35073e1b-70a2-4276-a8eb-b1c211c286a8',
  visitId: 'e2117dff-6d30-47b0-b3d6-f75386873ce1',
  status: 'draft',
  category: 'report',
  title: 'Verslag',
  intro: '',
  body: 'Tekst',
  authorName: '',
  showProgramme: true,
  showTalks: true,
  photoIds: [],
  publishedAt: null,
  version: 1,
}

export const visitReportPutExample = { report: reportJsonExample }

export const visitReportCommentPostExample = {
  id: 'b362b5da-c269-43d0-aae1-ec292c1f68fa',
  status: 'rejected',
}

export const teamFollowUpsExample = { followUps: [] }

export const followUpPatchExample = {
  id: 'f46acc50-bc2a-4b13-9544-0628bed2f219',
  visitId: '4a5a6f59-66d4-45ac-959a-9d4fe524f7b5',
  title: 'Bankje',
  description: '',
  raisedBy: '',
  ownerId: '61ad63c7-7ca1-4c6c-ab20-5bdf6f31103a',
  dueDate: '2027-07-01',
  status: 'done',
  showOnReport: false,
  doneAt: '2026-12-02T14:11:42.247Z',
  version: 2,
}

export const followUpExample = {
  id: '5cf499e3-76c3-4f2b-a601-8f3eb2ea9a2e',
  visitId: '751283d0-3592-4db2-877f-b9496d36afd7',
  title: 'Bankje',
  description: '',
  raisedBy: '',
  ownerId: 'db080f75-2a0b-4f10-a675-f7153d95b42f',
  dueDate: '2027-07-01',
  status: 'open',
  showOnReport: false,
  doneAt: null,
  version: 1,
  history: [],
}

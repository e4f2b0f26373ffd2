// Examples of the answers in responses.ts, taken from real answers of a test run (lists cut to one entry).

const teamJsonExample = { id: 'f6d373a1-e219-403f-9d2e-a4294ce3127a', name: 'Team A 218834d9', role: 'owner' }

export const teamsExample = { teams: [teamJsonExample] }

export const teamsPostExample = { id: '25bd318c-c60b-485c-8aee-1d79e9071b3a', name: 'API-team' }

const teamRecordJsonExample = {
  id: '11cd842b-e34f-47a7-86dc-2ae0a27a1aed',
  name: 'Team A a04057cf',
  createdAt: '2026-12-02T14:11:29.711Z',
}

const memberJsonExample = {
  personId: 'abc0e58d-79a8-4e5f-8dca-16a9f6dcce82',
  name: 'organiser a04057cf',
  email: 'organiser-a04057cf@example.nl',
  role: 'organiser',
}

const invitationJsonExample = {
  id: 'd0124eb5-48bc-4b2a-b92d-582585604f27',
  email: 'invitee-a04057cf@example.nl',
  role: 'viewer',
  expiresAt: '2026-12-02T15:11:29.699Z',
}

export const teamExample = {
  team: teamRecordJsonExample,
  members: [memberJsonExample],
  invitations: [invitationJsonExample],
}

export const teamInvitationsPostExample = { id: '739f50fb-a066-4fbc-8b9a-6b69fe44aab9' }

export const teamAuditExample = { entries: [] }

export const authSignInLinkPostExample = { status: 'sent' }

export const meExample = {
  person: {
    id: 'ca6224cb-8292-4ee9-8de8-0e3457dadcdd',
    email: 'owner-b0614f72@example.nl',
    name: 'owner b0614f72',
    locale: 'nl',
  },
  teams: [teamJsonExample],
  visitRoles: [],
}

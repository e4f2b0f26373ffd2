import { eq } from 'drizzle-orm'
import { shareLinks, visits } from '../../../shared/db/schema'
import { db } from '../../../test/integration/helpers'
import { PRIVATE, type Row, s, type World } from '../../../test/integration/world'

/** A live share link of the world's visit, made directly in the database. */
async function shareLinkOf(w: World) {
  const id = crypto.randomUUID()
  await db.insert(shareLinks).values({ id, visitId: w.visitA, tokenHash: `hash-${id}` })
  return id
}

// anonymous, outsider, viewer, organiser, owner, host, caterer, speaker
const teamRead = s(401, 404, 200, 200, 200, 404, 404, 401)
const teamOrganise = (ok: number) => s(401, 404, 403, ok, ok, 404, 404, 401)
const programmeRead = s(401, 404, 200, 200, 200, 403, 403, 401)
const programmeOrganise = (ok: number) => s(401, 404, 403, ok, ok, 403, 403, 401)
const everyone = (code: number) => s(code, code, code, code, code, code, code, code)
const all = ['anonymous', 'outsider', 'viewer', 'organiser', 'owner', 'host', 'caterer', 'speaker'] as const

/** Matrix rows for the visits, venues, programme and releases API (see access-matrix.test.ts). */
export const apiRows: Record<string, Row> = {
  'GET /api/teams/:teamId/visits': {
    request: (w) => ({ path: `/api/teams/${w.teamA}/visits` }),
    expect: teamRead,
    hidePrivateFrom: [...all],
  },
  'POST /api/teams/:teamId/visits': {
    request: (w) => ({
      path: `/api/teams/${w.teamA}/visits`,
      json: { kind: 'other', title: 'Nieuw bezoek', startDate: '2027-07-01', endDate: '2027-07-01' },
    }),
    expect: teamOrganise(201),
  },
  'PATCH /api/visits/:visitId': {
    request: (w) => ({ path: `/api/visits/${w.visitA}`, json: { version: 1, meetingPoint: 'Bij de poort' } }),
    expect: programmeOrganise(200),
  },
  'POST /api/visits/:visitId/duplicate': {
    request: (w) => ({
      path: `/api/visits/${w.visitA}/duplicate`,
      json: { title: 'Volgend jaar', startDate: '2028-06-10' },
    }),
    expect: programmeOrganise(201),
  },
  'POST /api/visits/:visitId/archive': {
    request: (w) => ({ path: `/api/visits/${w.visitA}/archive` }),
    expect: programmeOrganise(204),
  },
  'POST /api/visits/:visitId/restore': {
    request: async (w) => {
      await db.update(visits).set({ status: 'archived' }).where(eq(visits.id, w.visitA))
      return { path: `/api/visits/${w.visitA}/restore` }
    },
    expect: programmeOrganise(200),
  },
  'PUT /api/visits/:visitId/venues/:venueId': {
    request: (w) => ({
      path: `/api/visits/${w.visitA}/venues/${w.venueA1}`,
      json: { opensAt: '10:00', closesAt: '17:00' },
    }),
    // The venue's own host may set its opening window; a caterer has no part in venues.
    expect: s(401, 404, 403, 200, 200, 200, 404, 401),
  },
  'GET /api/teams/:teamId/venues': {
    request: (w) => ({ path: `/api/teams/${w.teamA}/venues` }),
    expect: teamRead,
    hidePrivateFrom: ['viewer'],
    showPrivateTo: ['organiser', 'owner'],
  },
  'POST /api/teams/:teamId/venues': {
    request: (w) => ({ path: `/api/teams/${w.teamA}/venues`, json: { name: 'Pleintje', kind: 'street' } }),
    expect: teamOrganise(201),
  },
  'GET /api/visits/:visitId/releases': {
    request: (w) => ({ path: `/api/visits/${w.visitA}/releases` }),
    expect: programmeRead,
  },
  'POST /api/visits/:visitId/releases': {
    request: (w) => ({ path: `/api/visits/${w.visitA}/releases`, json: {} }),
    expect: programmeOrganise(201),
  },
  'GET /api/visits/:visitId/pending-changes': {
    request: (w) => ({ path: `/api/visits/${w.visitA}/pending-changes` }),
    expect: programmeRead,
  },
  'GET /api/releases/:releaseId': {
    request: (w) => ({ path: `/api/releases/${w.releaseA}` }),
    expect: programmeRead,
  },
  'GET /api/visits/:visitId/programme': {
    request: (w) => ({ path: `/api/visits/${w.visitA}/programme` }),
    expect: programmeRead,
    hidePrivateFrom: [...all],
  },
  'GET /api/visits/:visitId/clashes': {
    request: (w) => ({ path: `/api/visits/${w.visitA}/clashes` }),
    expect: programmeRead,
  },
  'POST /api/visits/:visitId/items': {
    request: (w) => ({
      path: `/api/visits/${w.visitA}/items`,
      json: { kind: 'talk', title: 'Voordracht', date: '2027-06-12', start: '16:00', end: '16:10' },
    }),
    expect: programmeOrganise(201),
  },
  'GET /api/items/:itemId': { request: (w) => ({ path: `/api/items/${w.itemA1}` }), expect: programmeRead },
  'PATCH /api/items/:itemId': {
    request: (w) => ({ path: `/api/items/${w.itemA1}`, json: { version: 1, title: 'Welkom in de tuin' } }),
    expect: programmeOrganise(200),
  },
  'DELETE /api/items/:itemId': {
    request: (w) => ({ path: `/api/items/${w.itemA1}`, headers: { 'if-match': '"v1"' } }),
    expect: programmeOrganise(204),
  },
  'POST /api/visits/:visitId/running-late': {
    request: (w) => ({
      path: `/api/visits/${w.visitA}/running-late`,
      json: { minutes: 10, from: { date: '2027-06-12', time: '12:00' } },
    }),
    expect: programmeOrganise(200),
  },
  'POST /api/visits/:visitId/groups': {
    request: (w) => ({ path: `/api/visits/${w.visitA}/groups`, json: { name: 'Groep B' } }),
    expect: programmeOrganise(201),
  },
  'PATCH /api/groups/:groupId': {
    request: (w) => ({ path: `/api/groups/${w.groupA}`, json: { name: 'Wethouders' } }),
    expect: programmeOrganise(200),
  },
  'DELETE /api/groups/:groupId': {
    request: (w) => ({ path: `/api/groups/${w.groupA}` }),
    expect: programmeOrganise(204),
  },
  'GET /api/visits/:visitId/participants': {
    request: (w) => ({ path: `/api/visits/${w.visitA}/participants` }),
    expect: programmeRead,
    hidePrivateFrom: ['viewer'],
    showPrivateTo: ['organiser', 'owner'],
    privateMarker: PRIVATE.participantContact,
  },
  'POST /api/visits/:visitId/participants': {
    request: (w) => ({
      path: `/api/visits/${w.visitA}/participants`,
      json: { name: 'Wethouder Groen', function: 'alderman' },
    }),
    expect: programmeOrganise(201),
  },
  'PATCH /api/participants/:participantId': {
    request: (w) => ({
      path: `/api/participants/${w.participantA}`,
      json: { version: 1, organisation: 'Gemeente Leiden' },
    }),
    expect: programmeOrganise(200),
  },
  'DELETE /api/participants/:participantId': {
    request: (w) => ({ path: `/api/participants/${w.participantA}` }),
    expect: programmeOrganise(204),
  },
  'POST /api/teams/:teamId/host-signup-link': {
    request: (w) => ({ path: `/api/teams/${w.teamA}/host-signup-link` }),
    expect: teamOrganise(201),
  },
  'GET /api/teams/:teamId/host-offers': {
    request: (w) => ({ path: `/api/teams/${w.teamA}/host-offers` }),
    expect: teamOrganise(200),
  },
  'POST /api/host-offers/:offerId/accept': {
    request: (w) => ({ path: `/api/host-offers/${w.offerA}/accept`, json: { visitId: w.visitA } }),
    expect: teamOrganise(200),
  },
  'POST /api/host-offers/:offerId/decline': {
    request: (w) => ({ path: `/api/host-offers/${w.offerA}/decline` }),
    expect: teamOrganise(204),
  },
  'GET /api/visits/:visitId/share-links': {
    request: (w) => ({ path: `/api/visits/${w.visitA}/share-links` }),
    expect: programmeRead,
  },
  'POST /api/visits/:visitId/share-links': {
    request: (w) => ({ path: `/api/visits/${w.visitA}/share-links`, json: { label: 'Voor de pers' } }),
    expect: programmeOrganise(201),
  },
  'DELETE /api/share-links/:linkId': {
    request: async (w) => ({ path: `/api/share-links/${await shareLinkOf(w)}` }),
    expect: programmeOrganise(204),
  },
  'GET /api/openapi.json': { request: () => ({ path: '/api/openapi.json' }), expect: everyone(200) },
  'GET /api/docs': { request: () => ({ path: '/api/docs' }), expect: everyone(200) },
}

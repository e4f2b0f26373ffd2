import { eq } from 'drizzle-orm'
import { people, programmeItems, teams, visitRoles, visits } from '../../../shared/db/schema'
import { db, freshClient } from '../../../test/integration/helpers'
import { actors, PRIVATE, type Row, s, type World } from '../../../test/integration/world'
import { hashToken, randomToken } from '../../platform/auth/tokens'

export async function signupToken(w: World) {
  const token = randomToken()
  await db
    .update(teams)
    .set({ hostSignupTokenHash: await hashToken(token) })
    .where(eq(teams.id, w.teamA))
  return token
}

/** A caterer's role for the world's visit, given to someone new: the id a "take it back" names. */
export async function extraRoleOf(w: World) {
  const personId = crypto.randomUUID()
  const id = crypto.randomUUID()
  await db.batch([
    db.insert(people).values({ id: personId, email: `kok-${id.slice(0, 8)}@example.nl` }),
    db.insert(visitRoles).values({ id, visitId: w.visitA, personId, role: 'caterer' }),
  ])
  return id
}

//                       anon outsider viewer organiser owner host caterer speaker
/** Team pages (visits, venues lists): members only; hosts and caterers are not in the team. */
const teamRead = s(303, 404, 200, 200, 200, 404, 404, 303)
/** Creating in a team: organisers and owners; viewers may not; non-members never learn it exists. */
const teamWrite = s(401, 404, 403, 303, 303, 404, 404, 401)
/** The programme and its parts: the team reads; hosts and caterers may see the visit but not this (403). */
const programmeRead = s(303, 404, 200, 200, 200, 403, 403, 303)
/** Changing a visit or its programme: organisers; anyone else with a part in the visit gets 403. */
const visitWrite = s(401, 404, 403, 303, 303, 403, 403, 401)

/** Matrix rows for the organisers' programme pages (see access-matrix.test.ts). */
export const pageRows: Record<string, Row> = {
  'GET /teams/:teamId/visits': { request: (w) => ({ path: `/teams/${w.teamA}/visits` }), expect: teamRead },
  'POST /teams/:teamId/visits': {
    request: (w) => ({
      path: `/teams/${w.teamA}/visits`,
      form: { kind: 'other', title: 'Nieuw bezoek', startDate: '2027-09-01', endDate: '2027-09-01' },
    }),
    expect: teamWrite,
  },
  'GET /visits/:visitId': {
    request: (w) => ({ path: `/visits/${w.visitA}` }),
    expect: s(303, 404, 200, 200, 200, 200, 200, 303),
    hidePrivateFrom: ['viewer', 'caterer'],
    showPrivateTo: ['organiser', 'owner', 'host'],
  },
  'POST /visits/:visitId': {
    request: (w) => ({ path: `/visits/${w.visitA}`, form: { version: '1', title: 'Andere titel' } }),
    expect: visitWrite,
  },
  'GET /visits/:visitId/roles': {
    request: (w) => ({ path: `/visits/${w.visitA}/roles` }),
    // Hosts' and caterers' addresses: organisers only; a viewer of the team may not see them either.
    expect: s(303, 404, 403, 200, 200, 403, 403, 303),
  },
  'POST /visits/:visitId/roles': {
    request: (w) => ({
      path: `/visits/${w.visitA}/roles`,
      form: { role: 'caterer', email: `kok-${w.teamA.slice(0, 8)}@example.nl` },
    }),
    expect: visitWrite,
  },
  'POST /visits/:visitId/roles/:roleId/remove': {
    request: async (w) => ({
      path: `/visits/${w.visitA}/roles/${await extraRoleOf(w)}/remove`,
      form: { confirm: 'yes' },
    }),
    expect: visitWrite,
  },
  'DELETE /api/visits/:visitId/roles/:roleId': {
    request: async (w) => ({ path: `/api/visits/${w.visitA}/roles/${await extraRoleOf(w)}` }),
    expect: s(401, 404, 403, 204, 204, 403, 403, 401),
  },
  'POST /visits/:visitId/duplicate': {
    request: (w) => ({
      path: `/visits/${w.visitA}/duplicate`,
      form: { title: 'Volgend jaar', startDate: '2028-06-10' },
    }),
    expect: visitWrite,
  },
  'POST /visits/:visitId/archive': {
    request: (w) => ({ path: `/visits/${w.visitA}/archive`, form: { confirm: 'yes' } }),
    expect: visitWrite,
  },
  'POST /visits/:visitId/restore': {
    request: async (w) => {
      await db.update(visits).set({ status: 'archived' }).where(eq(visits.id, w.visitA))
      return { path: `/visits/${w.visitA}/restore`, form: {} }
    },
    expect: visitWrite,
  },
  'GET /visits/:visitId/releases': {
    request: (w) => ({ path: `/visits/${w.visitA}/releases` }),
    expect: programmeRead,
    hidePrivateFrom: [...actors],
  },
  'POST /visits/:visitId/releases': {
    // A change to publish (an empty release is refused), the clashes ticked as seen.
    request: async (w) => {
      await db.insert(programmeItems).values({
        visitId: w.visitA,
        kind: 'break',
        title: 'Pauze',
        startsAt: new Date('2027-06-12T16:00:00Z'),
        endsAt: new Date('2027-06-12T16:15:00Z'),
      })
      return { path: `/visits/${w.visitA}/releases`, form: { confirmClashes: 'yes' } }
    },
    expect: visitWrite,
  },
  'GET /visits/:visitId/programme': {
    request: (w) => ({ path: `/visits/${w.visitA}/programme` }),
    expect: programmeRead,
    hidePrivateFrom: [...actors],
  },
  'POST /visits/:visitId/items': {
    request: (w) => ({
      path: `/visits/${w.visitA}/items`,
      form: { kind: 'talk', title: 'Praatje', date: '2027-06-12', start: '16:30', end: '16:45' },
    }),
    expect: visitWrite,
  },
  'POST /visits/:visitId/running-late': {
    request: (w) => ({ path: `/visits/${w.visitA}/running-late`, form: { minutes: '10' } }),
    expect: visitWrite,
  },
  'POST /visits/:visitId/groups': {
    request: (w) => ({ path: `/visits/${w.visitA}/groups`, form: { name: 'Wethouders' } }),
    expect: visitWrite,
  },
  'GET /items/:itemId': {
    request: (w) => ({ path: `/items/${w.itemA1}` }),
    expect: programmeRead,
    hidePrivateFrom: [...actors],
  },
  'POST /items/:itemId': {
    request: (w) => ({ path: `/items/${w.itemA1}`, form: { version: '1', title: 'Welkom!' } }),
    expect: visitWrite,
  },
  'POST /items/:itemId/delete': {
    request: (w) => ({ path: `/items/${w.itemA1}/delete`, form: { version: '1', confirm: 'yes' } }),
    expect: visitWrite,
  },
  'GET /groups/:groupId': {
    request: (w) => ({ path: `/groups/${w.groupA}` }),
    expect: programmeRead,
  },
  'POST /groups/:groupId': {
    request: (w) => ({ path: `/groups/${w.groupA}`, form: { name: 'Groep Noord', position: '2' } }),
    expect: visitWrite,
  },
  'POST /groups/:groupId/delete': {
    request: (w) => ({ path: `/groups/${w.groupA}/delete`, form: { confirm: 'yes' } }),
    expect: visitWrite,
  },
  'GET /visits/:visitId/participants': {
    request: (w) => ({ path: `/visits/${w.visitA}/participants` }),
    expect: programmeRead,
    // Contact and dietary needs of the company are for the organisers only.
    hidePrivateFrom: ['viewer'],
    showPrivateTo: ['organiser', 'owner'],
    privateMarker: PRIVATE.participantContact,
  },
  'POST /visits/:visitId/participants': {
    request: (w) => ({ path: `/visits/${w.visitA}/participants`, form: { name: 'Burgemeester' } }),
    expect: visitWrite,
  },
  'GET /participants/:participantId': {
    request: (w) => ({ path: `/participants/${w.participantA}` }),
    expect: programmeRead,
    hidePrivateFrom: ['viewer'],
    showPrivateTo: ['organiser', 'owner'],
    privateMarker: PRIVATE.participantContact,
  },
  'POST /participants/:participantId': {
    request: (w) => ({
      path: `/participants/${w.participantA}`,
      form: { version: '1', name: 'Burgemeester De Vries' },
    }),
    expect: visitWrite,
  },
  'POST /visits/:visitId/participants/:participantId/delete': {
    request: (w) => ({
      path: `/visits/${w.visitA}/participants/${w.participantA}/delete`,
      form: { confirm: 'yes' },
    }),
    expect: visitWrite,
  },
  'GET /teams/:teamId/venues': {
    request: (w) => ({ path: `/teams/${w.teamA}/venues` }),
    expect: teamRead,
    hidePrivateFrom: ['viewer'],
    showPrivateTo: ['organiser', 'owner'],
  },
  'POST /teams/:teamId/venues': {
    request: (w) => ({ path: `/teams/${w.teamA}/venues`, form: { name: 'Speeltuin', kind: 'other' } }),
    expect: teamWrite,
  },
  'GET /venues/:venueId': {
    request: (w) => ({ path: `/venues/${w.venueA1}` }),
    expect: s(303, 404, 200, 200, 200, 200, 404, 303),
    hidePrivateFrom: ['viewer'],
    showPrivateTo: ['organiser', 'owner', 'host'],
  },
  'POST /venues/:venueId': {
    request: (w) => ({ path: `/venues/${w.venueA1}`, form: { version: '1', notes: 'Ingang achterom' } }),
    // The host may change the practical fields of their own venue.
    expect: s(401, 404, 403, 303, 303, 303, 404, 401),
  },
  'POST /visits/:visitId/venues/:venueId': {
    request: (w) => ({
      path: `/visits/${w.visitA}/venues/${w.venueA1}`,
      form: { opensAt: '13:00', closesAt: '18:00' },
    }),
    expect: s(401, 404, 403, 303, 303, 303, 404, 401),
  },
  'GET /teams/:teamId/host-offers': {
    request: (w) => ({ path: `/teams/${w.teamA}/host-offers` }),
    expect: s(303, 404, 403, 200, 200, 404, 404, 303),
  },
  'POST /teams/:teamId/host-offers/link': {
    request: (w) => ({ path: `/teams/${w.teamA}/host-offers/link`, form: {} }),
    // Post, then redirect to the page that shows the current link.
    expect: s(401, 404, 403, 303, 303, 404, 404, 401),
  },
  'POST /teams/:teamId/host-offers/:offerId/accept': {
    request: (w) => ({
      path: `/teams/${w.teamA}/host-offers/${w.offerA}/accept`,
      form: { visitId: w.visitA },
    }),
    expect: teamWrite,
  },
  'POST /teams/:teamId/host-offers/:offerId/decline': {
    request: (w) => ({ path: `/teams/${w.teamA}/host-offers/${w.offerA}/decline`, form: { confirm: 'yes' } }),
    expect: teamWrite,
  },
  // The residents' form: public, by link only.
  'GET /host-offer/:token': {
    request: async (w) => ({ path: `/host-offer/${await signupToken(w)}` }),
    expect: s(200, 200, 200, 200, 200, 200, 200, 200),
    hidePrivateFrom: [...actors],
  },
  'POST /host-offer/:token': {
    request: async (w) => ({
      path: `/host-offer/${await signupToken(w)}`,
      form: {
        hostName: 'Marja',
        hostEmail: 'marja@example.nl',
        venueName: 'Tuin van Marja',
        venueKind: 'garden',
        address: 'Vreewijkstraat 1',
      },
      headers: { 'cf-connecting-ip': freshClient() },
    }),
    expect: s(200, 200, 200, 200, 200, 200, 200, 200),
    hidePrivateFrom: [...actors],
  },
}

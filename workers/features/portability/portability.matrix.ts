import { db } from '../../../test/integration/helpers'
import { type Row, s, type World } from '../../../test/integration/world'
import { exportVisit } from './visit-document'

//                         anon outsider viewer organiser owner host caterer speaker
const organisers = (ok: number) => s(401, 404, 403, ok, ok, 404, 404, 401)

/** Team A's visit as a document, read as its organiser would get it. */
async function documentOf(w: World) {
  const organiser = {
    kind: 'person' as const,
    personId: w.person.organiser.id,
    email: w.person.organiser.email,
    teams: new Map([[w.teamA, 'organiser' as const]]),
    visitRoles: [],
  }
  return exportVisit(db, organiser, w.visitA, new Date())
}

/** Backup and portability: only the team's organisers take a whole visit out, or make one from a document. */
export const portabilityRows: Record<string, Row> = {
  'GET /api/visits/:visitId/export': {
    request: (w) => ({ path: `/api/visits/${w.visitA}/export` }),
    expect: organisers(200),
    hidePrivateFrom: ['anonymous', 'outsider', 'viewer', 'host', 'caterer', 'speaker'],
    showPrivateTo: ['organiser', 'owner'],
  },
  'POST /api/teams/:teamId/visit-imports': {
    request: async (w) => ({ path: `/api/teams/${w.teamA}/visit-imports`, json: await documentOf(w) }),
    expect: organisers(201),
  },
}

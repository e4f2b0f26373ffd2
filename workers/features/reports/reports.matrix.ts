import { followUps, reportComments, reports } from '../../../shared/db/schema'
import { db, freshClient } from '../../../test/integration/helpers'
import { type Row, s, type World } from '../../../test/integration/world'
import { hashToken, randomToken } from '../../platform/auth/tokens'

/** The world's visit's report, written directly (draft or published), with one held comment and its token. */
export async function reportOf(w: World, status: 'draft' | 'published' = 'published') {
  const id = crypto.randomUUID()
  const commentId = crypto.randomUUID()
  const token = randomToken()
  await db.batch([
    db.insert(reports).values({
      id,
      visitId: w.visitA,
      status,
      title: 'Verslag',
      intro: 'Het bezoek.',
      publishedAt: status === 'published' ? new Date() : null,
    }),
    db.insert(reportComments).values({
      id: commentId,
      reportId: id,
      name: 'Bewoner',
      body: 'Mooi!',
      tokenHash: await hashToken(token),
    }),
  ])
  return { id, commentId, token }
}

/** A follow-up of the world's visit, owned by its viewer. */
export async function followUpOf(w: World) {
  const id = crypto.randomUUID()
  await db.insert(followUps).values({
    id,
    visitId: w.visitA,
    teamId: w.teamA,
    title: 'Bankje',
    ownerId: w.person.viewer.id,
    dueDate: '2027-07-01',
  })
  return id
}

const reportForm = {
  title: 'Verslag',
  intro: '',
  body: 'Tekst',
  authorName: '',
  category: 'report',
  showProgramme: 'yes',
  showTalks: 'no',
  photoIds: '',
}
const reportJson = {
  title: 'Verslag',
  intro: '',
  body: 'Tekst',
  authorName: '',
  category: 'report',
  showProgramme: true,
  showTalks: true,
  photoIds: [],
}

// anonymous, outsider, viewer, organiser, owner, host, caterer, speaker
const everyone = (code: number) => s(code, code, code, code, code, code, code, code)
const teamPage = s(303, 404, 200, 200, 200, 404, 404, 303)
const writePost = s(401, 404, 403, 303, 303, 404, 404, 401)
const readApi = s(401, 404, 200, 200, 200, 404, 404, 401)
const writeApi = (ok: number) => s(401, 404, 403, ok, ok, 404, 404, 401)

/** Matrix rows for the reports, comments, news and follow-ups (see access-matrix-reports.test.ts). */
export const reportRows: Record<string, Row> = {
  'GET /assets/reports.css': { request: () => ({ path: '/assets/reports.css' }), expect: everyone(200) },
  'GET /v/:slug/report': {
    request: async (w) => {
      await reportOf(w)
      return { path: `/v/${w.slugA}/report` }
    },
    expect: everyone(200),
    hidePrivateFrom: ['anonymous', 'outsider', 'viewer', 'organiser', 'owner', 'host', 'caterer', 'speaker'],
  },
  'GET /v/:slug/report/comment': {
    request: async (w) => {
      await reportOf(w)
      return { path: `/v/${w.slugA}/report/comment` }
    },
    expect: everyone(200),
  },
  'POST /v/:slug/report/comment': {
    // A form stamp that is not ours: refused for everyone alike, nothing stored.
    request: async (w) => {
      await reportOf(w)
      return {
        path: `/v/${w.slugA}/report/comment`,
        form: { name: 'Bewoner', body: 'Hallo', shown: '1.x' },
        headers: { 'cf-connecting-ip': freshClient() },
      }
    },
    expect: everyone(422),
  },
  'GET /v/:slug/report/slides/:fileId': {
    request: async (w) => {
      await reportOf(w)
      return { path: `/v/${w.slugA}/report/slides/${crypto.randomUUID()}` }
    },
    expect: everyone(404),
  },
  'GET /rc/:token': {
    request: async (w) => ({ path: `/rc/${(await reportOf(w)).token}` }),
    expect: everyone(200),
  },
  'POST /rc/:token/withdraw': {
    request: async (w) => ({ path: `/rc/${(await reportOf(w)).token}/withdraw`, form: { confirm: 'yes' } }),
    expect: everyone(303),
  },
  'GET /news/:teamId': {
    request: async (w) => {
      await reportOf(w)
      return { path: `/news/${w.teamA}` }
    },
    expect: everyone(200),
  },
  'GET /news/:teamId/feed.atom': {
    request: async (w) => {
      await reportOf(w)
      return { path: `/news/${w.teamA}/feed.atom` }
    },
    expect: everyone(200),
  },
  'GET /visits/:visitId/report': {
    request: (w) => ({ path: `/visits/${w.visitA}/report` }),
    expect: teamPage,
  },
  'GET /visits/:visitId/report/preview': {
    request: async (w) => {
      await reportOf(w, 'draft')
      return { path: `/visits/${w.visitA}/report/preview` }
    },
    expect: teamPage,
  },
  'POST /visits/:visitId/report': {
    request: (w) => ({ path: `/visits/${w.visitA}/report`, form: reportForm }),
    expect: writePost,
  },
  'POST /visits/:visitId/report/status': {
    request: async (w) => {
      await reportOf(w, 'draft')
      return { path: `/visits/${w.visitA}/report/status`, form: { status: 'published', version: '1' } }
    },
    expect: writePost,
  },
  'POST /visits/:visitId/report/comments/:commentId': {
    request: async (w) => {
      const { commentId } = await reportOf(w)
      return { path: `/visits/${w.visitA}/report/comments/${commentId}`, form: { status: 'approved' } }
    },
    expect: writePost,
  },
  'GET /visits/:visitId/follow-ups': {
    request: (w) => ({ path: `/visits/${w.visitA}/follow-ups` }),
    expect: teamPage,
  },
  'POST /visits/:visitId/follow-ups': {
    request: (w) => ({
      path: `/visits/${w.visitA}/follow-ups`,
      form: { title: 'Bankje', ownerId: '', dueDate: '2027-07-01', status: 'open', showOnReport: 'no' },
    }),
    expect: writePost,
  },
  'GET /teams/:teamId/follow-ups': {
    request: (w) => ({ path: `/teams/${w.teamA}/follow-ups` }),
    expect: teamPage,
  },
  'GET /follow-ups/:followUpId': {
    request: async (w) => ({ path: `/follow-ups/${await followUpOf(w)}` }),
    expect: teamPage,
  },
  'POST /follow-ups/:followUpId': {
    request: async (w) => ({
      path: `/follow-ups/${await followUpOf(w)}`,
      form: { version: '1', status: 'in_progress', comment: 'Mee bezig' },
    }),
    expect: writePost,
  },
  'GET /api/visits/:visitId/report': {
    request: (w) => ({ path: `/api/visits/${w.visitA}/report` }),
    expect: readApi,
  },
  'PUT /api/visits/:visitId/report': {
    request: (w) => ({ path: `/api/visits/${w.visitA}/report`, json: reportJson }),
    expect: writeApi(200),
  },
  'POST /api/visits/:visitId/report/status': {
    request: async (w) => {
      await reportOf(w, 'draft')
      return { path: `/api/visits/${w.visitA}/report/status`, json: { status: 'published', version: 1 } }
    },
    expect: writeApi(200),
  },
  'POST /api/visits/:visitId/report/comments/:commentId': {
    request: async (w) => {
      const { commentId } = await reportOf(w)
      return { path: `/api/visits/${w.visitA}/report/comments/${commentId}`, json: { status: 'rejected' } }
    },
    expect: writeApi(200),
  },
  'GET /api/visits/:visitId/follow-ups': {
    request: (w) => ({ path: `/api/visits/${w.visitA}/follow-ups?status=overdue` }),
    expect: readApi,
  },
  'POST /api/visits/:visitId/follow-ups': {
    request: (w) => ({
      path: `/api/visits/${w.visitA}/follow-ups`,
      json: { title: 'Bankje', ownerId: w.person.viewer.id, dueDate: '2027-07-01' },
    }),
    expect: writeApi(201),
  },
  'GET /api/teams/:teamId/follow-ups': {
    request: (w) => ({ path: `/api/teams/${w.teamA}/follow-ups` }),
    expect: readApi,
  },
  'GET /api/follow-ups/:followUpId': {
    request: async (w) => ({ path: `/api/follow-ups/${await followUpOf(w)}` }),
    expect: readApi,
  },
  'PATCH /api/follow-ups/:followUpId': {
    request: async (w) => ({
      path: `/api/follow-ups/${await followUpOf(w)}`,
      json: { status: 'done', comment: 'Klaar', version: 1 },
    }),
    expect: writeApi(200),
  },
}

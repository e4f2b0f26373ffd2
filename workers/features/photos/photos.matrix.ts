import { env, SELF } from 'cloudflare:test'
import { photoLinks, photos } from '../../../shared/db/schema'
import { db, freshClient, ORIGIN, url } from '../../../test/integration/helpers'
import { type Row, s, type World } from '../../../test/integration/world'
import { hashToken, randomToken } from '../../platform/auth/tokens'

/** A photo of the world's visit uploaded by its organiser, with objects in R2; public when asked. */
export async function photoOf(w: World, opts: { public?: boolean } = {}) {
  const id = crypto.randomUUID()
  const prefix = `photos/${w.visitA}/${id}`
  const webKey = `${prefix}/web-${'a'.repeat(20)}.webp`
  const thumbKey = `${prefix}/thumb-${'b'.repeat(20)}.webp`
  const bytes = new TextEncoder().encode('RIFF\u0004\u0000\u0000\u0000WEBP')
  await Promise.all([`${prefix}/original`, webKey, thumbKey].map((k) => env.PHOTOS.put(k, bytes)))
  await db.insert(photos).values({
    id,
    visitId: w.visitA,
    personId: w.person.organiser.id,
    filename: 'tuin.jpg',
    originalKey: `${prefix}/original`,
    originalType: 'image/jpeg',
    originalBytes: bytes.byteLength,
    webKey,
    webWidth: 16,
    webHeight: 12,
    webBytes: bytes.byteLength,
    thumbKey,
    thumbWidth: 8,
    thumbHeight: 6,
    approved: opts.public ?? false,
    consent: opts.public ? 'none' : 'asked',
    position: 1,
  })
  return { id, webFile: webKey.split('/').pop() as string }
}

/** A live photo link of the world's visit: its id and token. */
export async function linkOf(w: World) {
  const token = randomToken()
  const id = crypto.randomUUID()
  await db
    .insert(photoLinks)
    .values({ id, visitId: w.visitA, tokenHash: await hashToken(token), label: 'Fotograaf' })
  return { id, token }
}

/** An upload of the world's visit opened by its organiser (through the API, as the browser does). */
async function uploadOf(w: World) {
  const res = await SELF.fetch(url(`/api/visits/${w.visitA}/photo-uploads`), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      origin: ORIGIN,
      cookie: w.person.organiser.cookie,
    },
    body: JSON.stringify({ filename: 'tuin.jpg', sizeBytes: 2048 }),
  })
  return ((await res.json()) as { id: string }).id
}

// anonymous, outsider, viewer, organiser, owner, host, caterer, speaker
const everyone = (code: number) => s(code, code, code, code, code, code, code, code)
const teamPage = s(303, 404, 200, 200, 200, 200, 404, 303)
const curatePost = s(401, 404, 403, 303, 303, 403, 404, 401)
/** A photo the organiser uploaded: a host sees only their own uploads, so it is 404 to them. */
const photoPage = s(303, 404, 200, 200, 200, 404, 404, 303)
const photoPost = s(401, 404, 403, 303, 303, 404, 404, 401)
const curateApi = (ok: number) => s(401, 404, 403, ok, ok, 403, 404, 401)
const photoApi = (ok: number) => s(401, 404, 403, ok, ok, 404, 404, 401)
/** Only the organiser who opened an upload may go on with it. */
const ownUpload = (ok: number) => s(404, 404, 404, ok, 404, 404, 404, 404)

/** Matrix rows for the photos (see access-matrix-photos.test.ts). */
export const photoRows: Record<string, Row> = {
  'GET /assets/photos.css': { request: () => ({ path: '/assets/photos.css' }), expect: everyone(200) },
  'GET /assets/photos.js': { request: () => ({ path: '/assets/photos.js' }), expect: everyone(200) },
  'GET /v/:slug/photos': { request: (w) => ({ path: `/v/${w.slugA}/photos` }), expect: everyone(200) },
  'GET /v/:slug/photos.zip': {
    request: async (w) => {
      await photoOf(w, { public: true })
      return { path: `/v/${w.slugA}/photos.zip` }
    },
    expect: everyone(200),
  },
  'GET /v/:slug/photos/:photoId/:file{(?:thumb|web)-[0-9a-f]{20}\\.webp}': {
    request: async (w) => {
      const p = await photoOf(w, { public: true })
      return { path: `/v/${w.slugA}/photos/${p.id}/${p.webFile}` }
    },
    expect: everyone(200),
  },
  'GET /p/:token': {
    request: async (w) => ({ path: `/p/${(await linkOf(w)).token}` }),
    expect: everyone(200),
  },
  'GET /visits/:visitId/photos': {
    request: (w) => ({ path: `/visits/${w.visitA}/photos` }),
    expect: teamPage,
  },
  'POST /visits/:visitId/photos/bulk': {
    request: async (w) => ({
      path: `/visits/${w.visitA}/photos/bulk`,
      form: { ids: (await photoOf(w)).id, action: 'approve' },
    }),
    expect: curatePost,
  },
  'GET /visits/:visitId/photos/:photoId': {
    request: async (w) => ({ path: `/visits/${w.visitA}/photos/${(await photoOf(w)).id}` }),
    expect: photoPage,
  },
  'POST /visits/:visitId/photos/:photoId': {
    request: async (w) => ({
      path: `/visits/${w.visitA}/photos/${(await photoOf(w)).id}`,
      form: { version: '1', caption: 'In de tuin', consent: 'none', approved: 'yes', cover: 'no' },
    }),
    expect: photoPost,
  },
  'POST /visits/:visitId/photos/:photoId/delete': {
    request: async (w) => ({
      path: `/visits/${w.visitA}/photos/${(await photoOf(w)).id}/delete`,
      form: { confirm: 'yes' },
    }),
    expect: photoPost,
  },
  'POST /visits/:visitId/photos/:photoId/move': {
    request: async (w) => ({
      path: `/visits/${w.visitA}/photos/${(await photoOf(w)).id}/move`,
      form: { by: '1' },
    }),
    expect: photoPost,
  },
  'GET /visits/:visitId/photos/:photoId/original': {
    request: async (w) => ({ path: `/visits/${w.visitA}/photos/${(await photoOf(w)).id}/original` }),
    expect: photoPage,
  },
  'GET /visits/:visitId/photos/:photoId/preview/:variant{thumb|web}': {
    request: async (w) => ({ path: `/visits/${w.visitA}/photos/${(await photoOf(w)).id}/preview/thumb` }),
    expect: photoPage,
  },
  'POST /visits/:visitId/photo-links': {
    request: (w) => ({ path: `/visits/${w.visitA}/photo-links`, form: { label: 'Chris de Waard' } }),
    expect: s(401, 404, 403, 200, 200, 403, 404, 401),
  },
  'POST /visits/:visitId/photo-links/:linkId/revoke': {
    request: async (w) => ({
      path: `/visits/${w.visitA}/photo-links/${(await linkOf(w)).id}/revoke`,
      form: { confirm: 'yes' },
    }),
    expect: curatePost,
  },
  'POST /visits/:visitId/photo-settings': {
    request: (w) => ({
      path: `/visits/${w.visitA}/photo-settings`,
      form: { maxFileMb: '20', maxVisitMb: '500' },
    }),
    expect: curatePost,
  },
  'POST /api/visits/:visitId/photo-uploads': {
    request: (w) => ({
      path: `/api/visits/${w.visitA}/photo-uploads`,
      json: { filename: 'a.jpg', sizeBytes: 1000 },
    }),
    expect: s(401, 404, 403, 201, 201, 201, 404, 401),
  },
  'GET /api/visits/:visitId/photo-uploads': {
    request: (w) => ({ path: `/api/visits/${w.visitA}/photo-uploads` }),
    expect: s(401, 404, 403, 200, 200, 200, 404, 401),
  },
  'POST /api/photo-link/uploads': {
    request: async (w) => ({
      path: '/api/photo-link/uploads',
      json: { filename: 'a.jpg', sizeBytes: 1000, name: 'Chris' },
      headers: { 'x-photo-link': (await linkOf(w)).token, 'cf-connecting-ip': freshClient() },
    }),
    expect: everyone(201),
  },
  'GET /api/photo-link/uploads': {
    request: async (w) => ({
      path: '/api/photo-link/uploads',
      headers: { 'x-photo-link': (await linkOf(w)).token },
    }),
    expect: everyone(200),
  },
  'GET /api/photo-uploads/:uploadId': {
    request: async (w) => ({ path: `/api/photo-uploads/${await uploadOf(w)}` }),
    expect: ownUpload(200),
  },
  'PUT /api/photo-uploads/:uploadId/parts/:partNumber': {
    // No body: the owner is told the part needs its Content-Length (411); anyone else learns nothing (404).
    request: async (w) => ({ path: `/api/photo-uploads/${await uploadOf(w)}/parts/1` }),
    expect: ownUpload(411),
  },
  'POST /api/photo-uploads/:uploadId/complete': {
    request: async (w) => ({ path: `/api/photo-uploads/${await uploadOf(w)}/complete` }),
    expect: ownUpload(409),
  },
  'DELETE /api/photo-uploads/:uploadId': {
    request: async (w) => ({ path: `/api/photo-uploads/${await uploadOf(w)}` }),
    expect: ownUpload(204),
  },
  'GET /api/visits/:visitId/photos': {
    request: (w) => ({ path: `/api/visits/${w.visitA}/photos` }),
    expect: s(401, 404, 200, 200, 200, 200, 404, 401),
  },
  'PATCH /api/visits/:visitId/photos': {
    request: async (w) => ({
      path: `/api/visits/${w.visitA}/photos`,
      json: { ids: [(await photoOf(w)).id], approved: true },
    }),
    expect: curateApi(200),
  },
  'PUT /api/visits/:visitId/photo-order': {
    request: async (w) => ({
      path: `/api/visits/${w.visitA}/photo-order`,
      json: { ids: [(await photoOf(w)).id] },
    }),
    expect: curateApi(204),
  },
  'GET /api/photos/:photoId': {
    request: async (w) => ({ path: `/api/photos/${(await photoOf(w)).id}` }),
    expect: s(401, 404, 200, 200, 200, 404, 404, 401),
  },
  'PATCH /api/photos/:photoId': {
    request: async (w) => ({
      path: `/api/photos/${(await photoOf(w)).id}`,
      json: { version: 1, caption: 'Tuin' },
    }),
    expect: photoApi(200),
  },
  'DELETE /api/photos/:photoId': {
    request: async (w) => ({ path: `/api/photos/${(await photoOf(w)).id}` }),
    expect: photoApi(204),
  },
  'GET /api/visits/:visitId/photo-links': {
    request: (w) => ({ path: `/api/visits/${w.visitA}/photo-links` }),
    expect: s(401, 404, 200, 200, 200, 403, 404, 401),
  },
  'POST /api/visits/:visitId/photo-links': {
    request: (w) => ({ path: `/api/visits/${w.visitA}/photo-links`, json: { label: 'Gasten' } }),
    expect: curateApi(201),
  },
  'DELETE /api/photo-links/:linkId': {
    request: async (w) => ({ path: `/api/photo-links/${(await linkOf(w)).id}` }),
    expect: curateApi(204),
  },
  'PUT /api/visits/:visitId/photo-settings': {
    request: (w) => ({
      path: `/api/visits/${w.visitA}/photo-settings`,
      json: { maxFileMb: 20, maxVisitMb: 500 },
    }),
    expect: curateApi(200),
  },
}

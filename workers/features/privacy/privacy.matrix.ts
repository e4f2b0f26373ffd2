import { env } from 'cloudflare:test'
import { erasureRequests, rsvps } from '../../../shared/db/schema'
import { db, freshClient } from '../../../test/integration/helpers'
import { actors, type Row, s, type World } from '../../../test/integration/world'
import { hashToken, randomToken } from '../../platform/auth/tokens'
import { readConfig } from '../../platform/config'
import { type PrivacyLinkKind, privacyLink } from './links'

const everyone = (code: number) => s(code, code, code, code, code, code, code, code)
//                                 anon outsider viewer organiser owner host caterer speaker
const ownerPage = s(303, 404, 403, 403, 200, 404, 404, 303)
const ownerPost = s(401, 404, 403, 403, 303, 404, 404, 401)

/** A guest with a private note, so rows can check that nobody but the guest sees it. */
const NOTE = 'PRIVATE-PRIVACY-NOTE'

async function guest(w: World) {
  const token = randomToken()
  const email = `privacy-${w.teamA.slice(0, 8)}-${crypto.randomUUID().slice(0, 6)}@example.nl`
  await db.insert(rsvps).values({
    visitId: w.visitA,
    name: 'Gast',
    email,
    partySize: 1,
    dietaryNotes: NOTE,
    status: 'confirmed',
    tokenHash: await hashToken(token),
  })
  return { token, email }
}

/** The mailed link of a guest, as only their mailbox has it. */
export async function linkPath(w: World, kind: PrivacyLinkKind) {
  const { email } = await guest(w)
  const link = await privacyLink(readConfig(env as unknown as Cloudflare.Env), kind, email, new Date())
  return new URL(link).pathname
}

export async function pendingRequest(w: World) {
  const { email } = await guest(w)
  const [row] = await db
    .insert(erasureRequests)
    .values({ email, eraseAfter: new Date(Date.now() + 86_400_000) })
    .returning({ id: erasureRequests.id })
  return `/teams/${w.teamA}/privacy/${row?.id}/erase`
}

/** Personal-data rights: the same for everyone who holds the link; the team's page for owners only. */
export const privacyRows: Record<string, Row> = {
  'GET /privacy': { request: () => ({ path: '/privacy' }), expect: everyone(200) },
  'POST /privacy/requests': {
    request: (w, actor) => ({
      path: '/privacy/requests',
      form: { email: `vraag-${actor}-${w.teamA.slice(0, 8)}@example.nl`, kind: 'export' },
      headers: { 'cf-connecting-ip': freshClient() },
    }),
    expect: everyone(303),
  },
  'POST /api/privacy/requests': {
    request: (w, actor) => ({
      path: '/api/privacy/requests',
      json: { email: `api-${actor}-${w.teamA.slice(0, 8)}@example.nl`, kind: 'erase' },
      headers: { 'cf-connecting-ip': freshClient() },
    }),
    expect: everyone(202),
  },
  // Whoever holds a mailed link sees what it was made for, signed in or not (the link is the proof).
  'GET /privacy/export/:link': {
    request: async (w) => ({ path: await linkPath(w, 'export') }),
    expect: everyone(200),
  },
  'GET /privacy/export/:link/data.json': {
    request: async (w) => ({ path: `${await linkPath(w, 'export')}/data.json` }),
    expect: everyone(200),
  },
  'GET /privacy/erase/:link': {
    request: async (w) => ({ path: await linkPath(w, 'erase') }),
    expect: everyone(200),
  },
  'POST /privacy/erase/:link': {
    request: async (w) => ({ path: await linkPath(w, 'erase'), form: {} }),
    expect: everyone(200),
  },
  'GET /r/:token/my-data': {
    request: async (w) => ({ path: `/r/${(await guest(w)).token}/my-data` }),
    expect: everyone(200),
  },
  'GET /r/:token/my-data.json': {
    request: async (w) => ({ path: `/r/${(await guest(w)).token}/my-data.json` }),
    expect: everyone(200),
  },
  'GET /r/:token/my-data/erase': {
    request: async (w) => ({ path: `/r/${(await guest(w)).token}/my-data/erase` }),
    expect: everyone(200),
  },
  'POST /r/:token/my-data/erase': {
    request: async (w) => ({ path: `/r/${(await guest(w)).token}/my-data/erase`, form: {} }),
    expect: everyone(200),
  },
  'GET /teams/:teamId/privacy': {
    request: async (w) => {
      await pendingRequest(w)
      return { path: `/teams/${w.teamA}/privacy` }
    },
    expect: ownerPage,
    hidePrivateFrom: [...actors],
    privateMarker: NOTE,
  },
  'POST /teams/:teamId/privacy/requests': {
    request: async (w) => ({
      path: `/teams/${w.teamA}/privacy/requests`,
      // The owner's own address is in the team's data (a member); a fresh client for the rate limit.
      form: { email: w.person.owner.email, kind: 'export', lang: 'nl' },
      headers: { 'cf-connecting-ip': freshClient() },
    }),
    expect: ownerPost,
  },
  'POST /teams/:teamId/privacy/:requestId/erase': {
    request: async (w) => ({ path: await pendingRequest(w), form: { confirm: 'yes' } }),
    expect: ownerPost,
  },
}

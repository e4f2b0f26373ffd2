import { env } from 'cloudflare:test'
import { eq } from 'drizzle-orm'
import { rsvps } from '../../../shared/db/schema'
import { db, freshClient } from '../../../test/integration/helpers'
import { actors, type Row, s, type World } from '../../../test/integration/world'
import { signedPayload, signLink } from '../../platform/auth/signed-links'
import { hashToken, randomToken } from '../../platform/auth/tokens'
import { readConfig } from '../../platform/config'

/** A guest's private value: only organisers may see it (in the list, the CSV and the registrations page). */
const GUEST_EMAIL = 'private-guest-rsvp@example.nl'

/** A registration for the world's visit; its private token, as the guest has it from their mail. */
export async function guestToken(w: World) {
  const token = randomToken()
  await db.insert(rsvps).values({
    visitId: w.visitA,
    name: 'Gast van de matrix',
    email: GUEST_EMAIL,
    partySize: 2,
    dietary: '["vegan"]',
    dietaryNotes: 'PRIVATE-RSVP-NOTE',
    status: 'confirmed',
    tokenHash: await hashToken(token),
  })
  return token
}

/** A renewal of the guest's link as mailed to their address when it registered again (valid for an hour). */
async function renewalPath(w: World) {
  const token = await guestToken(w)
  const [row] = await db
    .select({ id: rsvps.id, tokenHash: rsvps.tokenHash })
    .from(rsvps)
    .where(eq(rsvps.tokenHash, await hashToken(token)))
  const until = Date.now() + 3600_000
  const secret = readConfig(env as unknown as Cloudflare.Env).appSecret
  return `/r/renew/${row?.id}.${until}.${await signLink(secret, 'rsvp-renew', `${row?.id}:${until}:${row?.tokenHash}`)}`
}

/** A confirmation of a move to a new address as mailed there (valid for an hour); each world its own address. */
async function emailMovePath(w: World) {
  const token = await guestToken(w)
  const [row] = await db
    .select({ id: rsvps.id, tokenHash: rsvps.tokenHash })
    .from(rsvps)
    .where(eq(rsvps.tokenHash, await hashToken(token)))
  const secret = readConfig(env as unknown as Cloudflare.Env).appSecret
  const value = { r: row?.id ?? '', e: `moved-${w.teamA.slice(0, 8)}@example.nl`, x: Date.now() + 3600_000 }
  return `/r/email/${await signedPayload(secret, 'rsvp-email', value, row?.tokenHash ?? '')}`
}

const withGuest = (path: (w: World) => string) => async (w: World) => {
  await guestToken(w)
  return { path: path(w) }
}

const everyone = (code: number) => s(code, code, code, code, code, code, code, code)

/** Matrix rows for registrations: the public form and API, the private link pages, and the team's views. */
export const rsvpRows: Record<string, Row> = {
  // Whoever holds the mailed renewal (the guest's mailbox) may renew, signed in or not.
  'GET /r/renew/:renewal': { request: async (w) => ({ path: await renewalPath(w) }), expect: everyone(200) },
  'POST /r/renew/:renewal': {
    request: async (w) => ({ path: await renewalPath(w), form: {} }),
    expect: everyone(303),
  },
  // Whoever holds the mailed confirmation (the new address's mailbox) may move the registration there.
  'GET /r/email/:link': { request: async (w) => ({ path: await emailMovePath(w) }), expect: everyone(200) },
  'POST /r/email/:link': {
    request: async (w) => ({ path: await emailMovePath(w), form: {} }),
    expect: everyone(200),
  },
  'POST /api/public/visits/:slug/rsvps': {
    request: (w, actor) => ({
      path: `/api/public/visits/${w.slugA}/rsvps`,
      json: { name: 'Gast', email: `gast-${actor}-${w.teamA}@example.nl`, partySize: 2 },
      headers: { 'cf-connecting-ip': freshClient() },
    }),
    expect: everyone(202),
    hidePrivateFrom: [...actors],
  },
  'GET /api/visits/:visitId/rsvps': {
    request: withGuest((w) => `/api/visits/${w.visitA}/rsvps`),
    // Viewers get the list without e-mail and needs; hosts and caterers none at all.
    expect: s(401, 404, 200, 200, 200, 403, 403, 401),
    hidePrivateFrom: ['viewer'],
    showPrivateTo: ['organiser', 'owner'],
    privateMarker: GUEST_EMAIL,
  },
  'GET /api/visits/:visitId/rsvp-totals': {
    request: withGuest((w) => `/api/visits/${w.visitA}/rsvp-totals`),
    expect: s(401, 404, 200, 200, 200, 403, 200, 401),
    hidePrivateFrom: ['viewer', 'organiser', 'owner', 'caterer'],
  },
  'GET /api/visits/:visitId/rsvps.csv': {
    request: withGuest((w) => `/api/visits/${w.visitA}/rsvps.csv`),
    expect: s(401, 404, 403, 200, 200, 403, 403, 401),
    showPrivateTo: ['organiser', 'owner'],
    privateMarker: GUEST_EMAIL,
  },
  'GET /visits/:visitId/rsvps': {
    request: withGuest((w) => `/visits/${w.visitA}/rsvps`),
    expect: s(303, 404, 200, 200, 200, 403, 200, 303),
    hidePrivateFrom: ['viewer', 'caterer'],
    showPrivateTo: ['organiser', 'owner'],
    privateMarker: GUEST_EMAIL,
  },
  // Organisers cancel a guest's registration (confirmed); anyone else on the team or in the visit 403.
  'POST /visits/:visitId/rsvps/:rsvpId/cancel': {
    request: async (w) => {
      const token = await guestToken(w)
      const [row] = await db
        .select({ id: rsvps.id })
        .from(rsvps)
        .where(eq(rsvps.tokenHash, await hashToken(token)))
      return { path: `/visits/${w.visitA}/rsvps/${row?.id}/cancel`, form: { confirm: 'yes' } }
    },
    expect: s(401, 404, 403, 303, 303, 403, 403, 401),
  },
  'GET /v/:slug/rsvp': {
    request: withGuest((w) => `/v/${w.slugA}/rsvp`),
    expect: everyone(200),
    hidePrivateFrom: [...actors],
  },
  'POST /v/:slug/rsvp': {
    request: (w, actor) => ({
      path: `/v/${w.slugA}/rsvp`,
      form: { name: 'Gast', email: `gast-${actor}-${w.teamA}@example.nl`, partySize: '1' },
      headers: { 'cf-connecting-ip': freshClient() },
    }),
    expect: everyone(303),
  },
  // The private link is the key: whoever holds it may use it, signed in or not.
  'GET /r/:token': {
    request: async (w) => ({ path: `/r/${await guestToken(w)}` }),
    expect: everyone(200),
    showPrivateTo: [...actors],
    privateMarker: GUEST_EMAIL,
  },
  'POST /r/:token': {
    request: async (w) => ({ path: `/r/${await guestToken(w)}`, form: { version: '1', partySize: '1' } }),
    expect: everyone(303),
  },
  'POST /r/:token/cancel': {
    request: async (w) => ({ path: `/r/${await guestToken(w)}/cancel`, form: { confirm: 'yes' } }),
    expect: everyone(303),
  },
  'GET /r/:token/opt-out': {
    request: async (w) => ({ path: `/r/${await guestToken(w)}/opt-out` }),
    expect: everyone(200),
  },
  'POST /r/:token/opt-out': {
    request: async (w) => ({ path: `/r/${await guestToken(w)}/opt-out`, form: { notify: 'no' } }),
    expect: everyone(303),
  },
}

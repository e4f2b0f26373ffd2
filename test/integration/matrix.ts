import { env, SELF } from 'cloudflare:test'
import { expect } from 'vitest'
import { createApp } from '../../workers/app'
import { cateringRows } from '../../workers/features/catering/catering.matrix'
import { photoRows } from '../../workers/features/photos/photos.matrix'
import { portabilityRows } from '../../workers/features/portability/portability.matrix'
import { privacyRows } from '../../workers/features/privacy/privacy.matrix'
import { apiRows } from '../../workers/features/programme/programme.matrix'
import { optOutLink } from '../../workers/features/releases/change-mails'
import { reportRows } from '../../workers/features/reports/reports.matrix'
import { rsvpRows } from '../../workers/features/rsvps/rsvps.matrix'
import { talkRows } from '../../workers/features/talks/talks.matrix'
import { pageRows } from '../../workers/features/visits/visits.matrix'
import { readConfig } from '../../workers/platform/config'
import { freshClient, ORIGIN } from './helpers'
import {
  type ActorName,
  actors,
  cookieOf,
  invitationFor,
  makeWorld,
  PRIVATE,
  type Row,
  s,
  type World,
} from './world'

/**
 * Every route of the app against every kind of actor, with the exact status expected — in the style of
 * pretalx's permission tests. The route list is read from the app itself: a route without a row here fails.
 */

//                     anon outsider viewer organiser owner host caterer speaker
const everyone = (code: number) => s(code, code, code, code, code, code, code, code)
const signedInPage = s(303, 200, 200, 200, 200, 200, 200, 303)
const signedInPost = s(401, 303, 303, 303, 303, 303, 303, 401)
const teamPage = s(303, 404, 200, 200, 200, 404, 404, 303)
const ownerPost = s(401, 404, 403, 403, 303, 404, 404, 401)
const ownerApi = (ok: number) => s(401, 404, 403, 403, ok, 404, 404, 401)

/** The rows of the foundation: health, assets, public pages and feeds, sign-in, teams, dev helpers. */
export const baseRows: Record<string, Row> = {
  'GET /healthz': { request: () => ({ path: '/healthz' }), expect: everyone(200) },
  'GET /problems': {
    request: () => ({ path: '/problems' }),
    expect: everyone(200),
    hidePrivateFrom: [...actors],
  },
  'GET /problems/:slug': {
    request: () => ({ path: '/problems/validation-failed' }),
    expect: everyone(200),
    hidePrivateFrom: [...actors],
  },
  'GET /assets/app.css': { request: () => ({ path: '/assets/app.css' }), expect: everyone(200) },
  'GET /assets/icon.svg': { request: () => ({ path: '/assets/icon.svg' }), expect: everyone(200) },
  ...Object.fromEntries(
    [180, 192, 512].map((size) => [
      `GET /assets/icon-${size}-v1.png`,
      { request: () => ({ path: `/assets/icon-${size}-v1.png` }), expect: everyone(200) },
    ]),
  ),
  'GET /assets/manifest.webmanifest': {
    request: () => ({ path: '/assets/manifest.webmanifest' }),
    expect: everyone(200),
  },
  'GET /favicon.ico': { request: () => ({ path: '/favicon.ico' }), expect: everyone(301) },
  'GET /': { request: () => ({ path: '/' }), expect: everyone(200), hidePrivateFrom: [...actors] },
  'GET /v/:slug': {
    request: (w) => ({ path: `/v/${w.slugA}` }),
    expect: everyone(200),
    hidePrivateFrom: [...actors],
  },
  'GET /v/:slug/changes': { request: (w) => ({ path: `/v/${w.slugA}/changes` }), expect: everyone(200) },
  'GET /v/:slug/embed': { request: (w) => ({ path: `/v/${w.slugA}/embed` }), expect: everyone(200) },
  'GET /assets/schedule.css': { request: () => ({ path: '/assets/schedule.css' }), expect: everyone(200) },
  'GET /assets/schedule.js': { request: () => ({ path: '/assets/schedule.js' }), expect: everyone(200) },
  'GET /sw.js': { request: () => ({ path: '/sw.js' }), expect: everyone(200) },
  'GET /v/:slug/schedule.ics': {
    request: (w) => ({ path: `/v/${w.slugA}/schedule.ics` }),
    expect: everyone(200),
  },
  'GET /v/:slug/items/:itemId{[A-Za-z0-9-]+\\.ics}': {
    // The world's release has no items: an unknown item is a 404 for everyone alike.
    request: (w) => ({ path: `/v/${w.slugA}/items/${w.itemA1}.ics` }),
    expect: everyone(404),
  },
  'GET /v/:slug/schedule.json': {
    request: (w) => ({ path: `/v/${w.slugA}/schedule.json` }),
    expect: everyone(200),
  },
  'GET /v/:slug/schedule.v2.json': {
    request: (w) => ({ path: `/v/${w.slugA}/schedule.v2.json` }),
    expect: everyone(200),
  },
  'GET /v/:slug/schedule.xml': {
    request: (w) => ({ path: `/v/${w.slugA}/schedule.xml` }),
    expect: everyone(200),
  },
  'GET /unsubscribe/:rsvpId/:signature': {
    request: async (w) => ({ path: await optOutPath(w) }),
    expect: everyone(200),
  },
  'POST /unsubscribe/:rsvpId/:signature': {
    request: async (w) => ({ path: await optOutPath(w), form: {} }),
    expect: everyone(200),
  },
  'GET /sign-in': {
    request: () => ({ path: '/sign-in' }),
    expect: s(200, 303, 303, 303, 303, 303, 303, 200),
  },
  'POST /sign-in': {
    request: (w) => ({
      path: '/sign-in',
      form: { email: `ask-${w.teamA}@example.nl` },
      headers: { 'cf-connecting-ip': freshClient() },
    }),
    expect: everyone(303),
  },
  'GET /sign-in/check-mail': { request: () => ({ path: '/sign-in/check-mail' }), expect: everyone(200) },
  'GET /sign-in/verify': {
    request: (w) => ({ path: `/sign-in/verify?token=${w.signInToken}` }),
    expect: everyone(200),
  },
  'POST /sign-in/verify': {
    request: (w) => ({ path: '/sign-in/verify', form: { token: w.signInToken } }),
    expect: everyone(303),
  },
  'POST /sign-out': { request: () => ({ path: '/sign-out', form: {} }), expect: signedInPost },
  'GET /teams': { request: () => ({ path: '/teams' }), expect: signedInPage },
  'POST /teams': { request: () => ({ path: '/teams', form: { name: 'Nieuw team' } }), expect: signedInPost },
  'GET /teams/:teamId': {
    request: (w) => ({ path: `/teams/${w.teamA}` }),
    expect: teamPage,
    hidePrivateFrom: [...actors],
  },
  'POST /teams/:teamId': {
    request: (w) => ({ path: `/teams/${w.teamA}`, form: { name: 'Andere naam' } }),
    expect: ownerPost,
  },
  'POST /teams/:teamId/invitations': {
    request: (w) => ({
      path: `/teams/${w.teamA}/invitations`,
      form: { email: `new-${w.teamA}@example.nl`, role: 'viewer' },
    }),
    expect: s(401, 404, 403, 403, 200, 404, 404, 401),
  },
  'POST /teams/:teamId/invitations/:invitationId/revoke': {
    request: (w) => ({
      path: `/teams/${w.teamA}/invitations/${w.invitationId}/revoke`,
      form: { confirm: 'yes' },
    }),
    expect: ownerPost,
  },
  'POST /teams/:teamId/members/:personId': {
    request: (w) => ({
      path: `/teams/${w.teamA}/members/${w.person.viewer.id}`,
      form: { role: 'organiser' },
    }),
    expect: ownerPost,
  },
  'POST /teams/:teamId/members/:personId/remove': {
    request: (w) => ({
      path: `/teams/${w.teamA}/members/${w.person.viewer.id}/remove`,
      form: { confirm: 'yes' },
    }),
    expect: ownerPost,
  },
  'GET /teams/:teamId/audit': {
    request: (w) => ({ path: `/teams/${w.teamA}/audit` }),
    expect: s(303, 404, 403, 403, 200, 404, 404, 303),
  },
  'GET /invitations/:token': {
    request: async (w, actor) => ({ path: `/invitations/${await invitationFor(w, actor)}` }),
    expect: signedInPage,
  },
  'POST /invitations/:token': {
    request: async (w, actor) => ({ path: `/invitations/${await invitationFor(w, actor)}`, form: {} }),
    expect: signedInPost,
  },
  'GET /account': { request: () => ({ path: '/account' }), expect: signedInPage },
  'POST /account': { request: () => ({ path: '/account', form: { name: 'Els' } }), expect: signedInPost },
  'POST /account/sign-out-everywhere': {
    request: () => ({ path: '/account/sign-out-everywhere', form: {} }),
    expect: signedInPost,
  },
  // Development helpers: open to all locally, absent in production (see the test below the matrix).
  'GET /dev/mail': { request: () => ({ path: '/dev/mail' }), expect: everyone(200) },
  'GET /dev/mail/latest': {
    request: () => ({ path: '/dev/mail/latest?to=nobody@example.nl' }),
    expect: everyone(404),
  },
  'POST /dev/seed': { request: () => ({ path: '/dev/seed', form: {} }), expect: everyone(200) },

  'POST /api/auth/sign-in-link': {
    request: (w) => ({
      path: '/api/auth/sign-in-link',
      json: { email: `api-${w.teamA}@example.nl` },
      headers: { 'cf-connecting-ip': freshClient() },
    }),
    expect: everyone(202),
  },
  'GET /api/me': { request: () => ({ path: '/api/me' }), expect: s(401, 200, 200, 200, 200, 200, 200, 401) },
  'GET /api/teams': {
    request: () => ({ path: '/api/teams' }),
    expect: s(401, 200, 200, 200, 200, 200, 200, 401),
  },
  'POST /api/teams': {
    request: () => ({ path: '/api/teams', json: { name: 'API-team' } }),
    expect: s(401, 201, 201, 201, 201, 201, 201, 401),
  },
  'GET /api/teams/:teamId': {
    request: (w) => ({ path: `/api/teams/${w.teamA}` }),
    expect: s(401, 404, 200, 200, 200, 404, 404, 401),
  },
  'PATCH /api/teams/:teamId': {
    request: (w) => ({ path: `/api/teams/${w.teamA}`, json: { name: 'Nieuwe naam' } }),
    expect: ownerApi(200),
  },
  'POST /api/teams/:teamId/invitations': {
    request: (w) => ({
      path: `/api/teams/${w.teamA}/invitations`,
      json: { email: `x-${w.teamA}@example.nl`, role: 'viewer' },
    }),
    expect: ownerApi(201),
  },
  'DELETE /api/teams/:teamId/invitations/:invitationId': {
    request: (w) => ({ path: `/api/teams/${w.teamA}/invitations/${w.invitationId}` }),
    expect: ownerApi(204),
  },
  'PATCH /api/teams/:teamId/members/:personId': {
    request: (w) => ({
      path: `/api/teams/${w.teamA}/members/${w.person.viewer.id}`,
      json: { role: 'organiser' },
    }),
    expect: ownerApi(204),
  },
  'DELETE /api/teams/:teamId/members/:personId': {
    request: (w) => ({ path: `/api/teams/${w.teamA}/members/${w.person.viewer.id}` }),
    expect: ownerApi(204),
  },
  'GET /api/teams/:teamId/audit': {
    request: (w) => ({ path: `/api/teams/${w.teamA}/audit` }),
    expect: ownerApi(200),
  },
  'GET /api/visits/:visitId': {
    request: (w) => ({ path: `/api/visits/${w.visitA}` }),
    expect: s(401, 404, 200, 200, 200, 200, 200, 401),
    hidePrivateFrom: ['viewer', 'caterer'],
    showPrivateTo: ['organiser', 'owner', 'host'],
  },
  'POST /api/visits/:visitId/roles': {
    request: (w) => ({
      path: `/api/visits/${w.visitA}/roles`,
      json: { role: 'caterer', email: `cat-${w.teamA}@example.nl` },
    }),
    expect: s(401, 404, 403, 201, 201, 403, 403, 401),
  },
  'GET /api/venues/:venueId': {
    request: (w) => ({ path: `/api/venues/${w.venueA1}` }),
    expect: s(401, 404, 200, 200, 200, 200, 404, 401),
    hidePrivateFrom: ['viewer'],
    showPrivateTo: ['organiser', 'owner', 'host'],
  },
  'PATCH /api/venues/:venueId': {
    request: (w) => ({
      path: `/api/venues/${w.venueA1}`,
      json: { version: 1, notes: 'Ingang aan de achterkant' },
    }),
    expect: s(401, 404, 403, 200, 200, 200, 404, 401),
  },
}

/** A signed opt-out link for a registration of the world's visit (anyone holding it may use it). */
async function optOutPath(w: World) {
  const config = readConfig(env)
  return new URL(await optOutLink(config, w.visitA)).pathname
}

/** Every row: the matrix the route table is checked against. */
export const matrix: Record<string, Row> = {
  ...baseRows,
  ...apiRows,
  ...pageRows,
  ...rsvpRows,
  ...talkRows,
  ...privacyRows,
  ...photoRows,
  ...cateringRows,
  ...portabilityRows,
  ...reportRows,
}

/** Every route of the app, read from its own route table. */
export const routeKeys = [
  ...new Set(
    createApp()
      .routes.filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path}`),
  ),
]

/** Sends one row's request as an actor, the way the matrix does. */
export async function send(w: World, actor: ActorName, key: string, row: Row) {
  const method = key.split(' ')[0] as string
  const req = await row.request(w, actor)
  const headers: Record<string, string> = { ...req.headers }
  const cookie = cookieOf(w, actor)
  if (cookie) headers.cookie = cookie
  if (req.path.startsWith('/api/')) headers.accept = 'application/json'
  let body: string | undefined
  if (req.json !== undefined) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(req.json)
  } else if (req.form !== undefined) {
    headers['content-type'] = 'application/x-www-form-urlencoded'
    headers.origin = ORIGIN
    body = new URLSearchParams(req.form).toString()
  } else if (method !== 'GET') {
    headers.origin = ORIGIN
  }
  return SELF.fetch(`${ORIGIN}${req.path}`, { method, headers, body, redirect: 'manual' })
}

/** Calls one route as every actor (each in a world of its own) and checks statuses and private fields. */
export async function checkRow(key: string) {
  const row = matrix[key]
  if (!row) throw new Error(`no matrix row for ${key}`)
  const got: Partial<Record<ActorName, number>> = {}
  for (const actor of actors) {
    const w = await makeWorld()
    const res = await send(w, actor, key, row)
    got[actor] = res.status
    const text = await res.text()
    if (res.status < 300 && row.hidePrivateFrom?.includes(actor)) {
      for (const [name, value] of Object.entries(PRIVATE)) {
        if (name === 'budget' || row.allowPrivate?.includes(name as keyof typeof PRIVATE)) continue
        expect(text, `${key} as ${actor} leaks ${name}`).not.toContain(String(value))
      }
    }
    if (res.status < 300 && row.showPrivateTo?.includes(actor)) {
      const marker = row.privateMarker ?? PRIVATE.hostContact
      expect(text, `${key} as ${actor} should show ${marker}`).toContain(marker)
    }
    if (key === 'GET /api/visits/:visitId' && res.status === 200) {
      const budgetShown = text.includes(String(PRIVATE.budget))
      expect(budgetShown, `budget as ${actor}`).toBe(['viewer', 'organiser', 'owner'].includes(actor))
      // A host sees the contact of their own venue only, never that of another venue.
      expect(text.includes(PRIVATE.otherHostContact), `other host's contact as ${actor}`).toBe(
        actor === 'organiser' || actor === 'owner',
      )
    }
  }
  expect(got).toEqual(row.expect)
}

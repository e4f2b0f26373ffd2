import { env } from 'cloudflare:test'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { d1Cost, testContext } from '../../../test/integration/helpers'
import { makeWorld } from '../../../test/integration/world'
import { SESSION_IDLE_MS } from '../auth/session'
import type { AppEnv } from '../env'
import { database } from './db'
import { session } from './session'
import { readWithSession } from './session-reads'

// A marked route reads the visit named in its path; what it answers shows who asked, whether its rows came
// with the session, and what they were. A plain route beside it is never read ahead for.
const visitRead = readWithSession((c) => ({
  visitId: c.req.param('visitId') ?? '',
  statements: [['select id, title from visits where id = ?1', [c.req.param('visitId')]]] as const,
}))
const brokenRead = readWithSession(() => ({
  statements: [['select nothing from no_such_table', []]] as const,
}))

function app() {
  const a = new Hono<AppEnv>()
  a.use(database())
  a.use(session())
  const answer = (c: Parameters<typeof visitRead.take>[0], read: ReturnType<typeof visitRead.take>) =>
    c.json({
      actor: c.var.actor.kind,
      person: c.var.signedIn?.person.id ?? null,
      planFor: read?.plan.visitId ?? null,
      rows: read?.results ?? null,
      // A second take, or another read's, gets nothing.
      again: visitRead.take(c) ?? brokenRead.take(c) ?? null,
    })
  a.get('/marked/:visitId', visitRead.middleware, (c) => answer(c, visitRead.take(c)))
  a.get('/broken', brokenRead.middleware, (c) =>
    c.json({ actor: c.var.actor.kind, read: brokenRead.take(c) }),
  )
  a.get('/plain/:visitId', (c) => answer(c, visitRead.take(c)))
  return a
}

async function get(path: string, cookie?: string) {
  const { ctx, settled } = testContext()
  const res = await app().request(path, { headers: cookie ? { cookie } : {} }, env, ctx)
  await settled()
  return { res, body: (await res.json()) as Record<string, unknown>, cost: d1Cost(res) }
}

describe('a route read in the same D1 batch as the session', () => {
  it('reads the session and the route’s rows in one round trip, with the route’s own params', async () => {
    const w = await makeWorld()
    const { body, cost } = await get(`/marked/${w.visitA}`, w.person.organiser.cookie)
    expect(cost.queries).toBe(1)
    expect(body).toMatchObject({ actor: 'person', person: w.person.organiser.id, planFor: w.visitA })
    expect(body.rows).toEqual([[{ id: w.visitA, title: expect.any(String) }]])
    expect(body.again).toBeNull()
  })

  it('reads nothing ahead for an unmarked route, or without a session cookie', async () => {
    const w = await makeWorld()
    const plain = await get(`/plain/${w.visitA}`, w.person.organiser.cookie)
    expect(plain.body).toMatchObject({ actor: 'person', rows: null })
    const anonymous = await get(`/marked/${w.visitA}`)
    expect(anonymous.body).toMatchObject({ actor: 'anonymous', rows: null })
    expect(anonymous.cost.queries).toBe(0)
    const malformed = await get(`/marked/${w.visitA}`, '__Host-rondgang_session=<script>')
    expect(malformed.body).toMatchObject({ actor: 'anonymous', rows: null })
    expect(malformed.cost.queries).toBe(0)
  })

  it('drops the rows and clears the cookie for a forged, ended or idle session', async () => {
    const w = await makeWorld()
    const forged = await get(`/marked/${w.visitA}`, `__Host-rondgang_session=${'Z'.repeat(43)}`)
    expect(forged.body).toMatchObject({ actor: 'anonymous', person: null, rows: null })
    expect(forged.res.headers.getSetCookie().join()).toMatch(/__Host-rondgang_session=;/)

    await env.DB.prepare('UPDATE sessions SET last_seen_at = ? WHERE person_id = ?')
      .bind(Date.now() - SESSION_IDLE_MS, w.person.viewer.id)
      .run()
    const idle = await get(`/marked/${w.visitA}`, w.person.viewer.cookie)
    expect(idle.body).toMatchObject({ actor: 'anonymous', rows: null })
    expect(idle.res.headers.getSetCookie().join()).toMatch(/__Host-rondgang_session=;/)

    await env.DB.prepare('UPDATE sessions SET expires_at = ? WHERE person_id = ?')
      .bind(Date.now() - 1, w.person.owner.id)
      .run()
    const ended = await get(`/marked/${w.visitA}`, w.person.owner.cookie)
    expect(ended.body).toMatchObject({ actor: 'anonymous', rows: null })
  })

  it('still signs the person in when the route’s read fails, and leaves the reading to the route', async () => {
    const w = await makeWorld()
    const { res, body, cost } = await get('/broken', w.person.organiser.cookie)
    expect(res.status).toBe(200)
    expect(body).toEqual({ actor: 'person' })
    // The failed batch, then the session alone.
    expect(cost.queries).toBe(2)
  })
})

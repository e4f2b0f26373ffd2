import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../workers/app'
import { FIELD, idempotencyField, purgeIdempotencyKeys } from '../../workers/platform/middleware/idempotency'
import { api, db, form, ORIGIN, testContext } from './helpers'
import { makeWorld } from './world'

// Races on registrations (the last places, a cancellation racing a promotion) are the waitlist's own tests.

const count = async (sql: string, ...args: unknown[]) =>
  (await env.DB.prepare(sql)
    .bind(...args)
    .first<{ n: number }>())!.n

const itemBody = { kind: 'talk', title: 'Lezing', date: '2027-06-12', start: '10:00', end: '11:00' }

describe('races: one item, many editors', () => {
  it('parallel updates based on the same version: one wins, every other answers 409 stale', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const editors = Array.from({ length: 8 }, (_, i) =>
      api(`/api/items/${w.itemA1}`, {
        method: 'PATCH',
        cookie,
        body: { version: 1, title: `Rondleiding ${i}` },
      }),
    )
    const answers = await Promise.all(editors)
    const statuses = answers.map((r) => r.status).sort()
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409])
    for (const r of answers.filter((a) => a.status === 409)) {
      expect(await r.json()).toMatchObject({ code: 'conflict', reason: 'stale' })
    }
    const winner = answers.find((r) => r.status === 200)!
    expect(winner.headers.get('etag')).toBe('"v2"')
    const { item } = (await winner.json()) as { item: { title: string; version: number } }
    const row = await env.DB.prepare('SELECT title AS m, version AS v FROM programme_items WHERE id = ?')
      .bind(w.itemA1)
      .first<{ m: string; v: number }>()
    expect(row).toEqual({ m: item.title, v: 2 })
  })

  it('parallel deletes with If-Match: one removes it, the others are told it is gone or stale', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        api(`/api/items/${w.itemA1}`, { method: 'DELETE', cookie, headers: { 'if-match': '"v1"' } }),
      ),
    )
    const statuses = answers.map((r) => r.status)
    expect(statuses.filter((s) => s === 204)).toHaveLength(1)
    expect(statuses.every((s) => s === 204 || s === 404 || s === 409)).toBe(true)
    expect(await count('SELECT count(*) AS n FROM programme_items WHERE id = ?', w.itemA1)).toBe(0)
  })
})

describe('races: a submission sent twice makes one record', () => {
  it('a form double-submitted (two posts of the same page at once) adds one group; both see the same answer', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const groups = () => count('SELECT count(*) AS n FROM groups WHERE visit_id = ?', w.visitA)
    const start = await groups()
    const name = `Dubbel ${crypto.randomUUID().slice(0, 6)}`
    // The page rendered the form once, with one key (idempotencyField); the browser sends it twice.
    const key = idempotencyField().match(/value="([^"]+)"/)![1]!
    const page = { name, position: '3', [FIELD]: key }
    const [a, b] = await Promise.all([
      form(`/visits/${w.visitA}/groups`, page, { cookie }),
      form(`/visits/${w.visitA}/groups`, page, { cookie }),
    ])
    expect([a!.status, b!.status]).toEqual([303, 303])
    expect(a!.headers.get('location')).toBe(b!.headers.get('location'))
    expect([a!.headers.get('idempotent-replayed'), b!.headers.get('idempotent-replayed')]).toContain('true')
    expect(await groups()).toBe(start + 1)
    // The same form without a key, or a new page view (a new key), is another submission.
    await form(`/visits/${w.visitA}/groups`, { name, position: '3' }, { cookie })
    await form(`/visits/${w.visitA}/groups`, { ...page, [FIELD]: crypto.randomUUID() }, { cookie })
    expect(await groups()).toBe(start + 3)
  })

  it('an API create repeated with its Idempotency-Key makes one item; the key with another body is refused', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const key = crypto.randomUUID()
    const items = () => count('SELECT count(*) AS n FROM programme_items WHERE visit_id = ?', w.visitA)
    const start = await items()
    const send = (body: unknown) =>
      api(`/api/visits/${w.visitA}/items`, { cookie, body, headers: { 'idempotency-key': key } })
    const answers = await Promise.all([send(itemBody), send(itemBody), send(itemBody)])
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201])
    const ids = await Promise.all(
      answers.map(async (r) => ((await r.json()) as { item: { id: string } }).item.id),
    )
    expect(new Set(ids).size).toBe(1)
    expect(answers.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(2)
    expect(await items()).toBe(start + 1)
    const other = await send({ ...itemBody, title: 'Iets anders' })
    expect(other.status).toBe(422)
    expect(await items()).toBe(start + 1)
    // Without a key, the API makes what it is asked: two posts, two items.
    await api(`/api/visits/${w.visitA}/items`, { cookie, body: itemBody })
    await api(`/api/visits/${w.visitA}/items`, { cookie, body: itemBody })
    expect(await items()).toBe(start + 3)
  })

  it('a repeat that reaches another isolate, or comes after a restart, gets the first answer: one record', async () => {
    const w = await makeWorld()
    const key = crypto.randomUUID()
    const items = () => count('SELECT count(*) AS n FROM programme_items WHERE visit_id = ?', w.visitA)
    const start = await items()
    // Each createApp() is an isolate of its own: its own memory of keys, the same D1.
    const isolate = () => {
      const app = createApp()
      return async (body: unknown, k = key) => {
        const { ctx, settled } = testContext()
        const res = await app.request(
          `${ORIGIN}/api/visits/${w.visitA}/items`,
          {
            method: 'POST',
            headers: {
              origin: ORIGIN,
              accept: 'application/json',
              'content-type': 'application/json',
              cookie: w.person.organiser.cookie,
              'idempotency-key': k,
            },
            body: JSON.stringify(body),
          },
          env,
          ctx,
        )
        await settled()
        return res
      }
    }
    const idOf = async (r: Response) => ((await r.json()) as { item: { id: string } }).item.id
    // At the same moment in two isolates: one runs, the other waits for its answer in D1.
    const [a, b] = await Promise.all([isolate()(itemBody), isolate()(itemBody)])
    expect([a.status, b.status]).toEqual([201, 201])
    expect([a.headers.get('idempotent-replayed'), b.headers.get('idempotent-replayed')]).toContain('true')
    const first = await idOf(a)
    expect(await idOf(b)).toBe(first)
    // After a restart (a fresh isolate, nothing in memory): the kept answer, the same Location.
    const later = await isolate()(itemBody)
    expect(later.status).toBe(201)
    expect(later.headers.get('idempotent-replayed')).toBe('true')
    expect(later.headers.get('location')).toBe(a.headers.get('location') ?? b.headers.get('location'))
    expect(await idOf(later)).toBe(first)
    expect(await items()).toBe(start + 1)
    // Another body under the key is refused there too, and changes nothing.
    expect((await isolate()({ ...itemBody, title: 'Iets anders' })).status).toBe(422)
    expect(await items()).toBe(start + 1)
    // A rejected submission keeps no row: the key may be used again once the input is right.
    const fresh = crypto.randomUUID()
    const keys = () => count('SELECT count(*) AS n FROM idempotency_keys')
    const kept = await keys()
    expect((await isolate()({ ...itemBody, start: '25:00' }, fresh)).status).toBe(422)
    expect(await keys()).toBe(kept)
    expect((await isolate()(itemBody, fresh)).status).toBe(201)
    expect(await items()).toBe(start + 2)
    // Past the window the key is gone: the clean-up removes it, and the same key is a new submission.
    await purgeIdempotencyKeys(db, new Date(Date.now() + 11 * 60_000))
    expect(await keys()).toBe(0)
    expect((await isolate()(itemBody)).headers.get('idempotent-replayed')).toBeNull()
    expect(await items()).toBe(start + 3)
  })
})

import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog, programmeItems } from '../../../shared/db/schema'
import { api, d1Cost, db, form } from '../../../test/integration/helpers'
import { cookieOf, makeWorld } from '../../../test/integration/world'

const itemOf = async (id: string) =>
  (await db.select().from(programmeItems).where(eq(programmeItems.id, id)))[0]!
const auditsOf = async (id: string) =>
  (await db.select().from(auditLog).where(eq(auditLog.entityId, id))).map((a) => a.action)

// Every request pays one round trip for the session; the rest is the save itself (the Server-Timing header
// counts each D1 round trip, a batch being one).
describe('saving a programme item, in D1 round trips', () => {
  it('the page: the session, the item with its visit, and one batch with the change and its audit', async () => {
    const w = await makeWorld()
    const res = await form(
      `/items/${w.itemA1}`,
      { version: '1', title: 'Welkom in de tuin', date: '2027-06-12', start: '15:00', end: '15:20' },
      { cookie: cookieOf(w, 'organiser') },
    )
    expect(res.status).toBe(303)
    expect(d1Cost(res).queries).toBeLessThanOrEqual(3)
    expect(await itemOf(w.itemA1)).toMatchObject({ title: 'Welkom in de tuin', version: 2 })
    expect(await auditsOf(w.itemA1)).toEqual(['item.updated'])
  })

  it('the API: the same, with what can clash with the item read back in that batch for its answer', async () => {
    const w = await makeWorld()
    const res = await api(`/api/items/${w.itemA1}`, {
      method: 'PATCH',
      body: { version: 1, title: 'Welkom in de tuin' },
      cookie: cookieOf(w, 'organiser'),
    })
    expect(res.status).toBe(200)
    expect(d1Cost(res).queries).toBeLessThanOrEqual(3)
    const body = (await res.json()) as { item: { title: string; version: number }; clashes: unknown[] }
    expect(body.item).toMatchObject({ title: 'Welkom in de tuin', version: 2 })
    expect(res.headers.get('etag')).toBe('"v2"')
  })

  it('a stale save writes nothing, not even the audit row, in as few round trips', async () => {
    const w = await makeWorld()
    const cookie = cookieOf(w, 'organiser')
    const fields = { version: '1', title: 'Eerst' }
    expect((await form(`/items/${w.itemA1}`, fields, { cookie })).status).toBe(303)
    const stale = await form(`/items/${w.itemA1}`, { ...fields, title: 'Te laat' }, { cookie })
    expect(stale.status).toBe(409)
    expect(await itemOf(w.itemA1)).toMatchObject({ title: 'Eerst', version: 2 })
    expect(await auditsOf(w.itemA1)).toEqual(['item.updated'])
    const staleApi = await api(`/api/items/${w.itemA1}`, {
      method: 'PATCH',
      body: { version: 1, title: 'Te laat' },
      cookie,
    })
    expect(staleApi.status).toBe(409)
    expect(d1Cost(staleApi).queries).toBeLessThanOrEqual(3)
    expect(await auditsOf(w.itemA1)).toEqual(['item.updated'])
  })
})

import { describe, expect, it } from 'vitest'
import { wrongWith } from './documented-answer'
import { api } from './helpers'
import { makeWorld } from './world'

/**
 * The matrix's calls meet mostly empty lists. Here a visit gets what its lists hold — groups on items, a
 * clash, a release with changes and items, a share link, a follow-up with history, the audit log — made
 * through the API, and each answer is checked against its documented schema, entries and all.
 */
describe('documented answers with real data in them', () => {
  it('programme, releases, feeds, share links, follow-ups and the audit log', async () => {
    const w = await makeWorld()
    const organiser = w.person.organiser.cookie
    const owner = w.person.owner.cookie
    const wrong: string[] = []
    /** Calls one operation (its path as the document writes it) and keeps what does not fit; returns the body. */
    const call = async (
      method: string,
      documented: string,
      path: string,
      init: { body?: unknown; cookie?: string } = {},
    ) => {
      const res = await api(path, { method, cookie: init.cookie ?? organiser, body: init.body })
      expect(res.status, `${method} ${path}`).toBeLessThan(300)
      wrong.push(...(await wrongWith(method, documented, res.clone())))
      return res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text()
    }

    const group = (await call('POST', '/api/visits/{visitId}/groups', `/api/visits/${w.visitA}/groups`, {
      body: { name: 'Groep B' },
    })) as { id: string }
    // Two items at one venue at the same time, for both groups: a clash, and items with groups.
    const item = { kind: 'talk', date: '2027-06-12', venueId: w.venueA1, groupIds: [w.groupA, group.id] }
    const first = (await call('POST', '/api/visits/{visitId}/items', `/api/visits/${w.visitA}/items`, {
      body: { ...item, title: 'Rondleiding', start: '14:00', end: '14:45' },
    })) as { item: { id: string } }
    await call('POST', '/api/visits/{visitId}/items', `/api/visits/${w.visitA}/items`, {
      body: { ...item, title: 'Koffie in de kas', start: '14:30', end: '15:00' },
    })
    await call('PATCH', '/api/items/{itemId}', `/api/items/${first.item.id}`, {
      body: { version: 1, title: 'Rondleiding door de tuin' },
    })
    await call('GET', '/api/items/{itemId}', `/api/items/${first.item.id}`)
    await call('GET', '/api/visits/{visitId}/programme', `/api/visits/${w.visitA}/programme`)
    const clashes = (await call(
      'GET',
      '/api/visits/{visitId}/clashes',
      `/api/visits/${w.visitA}/clashes`,
    )) as {
      clashes: unknown[]
    }
    expect(clashes.clashes.length).toBeGreaterThan(0)
    await call('GET', '/api/visits/{visitId}/pending-changes', `/api/visits/${w.visitA}/pending-changes`)

    const release = (await call(
      'POST',
      '/api/visits/{visitId}/releases',
      `/api/visits/${w.visitA}/releases`,
      {
        body: {},
      },
    )) as { id: string }
    await call('GET', '/api/visits/{visitId}/releases', `/api/visits/${w.visitA}/releases`)
    const published = (await call('GET', '/api/releases/{releaseId}', `/api/releases/${release.id}`)) as {
      changes: unknown[]
      snapshot: { items: unknown[]; groups: unknown[] }
    }
    expect(published.changes.length).toBeGreaterThan(0)
    expect(published.snapshot.groups).toHaveLength(2)
    await call('GET', '/v/{slug}/schedule.json', `/v/${w.slugA}/schedule.json`)
    await call('GET', '/v/{slug}/schedule.v2.json', `/v/${w.slugA}/schedule.v2.json`)
    const ics = await call('GET', '/v/{slug}/items/{itemId}.ics', `/v/${w.slugA}/items/${first.item.id}.ics`)
    expect(ics).toContain('BEGIN:VEVENT')

    await call('POST', '/api/visits/{visitId}/share-links', `/api/visits/${w.visitA}/share-links`, {
      body: { label: 'Voor de pers' },
    })
    await call('GET', '/api/visits/{visitId}/share-links', `/api/visits/${w.visitA}/share-links`)

    const followUp = (await call(
      'POST',
      '/api/visits/{visitId}/follow-ups',
      `/api/visits/${w.visitA}/follow-ups`,
      {
        body: { title: 'Bankje bij de ingang', ownerId: w.person.viewer.id, dueDate: '2027-07-01' },
      },
    )) as { id: string }
    await call('PATCH', '/api/follow-ups/{followUpId}', `/api/follow-ups/${followUp.id}`, {
      body: { status: 'in_progress', comment: 'Offerte gevraagd', version: 1 },
    })
    const history = (await call('GET', '/api/follow-ups/{followUpId}', `/api/follow-ups/${followUp.id}`)) as {
      history: unknown[]
    }
    expect(history.history.length).toBeGreaterThan(0)
    await call('GET', '/api/visits/{visitId}/follow-ups', `/api/visits/${w.visitA}/follow-ups`)
    await call('GET', '/api/teams/{teamId}/follow-ups', `/api/teams/${w.teamA}/follow-ups`)

    const audit = (await call('GET', '/api/teams/{teamId}/audit', `/api/teams/${w.teamA}/audit`, {
      cookie: owner,
    })) as { entries: unknown[] }
    expect(audit.entries.length).toBeGreaterThan(3)
    const me = (await call('GET', '/api/me', '/api/me', { cookie: w.person.host.cookie })) as {
      visitRoles: unknown[]
    }
    expect(me.visitRoles).toHaveLength(1)

    expect(wrong).toEqual([])
  })
})

import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { loadDemoData } from '../../workers/dev/demo-load'
import { d1Cost, db, url } from './helpers'

describe('Server-Timing in development', () => {
  it('says how many D1 round trips and rows a response cost', async () => {
    await loadDemoData(db)
    const health = await SELF.fetch(url('/healthz'))
    expect(d1Cost(health)).toMatchObject({ queries: 1 })
    // First reader of a release: the release head, then its snapshot with a claim on making the page (one
    // round trip, one row written), so readers who come meanwhile wait for it. After that the edge answers.
    const miss = d1Cost(await SELF.fetch(url('/v/delegatiebezoek-deventer-2017?group=demo-group-b')))
    expect(miss.queries).toBe(2)
    expect(miss.rowsRead).toBeGreaterThan(0)
    expect(miss.rowsRead).toBeLessThan(20)
    expect(miss.rowsWritten).toBeGreaterThan(0)
    expect(miss.rowsWritten).toBeLessThanOrEqual(2)
    const hit = await SELF.fetch(url('/v/delegatiebezoek-deventer-2017?group=demo-group-b'))
    expect(hit.headers.get('x-cache')).toBe('hit')
    // The release head is kept in the isolate for a few seconds (HEAD_MEMORY_MS) and the body too: no D1.
    expect(d1Cost(hit).queries).toBe(0)
    // A reader the edge has nothing for (another data centre): the head, then the page made by the first,
    // streamed from R2 (no D1 value to decode).
    const elsewhere = await SELF.fetch(url('/v/delegatiebezoek-deventer-2017?group=demo-group-b'), {
      headers: { 'cache-control': 'no-cache' },
    })
    expect(elsewhere.headers.get('x-cache')).toBe('stored')
    expect(d1Cost(elsewhere).queries).toBe(1)
  })
})

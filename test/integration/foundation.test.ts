import { env, SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { loadDemoData } from '../../workers/dev/demo-load'
import { openDatabase } from '../../workers/platform/db/database'

const db = openDatabase(env.DB)
const url = (path: string) => `http://rondgang.test${path}`

async function countRows() {
  const tables = [
    'teams',
    'visits',
    'venues',
    'groups',
    'programme_items',
    'programme_item_groups',
    'releases',
  ]
  const counts: Record<string, number> = {}
  for (const t of tables) {
    const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${t}`).first<{ n: number }>()
    counts[t] = row?.n ?? -1
  }
  return counts
}

describe('health', () => {
  it('answers ok after a real D1 query, with a request id and no caching', async () => {
    const res = await SELF.fetch(url('/healthz'))
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'ok', checks: { d1: { status: 'ok' } } })
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(res.headers.get('cache-control')).toBe('no-store')
  })
})

describe('demo data', () => {
  it('loads the two visits of September 2017, and loading twice adds nothing', async () => {
    await loadDemoData(db)
    const once = await countRows()
    await loadDemoData(db)
    expect(await countRows()).toEqual(once)
    expect(once.visits).toBe(2)
    expect(once.programme_items).toBeGreaterThanOrEqual(13)
    // Three talks by residents in Vreewijk, drinks and snacks, a walk, a welcome and a closing.
    const vreewijk = await env.DB.prepare(
      "SELECT kind, count(*) AS n FROM programme_items WHERE visit_id = 'demo-visit-vreewijk' GROUP BY kind",
    ).all<{ kind: string; n: number }>()
    const byKind = Object.fromEntries(vreewijk.results.map((r) => [r.kind, r.n]))
    expect(byKind).toMatchObject({ welcome: 1, talk: 3, walk: 1, catering: 1 })
  })

  it('shows the demo visits on the home page and their programme in Amsterdam time', async () => {
    await loadDemoData(db)
    const home = await (await SELF.fetch(url('/'))).text()
    expect(home).toContain('Collegebezoek aan Vreewijk')
    expect(home).toContain('/v/delegatiebezoek-deventer-2017')
    const res = await SELF.fetch(url('/v/collegebezoek-vreewijk-2017'))
    expect(res.status).toBe(200)
    const page = await res.text()
    // 13:30 UTC is 15:30 in Amsterdam in September (CEST).
    expect(page).toMatch(/<time datetime="2017-09-19T13:30:00.000Z">15:30<\/time>/)
    expect(page).toContain('dinsdag 19 september 2017')
    // The host's phone number is private and never on a public page.
    expect(page).not.toContain('06 12 34 56 78')
    expect(page).not.toContain('Els de Wit')
  })
})

describe('language', () => {
  it('is Dutch by default, follows Accept-Language first time, and remembers a switch in a cookie', async () => {
    const nl = await SELF.fetch(url('/'))
    expect(await nl.text()).toContain('<html lang="nl">')
    const en = await SELF.fetch(url('/'), { headers: { 'accept-language': 'en-GB,en;q=0.9' } })
    expect(await en.text()).toContain('<html lang="en">')
    const switched = await SELF.fetch(url('/?lang=en'))
    expect(switched.headers.get('set-cookie')).toMatch(/lang=en/)
    const remembered = await SELF.fetch(url('/'), { headers: { cookie: 'lang=en', 'accept-language': 'nl' } })
    expect(await remembered.text()).toContain('<html lang="en">')
  })
})

describe('security headers', () => {
  it('sends a CSP with a fresh nonce on every page, and forbids framing', async () => {
    const a = await SELF.fetch(url('/'))
    const b = await SELF.fetch(url('/'))
    const nonce = (r: Response) => r.headers.get('content-security-policy')?.match(/'nonce-([^']+)'/)?.[1]
    expect(nonce(a)).toBeTruthy()
    expect(nonce(a)).not.toBe(nonce(b))
    expect(a.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(a.headers.get('x-content-type-options')).toBe('nosniff')
  })
})

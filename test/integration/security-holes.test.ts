import { SELF } from 'cloudflare:test'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { hostOffers, participants, programmeItemGroups, visits } from '../../shared/db/schema'
import { api, db, form, freshClient, mailedToken, url } from './helpers'
import { makeWorld } from './world'

// The holes the security review of [13] reproduced, one test each, failing before its fix.

describe('a state-changing request with a cookie from another site (hole 8)', () => {
  const archive = (visitId: string, cookie: string, headers: Record<string, string>) =>
    SELF.fetch(url(`/api/visits/${visitId}/archive`), {
      method: 'POST',
      headers: { accept: 'application/json', cookie, ...headers },
      redirect: 'manual',
    })
  const statusOf = async (visitId: string) =>
    (await db.select({ status: visits.status }).from(visits).where(eq(visits.id, visitId)))[0]?.status

  it('is refused before it runs, by Origin or by Sec-Fetch-Site, also without a body', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const refused: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: new URL(url('/')).origin, 'sec-fetch-site': 'cross-site' },
    ]
    for (const headers of refused) {
      const res = await archive(w.visitA, cookie, headers)
      expect(res.status, JSON.stringify(headers)).toBe(403)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      expect(await statusOf(w.visitA)).toBe('published')
    }
    const host = await SELF.fetch(url(`/api/teams/${w.teamA}/host-signup-link`), {
      method: 'POST',
      headers: { accept: 'application/json', cookie, origin: 'https://evil.example' },
    })
    expect(host.status).toBe(403)
  })

  it('from our own pages (or a client that sends no Origin) still works', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const res = await archive(w.visitA, cookie, {
      origin: new URL(url('/')).origin,
      'sec-fetch-site': 'same-origin',
    })
    expect(res.status).toBe(204)
    expect(await statusOf(w.visitA)).toBe('archived')
  })
})

describe('control characters in where sign-in returns to (hole 5)', () => {
  it('give a clear 4xx, no 500, no session and no broken Location', async () => {
    const email = `next-${crypto.randomUUID().slice(0, 8)}@example.nl`
    for (const next of ['/teams\x00', '/a\x01b', '/a\x7f', '/\u202eevil']) {
      const ask = await api('/api/auth/sign-in-link', {
        body: { email, next },
        headers: { 'cf-connecting-ip': freshClient() },
      })
      expect(ask.status, JSON.stringify(next)).toBe(422)
      // A link mailed earlier, redeemed with a bad `next`: refused, the session not made.
      const page = await SELF.fetch(url(`/sign-in?next=${encodeURIComponent(next)}`))
      expect(page.status).toBe(200)
    }
    const ok = await api('/api/auth/sign-in-link', {
      body: { email },
      headers: { 'cf-connecting-ip': freshClient() },
    })
    expect(ok.status).toBe(202)
    const token = await mailedToken(email)
    const res = await form('/sign-in/verify', { token, next: '/teams\x00' })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(res.headers.get('set-cookie') ?? '').not.toContain('rondgang_session=')
    // The link was not spent by the refused request: it still signs in, to an encoded path.
    const good = await form('/sign-in/verify', { token, next: '/v/café' })
    expect(good.status).toBe(303)
    expect(good.headers.get('location')).toBe('/v/caf%C3%A9')
  })
})

describe('a control character in a path (hole 7)', () => {
  it('is refused before anything runs: the change is not made, no 500 after a commit', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const removal = await form(`/visits/%00/participants/${w.participantA}/delete`, {}, { cookie })
    expect(removal.status).toBe(404)
    expect(await db.select().from(participants).where(eq(participants.id, w.participantA))).toHaveLength(1)
    const decline = await form(
      `/teams/%00/host-offers/${w.offerA}/decline`,
      {},
      { cookie: w.person.owner.cookie },
    )
    expect(decline.status).toBe(404)
    expect((await db.select().from(hostOffers).where(eq(hostOffers.id, w.offerA)))[0]?.status).toBe('pending')
    for (const path of ['/v/%01x', '/teams/%7f', '/r/%00%00', '/api/visits/%1b']) {
      const res = await SELF.fetch(url(path), { headers: { accept: 'application/json', cookie } })
      expect(res.status, path).toBe(404)
    }
    expect((await SELF.fetch(url('/v/%E0%A4%A'))).status).toBe(404)
  })
})

describe('a group named twice in an item (hole 6)', () => {
  it('counts once instead of a 500 (the API and the form share the schema)', async () => {
    const w = await makeWorld()
    const res = await api(`/api/visits/${w.visitA}/items`, {
      cookie: w.person.organiser.cookie,
      body: {
        kind: 'talk',
        title: 'Twee keer dezelfde groep',
        date: '2027-06-12',
        start: '10:00',
        end: '10:30',
        groupIds: [w.groupA, w.groupA],
      },
    })
    expect(res.status, await res.clone().text()).toBe(201)
    const { item } = (await res.json()) as { item: { id: string; groupIds: string[] } }
    expect(item.groupIds).toEqual([w.groupA])
    const rows = await db.select().from(programmeItemGroups).where(eq(programmeItemGroups.itemId, item.id))
    expect(rows).toHaveLength(1)
  })
})

describe('dates at the edges (hole 2)', () => {
  it('refuses a visit outside 1990–2199 or longer than 31 days, at the field, saving nothing', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const create = (startDate: string, endDate: string) =>
      api(`/api/teams/${w.teamA}/visits`, {
        cookie,
        body: { kind: 'other', title: `Rand ${startDate}`, startDate, endDate },
      })
    for (const [start, end, field] of [
      ['9999-12-31', '9999-12-31', 'startDate'],
      ['1000-01-01', '1000-01-01', 'startDate'],
      ['2027-06-01', '2127-06-01', 'endDate'],
      ['2027-06-01', '2027-07-03', 'endDate'],
    ] as const) {
      const res = await create(start, end)
      expect(res.status, `${start} ${end}`).toBe(422)
      const problem = (await res.json()) as { errors: { field: string }[] }
      expect(problem.errors.map((e) => e.field)).toContain(field)
    }
    expect((await create('2027-06-01', '2027-07-02')).status).toBe(201)
    const before = await db.select().from(visits).where(eq(visits.id, w.visitA))
    const longer = await api(`/api/visits/${w.visitA}`, {
      method: 'PATCH',
      cookie,
      body: { version: before[0]?.version ?? 1, endDate: '2027-12-31' },
    })
    expect(longer.status).toBe(422)
    expect(await db.select().from(visits).where(eq(visits.id, w.visitA))).toEqual(before)
  })
})

describe('a made-up group in the public schedule (hole 9)', () => {
  it('goes to the visit’s own page instead of a fresh render and a cache entry of its own', async () => {
    const w = await makeWorld()
    for (const group of [crypto.randomUUID(), crypto.randomUUID(), 'x', '']) {
      const res = await SELF.fetch(url(`/v/${w.slugA}?group=${group}&lang=en`), { redirect: 'manual' })
      expect(res.status, group).toBe(302)
      expect(res.headers.get('location')).toBe(`/v/${w.slugA}?lang=en`)
    }
    expect((await SELF.fetch(url(`/v/${w.slugA}`))).status).toBe(200)
  })
})

describe('wild dates stored before the bounds (hole 2, the derived side)', () => {
  // Before, schedule.ics took 10 s and schedule.json never finished (a loop over every day of 9,000 years).
  it('still answers every feed and the item form, in time proportional to the items', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    // As a visit saved before the bounds existed could be: a thousand years to the year 9999.
    await db
      .update(visits)
      .set({ startDate: '1000-01-01', endDate: '9999-12-31' })
      .where(eq(visits.id, w.visitA))
    const published = await api(`/api/visits/${w.visitA}/releases`, { cookie, body: {} })
    expect(published.status, await published.clone().text()).toBeLessThan(500)
    for (const path of [
      `/v/${w.slugA}`,
      `/v/${w.slugA}/schedule.ics`,
      `/v/${w.slugA}/schedule.json`,
      `/v/${w.slugA}/schedule.v2.json`,
      `/v/${w.slugA}/schedule.xml`,
    ]) {
      const res = await SELF.fetch(url(path))
      expect(res.status, path).toBeLessThan(500)
      await res.arrayBuffer()
    }
    for (const path of [
      `/visits/${w.visitA}/programme`,
      `/visits/${w.visitA}/programme/new`,
      `/visits/${w.visitA}`,
    ]) {
      const res = await SELF.fetch(url(path), { headers: { cookie } })
      expect(res.status, path).toBeLessThan(500)
      await res.arrayBuffer()
    }
  })
})

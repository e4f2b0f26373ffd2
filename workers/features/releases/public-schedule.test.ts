import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { programmeItems } from '../../../shared/db/schema'
import { api, db, productionEnv, signIn, testContext, url } from '../../../test/integration/helpers'
import { makeWorld } from '../../../test/integration/world'
import { createApp } from '../../app'
import { loadDemoData } from '../../dev/demo-load'

describe('the public schedule of the demo visits', () => {
  it('shows the day, venues with access and never the host contact, the route with walking times, calendar links', async () => {
    await loadDemoData(db)
    const res = await SELF.fetch(url('/v/delegatiebezoek-deventer-2017'))
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('Ontvangst op het stadhuis')
    expect(html).toContain('Grote Kerkhof 4, 7411 KT Deventer')
    expect(html).not.toContain('wijkaanpak@deventer.example')
    expect(html).toMatch(/webcal:\/\/[^"]+\/v\/delegatiebezoek-deventer-2017\/schedule\.ics/)
    expect(html).toContain('/v/delegatiebezoek-deventer-2017/items/demo-item-d2.ics')
    // The route map: an SVG with numbered stops and the legs written out.
    expect(html).toMatch(/<svg[^>]+role="img"/)
    expect(html).toMatch(/1 → 2: [\d,]+ km hemelsbreed, ongeveer \d+ minuten lopen/)
    expect(html).toContain('/assets/schedule.js')
  })

  it('has a view per group that leaves out the other group and keeps items for everyone', async () => {
    await loadDemoData(db)
    const all = await (await SELF.fetch(url('/v/delegatiebezoek-deventer-2017'))).text()
    expect(all).toContain('Werkbezoek Rivierenwijk')
    expect(all).toContain('Werkbezoek Keizerslanden')
    const groupA = await (await SELF.fetch(url('/v/delegatiebezoek-deventer-2017?group=demo-group-a'))).text()
    expect(groupA).toContain('Werkbezoek Rivierenwijk')
    expect(groupA).not.toContain('Werkbezoek Keizerslanden')
    expect(groupA).toContain('Lunch en uitwisseling')
    expect(groupA).toMatch(/aria-current="page"[^>]*>Groep A/)
  })

  it('serves anonymous readers from the edge cache with an ETag; signed-in readers get it fresh', async () => {
    await loadDemoData(db)
    const first = await SELF.fetch(url('/v/collegebezoek-vreewijk-2017'))
    const etag = first.headers.get('etag')
    expect(etag).toBeTruthy()
    expect(
      (await SELF.fetch(url('/v/collegebezoek-vreewijk-2017'), { headers: { 'if-none-match': etag! } }))
        .status,
    ).toBe(304)
    const en = await SELF.fetch(url('/v/collegebezoek-vreewijk-2017'), {
      headers: { 'accept-language': 'en' },
    })
    expect(en.headers.get('etag')).not.toBe(etag)
    const cookie = await signIn('reader@example.nl')
    const personal = await SELF.fetch(url('/v/collegebezoek-vreewijk-2017'), { headers: { cookie } })
    expect(personal.headers.get('cache-control')).toBe('private, no-cache')
    expect(await personal.text()).toContain('Mijn account')
  })

  it('renders afresh for Cache-Control: no-cache in development only (how the benchmark measures a miss)', async () => {
    await loadDemoData(db)
    const path = '/v/collegebezoek-vreewijk-2017/schedule.json'
    const noCache = { headers: { 'cache-control': 'no-cache' } }
    await SELF.fetch(url(path))
    expect((await SELF.fetch(url(path))).headers.get('x-cache')).toBe('hit')
    // Past the isolate's memory and the edge: the answer the first reader made, stored beside the release.
    const stored = await SELF.fetch(url(path), noCache)
    expect(stored.headers.get('x-cache')).toBe('stored')
    expect(await stored.text()).toBe(await (await SELF.fetch(url(path))).text())

    const app = createApp()
    const { ctx, settled } = testContext()
    const ask = async () => {
      const res = await app.request(url(path), noCache, productionEnv(), ctx)
      await settled()
      return res.headers.get('x-cache')
    }
    await ask()
    expect(await ask()).toBe('hit')
  })

  it('lets other sites frame only the embed page', async () => {
    await loadDemoData(db)
    const embed = await SELF.fetch(url('/v/collegebezoek-vreewijk-2017/embed'))
    expect(embed.status).toBe(200)
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *')
    const page = await SELF.fetch(url('/v/collegebezoek-vreewijk-2017'))
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  })
})

describe('changes and unlisted visits', () => {
  it('lists what moved in plain words', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const visit = (await (
      await api(`/api/teams/${w.teamA}/visits`, {
        cookie,
        body: {
          kind: 'other',
          title: 'Wijzigingen',
          slug: `wijzigingen-${w.teamA.slice(0, 8)}`,
          startDate: '2027-05-01',
          endDate: '2027-05-01',
        },
      })
    ).json()) as { id: string; slug: string }
    const { item } = (await (
      await api(`/api/visits/${visit.id}/items`, {
        cookie,
        body: { kind: 'walk', title: 'Wandeling', date: '2027-05-01', start: '14:10', end: '14:40' },
      })
    ).json()) as { item: { id: string } }
    await api(`/api/visits/${visit.id}/releases`, { cookie, body: {} })
    await api(`/api/items/${item.id}`, {
      cookie,
      method: 'PATCH',
      body: { version: 1, date: '2027-05-01', start: '14:25', end: '14:55' },
    })
    await api(`/api/visits/${visit.id}/releases`, { cookie, body: {} })
    const changes = await (await SELF.fetch(url(`/v/${visit.slug}/changes`))).text()
    expect(changes).toContain('‘Wandeling’ is verplaatst van 14:10 naar 14:25')
  })

  it('opens an unlisted visit only with a live share link', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const slug = `verborgen-${w.teamA.slice(0, 8)}`
    const visit = (await (
      await api(`/api/teams/${w.teamA}/visits`, {
        cookie,
        body: {
          kind: 'other',
          title: 'Besloten bezoek',
          slug,
          startDate: '2027-05-01',
          endDate: '2027-05-01',
          listed: false,
        },
      })
    ).json()) as { id: string }
    const item = await api(`/api/visits/${visit.id}/items`, {
      cookie,
      body: { kind: 'tour', title: 'Rondgang', date: '2027-05-01', start: '10:00', end: '11:00' },
    })
    expect(item.status, await item.clone().text()).toBe(201)
    await api(`/api/visits/${visit.id}/releases`, { cookie, body: {} })
    expect((await SELF.fetch(url(`/v/${slug}`))).status).toBe(404)
    expect(await (await SELF.fetch(url('/'))).text()).not.toContain('Besloten bezoek')
    const link = (await (
      await api(`/api/visits/${visit.id}/share-links`, { cookie, body: { label: 'pers' } })
    ).json()) as {
      id: string
      url: string
    }
    const shared = new URL(link.url)
    const page = await SELF.fetch(url(`${shared.pathname}${shared.search}`))
    expect(page.status).toBe(200)
    // Links on the page keep the share token, so the feeds open too.
    const html = await page.text()
    const token = shared.searchParams.get('k') ?? ''
    expect(html).toContain(`/v/${slug}/schedule.ics?k=${token}`)
    expect((await SELF.fetch(url(`/v/${slug}/schedule.ics${shared.search}`))).status).toBe(200)
    expect((await SELF.fetch(url(`/v/${slug}/schedule.ics`))).status).toBe(404)

    // A second link's holder gets pages with their own link in them, never a cached copy with the first.
    const other = new URL(
      (
        (await (
          await api(`/api/visits/${visit.id}/share-links`, { cookie, body: { label: 'buren' } })
        ).json()) as { url: string }
      ).url,
    )
    const otherToken = other.searchParams.get('k') ?? ''
    for (const path of [`/v/${slug}`, `/v/${slug}/changes`]) {
      await SELF.fetch(url(`${path}?k=${token}`))
      const second = await SELF.fetch(url(`${path}?k=${otherToken}`))
      const body = await second.text()
      expect(body, path).toContain(`k=${otherToken}`)
      expect(body, path).not.toContain(token)
    }

    // The feeds' links to the programme keep the reader's own link too (the events' URL in a calendar app).
    const unfolded = async (path: string) =>
      (await (await SELF.fetch(url(path))).text()).replace(/\r\n /g, '')
    expect(await unfolded(`/v/${slug}/schedule.ics?k=${token}`)).toMatch(/^URL:https?:\/\/\S+\?k=/m)
    const otherIcs = await unfolded(`/v/${slug}/schedule.ics?k=${otherToken}`)
    expect(otherIcs).toContain(`?k=${otherToken}`)
    expect(otherIcs).not.toContain(token)
    const json = await (await SELF.fetch(url(`/v/${slug}/schedule.json?k=${otherToken}`))).text()
    expect(json).toContain(`?k=${otherToken}`)
    expect(json).not.toContain(token)

    await api(`/api/share-links/${link.id}`, { cookie, method: 'DELETE' })
    expect((await SELF.fetch(url(`${shared.pathname}${shared.search}`))).status).toBe(404)
    const stillOpen = await (await SELF.fetch(url(`/v/${slug}?k=${otherToken}`))).text()
    expect(stillOpen).not.toContain(token)
  })
})

describe('a large programme', () => {
  it('shows one day at a time with a day switcher of plain links; the exports stay whole', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const slug = `congres-${w.teamA.slice(0, 8)}`
    const visit = (await (
      await api(`/api/teams/${w.teamA}/visits`, {
        cookie,
        body: { kind: 'other', title: 'Congres', slug, startDate: '2027-05-01', endDate: '2027-05-02' },
      })
    ).json()) as { id: string }
    // 2 × 80 items (written straight into D1: through the API this would take a minute).
    const at = (day: number, n: number) => Date.parse(`2027-05-0${day}T07:00:00Z`) + n * 5 * 60_000
    const rows = [1, 2].flatMap((day) =>
      Array.from({ length: 80 }, (_, n) => ({
        visitId: visit.id,
        kind: 'talk' as const,
        title: `Sessie ${day}.${n + 1}`,
        startsAt: new Date(at(day, n)),
        endsAt: new Date(at(day, n) + 4 * 60_000),
      })),
    )
    // Ten rows a statement: D1 binds at most 100 values to one.
    for (let i = 0; i < rows.length; i += 10) await db.insert(programmeItems).values(rows.slice(i, i + 10))
    expect((await api(`/api/visits/${visit.id}/releases`, { cookie, body: {} })).status).toBe(201)
    const first = await (await SELF.fetch(url(`/v/${slug}`))).text()
    expect(first).toContain('Sessie 1.80')
    expect(first).not.toContain('Sessie 2.1<')
    expect(first).toContain(`href="/v/${slug}?day=2027-05-02#programme"`)
    const second = await (await SELF.fetch(url(`/v/${slug}?day=2027-05-02`))).text()
    expect(second).toContain('Sessie 2.1<')
    expect(second).not.toContain('Sessie 1.1<')
    expect(second).toMatch(/aria-current="page"[^>]*>[^<]*2 mei/)
    // A day that is not one of the visit's: the visit's page, without the made-up day.
    for (const day of ['2027-05-03', 'morgen']) {
      const res = await SELF.fetch(url(`/v/${slug}?day=${day}`), { redirect: 'manual' })
      expect(res.status).toBe(302)
      expect(res.headers.get('location')).toBe(`/v/${slug}`)
    }
    const json = (await (await SELF.fetch(url(`/v/${slug}/schedule.json`))).json()) as {
      schedule: { conference: { days: { rooms: Record<string, unknown[]> }[] } }
    }
    const events = json.schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat())
    expect(events).toHaveLength(160)
  })
})

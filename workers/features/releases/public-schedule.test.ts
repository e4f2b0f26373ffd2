import { env, SELF } from 'cloudflare:test'
import { desc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { photos, programmeItems, releaseParts, releases, reports, visits } from '../../../shared/db/schema'
import { api, db, productionEnv, signIn, testContext, url } from '../../../test/integration/helpers'
import { makeWorld } from '../../../test/integration/world'
import { createApp } from '../../app'
import { loadDemoData } from '../../dev/demo-load'
import { CLAIM_MS, storedBodyKey } from './stored'

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

  it('sends a remembered answer gzipped, as it is, to a reader who takes gzip', async () => {
    await loadDemoData(db)
    // Cloudflare's front asks every Worker for `br, gzip` and decodes for a client that takes neither.
    const path = '/v/collegebezoek-vreewijk-2017/schedule.json'
    const app = createApp()
    const { ctx, settled } = testContext()
    const ask = async (headers: Record<string, string>) => {
      const res = await app.request(url(path), { headers }, env, ctx)
      await settled()
      return res
    }
    const plain = await ask({})
    const text = await plain.text()
    expect(plain.headers.get('content-encoding')).toBeNull()
    // The first hit that takes gzip still goes out as it is; the gzip is made after it, once.
    const first = await ask({ 'accept-encoding': 'br, gzip' })
    expect(first.headers.get('content-encoding')).toBeNull()
    const gzip = await ask({ 'accept-encoding': 'br, gzip' })
    expect(gzip.status).toBe(200)
    expect(gzip.headers.get('content-encoding')).toBe('gzip')
    expect(gzip.headers.get('vary')).toMatch(/Accept-Encoding/)
    // Every other header as on the answer as it is (content type, caching, language, the security headers),
    // but those made per request: the CSP's nonce, Server-Timing, the request id.
    const perRequest = ['content-security-policy', 'server-timing', 'x-request-id']
    plain.headers.forEach((value, name) => {
      if (!['content-length', 'etag', 'x-cache', ...perRequest].includes(name))
        expect(gzip.headers.get(name), name).toBe(value)
    })
    expect(gzip.headers.get('content-security-policy')).toMatch(/^default-src 'self'/)
    const bytes = new Uint8Array(await gzip.arrayBuffer())
    expect(gzip.headers.get('content-length')).toBe(String(bytes.length))
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b])
    expect(bytes.length).toBeLessThan(new TextEncoder().encode(text).length / 2)
    const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))
    expect(await new Response(inflated).text()).toBe(text)
    // The same answer in another coding: a weak ETag, and either form of it is a 304.
    const etag = plain.headers.get('etag') as string
    expect(gzip.headers.get('etag')).toBe(`W/${etag}`)
    for (const tag of [etag, `W/${etag}`])
      expect((await ask({ 'accept-encoding': 'gzip', 'if-none-match': tag })).status).toBe(304)
    // A reader who refuses gzip gets the answer as it is.
    const refused = await ask({ 'accept-encoding': 'gzip;q=0, identity' })
    expect(refused.headers.get('content-encoding')).toBeNull()
    expect(await refused.text()).toBe(text)
  })

  it('renders afresh for Cache-Control: no-cache in development only (how the benchmark measures a miss)', async () => {
    await loadDemoData(db)
    const path = '/v/collegebezoek-vreewijk-2017/schedule.json'
    const noCache = { headers: { 'cache-control': 'no-cache' } }
    await SELF.fetch(url(path))
    const hit = await SELF.fetch(url(path))
    expect(hit.headers.get('x-cache')).toBe('hit')
    // Every way an answer is served says its length (a body of known size, not a chunked stream).
    const size = (await hit.arrayBuffer()).byteLength
    expect(hit.headers.get('content-length')).toBe(String(size))
    // Past the isolate's memory and the edge: the answer the first reader made, stored beside the release.
    const stored = await SELF.fetch(url(path), noCache)
    expect(stored.headers.get('x-cache')).toBe('stored')
    expect(stored.headers.get('content-length')).toBe(String(size))
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

describe('answers made once per release', () => {
  const slug = 'collegebezoek-vreewijk-2017'
  const noCache = { headers: { 'cache-control': 'no-cache' } }
  const newestRelease = async () =>
    (
      await db
        .select({ id: releases.id })
        .from(releases)
        .innerJoin(visits, eq(visits.id, releases.visitId))
        .where(eq(visits.slug, slug))
        .orderBy(desc(releases.number))
        .limit(1)
    )[0]!.id

  it('renders once for readers who come at the same time, and streams the made answer to later ones', async () => {
    await loadDemoData(db)
    // Readers in one isolate (the app as this test runs it) share the one render under way.
    const app = createApp()
    const { ctx, settled } = testContext()
    const ics = `/v/${slug}/schedule.ics`
    const together = await Promise.all(
      Array.from({ length: 5 }, () => app.request(url(ics), {}, productionEnv(), ctx)),
    )
    const icsBodies = new Set(await Promise.all(together.map((a) => a.text())))
    await settled()
    expect(together.map((a) => a.headers.get('x-cache')).sort()).toEqual([
      'miss',
      'shared',
      'shared',
      'shared',
      'shared',
    ])
    expect(icsBodies.size).toBe(1)

    // Readers the running Worker gets at once: one claims and renders, the others wait for its answer.
    const path = `/v/${slug}/schedule.xml`
    const answers = await Promise.all(Array.from({ length: 5 }, () => SELF.fetch(url(path), noCache)))
    const bodies = await Promise.all(answers.map((a) => a.text()))
    const how = answers.map((a) => a.headers.get('x-cache'))
    expect(how.filter((x) => x === 'miss')).toHaveLength(1)
    expect(how.filter((x) => x === 'stored' || x === 'shared')).toHaveLength(4)
    expect(new Set(bodies).size).toBe(1)
    // Kept in R2 beside the release (named in release_parts): the next reader the edge has nothing for.
    const object = await env.PHOTOS.get(storedBodyKey(await newestRelease(), 'xml.nl'))
    expect(await object?.text()).toBe(bodies[0])
    const later = await SELF.fetch(url(path), noCache)
    expect(later.headers.get('x-cache')).toBe('stored')
    expect(later.headers.get('content-length')).toBe(String(object?.size))
    expect(await later.text()).toBe(bodies[0])
  })

  it('waits for an answer another reader (another isolate) is making instead of rendering it too', async () => {
    await loadDemoData(db)
    const releaseId = await newestRelease()
    const path = `/v/${slug}/schedule.v2.json`
    // Someone claimed the answer a moment ago and is rendering it.
    await db
      .insert(releaseParts)
      .values({ releaseId, key: 'claim:json2.nl', seq: 0, body: String(Date.now()) })
    const waiting = SELF.fetch(url(path), noCache)
    await new Promise((resolve) => setTimeout(resolve, 300))
    await env.PHOTOS.put(storedBodyKey(releaseId, 'json2.nl'), '{"made":"elsewhere"}')
    const res = await waiting
    expect(res.headers.get('x-cache')).toBe('stored')
    expect(await res.text()).toBe('{"made":"elsewhere"}')

    // A claim older than CLAIM_MS (its reader went away): this reader makes the answer itself, at once.
    await db
      .insert(releaseParts)
      .values({ releaseId, key: 'claim:xml.en', seq: 0, body: String(Date.now() - CLAIM_MS - 1) })
    const started = Date.now()
    const taken = await SELF.fetch(url(`/v/${slug}/schedule.xml`), {
      headers: { 'cache-control': 'no-cache', 'accept-language': 'en' },
    })
    expect(taken.headers.get('x-cache')).toBe('miss')
    expect(Date.now() - started).toBeLessThan(2_000)
  })

  it('never serves an answer of the previous release after a new one', async () => {
    await loadDemoData(db)
    const visit = (await db.select().from(visits).where(eq(visits.slug, slug)))[0]!
    const cookie = await signIn('organisator@vreewijk.example')
    for (const path of [`/v/${slug}`, `/v/${slug}/schedule.json`]) {
      await SELF.fetch(url(path))
      expect((await SELF.fetch(url(path), noCache)).headers.get('x-cache')).toBe('stored')
    }
    const [item] = await db
      .select()
      .from(programmeItems)
      .where(eq(programmeItems.visitId, visit.id))
      .orderBy(programmeItems.startsAt)
      .limit(1)
    const renamed = await api(`/api/items/${item!.id}`, {
      cookie,
      method: 'PATCH',
      body: { version: item!.version, title: 'Nieuwe titel na de tweede versie' },
    })
    expect(renamed.status, await renamed.clone().text()).toBe(200)
    expect((await api(`/api/visits/${visit.id}/releases`, { cookie, body: {} })).status).toBe(201)
    for (const path of [`/v/${slug}`, `/v/${slug}/schedule.json`]) {
      for (const headers of [{}, noCache.headers]) {
        const res = await SELF.fetch(url(path), { headers })
        expect(await res.text(), path).toContain('Nieuwe titel na de tweede versie')
      }
    }
  })
})

describe('the public schedule beside the report and the photos', () => {
  it('links to the report only while it is published, at once after a change', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const reportId = crypto.randomUUID()
    await db.insert(reports).values({ id: reportId, visitId: w.visitA, title: 'Verslag' })
    const link = `href="/v/${w.slugA}/report"`
    // Each time as a reader would ask: the isolate's memory and the edge copy first.
    const schedule = async () => (await SELF.fetch(url(`/v/${w.slugA}`))).text()
    expect(await schedule()).not.toContain(link)
    const status = async (next: string, version: number) => {
      const res = await api(`/api/visits/${w.visitA}/report/status`, {
        cookie,
        body: { status: next, version },
      })
      expect(res.status, await res.clone().text()).toBe(200)
    }
    await status('published', 1)
    expect(await schedule()).toContain(link)
    expect(
      await (await SELF.fetch(url(`/v/${w.slugA}`), { headers: { 'accept-language': 'en' } })).text(),
    ).toContain('Read the report')
    await status('withdrawn', 2)
    expect(await schedule()).not.toContain(link)
    await status('published', 3)
    expect(await schedule()).toContain(link)
  })

  it('has Open Graph and Twitter card tags, with the cover photo once there is a public one', async () => {
    const w = await makeWorld()
    await db.update(visits).set({ meetingPoint: 'Bij de kerk' }).where(eq(visits.id, w.visitA))
    // The meeting point is frozen in the release: publish one with it.
    const published = await api(`/api/visits/${w.visitA}/releases`, {
      cookie: w.person.organiser.cookie,
      body: {},
    })
    expect(published.status, await published.clone().text()).toBe(201)
    const card = async () => {
      const html = await (await SELF.fetch(url(`/v/${w.slugA}`))).text()
      const head = html.slice(0, html.indexOf('</head>'))
      const meta = (key: string) =>
        new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(head)?.[1] ?? null
      return { meta, head }
    }
    const before = await card()
    expect(before.meta('og:title')).toMatch(/^Bezoek /)
    expect(before.meta('og:type')).toBe('website')
    expect(before.meta('og:url')).toBe(`http://127.0.0.1:8787/v/${w.slugA}`)
    expect(before.meta('og:description')).toBe('zaterdag 12 juni 2027 · Bij de kerk')
    expect(before.meta('twitter:card')).toBe('summary')
    expect(before.meta('og:image')).toBeNull()

    const photoId = crypto.randomUUID()
    const prefix = `visits/${w.visitA}/photos/${photoId}`
    await db.insert(photos).values({
      id: photoId,
      visitId: w.visitA,
      personId: w.person.organiser.id,
      filename: 'tuin.jpg',
      originalKey: `${prefix}/original`,
      originalType: 'image/jpeg',
      originalBytes: 10,
      webKey: `${prefix}/web-abc.webp`,
      webWidth: 1600,
      webHeight: 1200,
      webBytes: 10,
      thumbKey: `${prefix}/thumb-abc.webp`,
      thumbWidth: 400,
      thumbHeight: 300,
      caption: 'De tuin in bloei',
      approved: true,
      consent: 'none',
    })
    const covered = await api(`/api/photos/${photoId}`, {
      cookie: w.person.organiser.cookie,
      method: 'PATCH',
      body: { version: 1, cover: true },
    })
    expect(covered.status, await covered.clone().text()).toBe(200)
    const after = await card()
    expect(after.meta('og:image')).toBe(`http://127.0.0.1:8787/v/${w.slugA}/photos/${photoId}/web-abc.webp`)
    expect(after.meta('og:image:width')).toBe('1600')
    expect(after.meta('og:image:alt')).toBe('De tuin in bloei')
    expect(after.meta('twitter:card')).toBe('summary_large_image')
    // Not approved any more: no picture in the card.
    await api(`/api/photos/${photoId}`, {
      cookie: w.person.organiser.cookie,
      method: 'PATCH',
      body: { version: 2, approved: false },
    })
    expect((await card()).meta('og:image')).toBeNull()
  })
})

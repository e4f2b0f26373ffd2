import { env, SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { api, db, url } from '../../../test/integration/helpers'
import { makeWorld, type World } from '../../../test/integration/world'
import { loadProgramme } from './queries'

type Json = Record<string, unknown>
const json = async (res: Response) => (await res.json()) as Json
const count = async (table: string) =>
  (await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())?.n ?? -1

const organiser = (w: World) => w.person.organiser.cookie

async function newVisit(w: World, body: Json = {}) {
  const res = await api(`/api/teams/${w.teamA}/visits`, {
    cookie: organiser(w),
    body: {
      kind: 'college_visit',
      title: 'Wijkbezoek Vreewijk',
      startDate: '2027-06-12',
      endDate: '2027-06-12',
      ...body,
    },
  })
  expect(res.status, await res.clone().text()).toBe(201)
  return (await res.json()) as { id: string; slug: string; version: number; status: string }
}

async function newVenue(w: World, body: Json) {
  const res = await api(`/api/teams/${w.teamA}/venues`, {
    cookie: organiser(w),
    body: { kind: 'garden', ...body },
  })
  expect(res.status, await res.clone().text()).toBe(201)
  return (await res.json()) as { id: string; version: number }
}

async function addItem(w: World, visitId: string, body: Json) {
  return api(`/api/visits/${visitId}/items`, {
    cookie: organiser(w),
    body: { kind: 'talk', title: 'Voordracht', date: '2027-06-12', ...body },
  })
}

const fieldsOf = async (res: Response) =>
  ((await res.json()) as { errors: { field: string; message: string }[] }).errors.map((e) => e.field)

describe('visits', () => {
  it('creates a draft with a slug from the title, and refuses bad input per field with nothing saved', async () => {
    const w = await makeWorld()
    const visit = await newVisit(w, { title: 'Collegebezoek Vreewijk 2027' })
    expect(visit).toMatchObject({ slug: 'collegebezoek-vreewijk-2027', status: 'draft', version: 1 })
    const before = await count('visits')
    const cases: [Json, string[]][] = [
      [{ slug: 'collegebezoek-vreewijk-2027' }, ['slug']],
      [{ slug: 'Niet Goed!' }, ['slug']],
      [{ timeZone: 'Europe/Amsterdm' }, ['timeZone']],
      [{ startDate: '2027-06-12', endDate: '2027-06-11' }, ['endDate']],
      [{ startDate: '2027-02-30' }, ['startDate']],
      [{ expectedGuests: -3 }, ['expectedGuests']],
      [{ unknownField: 1 }, ['unknownField']],
    ]
    for (const [body, fields] of cases) {
      const res = await api(`/api/teams/${w.teamA}/visits`, {
        cookie: organiser(w),
        body: { kind: 'other', title: 'Test', startDate: '2027-06-12', endDate: '2027-06-12', ...body },
      })
      expect(res.status, JSON.stringify(body)).toBe(422)
      expect(await fieldsOf(res), JSON.stringify(body)).toEqual(fields)
    }
    expect(await count('visits')).toBe(before)
  })

  it('refuses a stale update with 409 and keeps what was saved', async () => {
    const w = await makeWorld()
    const visit = await newVisit(w)
    const first = await api(`/api/visits/${visit.id}`, {
      cookie: organiser(w),
      method: 'PATCH',
      body: { version: 1, meetingPoint: 'Bij de ingang van de tuin' },
    })
    expect(first.status).toBe(200)
    expect(first.headers.get('etag')).toBe('"v2"')
    const stale = await api(`/api/visits/${visit.id}`, {
      cookie: organiser(w),
      method: 'PATCH',
      body: { version: 1, meetingPoint: 'Op het plein' },
    })
    expect(stale.status).toBe(409)
    expect(await json(stale)).toMatchObject({ code: 'conflict' })
    const now = await json(await api(`/api/visits/${visit.id}`, { cookie: organiser(w) }))
    expect((now.visit as Json).meetingPoint).toBe('Bij de ingang van de tuin')
  })

  it('keeps the slug stable once published', async () => {
    const w = await makeWorld()
    const visit = await newVisit(w)
    // An empty programme is not published (409): one item first.
    await addItem(w, visit.id, { start: '10:00', end: '10:30' })
    expect((await api(`/api/visits/${visit.id}/releases`, { cookie: organiser(w), body: {} })).status).toBe(
      201,
    )
    const res = await api(`/api/visits/${visit.id}`, {
      cookie: organiser(w),
      method: 'PATCH',
      body: { version: 1, slug: 'een-ander-adres' },
    })
    expect(res.status).toBe(422)
    expect(await fieldsOf(res)).toEqual(['slug'])
  })

  it('duplicates a visit as a template at the same local times, across a clock change', async () => {
    const w = await makeWorld()
    const visit = await newVisit(w, { startDate: '2026-10-24', endDate: '2026-10-25' })
    const group = await json(
      await api(`/api/visits/${visit.id}/groups`, { cookie: organiser(w), body: { name: 'Groep A' } }),
    )
    // 25 October 2026 is the day summer time ends in Amsterdam.
    await addItem(w, visit.id, { date: '2026-10-25', start: '10:00', end: '11:00', groupIds: [group.id] })
    const copy = await api(`/api/visits/${visit.id}/duplicate`, {
      cookie: organiser(w),
      body: { title: 'Wijkbezoek 2027', startDate: '2027-03-27' },
    })
    expect(copy.status).toBe(201)
    const dup = (await copy.json()) as { id: string; endDate: string; status: string }
    expect(dup).toMatchObject({ endDate: '2027-03-28', status: 'draft' })
    const programme = (await json(
      await api(`/api/visits/${dup.id}/programme`, { cookie: organiser(w) }),
    )) as {
      items: { startsAt: string; groupIds: string[] }[]
      groups: { id: string; name: string }[]
    }
    // 28 March 2027 is the day summer time starts: 10:00 local is 08:00 UTC (it was 09:00 UTC in October).
    expect(programme.items.map((i) => i.startsAt)).toEqual(['2027-03-28T08:00:00.000Z'])
    expect(programme.groups.map((g) => g.name)).toEqual(['Groep A'])
    expect(programme.items[0]?.groupIds).toEqual([programme.groups[0]?.id])
  })
})

describe('venues', () => {
  it('refuses invalid coordinates per field', async () => {
    const w = await makeWorld()
    const bad = async (body: Json) =>
      api(`/api/teams/${w.teamA}/venues`, {
        cookie: organiser(w),
        body: { name: 'Tuin', kind: 'garden', ...body },
      })
    expect(await fieldsOf(await bad({ lat: 95, lng: 4.5 }))).toEqual(['lat'])
    expect(await fieldsOf(await bad({ lat: 52.1, lng: 200 }))).toEqual(['lng'])
    expect(await fieldsOf(await bad({ lat: 52.1 }))).toEqual(['lng'])
    expect(await fieldsOf(await bad({ lat: '52,1', lng: 4.5 }))).toEqual(['lat'])
  })
})

describe('programme items', () => {
  it('refuses end before start, items outside the visit and foreign venues; nothing saved', async () => {
    const w = await makeWorld()
    const visit = await newVisit(w)
    const before = await count('programme_items')
    const cases: [Json, string[]][] = [
      [{ start: '14:00', end: '13:30' }, ['end']],
      [{ start: '14:00', end: '14:00' }, ['end']],
      [{ date: '2027-06-13', start: '10:00', end: '11:00' }, ['start', 'end']],
      [{ start: '10:00', end: '11:00', venueId: w.venueB }, ['venueId']],
      [{ start: '10:00', end: '11:00', venueId: 'does-not-exist' }, ['venueId']],
      [{ start: '10:00', end: '11:00', groupIds: ['nope'] }, ['groupIds.0']],
      [{ start: '25:00', end: '26:00' }, ['start', 'end']],
    ]
    for (const [body, fields] of cases) {
      const res = await addItem(w, visit.id, body)
      expect(res.status, JSON.stringify(body)).toBe(422)
      expect(await fieldsOf(res), JSON.stringify(body)).toEqual(fields)
    }
    expect(await count('programme_items')).toBe(before)
    // The reason is in the reader's language.
    const en = await api(`/api/visits/${visit.id}/items`, {
      cookie: organiser(w),
      body: { kind: 'talk', title: 'X', date: '2027-06-12', start: '14:00', end: '13:00' },
      headers: { 'accept-language': 'en' },
    })
    expect(await json(en)).toMatchObject({
      errors: [{ field: 'end', message: 'The end must be after the start.' }],
    })
  })

  it('saves a clashing item, and explains the walking time in Dutch and English', async () => {
    const w = await makeWorld()
    const visit = await newVisit(w)
    // About 1.5 km apart in Leiden.
    const garden = await newVenue(w, { name: 'Tuin van Els', lat: 52.1519, lng: 4.5053 })
    const centre = await newVenue(w, {
      name: 'Buurthuis De Stip',
      lat: 52.1616,
      lng: 4.4916,
      kind: 'community_centre',
    })
    const a = await addItem(w, visit.id, {
      title: 'Welkom',
      kind: 'welcome',
      start: '14:00',
      end: '14:30',
      venueId: garden.id,
    })
    expect(a.status).toBe(201)
    const b = await addItem(w, visit.id, {
      title: 'Rondleiding',
      kind: 'tour',
      start: '14:35',
      end: '15:30',
      venueId: centre.id,
    })
    expect(b.status).toBe(201)
    const created = (await b.json()) as { clashes: { kind: string; message: { nl: string; en: string } }[] }
    expect(created.clashes.map((c) => c.kind)).toEqual(['walk_too_long'])
    expect(created.clashes[0]?.message.nl).toContain('Tuin van Els')
    expect(created.clashes[0]?.message.nl).toContain('Buurthuis De Stip')
    expect(created.clashes[0]?.message.en).toMatch(/minutes/)
    const all = await json(await api(`/api/visits/${visit.id}/clashes`, { cookie: organiser(w) }))
    expect((all.counts as Json).walk_too_long).toBe(1)
  })

  it('updates groups and fields together, or (stale) not at all', async () => {
    const w = await makeWorld()
    const visit = await newVisit(w)
    const g1 = await json(
      await api(`/api/visits/${visit.id}/groups`, { cookie: organiser(w), body: { name: 'A' } }),
    )
    const g2 = await json(
      await api(`/api/visits/${visit.id}/groups`, { cookie: organiser(w), body: { name: 'B' } }),
    )
    const created = (await (
      await addItem(w, visit.id, { start: '10:00', end: '11:00', groupIds: [g1.id] })
    ).json()) as {
      item: { id: string }
    }
    const id = created.item.id
    const ok = await api(`/api/items/${id}`, {
      cookie: organiser(w),
      method: 'PATCH',
      body: { version: 1, title: 'Nieuwe titel', groupIds: [g2.id] },
    })
    expect(ok.status).toBe(200)
    const stale = await api(`/api/items/${id}`, {
      cookie: organiser(w),
      method: 'PATCH',
      body: { version: 1, title: 'Oude versie', groupIds: [g1.id] },
    })
    expect(stale.status).toBe(409)
    const now = (await json(await api(`/api/items/${id}`, { cookie: organiser(w) }))) as {
      item: { title: string; groupIds: string[]; version: number }
    }
    expect(now.item).toMatchObject({ title: 'Nieuwe titel', groupIds: [g2.id], version: 2 })
    // Deleting needs the version too.
    expect((await api(`/api/items/${id}`, { cookie: organiser(w), method: 'DELETE' })).status).toBe(422)
    expect(
      (
        await api(`/api/items/${id}`, {
          cookie: organiser(w),
          method: 'DELETE',
          headers: { 'if-match': '"v1"' },
        })
      ).status,
    ).toBe(409)
    expect(
      (
        await api(`/api/items/${id}`, {
          cookie: organiser(w),
          method: 'DELETE',
          headers: { 'if-match': '"v2"' },
        })
      ).status,
    ).toBe(204)
  })

  it('running late shifts every later item of a group, and items for everyone, in one action', async () => {
    const w = await makeWorld()
    const visit = await newVisit(w)
    const a = await json(
      await api(`/api/visits/${visit.id}/groups`, { cookie: organiser(w), body: { name: 'A' } }),
    )
    const b = await json(
      await api(`/api/visits/${visit.id}/groups`, { cookie: organiser(w), body: { name: 'B' } }),
    )
    const add = async (title: string, start: string, end: string, groupIds: unknown[]) =>
      (
        (await (await addItem(w, visit.id, { title, start, end, groupIds })).json()) as {
          item: { id: string }
        }
      ).item.id
    const early = await add('Vroeg', '09:00', '09:30', [a.id])
    const laterA = await add('Later A', '11:00', '11:30', [a.id])
    const laterB = await add('Later B', '11:00', '11:30', [b.id])
    const all = await add('Afsluiting', '12:00', '12:30', [])
    const res = await api(`/api/visits/${visit.id}/running-late`, {
      cookie: organiser(w),
      body: { groupId: a.id, minutes: 15, from: { date: '2027-06-12', time: '10:00' } },
    })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { moved: string[] }).moved.sort()).toEqual([laterA, all].sort())
    const p = (await json(await api(`/api/visits/${visit.id}/programme`, { cookie: organiser(w) }))) as {
      items: { id: string; startsAt: string }[]
    }
    const start = (id: string) => p.items.find((i) => i.id === id)?.startsAt
    expect(start(early)).toBe('2027-06-12T07:00:00.000Z')
    expect(start(laterA)).toBe('2027-06-12T09:15:00.000Z')
    expect(start(laterB)).toBe('2027-06-12T09:00:00.000Z')
    expect(start(all)).toBe('2027-06-12T10:15:00.000Z')
  })
})

describe('the plan (what the editor and the clash list read)', () => {
  it('is the full programme without texts and private fields, and finds the same clashes', async () => {
    const w = await makeWorld()
    const visit = await newVisit(w, { expectedGuests: 40 })
    const garden = await newVenue(w, {
      name: 'Tuin van Els',
      lat: 52.1519,
      lng: 4.5053,
      capacity: 12,
      hostName: 'Els',
      hostContact: 'els@example.org',
      address: 'Hoflaan 1',
    })
    const centre = await newVenue(w, { name: 'Buurthuis De Stip', lat: 52.1616, lng: 4.4916 })
    const items = [
      { title: 'Welkom', kind: 'welcome', start: '14:00', end: '14:30', venueId: garden.id },
      { title: 'Koffie', kind: 'break', start: '14:15', end: '14:45', venueId: garden.id },
      { title: 'Rondleiding', kind: 'tour', start: '14:50', end: '15:30', venueId: centre.id },
    ]
    for (const item of items) {
      const res = await addItem(w, visit.id, { ...item, description: `Uitleg bij ${item.title}` })
      expect(res.status, await res.clone().text()).toBe(201)
    }

    const full = await loadProgramme(db, visit.id)
    const plan = await loadProgramme(db, visit.id, 'plan')
    if (!full || !plan) throw new Error('programme not found')
    expect(full.items.map((i) => i.description)).toContain('Uitleg bij Welkom')
    const planKeys = Object.keys(plan.items[0] ?? {}).sort()
    expect(planKeys).not.toContain('description')
    expect(plan.items).toEqual(
      full.items.map((i) => Object.fromEntries(planKeys.map((k) => [k, i[k as keyof typeof i]]))),
    )
    expect(JSON.stringify(plan.venues)).not.toMatch(/els@example\.org|Hoflaan|"hostName"/)
    expect(plan.venues.map((v) => v.name)).toEqual(full.venues.map((v) => v.name))
    expect(plan.groups).toEqual(full.groups)

    const fromPlan = await json(await api(`/api/visits/${visit.id}/clashes`, { cookie: organiser(w) }))
    const fromFull = await json(await api(`/api/visits/${visit.id}/programme`, { cookie: organiser(w) }))
    const kinds = (fromPlan.clashes as { kind: string }[]).map((c) => c.kind).sort()
    expect(kinds).toEqual(['over_capacity', 'over_capacity', 'venue_double_booked', 'walk_too_long'])
    // The clash list also says the day of each clash's first item and the titles of its items.
    const listed = fromPlan.clashes as { day: string; titles: string[]; itemIds: string[] }[]
    expect(listed.map(({ day, titles: _, ...clash }) => clash)).toEqual(fromFull.clashes)
    expect(new Set(listed.map((c) => c.day))).toEqual(new Set(['2027-06-12']))
    expect(listed.every((c) => c.titles.length === c.itemIds.length)).toBe(true)
  })
})

describe('releases', () => {
  it('freezes the programme; the public sees the latest release, and each release lists its changes', async () => {
    const w = await makeWorld()
    const visit = await newVisit(w, { title: 'Release-test', slug: `release-test-${w.teamA.slice(0, 8)}` })
    const garden = await newVenue(w, { name: 'Tuin' })
    const hall = await newVenue(w, { name: 'Zaal', kind: 'community_centre' })
    const item = async (body: Json) =>
      ((await (await addItem(w, visit.id, body)).json()) as { item: { id: string; version: number } }).item
    const welcome = await item({
      title: 'Welkom',
      kind: 'welcome',
      start: '10:00',
      end: '10:15',
      venueId: garden.id,
    })
    const walk = await item({ title: 'Wandeling', kind: 'walk', start: '10:30', end: '11:00' })
    const talk = await item({ title: 'Voordracht', start: '11:00', end: '11:15', venueId: garden.id })

    // Nothing public before the first release.
    expect((await SELF.fetch(url(`/v/${visit.slug}`))).status).toBe(404)
    const r1 = await api(`/api/visits/${visit.id}/releases`, { cookie: organiser(w), body: {} })
    expect(r1.status).toBe(201)
    const first = (await r1.json()) as { number: number; name: string; changes: { kind: string }[] }
    expect(first).toMatchObject({ number: 1, name: 'Versie 1' })
    expect(first.changes.map((c) => c.kind)).toEqual(['new', 'new', 'new'])
    expect(await (await SELF.fetch(url(`/v/${visit.slug}`))).text()).toContain('Wandeling')

    // Draft edits: move, cancel, change venue, add; the public still sees release 1.
    const patch = (id: string, body: Json) =>
      api(`/api/items/${id}`, { cookie: organiser(w), method: 'PATCH', body })
    expect(
      (await patch(walk.id, { version: 1, date: '2027-06-12', start: '10:35', end: '11:05' })).status,
    ).toBe(200)
    expect((await patch(talk.id, { version: 1, cancelled: true })).status).toBe(200)
    expect((await patch(welcome.id, { version: 1, venueId: hall.id })).status).toBe(200)
    await item({
      title: 'Hapje en drankje',
      kind: 'catering',
      start: '11:30',
      end: '12:30',
      venueId: hall.id,
    })
    const publicPage = await (await SELF.fetch(url(`/v/${visit.slug}`))).text()
    expect(publicPage).not.toContain('Hapje en drankje')

    const pending = (await json(
      await api(`/api/visits/${visit.id}/pending-changes`, { cookie: organiser(w) }),
    )) as {
      changes: { kind: string }[]
    }
    const r2 = (await (
      await api(`/api/visits/${visit.id}/releases`, { cookie: organiser(w), body: { name: 'Definitief' } })
    ).json()) as {
      number: number
      changes: { kind: string; title: string }[]
    }
    expect(r2.number).toBe(2)
    expect(r2.changes.map((c) => `${c.kind}:${c.title}`).sort()).toEqual(
      ['venue_changed:Welkom', 'moved:Wandeling', 'cancelled:Voordracht', 'new:Hapje en drankje'].sort(),
    )
    expect(pending.changes.length).toBe(r2.changes.length)
    expect(await (await SELF.fetch(url(`/v/${visit.slug}`))).text()).toContain('Hapje en drankje')

    const history = (await json(await api(`/api/visits/${visit.id}/releases`, { cookie: organiser(w) }))) as {
      releases: { number: number; name: string }[]
    }
    expect(history.releases.map((r) => [r.number, r.name])).toEqual([
      [2, 'Definitief'],
      [1, 'Versie 1'],
    ])
  })
})

describe('the company and host offers', () => {
  it('keeps contact and dietary needs from viewers', async () => {
    const w = await makeWorld()
    const visit = await newVisit(w)
    const created = await api(`/api/visits/${visit.id}/participants`, {
      cookie: organiser(w),
      body: {
        name: 'Burgemeester',
        function: 'mayor',
        dietaryNeeds: 'vegetarisch',
        contact: '06-SECRET-MAYOR',
      },
    })
    expect(created.status).toBe(201)
    const asViewer = await (
      await api(`/api/visits/${visit.id}/participants`, { cookie: w.person.viewer.cookie })
    ).text()
    expect(asViewer).toContain('Burgemeester')
    expect(asViewer).not.toContain('06-SECRET-MAYOR')
    expect(asViewer).not.toContain('vegetarisch')
    const asOrganiser = await (
      await api(`/api/visits/${visit.id}/participants`, { cookie: organiser(w) })
    ).text()
    expect(asOrganiser).toContain('06-SECRET-MAYOR')
  })

  it('turns an accepted offer into a venue hosted by the resident', async () => {
    const w = await makeWorld()
    const link = (await json(
      await api(`/api/teams/${w.teamA}/host-signup-link`, { cookie: organiser(w), method: 'POST' }),
    )) as {
      url: string
    }
    const token = new URL(link.url).pathname.split('/').pop()!
    const offered = await SELF.fetch(url(`/host-offer/${token}`), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://rondgang.test' },
      body: new URLSearchParams({
        hostName: 'Karin Bos',
        hostEmail: 'karin@example.nl',
        hostPhone: '06-KARIN-1',
        venueName: 'Tuin van Karin',
        venueKind: 'garden',
        address: 'Rozenlaan 3, Leiden',
      }).toString(),
      redirect: 'manual',
    })
    expect([200, 303]).toContain(offered.status)
    const all = (await json(await api(`/api/teams/${w.teamA}/host-offers`, { cookie: organiser(w) }))) as {
      offers: { id: string; status: string; venueName: string; hostEmail: string }[]
    }
    const offers = { offers: all.offers.filter((o) => o.hostEmail === 'karin@example.nl') }
    expect(offers.offers.map((o) => [o.venueName, o.status])).toEqual([['Tuin van Karin', 'pending']])
    const accepted = await api(`/api/host-offers/${offers.offers[0]!.id}/accept`, {
      cookie: organiser(w),
      body: { visitId: w.visitA },
    })
    expect(accepted.status).toBe(200)
    const { venueId } = (await accepted.json()) as { venueId: string }
    expect(
      (
        await api(`/api/host-offers/${offers.offers[0]!.id}/decline`, {
          cookie: organiser(w),
          method: 'POST',
        })
      ).status,
    ).toBe(409)
    const role = await env.DB.prepare(
      "SELECT vr.role FROM visit_roles vr JOIN people p ON p.id = vr.person_id WHERE p.email = 'karin@example.nl' AND vr.venue_id = ?",
    )
      .bind(venueId)
      .first<{ role: string }>()
    expect(role?.role).toBe('host')
    // A new link makes the old one useless.
    await api(`/api/teams/${w.teamA}/host-signup-link`, { cookie: organiser(w), method: 'POST' })
    expect((await SELF.fetch(url(`/host-offer/${token}`))).status).toBe(404)
  })
})

describe('OpenAPI', () => {
  it('is generated from the schemas and served with a reference page', async () => {
    const res = await SELF.fetch(url('/api/openapi.json'))
    expect(res.status).toBe(200)
    const doc = (await res.json()) as {
      openapi: string
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Json }> } }>>
    }
    expect(doc.openapi).toMatch(/^3\.1/)
    const createItem = doc.paths['/api/visits/{visitId}/items']?.post
    const schema = createItem?.requestBody?.content['application/json']?.schema as {
      properties: Record<string, Json>
      required: string[]
    }
    expect((schema.properties.kind as { enum: string[] }).enum).toContain('catering')
    expect(schema.required).toEqual(expect.arrayContaining(['kind', 'title', 'date', 'start', 'end']))
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/teams/{teamId}/visits', '/api/items/{itemId}']),
    )
    // The API, and the public feeds beside it (schedule.ics/json/xml, the news feed): no page is described.
    expect(
      Object.keys(doc.paths).filter(
        (p) => !p.startsWith('/api/') && !p.startsWith('/v/') && !p.startsWith('/news/'),
      ),
    ).toEqual([])
    const page = await SELF.fetch(url('/api/docs'))
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('/api/visits/{visitId}/running-late')
  })
})

import { SELF } from 'cloudflare:test'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { api, d1Cost, db, url } from '../../../test/integration/helpers'
import { makeWorld, type World } from '../../../test/integration/world'
import { loadDemoData } from '../../dev/demo-load'

const organiser = (w: World) => w.person.organiser.cookie

/** A visit over the autumn clock change with two items on either side of it, published as release 1. */
async function publishedVisit(w: World) {
  const slug = `feeds-${w.teamA.slice(0, 8)}`
  const visit = (await (
    await api(`/api/teams/${w.teamA}/visits`, {
      cookie: organiser(w),
      body: {
        kind: 'delegation_tour',
        title: 'Najaarsbezoek',
        slug,
        startDate: '2026-10-24',
        endDate: '2026-10-25',
      },
    })
  ).json()) as { id: string }
  const venue = (await (
    await api(`/api/teams/${w.teamA}/venues`, {
      cookie: organiser(w),
      body: {
        name: 'Stadhuis Deventer',
        kind: 'community_centre',
        address: 'Grote Kerkhof 4, Deventer',
        lat: 52.25121,
        lng: 6.15851,
      },
    })
  ).json()) as { id: string }
  const add = async (date: string, start: string, end: string, title: string) =>
    (
      (await (
        await api(`/api/visits/${visit.id}/items`, {
          cookie: organiser(w),
          body: { kind: 'tour', title, date, start, end, venueId: venue.id },
        })
      ).json()) as { item: { id: string; version: number } }
    ).item
  const saturday = await add('2026-10-24', '14:00', '15:00', 'Rondleiding zaterdag')
  const sunday = await add('2026-10-25', '14:00', '15:00', 'Rondleiding zondag')
  await api(`/api/visits/${visit.id}/releases`, { cookie: organiser(w), body: {} })
  return { slug, visit, venue, saturday, sunday }
}

function parse(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics))
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz)
  return cal.getAllSubcomponents('vevent').map((ve) => new ICAL.Event(ve))
}

describe('calendar feed', () => {
  it('gives local times on both sides of the clock change, stable UIDs, and raises SEQUENCE after a move', async () => {
    const w = await makeWorld()
    const { slug, visit, sunday } = await publishedVisit(w)
    const res = await SELF.fetch(url(`/v/${slug}/schedule.ics`))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    const events = parse(await res.text())
    expect(events.map((e) => e.summary)).toEqual(['Rondleiding zaterdag', 'Rondleiding zondag'])
    // 14:00 local both days; UTC 12:00 in summer time (+02:00), 13:00 in winter time (+01:00).
    expect(events.map((e) => e.startDate.toString())).toEqual(['2026-10-24T14:00:00', '2026-10-25T14:00:00'])
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
      '2026-10-24T12:00:00.000Z',
      '2026-10-25T13:00:00.000Z',
    ])
    expect(events[0]?.location).toContain('Grote Kerkhof 4, Deventer')
    const uids = events.map((e) => e.uid)
    expect(events.map((e) => e.sequence)).toEqual([0, 0])

    // Move Sunday's item and publish again: same UID, SEQUENCE 1.
    await api(`/api/items/${sunday.id}`, {
      cookie: organiser(w),
      method: 'PATCH',
      body: { version: sunday.version, date: '2026-10-25', start: '15:00', end: '16:00' },
    })
    await api(`/api/visits/${visit.id}/releases`, { cookie: organiser(w), body: {} })
    const again = parse(await (await SELF.fetch(url(`/v/${slug}/schedule.ics`))).text())
    expect(again.map((e) => e.uid)).toEqual(uids)
    expect(again.map((e) => e.sequence)).toEqual([0, 1])
    expect(again[1]?.startDate.toString()).toBe('2026-10-25T15:00:00')

    // One item alone, for "add to my calendar".
    const single = parse(await (await SELF.fetch(url(`/v/${slug}/items/${sunday.id}.ics`))).text())
    expect(single.map((e) => e.uid)).toEqual([uids[1]])
  })

  it('answers 304 to a matching ETag, serves from the edge cache, and a new release is visible at once', async () => {
    const w = await makeWorld()
    const { slug, visit } = await publishedVisit(w)
    const first = await SELF.fetch(url(`/v/${slug}/schedule.json`))
    const etag = first.headers.get('etag')!
    expect(first.headers.get('cache-control')).toContain('must-revalidate')
    expect(first.headers.get('x-cache')).toBe('miss')
    const second = await SELF.fetch(url(`/v/${slug}/schedule.json`))
    expect(second.headers.get('x-cache')).toBe('hit')
    expect(await second.text()).toBe(await first.text())
    const notModified = await SELF.fetch(url(`/v/${slug}/schedule.json`), {
      headers: { 'if-none-match': etag },
    })
    expect(notModified.status).toBe(304)
    expect(await notModified.text()).toBe('')
    // A release needs a change (an unchanged programme is refused with 409).
    await api(`/api/visits/${visit.id}/items`, {
      cookie: organiser(w),
      body: { kind: 'talk', title: 'Nagekomen', date: '2026-10-25', start: '16:00', end: '16:30' },
    })
    expect((await api(`/api/visits/${visit.id}/releases`, { cookie: organiser(w), body: {} })).status).toBe(
      201,
    )
    const fresh = await SELF.fetch(url(`/v/${slug}/schedule.json`), { headers: { 'if-none-match': etag } })
    expect(fresh.status).toBe(200)
    expect(fresh.headers.get('etag')).not.toBe(etag)
  })

  it('exports schedule.json v1 and v2 and frab XML with local times and offsets', async () => {
    const w = await makeWorld()
    const { slug } = await publishedVisit(w)
    const v1 = (await (await SELF.fetch(url(`/v/${slug}/schedule.json`))).json()) as {
      schedule: {
        conference: { days: { date: string; rooms: Record<string, { start: string; date: string }[]> }[] }
      }
    }
    const days = v1.schedule.conference.days
    expect(days.map((d) => d.date)).toEqual(['2026-10-24', '2026-10-25'])
    const sundayEvent = days[1]?.rooms['Stadhuis Deventer']?.[0]
    expect(sundayEvent).toMatchObject({ start: '14:00', date: '2026-10-25T14:00:00+01:00' })
    const v2 = (await (await SELF.fetch(url(`/v/${slug}/schedule.v2.json`))).json()) as { events?: unknown[] }
    expect(JSON.stringify(v2)).toContain('2026-10-24T14:00:00+02:00')
    const xml = await (await SELF.fetch(url(`/v/${slug}/schedule.xml`))).text()
    expect(xml).toMatch(/^<\?xml/)
    expect(xml).toContain('<day index="2" date="2026-10-25"')
    expect(xml).toContain('<start>14:00</start>')
  })

  it("gives a group its own feed, linked from the group's view; an unknown group gets the visit's feed", async () => {
    await loadDemoData(db)
    const base = '/v/delegatiebezoek-deventer-2017'
    const all = await (await SELF.fetch(url(`${base}/schedule.ics`))).text()
    expect(all).toContain('Werkbezoek Rivierenwijk')
    expect(all).toContain('Werkbezoek Keizerslanden')
    const groupA = await SELF.fetch(url(`${base}/schedule.ics?group=demo-group-a`))
    expect(groupA.status).toBe(200)
    const text = await groupA.text()
    expect(text).toContain('Werkbezoek Rivierenwijk')
    expect(text).not.toContain('Werkbezoek Keizerslanden')
    expect(text).toContain('Lunch en uitwisseling')
    expect(new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').length).toBeGreaterThan(0)
    // Made-up or malformed ids get the visit's own feed, under its own cache entry.
    for (const other of ['no-such-group', '%3Cx%3E']) {
      const res = await SELF.fetch(url(`${base}/schedule.ics?group=${other}`))
      expect(res.status).toBe(200)
      expect(await res.text()).toBe(all)
    }
    const page = await (await SELF.fetch(url(`${base}?group=demo-group-a`))).text()
    expect(page).toContain(`${base}/schedule.ics?group=demo-group-a`)
    // A second reader of the group's feed: from this isolate's memory, no D1 round trip.
    expect(d1Cost(await SELF.fetch(url(`${base}/schedule.ics?group=demo-group-a`))).queries).toBe(0)
  })

  it('is 404 for a visit that was never published, and for a malformed slug', async () => {
    const w = await makeWorld()
    const draft = (await (
      await api(`/api/teams/${w.teamA}/visits`, {
        cookie: organiser(w),
        body: { kind: 'other', title: 'Concept', startDate: '2027-01-10', endDate: '2027-01-10' },
      })
    ).json()) as { slug: string }
    expect((await SELF.fetch(url(`/v/${draft.slug}/schedule.ics`))).status).toBe(404)
    expect((await SELF.fetch(url('/v/NOT_A_SLUG/schedule.ics'))).status).toBe(404)
  })
})

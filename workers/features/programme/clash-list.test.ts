import { env } from 'cloudflare:test'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import {
  clashLists,
  groups,
  participants,
  programmeItemGroups,
  programmeItems,
  rsvps,
  speakers,
  talkSpeakers,
  talks,
  venues,
  visits,
  visitVenues,
} from '../../../shared/db/schema'
import { nextDate, utcToZoned } from '../../../shared/domain/time'
import { api, d1Cost, db, page } from '../../../test/integration/helpers'
import { makeWorld, type World } from '../../../test/integration/world'

type Listed = { kind: string; itemIds: string[]; day: string; titles: string[]; message: { nl: string } }

/** The clash list of visit A as the API answers it, with what the answer cost in D1. */
async function clashList(w: World) {
  const res = await api(`/api/visits/${w.visitA}/clashes`, { cookie: w.person.organiser.cookie })
  expect(res.status).toBe(200)
  const body = (await res.json()) as { clashes: Listed[]; counts: Record<string, number> }
  return { ...body, kinds: body.clashes.map((c) => c.kind), cost: d1Cost(res) }
}

const stateOf = async (visitId: string) =>
  (await db.select().from(clashLists).where(eq(clashLists.visitId, visitId)))[0]

/**
 * Reads the list (stored afterwards), then asserts a second read is a hit: one round trip (the session's
 * and the list's together), nothing written.
 */
async function stored(w: World) {
  const first = await clashList(w)
  const again = await clashList(w)
  expect(again.clashes).toEqual(first.clashes)
  expect(again.cost).toMatchObject({ rowsWritten: 0 })
  expect(again.cost.queries).toBe(1)
  return first
}

describe('the clash list, kept per draft version', () => {
  it('is checked once and then read as stored: two round trips with the session, then one', async () => {
    const w = await makeWorld()
    const before = await stateOf(w.visitA)
    expect(before?.checkedVersion).toBeNull()
    const first = await clashList(w)
    // The session with everything the check needs, then the list stored.
    expect(first.cost.queries).toBe(2)
    expect(first.cost.rowsWritten).toBeGreaterThan(0)
    const after = await stateOf(w.visitA)
    expect(after?.checkedVersion).toBe(after?.draftVersion)
    await stored(w)
    // The page reads the same stored list, in the session's batch.
    const res = await page(`/visits/${w.visitA}/programme`, w.person.organiser.cookie)
    expect(res.status).toBe(200)
    expect(d1Cost(res)).toMatchObject({ queries: 1, rowsWritten: 0 })
  })

  it('shows the clash a change makes at once, whichever table the change is in', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    expect((await stored(w)).kinds).toEqual([])

    // An item through the API, at Welkom's venue and time: a double booking.
    const added = await api(`/api/visits/${w.visitA}/items`, {
      cookie,
      body: {
        kind: 'talk',
        title: 'Praatje',
        date: '2027-06-12',
        start: '15:05',
        end: '15:20',
        venueId: w.venueA1,
      },
    })
    expect(added.status).toBe(201)
    const talkItem = ((await added.json()) as { item: { id: string } }).item.id
    expect((await stored(w)).kinds).toEqual(['venue_double_booked'])

    // The item moved to the other venue (straight in D1, as any feature might): a group double booking instead.
    await db.update(programmeItems).set({ venueId: w.venueA2 }).where(eq(programmeItems.id, talkItem))
    expect((await stored(w)).kinds).toEqual(['group_double_booked'])

    // For group A only: the message names the group; renamed, it names the new name.
    await db.insert(programmeItemGroups).values({ itemId: talkItem, groupId: w.groupA })
    expect((await stored(w)).clashes[0]?.message.nl).toContain('De groep ‘Groep A’')
    await db.update(groups).set({ name: 'Wethouders' }).where(eq(groups.id, w.groupA))
    expect((await stored(w)).clashes[0]?.message.nl).toContain('De groep ‘Wethouders’')
    await db.delete(programmeItems).where(eq(programmeItems.id, talkItem))
    expect((await stored(w)).kinds).toEqual([])

    // The venues far apart: the walk from Welkom (15:15) to the drinks (17:00) is too long at 4.5 km/h.
    await db.update(venues).set({ lat: 52.0, lng: 4.3 }).where(eq(venues.id, w.venueA1))
    await db.update(venues).set({ lat: 52.1, lng: 4.5 }).where(eq(venues.id, w.venueA2))
    expect((await stored(w)).kinds).toEqual(['walk_too_long'])
    // A faster company (the visit's walking speed) makes it.
    await db.update(visits).set({ walkingSpeedKmh: 20 }).where(eq(visits.id, w.visitA))
    expect((await stored(w)).kinds).toEqual([])

    // Room for one at the drinks: the mayor fits, a second member of the company does not.
    await db.update(venues).set({ capacity: 1 }).where(eq(venues.id, w.venueA2))
    expect((await stored(w)).kinds).toEqual([])
    const second = crypto.randomUUID()
    await db.insert(participants).values({ id: second, visitId: w.visitA, name: 'Wethouder' })
    expect((await stored(w)).kinds).toEqual(['over_capacity'])
    await db.delete(participants).where(eq(participants.id, second))
    expect((await stored(w)).kinds).toEqual([])
    // A confirmed guest counts as well; a waitlisted one does not.
    const guest = {
      visitId: w.visitA,
      name: 'Gast',
      email: `gast-${crypto.randomUUID()}@example.nl`,
      partySize: 1,
      tokenHash: crypto.randomUUID(),
    }
    await db.insert(rsvps).values({ ...guest, status: 'waitlisted' })
    expect((await stored(w)).kinds).toEqual([])
    await db.update(rsvps).set({ status: 'confirmed' }).where(eq(rsvps.email, guest.email))
    expect((await stored(w)).kinds).toEqual(['over_capacity'])
    await db.update(venues).set({ capacity: null }).where(eq(venues.id, w.venueA2))
    expect((await stored(w)).kinds).toEqual([])

    // Opening hours for this visit that end before the drinks.
    await db.insert(visitVenues).values({
      visitId: w.visitA,
      venueId: w.venueA2,
      opensAt: new Date('2027-06-12T12:00:00Z'),
      closesAt: new Date('2027-06-12T14:00:00Z'),
    })
    expect((await stored(w)).kinds).toEqual(['outside_opening_window'])
    await db.delete(visitVenues).where(eq(visitVenues.visitId, w.visitA))
    expect((await stored(w)).kinds).toEqual([])

    // A talk placed in Welkom by a speaker who can only in the morning; then they can all day.
    const speakerId = crypto.randomUUID()
    const talkId = crypto.randomUUID()
    const morning = JSON.stringify([
      { start: Date.parse('2027-06-12T07:00:00Z'), end: Date.parse('2027-06-12T10:00:00Z') },
    ])
    await db.insert(speakers).values({
      id: speakerId,
      visitId: w.visitA,
      name: 'Spreker',
      email: `spreker-${talkId}@example.nl`,
      availability: morning,
    })
    await db.insert(talks).values({
      id: talkId,
      visitId: w.visitA,
      title: 'Over tuinen',
      durationMinutes: 10,
      state: 'accepted',
      itemId: w.itemA1,
    })
    await db.insert(talkSpeakers).values({ talkId, speakerId, tokenHash: crypto.randomUUID() })
    expect((await stored(w)).kinds).toEqual(['outside_speaker_availability'])
    const allDay = JSON.stringify([
      { start: Date.parse('2027-06-12T07:00:00Z'), end: Date.parse('2027-06-12T20:00:00Z') },
    ])
    await db.update(speakers).set({ availability: allDay }).where(eq(speakers.id, speakerId))
    expect((await stored(w)).kinds).toEqual([])

    // The visit's dates moved: every item is outside them.
    await db
      .update(visits)
      .set({ startDate: '2027-06-13', endDate: '2027-06-13' })
      .where(eq(visits.id, w.visitA))
    expect((await stored(w)).kinds).toEqual(['outside_visit_dates', 'outside_visit_dates'])
  })

  it('is checked again when the rules changed, and not stored over a draft that moved on', async () => {
    const w = await makeWorld()
    const first = await stored(w)
    await db.update(clashLists).set({ rules: 'older rules' }).where(eq(clashLists.visitId, w.visitA))
    const checked = await clashList(w)
    expect(checked.cost.rowsWritten).toBeGreaterThan(0)
    expect(checked.clashes).toEqual(first.clashes)
    // A list written for a version the draft has left is never read as fresh.
    const { draftVersion } = (await stateOf(w.visitA))!
    await env.DB.prepare(
      'update clash_lists set checked_version = ?1 - 1, draft_version = ?1 where visit_id = ?2',
    )
      .bind(draftVersion, w.visitA)
      .run()
    const moved = await clashList(w)
    expect(moved.cost.rowsWritten).toBeGreaterThan(0)
    expect((await stateOf(w.visitA))?.checkedVersion).toBe(draftVersion)
  })

  it('answers a fresh list from its kept gzip: as is when the client takes gzip, inflated when not', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const added = await api(`/api/visits/${w.visitA}/items`, {
      cookie,
      body: {
        kind: 'talk',
        title: 'Praatje',
        date: '2027-06-12',
        start: '15:05',
        end: '15:20',
        venueId: w.venueA1,
      },
    })
    expect(added.status).toBe(201)
    const checked = await clashList(w)
    expect(checked.kinds).toContain('venue_double_booked')
    expect((await stateOf(w.visitA))?.answer).toMatch(/^[A-Za-z0-9+/]+=*$/)

    const plain = await api(`/api/visits/${w.visitA}/clashes`, { cookie })
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(plain.headers.get('content-type')).toBe('application/json')
    expect(await plain.json()).toEqual({ clashes: checked.clashes, counts: checked.counts })

    const gzip = await api(`/api/visits/${w.visitA}/clashes`, {
      cookie,
      headers: { 'accept-encoding': 'gzip' },
    })
    expect(gzip.status).toBe(200)
    expect(gzip.headers.get('vary')).toMatch(/accept-encoding/i)
    // However the test's fetch hands the body over, one inflate at most gives the JSON: never gzip twice.
    let bytes = new Uint8Array(await gzip.arrayBuffer())
    if (bytes[0] === 0x1f && bytes[1] === 0x8b)
      bytes = new Uint8Array(
        await new Response(
          new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')),
        ).arrayBuffer(),
      )
    expect(JSON.parse(new TextDecoder().decode(bytes))).toEqual({
      clashes: checked.clashes,
      counts: checked.counts,
    })

    // A list kept before the answer was (migration 0020) is answered from its rows, the same.
    await db.update(clashLists).set({ answer: null }).where(eq(clashLists.visitId, w.visitA))
    const fromRows = await clashList(w)
    expect(fromRows.cost).toMatchObject({ queries: 1, rowsWritten: 0 })
    expect(fromRows.clashes).toEqual(checked.clashes)
  })

  it('keeps each clash as the editor shows it, in ASCII, and reads a list kept before that from its rows', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    // A double booking at Welkom's venue and time, checked and stored by the editor: it reads what the check
    // needs after the miss, and stores the list (three round trips with the session's); then one.
    await db.insert(programmeItems).values({
      visitId: w.visitA,
      kind: 'talk',
      title: 'Praatje ‘met’ – tekens',
      startsAt: new Date('2027-06-12T13:05:00Z'),
      endsAt: new Date('2027-06-12T13:20:00Z'),
      venueId: w.venueA1,
    })
    const missed = await page(`/visits/${w.visitA}/programme`, cookie)
    expect(d1Cost(missed)).toMatchObject({ queries: 3 })
    expect(d1Cost(missed).rowsWritten).toBeGreaterThan(0)
    const shown = { nl: await missed.text(), en: '' }
    const hit = await page(`/visits/${w.visitA}/programme`, cookie)
    expect(d1Cost(hit)).toMatchObject({ queries: 1, rowsWritten: 0 })
    expect(await hit.text()).toBe(shown.nl)
    expect(shown.nl).toContain('is dubbel geboekt')
    expect(shown.nl).toContain('>Praatje ‘met’ – tekens</a>')
    shown.en = await (await page(`/visits/${w.visitA}/programme?lang=en`, cookie)).text()
    expect(shown.en).toContain('is double-booked')
    // The day's clashes are kept by this isolate for the checked version: a change shows at once.
    const second = crypto.randomUUID()
    await db.insert(programmeItems).values({
      id: second,
      visitId: w.visitA,
      kind: 'talk',
      title: 'Tweede praatje',
      startsAt: new Date('2027-06-12T13:10:00Z'),
      endsAt: new Date('2027-06-12T13:15:00Z'),
      venueId: w.venueA1,
    })
    const changed = await (await page(`/visits/${w.visitA}/programme`, cookie)).text()
    expect(changed).toContain('>Tweede praatje</a>')
    expect(changed.match(/<li class="clash /g)?.length).toBeGreaterThan(
      shown.nl.match(/<li class="clash /g)?.length ?? 0,
    )
    await db.delete(programmeItems).where(eq(programmeItems.id, second))
    expect(await (await page(`/visits/${w.visitA}/programme`, cookie)).text()).toBe(shown.nl)

    const { results } = await env.DB.prepare(
      'select body, view_nl, view_en from clash_list_items where visit_id = ?1 order by seq',
    )
      .bind(w.visitA)
      .all<{ body: string; view_nl: string; view_en: string }>()
    expect(results.length).toBeGreaterThan(0)
    for (const r of results) {
      const clash = JSON.parse(r.body) as Listed & { message: { nl: string; en: string } }
      for (const lang of ['nl', 'en'] as const) {
        const view = lang === 'nl' ? r.view_nl : r.view_en
        expect(/[\u0080-\uffff]/.test(view)).toBe(false)
        expect(JSON.parse(view)).toEqual([clash.kind, clash.message[lang], clash.itemIds, clash.titles])
      }
    }

    // Kept before migration 0022: no views; the page is the same, read from the bodies.
    await env.DB.prepare('update clash_list_items set view_nl = null, view_en = null where visit_id = ?1')
      .bind(w.visitA)
      .run()
    // Asked for by its date: a day this isolate has not kept the clashes of, so they are read.
    const clashSection = (html: string) =>
      /<section aria-labelledby="clashes"[\s\S]*?<\/section>/.exec(html)?.[0]
    const fromRows = await page(`/visits/${w.visitA}/programme?day=2027-06-12`, cookie)
    expect(d1Cost(fromRows)).toMatchObject({ queries: 1, rowsWritten: 0 })
    const fromRowsHtml = await fromRows.text()
    expect(clashSection(fromRowsHtml)).toContain('is dubbel geboekt')
    expect(clashSection(fromRowsHtml)).toBe(clashSection(shown.nl))
    const en = await (await page(`/visits/${w.visitA}/programme?day=2027-06-12&lang=en`, cookie)).text()
    expect(clashSection(en)).toBe(clashSection(shown.en))
  })

  it('is the team’s only: 404 for another team, 403 for a host', async () => {
    const w = await makeWorld()
    const other = await api(`/api/visits/${w.visitA}/clashes`, { cookie: w.person.outsider.cookie })
    expect(other.status).toBe(404)
    const host = await api(`/api/visits/${w.visitA}/clashes`, { cookie: w.person.host.cookie })
    expect(host.status).toBe(403)
    expect((await stateOf(w.visitA))?.checkedVersion).toBeNull()
  })
})

describe('the editor, a day at a time', () => {
  /** Visit A over three days, with an item on the second day that clashes with nothing. */
  async function threeDays(w: World) {
    await db.update(visits).set({ endDate: '2027-06-14' }).where(eq(visits.id, w.visitA))
    const res = await api(`/api/visits/${w.visitA}/items`, {
      cookie: w.person.organiser.cookie,
      body: {
        kind: 'tour',
        title: 'Dag twee',
        date: '2027-06-13',
        start: '10:00',
        end: '11:00',
        venueId: w.venueA1,
      },
    })
    expect(res.status).toBe(201)
  }

  it('opens on the first day when today is not in the visit, links every day, and shows one day', async () => {
    const w = await makeWorld()
    await threeDays(w)
    const cookie = w.person.organiser.cookie
    const html = await (await page(`/visits/${w.visitA}/programme`, cookie)).text()
    expect(html).toContain('data-day="2027-06-12"')
    expect(html).toContain('Welkom')
    expect(html).not.toContain('Dag twee')
    for (const day of ['2027-06-12', '2027-06-13', '2027-06-14'])
      expect(html).toContain(`href="/visits/${w.visitA}/programme?day=${day}"`)
    expect(html).toMatch(/programme\?day=2027-06-12" aria-current="page"/)
    const second = await (await page(`/visits/${w.visitA}/programme?day=2027-06-13`, cookie)).text()
    expect(second).toContain('Dag twee')
    expect(second).not.toContain('tl-title">Welkom<')
    // The form to add an item starts on the day shown.
    expect(second).toContain('name="date" type="date" value="2027-06-13"')
    // The list view of a day keeps the day; an empty day says so.
    const list = await (await page(`/visits/${w.visitA}/programme?day=2027-06-13&view=list`, cookie)).text()
    expect(list).toContain('<table class="programme-list">')
    expect(list).toContain('Dag twee')
    expect(list).toContain(`href="/visits/${w.visitA}/programme?day=2027-06-14&amp;view=list"`)
    const empty = await (await page(`/visits/${w.visitA}/programme?day=2027-06-14`, cookie)).text()
    expect(empty).toContain('Op deze dag staat nog niets.')
    // A day that is not in the visit, or no date at all: the first day.
    for (const day of ['2031-01-01', 'gisteren']) {
      const res = await page(`/visits/${w.visitA}/programme?day=${day}`, cookie)
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('data-day="2027-06-12"')
    }
  })

  it('opens on today when the visit is on now', async () => {
    const w = await makeWorld()
    const today = utcToZoned(Date.now(), 'Europe/Amsterdam').date
    await db.delete(programmeItems).where(eq(programmeItems.visitId, w.visitA))
    await db
      .update(visits)
      .set({ startDate: today, endDate: nextDate(nextDate(today)) })
      .where(eq(visits.id, w.visitA))
    const res = await api(`/api/visits/${w.visitA}/items`, {
      cookie: w.person.organiser.cookie,
      body: { kind: 'tour', title: 'Vandaag', date: today, start: '10:00', end: '11:00' },
    })
    expect(res.status).toBe(201)
    const html = await (await page(`/visits/${w.visitA}/programme`, w.person.organiser.cookie)).text()
    expect(html).toContain(`data-day="${today}"`)
    expect(html).toContain('Vandaag')
  })

  it('lists the clashes of the day shown and links the days of the others', async () => {
    const w = await makeWorld()
    await threeDays(w)
    // A double booking on the second day.
    await api(`/api/visits/${w.visitA}/items`, {
      cookie: w.person.organiser.cookie,
      body: {
        kind: 'talk',
        title: 'Tegelijk',
        date: '2027-06-13',
        start: '10:30',
        end: '11:30',
        venueId: w.venueA1,
      },
    })
    const first = await (await page(`/visits/${w.visitA}/programme`, w.person.organiser.cookie)).text()
    expect(first).toContain('Conflicten (1)')
    expect(first).toContain('0 van de 1 op deze dag')
    expect(first).toContain(`href="/visits/${w.visitA}/programme?day=2027-06-13#clashes"`)
    const second = await (
      await page(`/visits/${w.visitA}/programme?day=2027-06-13`, w.person.organiser.cookie)
    ).text()
    expect(second).toContain('1 van de 1 op deze dag')
    expect(second).toContain('is dubbel geboekt')
    expect(second).toMatch(/class="tl-item [^"]*has-clash[^"]*"[^>]*>[\s\S]*?Dag twee/)
  })

  it('puts items at the same time in one lane side by side, and splits a block for everyone that clashes', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    // Two more groups, whose lanes Welkom crosses without meeting anything.
    await db.insert(groups).values([
      { visitId: w.visitA, name: 'Groep B', position: 1 },
      { visitId: w.visitA, name: 'Groep C', position: 2 },
    ])
    // Two items for group A at once, and Welkom (for everyone) overlapping one of them.
    for (const [title, start, end] of [
      ['Links', '15:00', '16:00'],
      ['Rechts', '15:10', '15:40'],
    ] as const) {
      const res = await api(`/api/visits/${w.visitA}/items`, {
        cookie,
        body: { kind: 'tour', title, date: '2027-06-12', start, end, groupIds: [w.groupA] },
      })
      expect(res.status).toBe(201)
    }
    const html = await (await page(`/visits/${w.visitA}/programme?view=timeline`, cookie)).text()
    const place = (title: string) =>
      [
        ...html.matchAll(
          new RegExp(
            `class="tl-item [^"]*tl-cs-(\\d+) tl-cn-(\\d+)[^"]*"[^>]*><span class="tl-when">[^<]*</span> <span class="tl-title">${title}<`,
            'g',
          ),
        ),
      ].map((m) => [Number(m[1]), Number(m[2])])
    // Lanes: everyone (column 2), group A (three columns: Welkom, Links, Rechts side by side), B, C.
    expect(html).toContain('data-lane="everyone"')
    expect(html).toMatch(new RegExp(`tl-cs-3 tl-cn-3" data-lane="${w.groupA}"`))
    // Welkom is cut where it meets the others (everyone, group A) and stays whole over B and C.
    expect(place('Welkom')).toEqual([
      [2, 1],
      [3, 1],
      [6, 2],
    ])
    const columns = [...place('Welkom'), ...place('Links'), ...place('Rechts')]
      .filter(([c = 0]) => c >= 3 && c <= 5)
      .map(([c]) => c)
    expect(new Set(columns).size).toBe(columns.length)
    // The drinks (everyone, nothing else at the time) still run across all columns.
    expect(place('Hapje en drankje')).toEqual([[2, 6]])
  })
})

import { env } from 'cloudflare:test'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { groups, releases, rsvps, visits } from '../../../shared/db/schema'
import {
  api,
  db,
  form,
  freshClient,
  latestMailTo,
  mailedToken,
  page,
} from '../../../test/integration/helpers'
import { makeWorld, type World } from '../../../test/integration/world'
import { openCall, submission, submit } from '../talks/talks.fixtures.matrix'

type Json = Record<string, unknown>

const guest = (w: World, name: string) => `${name}-${w.teamA.slice(0, 8)}@example.nl`

async function registered(w: World, email: string, partySize: number, extra: Json = {}) {
  const res = await api(`/api/public/visits/${w.slugA}/rsvps`, {
    body: { name: email.split('-')[0], email, partySize, ...extra },
    headers: { 'cf-connecting-ip': freshClient() },
  })
  expect(res.status, await res.clone().text()).toBe(202)
  return ((await res.json()) as { status: string }).status
}

const statusOf = async (email: string) =>
  (await db.select({ status: rsvps.status }).from(rsvps).where(eq(rsvps.email, email)))[0]?.status

const organiser = (w: World) => ({ cookie: w.person.organiser.cookie })
const organiserCookie = (w: World) => w.person.organiser.cookie

/**
 * The world's visit published with two groups: everyone meets in ‘Tuin A1’ (40 places) at 15:00, then group
 * A alone is in ‘Buurthuis A2’ (6 places) 16:00–17:00 (Amsterdam summer time). The company has one member,
 * the mayor, in group A. No maximum is set.
 */
async function tour(w: World) {
  const groupB = crypto.randomUUID()
  await db.insert(groups).values({ id: groupB, visitId: w.visitA, name: 'Groep B' })
  const venue = (id: string, name: string, capacity: number) => ({
    id,
    name,
    kind: 'garden',
    address: '',
    lat: null,
    lng: null,
    capacity,
    stepFree: null,
    toilet: null,
    shelter: null,
    notes: '',
    rainVenueId: null,
  })
  const item = (
    id: string,
    title: string,
    venueId: string,
    from: string,
    to: string,
    groupIds: string[],
  ) => ({
    id,
    title,
    kind: 'talk',
    start: Date.parse(`2027-06-12T${from}:00Z`),
    end: Date.parse(`2027-06-12T${to}:00Z`),
    venueId,
    venueName: null,
    groupIds,
    cancelled: false,
    description: '',
    legMode: 'walk',
    departurePlace: null,
    arrivalPlace: null,
    sequence: 0,
    speakers: [],
  })
  const [release] = await db.select().from(releases).where(eq(releases.id, w.releaseA))
  const snapshot = JSON.parse(release!.snapshot)
  snapshot.venues = [venue(w.venueA1, 'Tuin A1', 40), venue(w.venueA2, 'Buurthuis A2', 6)]
  snapshot.groups = [
    { id: w.groupA, name: 'Groep A' },
    { id: groupB, name: 'Groep B' },
  ]
  snapshot.items = [
    item('welkom', 'Welkom', w.venueA1, '13:00', '13:30', []),
    item('keuken', 'In de keuken', w.venueA2, '14:00', '15:00', [w.groupA]),
  ]
  await db
    .update(releases)
    .set({ snapshot: JSON.stringify(snapshot) })
    .where(eq(releases.id, w.releaseA))
  return { groupA: w.groupA, groupB }
}

describe('capacity per place and time', () => {
  it("compares a guest's venue with the people there, not the visit's total; a party that fits is not held back", async () => {
    const w = await makeWorld()
    const { groupA, groupB } = await tour(w)
    // Ten guests of group B: the garden holds them and the mayor.
    expect(await registered(w, guest(w, 'bea'), 10, { groupIds: [groupB] })).toBe('confirmed')
    // Group A's kitchen holds 6: the mayor and these 4. The visit's 10 others are elsewhere then.
    expect(await registered(w, guest(w, 'arie'), 4, { groupIds: [groupA] })).toBe('confirmed')
    // Two more of A do not fit the kitchen; a party of the whole company behind them does fit.
    expect(await registered(w, guest(w, 'anton'), 2, { groupIds: [groupA] })).toBe('waitlisted')
    expect(await registered(w, guest(w, 'cor'), 3)).toBe('confirmed')
    expect(await registered(w, guest(w, 'ab'), 1, { groupIds: [groupA] })).toBe('confirmed')

    // The waiting guest is told which place is full, and when.
    const antonLink = await mailedToken(guest(w, 'anton'), '/r')
    const own = await (await page(`/r/${antonLink}`)).text()
    expect(own).toContain('‘Buurthuis A2’ om 16:00–17:00 is vol')

    // The organisers see the limit that applies although no maximum is set, and who waits and why.
    const list = await (await page(`/visits/${w.visitA}/rsvps`, organiserCookie(w))).text()
    expect(list).toContain('Er is geen maximum ingesteld, maar ‘Tuin A1’ heeft om 15:00–15:30 plaats voor 40')
    expect(list).toContain('Wie met Groep A meegaat: plek voor 5 gasten, door ‘Buurthuis A2’')
    expect(list).toMatch(/anton \(2 personen\)<\/strong>: ‘Buurthuis A2’ om 16:00–17:00 is vol/)
    const totals = (await (await api(`/api/visits/${w.visitA}/rsvp-totals`, organiser(w))).json()) as Json
    expect(totals.limit).toMatchObject({ limit: 39, place: { venue: 'Tuin A1', capacity: 40, members: 1 } })

    // Arie comes with one fewer: the kitchen still has room for one only (the mayor, Arie's 3, Ab). When Arie
    // cancels, Anton's two move up, in the same request.
    const arie = await mailedToken(guest(w, 'arie'), '/r')
    const smaller = await form(`/r/${arie}`, { version: '1', partySize: '3', groupIds: groupA })
    expect(smaller.status, await smaller.clone().text()).toBe(303)
    expect(await statusOf(guest(w, 'anton'))).toBe('waitlisted')
    const cancelled = await form(`/r/${arie}/cancel`, { confirm: 'yes' })
    expect(cancelled.status).toBe(303)
    expect(await statusOf(guest(w, 'anton'))).toBe('confirmed')
    expect((await latestMailTo(guest(w, 'anton')))?.kind).toBe('rsvp_promoted')
  })

  it('gives the place of a company member who is removed, or moves group, to the first guest waiting', async () => {
    const w = await makeWorld()
    const { groupA, groupB } = await tour(w)
    // The kitchen (6) holds the mayor and Arie's five; Anton waits.
    expect(await registered(w, guest(w, 'arie'), 5, { groupIds: [groupA] })).toBe('confirmed')
    expect(await registered(w, guest(w, 'anton'), 1, { groupIds: [groupA] })).toBe('waitlisted')
    expect(await registered(w, guest(w, 'arend'), 1, { groupIds: [groupA] })).toBe('waitlisted')
    const company = (await (await api(`/api/visits/${w.visitA}/participants`, organiser(w))).json()) as {
      participants: { id: string; version: number; groupId: string | null }[]
    }
    const [mayor] = company.participants.filter((p) => p.groupId === groupA)
    expect(mayor).toBeDefined()
    // The mayor goes with group B: one place in the kitchen, for the first who waits.
    const moved = await api(`/api/participants/${mayor?.id}`, {
      method: 'PATCH',
      ...organiser(w),
      body: { version: mayor?.version, groupId: groupB },
    })
    expect(moved.status, await moved.clone().text()).toBe(200)
    expect(await statusOf(guest(w, 'anton'))).toBe('confirmed')
    expect((await latestMailTo(guest(w, 'anton')))?.kind).toBe('rsvp_promoted')
    expect(await statusOf(guest(w, 'arend'))).toBe('waitlisted')

    // Elsewhere, the mayor is taken off the company: the place goes to the first who waits.
    const v = await makeWorld()
    await tour(v)
    expect(await registered(v, guest(v, 'bram'), 5, { groupIds: [v.groupA] })).toBe('confirmed')
    expect(await registered(v, guest(v, 'bert'), 1, { groupIds: [v.groupA] })).toBe('waitlisted')
    const [member] = (
      (await (await api(`/api/visits/${v.visitA}/participants`, organiser(v))).json()) as {
        participants: { id: string }[]
      }
    ).participants
    const removed = await api(`/api/participants/${member?.id}`, { method: 'DELETE', ...organiser(v) })
    expect(removed.status).toBe(204)
    expect(await statusOf(guest(v, 'bert'))).toBe('confirmed')
    expect((await latestMailTo(guest(v, 'bert')))?.kind).toBe('rsvp_promoted')
  })

  it('shows the guest the limit on the form when a venue limits and no maximum is set', async () => {
    const w = await makeWorld()
    await tour(w)
    const text = await (await page(`/v/${w.slugA}/rsvp`)).text()
    expect(text).toContain(
      'Er is plek voor 39 gasten: ‘Tuin A1’ heeft om 15:00–15:30 plaats voor 40 personen',
    )
    // A guest of group A learns that the group's own place is smaller.
    expect(text).toContain('Wie met Groep A meegaat: plek voor 5 gasten, door ‘Buurthuis A2’ om 16:00–17:00')
    const en = await (await page(`/v/${w.slugA}/rsvp?lang=en`)).text()
    expect(en).toContain('There is room for 39 guests: ‘Tuin A1’ holds 40 people at 15:00–15:30')
  })
})

describe("a guest's private link", () => {
  it('survives a promotion in the same request as their own change', async () => {
    const w = await makeWorld()
    await db.update(visits).set({ rsvpCapacity: 3 }).where(eq(visits.id, w.visitA))
    expect(await registered(w, guest(w, 'anna'), 2)).toBe('confirmed')
    expect(await registered(w, guest(w, 'bert'), 2)).toBe('waitlisted')
    const bert = await mailedToken(guest(w, 'bert'), '/r')
    // Bert comes alone: that fits, so he moves up in the same request, and his link keeps working.
    const changed = await form(`/r/${bert}`, { version: '1', partySize: '1' })
    expect(changed.status, await changed.clone().text()).toBe(303)
    expect(changed.headers.get('location')).toBe(`/r/${bert}?saved=1`)
    const after = await page(`/r/${bert}?saved=1`)
    expect(after.status).toBe(200)
    const text = await after.text()
    expect(text).toContain('Je wijzigingen zijn opgeslagen')
    expect(text).toContain('Aangemeld')
    expect(await statusOf(guest(w, 'bert'))).toBe('confirmed')
    // The promotion mail offers a renewal, which replaces the link only when Bert uses it.
    const mail = await latestMailTo(guest(w, 'bert'))
    expect(mail?.kind).toBe('rsvp_promoted')
    const renewal = /\/r\/renew\/([A-Za-z0-9._-]+)/.exec(mail?.text ?? '')?.[1]
    expect(renewal).toBeDefined()
    expect((await page(`/r/${bert}`)).status).toBe(200)
    const renewed = await form(`/r/renew/${renewal}`, {})
    expect(renewed.status).toBe(303)
    expect((await page(`/r/${bert}`)).status).toBe(404)
    expect((await page(renewed.headers.get('location') ?? '')).status).toBe(200)
  })
})

describe('after the visit', () => {
  const ended = (w: World) =>
    db.update(visits).set({ startDate: '2017-09-19', endDate: '2017-09-19' }).where(eq(visits.id, w.visitA))
  const count = async (table: string, visitId: string) =>
    (
      await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE visit_id = ?`)
        .bind(visitId)
        .first<{ n: number }>()
    )?.n

  it('takes no registrations: the form says so, a post is 422 with the reason, nothing is saved', async () => {
    const w = await makeWorld()
    await ended(w)
    const shown = await (await page(`/v/${w.slugA}/rsvp`)).text()
    expect(shown).toContain('Dit bezoek is voorbij. Aanmelden kan niet meer')
    const posted = await form(`/v/${w.slugA}/rsvp`, { name: 'Laat', email: guest(w, 'laat'), partySize: '1' })
    expect(posted.status).toBe(422)
    expect(await posted.text()).toContain('Aanmelden kan niet meer; er is niets opgeslagen')
    const res = await api(`/api/public/visits/${w.slugA}/rsvps`, {
      body: { name: 'Laat', email: guest(w, 'laat2'), partySize: 1 },
      headers: { 'cf-connecting-ip': freshClient() },
    })
    expect(res.status).toBe(422)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(((await res.json()) as Json).detail).toContain('has ended')
    expect(await count('rsvps', w.visitA)).toBe(0)
    expect(await latestMailTo(guest(w, 'laat'))).toBeNull()
  })

  it('takes no talks either, whatever the deadline says (422, nothing saved)', async () => {
    const w = await makeWorld()
    await openCall(w)
    await ended(w)
    const res = await submit(w, submission(w, 'laat'))
    expect(res.status).toBe(422)
    expect(await count('talks', w.visitA)).toBe(0)
  })

  it('an archived visit can be restored, and then takes registrations again while not over', async () => {
    const w = await makeWorld()
    expect((await form(`/visits/${w.visitA}/archive`, { confirm: 'yes' }, organiser(w))).status).toBe(303)
    const archived = await (await page(`/visits/${w.visitA}`, organiserCookie(w))).text()
    expect(archived).toContain('Bezoek terugzetten')
    expect(await (await page(`/v/${w.slugA}/rsvp`)).text()).toContain('gearchiveerd')
    expect((await form(`/visits/${w.visitA}/restore`, {}, organiser(w))).status).toBe(303)
    const [row] = await db.select({ status: visits.status }).from(visits).where(eq(visits.id, w.visitA))
    expect(row?.status).toBe('published')
    expect(await registered(w, guest(w, 'terug'), 1)).toBe('confirmed')
    // Restoring what is not archived is a clear 409.
    expect((await api(`/api/visits/${w.visitA}/restore`, { ...organiser(w), body: {} })).status).toBe(409)
  })
})

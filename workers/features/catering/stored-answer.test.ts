import { env } from 'cloudflare:test'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import {
  cateringAnswers,
  cateringContributions,
  cateringProviders,
  cateringTeamPresence,
  participants,
  people,
  programmeItems,
  speakers,
  talkSpeakers,
  talks,
  venues,
  visitRoles,
} from '../../../shared/db/schema'
import { api, d1Cost, db, page } from '../../../test/integration/helpers'
import { makeWorld, type World } from '../../../test/integration/world'
import { cateringSetup } from './catering.fixtures.matrix'

type Count = { persons: number; company: number; team: number; speakers: number; countedOnce: number }
type Order = {
  id: string
  count: Count
  provider: { name: string } | null
  item: { title: string } | null
  venue: { name: string } | null
  contributions: { description: string }[]
}

const organiser = (w: World) => w.person.organiser.cookie

/** The team's catering as the API answers it now (the overview's own read). */
async function catering(w: World) {
  const res = await api(`/api/visits/${w.visitA}/catering`, { cookie: organiser(w) })
  expect(res.status, await res.clone().text()).toBe(200)
  const { orders } = (await res.json()) as { orders: Order[] }
  return (id: string) => orders.find((o) => o.id === id) as Order
}

/** The catering overview page's HTML for the organiser. */
const overview = async (w: World) => (await page(`/visits/${w.visitA}/catering`, organiser(w))).text()

const storedDocument = async (visitId: string) =>
  (await db.select().from(cateringAnswers).where(eq(cateringAnswers.visitId, visitId)))[0]?.document ?? null

describe('the catering answer stored per visit (migration 0019)', () => {
  it('is read as stored while nothing changes: 1 round trip with the session, nothing written', async () => {
    const w = await makeWorld()
    await cateringSetup(w)
    // The first read after a change works the answer out and stores it: one round trip more, one row.
    const first = await page(`/visits/${w.visitA}/catering`, organiser(w))
    expect(d1Cost(first)).toMatchObject({ queries: 2, rowsWritten: 1 })
    const again = await page(`/visits/${w.visitA}/catering`, organiser(w))
    expect(d1Cost(again)).toMatchObject({ queries: 1, rowsWritten: 0 })
    expect(await again.text()).toBe(await first.text())
  })

  it('moves with every source, whichever feature writes it: speakers, company, team, places, parts, people', async () => {
    const w = await makeWorld()
    const m = await cateringSetup(w)
    let order = await catering(w)
    expect(order(m.borrelOrder).count).toMatchObject({ persons: 11, company: 1, team: 1, speakers: 0 })
    expect(await storedDocument(w.visitA)).not.toBeNull()

    // A speaker with a confirmed talk at the borrel counts once they confirm (talk_speakers.confirmed_at).
    const speakerId = crypto.randomUUID()
    const talkId = crypto.randomUUID()
    await db.batch([
      db.insert(speakers).values({
        id: speakerId,
        visitId: w.visitA,
        name: 'Spreker',
        email: `spreker-${w.teamA.slice(0, 8)}@example.nl`,
      }),
      db.insert(talks).values({
        id: talkId,
        visitId: w.visitA,
        title: 'Praatje',
        durationMinutes: 10,
        state: 'confirmed',
        itemId: m.borrel,
      }),
      db.insert(talkSpeakers).values({ talkId, speakerId, tokenHash: crypto.randomUUID() }),
    ])
    expect((await catering(w))(m.borrelOrder).count.speakers).toBe(0)
    await db.update(talkSpeakers).set({ confirmedAt: new Date() }).where(eq(talkSpeakers.talkId, talkId))
    // Any change forgets the stored document at once (it is personal data only as long as its sources).
    expect(await storedDocument(w.visitA)).toBeNull()
    expect((await catering(w))(m.borrelOrder).count).toMatchObject({ persons: 12, speakers: 1 })

    // A company member added.
    await db.insert(participants).values({ visitId: w.visitA, name: 'Wethouder', groupId: null })
    expect((await catering(w))(m.borrelOrder).count).toMatchObject({ persons: 13, company: 2 })

    // A team member marked present, then not.
    await db
      .insert(cateringTeamPresence)
      .values({ visitId: w.visitA, personId: w.person.viewer.id, groupId: null })
    expect((await catering(w))(m.borrelOrder).count).toMatchObject({ persons: 14, team: 2 })
    await db.delete(cateringTeamPresence).where(eq(cateringTeamPresence.personId, w.person.viewer.id))
    expect((await catering(w))(m.borrelOrder).count).toMatchObject({ persons: 13, team: 1 })

    // The item renamed, its place renamed (places belong to the team), a provider renamed, a part added.
    await db.update(programmeItems).set({ title: 'Tuinborrel' }).where(eq(programmeItems.id, m.borrel))
    await db.update(venues).set({ name: 'De Tuin' }).where(eq(venues.id, w.venueA1))
    await db.update(cateringProviders).set({ name: 'Kok' }).where(eq(cateringProviders.id, m.caterer))
    await db
      .insert(cateringContributions)
      .values({ orderId: m.borrelOrder, description: 'ijsblokjes', quantity: 1 })
    order = await catering(w)
    expect(order(m.borrelOrder).item?.title).toBe('Tuinborrel')
    expect(order(m.borrelOrder).venue?.name).toBe('De Tuin')
    expect(order(m.borrelOrder).provider?.name).toBe('Kok')
    expect(order(m.borrelOrder).contributions.map((c) => c.description)).toContain('ijsblokjes')

    // A member's new name (people), and a new host of the visit, on the overview page.
    expect(await overview(w)).not.toContain('Nieuwe Naam')
    await db.update(people).set({ name: 'Nieuwe Naam' }).where(eq(people.id, w.person.viewer.id))
    expect(await overview(w)).toContain('Nieuwe Naam')
    const hostId = crypto.randomUUID()
    await db.batch([
      db
        .insert(people)
        .values({ id: hostId, email: `gastvrouw-${w.teamA.slice(0, 8)}@example.nl`, name: 'Gastvrouw Els' }),
      db.insert(visitRoles).values({ visitId: w.visitA, personId: hostId, role: 'host', venueId: w.venueA2 }),
    ])
    expect(await overview(w)).toContain('Gastvrouw Els')
  })

  it('is made again when its row is missing', async () => {
    const w = await makeWorld()
    const m = await cateringSetup(w)
    await env.DB.prepare('DELETE FROM catering_answers WHERE visit_id = ?').bind(w.visitA).run()
    expect((await catering(w))(m.borrelOrder).count.persons).toBe(11)
    expect(await storedDocument(w.visitA)).not.toBeNull()
  })
})

import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { programmeItems, venues } from '../../../shared/db/schema'
import { api, db } from '../../../test/integration/helpers'
import { cookieOf, makeWorld } from '../../../test/integration/world'

type Created = {
  item: { id: string }
  clashes: { kind: string; itemIds: string[]; message: { nl: string; en: string } }[]
}

describe('a train into an item', () => {
  it('is checked against the departure and arrival entered, not as a 447-minute bus ride', async () => {
    const w = await makeWorld()
    const cookie = cookieOf(w, 'organiser')
    // Amsterdam and Eindhoven, about 111 km apart.
    await db.update(venues).set({ lat: 52.3791, lng: 4.9003 }).where(eq(venues.id, w.venueA1))
    await db.update(venues).set({ lat: 51.4433, lng: 5.4814 }).where(eq(venues.id, w.venueA2))
    const morning = await api(`/api/visits/${w.visitA}/items`, {
      method: 'POST',
      body: {
        kind: 'tour',
        title: 'Ochtend',
        date: '2027-06-12',
        start: '08:00',
        end: '10:30',
        venueId: w.venueA1,
      },
      cookie,
    })
    expect(morning.status).toBe(201)
    const afternoon = {
      kind: 'tour',
      title: 'Middag',
      date: '2027-06-12',
      start: '12:15',
      end: '14:00',
      venueId: w.venueA2,
      legMode: 'train',
    }
    const untimed = await api(`/api/visits/${w.visitA}/items`, { method: 'POST', body: afternoon, cookie })
    expect(untimed.status).toBe(201)
    const first = (await untimed.json()) as Created
    // The leg into 'Middag' (from 'Ochtend'); the world's own later items may clash on their own legs.
    const into = (c: Created, id: string) =>
      c.clashes.filter((x) => x.itemIds[1] === id && ['walk_too_long', 'leg_off_timetable'].includes(x.kind))
    expect(into(first, first.item.id)).toEqual([])
    // The same afternoon again, now with the train's times entered.
    await db.delete(programmeItems).where(eq(programmeItems.id, first.item.id))

    const late = await api(`/api/visits/${w.visitA}/items`, {
      method: 'POST',
      body: { ...afternoon, title: 'Middag 2', legDeparts: '10:52', legArrives: '12:35' },
      cookie,
    })
    expect(late.status).toBe(201)
    const second = (await late.json()) as Created
    expect(into(second, second.item.id).map((c) => c.kind)).toEqual(['leg_off_timetable'])
    const [row] = await db.select().from(programmeItems).where(eq(programmeItems.id, second.item.id))
    // 10:52 and 12:35 in Amsterdam summer time.
    expect(row?.legDepartsAt?.toISOString()).toBe('2027-06-12T08:52:00.000Z')
    expect(row?.legArrivesAt?.toISOString()).toBe('2027-06-12T10:35:00.000Z')

    const bad = await api(`/api/visits/${w.visitA}/items`, {
      method: 'POST',
      body: { ...afternoon, title: 'Middag 3', legDeparts: '25:00' },
      cookie,
    })
    expect(bad.status).toBe(422)
  })
})

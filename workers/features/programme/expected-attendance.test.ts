import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { rsvps, venues } from '../../../shared/db/schema'
import { api, db, form, page } from '../../../test/integration/helpers'
import { makeWorld } from '../../../test/integration/world'

type Clash = { kind: string; message: { nl: string; en: string }; details: Record<string, number> }

describe("an item's expected attendance", () => {
  it('is derived from its groups (company members and confirmed guests), can be set, and the clash says which', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    await db.update(venues).set({ capacity: 8 }).where(eq(venues.id, w.venueA2))
    // Group A: the mayor, and ten confirmed guests who go with the group.
    await db.insert(rsvps).values({
      visitId: w.visitA,
      name: 'Buurtgroep',
      email: `groep-${w.teamA.slice(0, 8)}@example.nl`,
      partySize: 10,
      groupIds: JSON.stringify([w.groupA]),
      status: 'confirmed',
      tokenHash: `hash-${crypto.randomUUID()}`,
    })
    const created = await api(`/api/visits/${w.visitA}/items`, {
      cookie,
      body: {
        kind: 'discussion',
        title: 'Gesprek',
        date: '2027-06-12',
        start: '17:00',
        end: '17:30',
        venueId: w.venueA2,
        groupIds: [w.groupA],
      },
    })
    expect(created.status, await created.clone().text()).toBe(201)
    const { item, clashes } = (await created.json()) as { item: { id: string }; clashes: Clash[] }
    const [over] = clashes.filter((c) => c.kind === 'over_capacity')
    expect(over?.details).toMatchObject({ attendance: 11, capacity: 8, members: 1, guests: 10 })
    expect(over?.message.nl).toContain('(1 van het gezelschap en 10 aangemelde gasten van ‘Groep A’)')

    // The organiser knows better: six will come. No clash then, and the form shows the number.
    const set = await form(`/items/${item.id}`, { version: '1', expectedAttendance: '6' }, { cookie })
    expect(set.status, await set.clone().text()).toBe(303)
    const after = (await (await api(`/api/items/${item.id}`, { cookie })).json()) as { clashes: Clash[] }
    expect(after.clashes.filter((c) => c.kind === 'over_capacity')).toEqual([])
    const edit = await (await page(`/items/${item.id}`, cookie)).text()
    expect(edit).toMatch(/name="expectedAttendance"[^>]*value="6"|value="6"[^>]*name="expectedAttendance"/)

    // A number that is not a count is refused with a clear message, and nothing changes.
    const bad = await form(`/items/${item.id}`, { version: '2', expectedAttendance: '-3' }, { cookie })
    expect(bad.status).toBe(422)
    const badApi = await api(`/api/items/${item.id}`, {
      cookie,
      method: 'PATCH',
      body: { version: 2, expectedAttendance: 2.5 },
    })
    expect(badApi.status).toBe(422)
    const same = (await (await api(`/api/items/${item.id}`, { cookie })).json()) as {
      item: { expectedAttendance: number; version: number }
    }
    expect(same.item).toMatchObject({ expectedAttendance: 6, version: 2 })
  })
})

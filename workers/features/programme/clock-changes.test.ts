import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { programmeItems, visits } from '../../../shared/db/schema'
import { api, db, form } from '../../../test/integration/helpers'
import { cookieOf, makeWorld } from '../../../test/integration/world'

/** Visit A moved to a stretch of 2027 with both clock changes in Amsterdam (28 March and 31 October). */
async function worldAcrossClockChanges() {
  const w = await makeWorld()
  await db
    .update(visits)
    .set({ startDate: '2027-03-27', endDate: '2027-10-31' })
    .where(eq(visits.id, w.visitA))
  return w
}

const itemsTitled = (visitId: string, title: string) =>
  db
    .select()
    .from(programmeItems)
    .where(eq(programmeItems.visitId, visitId))
    .then((rows) => rows.filter((r) => r.title === title))

describe('times at the clock changes are never moved silently', () => {
  it('the API refuses 02:30 on the day summer time starts with a 422 naming the gap, and saves nothing', async () => {
    const w = await worldAcrossClockChanges()
    const res = await api(`/api/visits/${w.visitA}/items`, {
      method: 'POST',
      body: { kind: 'walk', title: 'Nachtwandeling', date: '2027-03-28', start: '02:30', end: '04:00' },
      cookie: cookieOf(w, 'organiser'),
    })
    expect(res.status).toBe(422)
    const body = (await res.json()) as { errors: { field: string; message: string }[] }
    expect(body.errors).toEqual([{ field: 'start', message: expect.stringContaining('02:00') }])
    expect(body.errors[0]?.message).toContain('03:00')
    expect(await itemsTitled(w.visitA, 'Nachtwandeling')).toEqual([])
  })

  it('the form asks which 02:30 of the autumn night is meant, and saves the one chosen', async () => {
    const w = await worldAcrossClockChanges()
    const cookie = cookieOf(w, 'organiser')
    const fields = { kind: 'walk', title: 'Herfstnacht', date: '2027-10-31', start: '02:30', end: '03:30' }
    const asked = await form(`/visits/${w.visitA}/items`, fields, { cookie })
    expect(asked.status).toBe(422)
    const html = await asked.text()
    expect(html).toContain('name="startFold"')
    expect(html).toContain('UTC+02:00')
    expect(html).toContain('UTC+01:00')
    expect(await itemsTitled(w.visitA, 'Herfstnacht')).toEqual([])

    const saved = await form(`/visits/${w.visitA}/items`, { ...fields, startFold: 'later' }, { cookie })
    expect(saved.status).toBe(303)
    const [item] = await itemsTitled(w.visitA, 'Herfstnacht')
    // The second 02:30 is winter time (UTC+1): 01:30 UTC; 03:30 happens once, at 02:30 UTC.
    expect(item?.startsAt.toISOString()).toBe('2027-10-31T01:30:00.000Z')
    expect(item?.endsAt.toISOString()).toBe('2027-10-31T02:30:00.000Z')
  })
})

describe('time zone names', () => {
  it('are stored in their IANA spelling, and an unknown one is a 422', async () => {
    const w = await makeWorld()
    const cookie = cookieOf(w, 'organiser')
    const visit = { kind: 'other', title: 'Zomerbezoek', startDate: '2027-07-01', endDate: '2027-07-01' }
    const created = await api(`/api/teams/${w.teamA}/visits`, {
      method: 'POST',
      body: { ...visit, timeZone: 'europe/amsterdam' },
      cookie,
    })
    expect(created.status).toBe(201)
    const { id } = (await created.json()) as { id: string }
    const [row] = await db.select({ timeZone: visits.timeZone }).from(visits).where(eq(visits.id, id))
    expect(row?.timeZone).toBe('Europe/Amsterdam')

    const unknown = await api(`/api/teams/${w.teamA}/visits`, {
      method: 'POST',
      body: { ...visit, title: 'Marsbezoek', timeZone: 'Mars/Olympus_Mons' },
      cookie,
    })
    expect(unknown.status).toBe(422)
    const body = (await unknown.json()) as { errors: { field: string }[] }
    expect(body.errors.map((e) => e.field)).toEqual(['timeZone'])
  })
})

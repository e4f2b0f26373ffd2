import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { venues } from '../../../shared/db/schema'
import { db, form } from '../../../test/integration/helpers'
import { makeWorld } from '../../../test/integration/world'

describe('a venue from a pasted map link', () => {
  it('takes the coordinates from the link', async () => {
    const w = await makeWorld()
    const res = await form(
      `/teams/${w.teamA}/venues`,
      {
        name: 'Tuin De Wit',
        kind: 'garden',
        mapLink: 'https://www.openstreetmap.org/#map=18/52.15120/4.49600',
      },
      { cookie: w.person.organiser.cookie },
    )
    expect(res.status).toBe(303)
    const id = (res.headers.get('location') ?? '').replace('/venues/', '')
    const [venue] = await db.select().from(venues).where(eq(venues.id, id))
    expect([venue?.lat, venue?.lng]).toEqual([52.1512, 4.496])
  })

  it('refuses a link without coordinates at its field, keeps the form as typed, saves nothing', async () => {
    const w = await makeWorld()
    const before = (await db.select().from(venues).where(eq(venues.teamId, w.teamA))).length
    for (const [link, says] of [
      ['https://www.openstreetmap.org/', 'In deze link staan geen coördinaten.'],
      ['https://maps.app.goo.gl/xyz', 'Dit is een verkorte link'],
    ] as const) {
      const res = await form(
        `/teams/${w.teamA}/venues`,
        { name: 'Buurthuis Zuid', kind: 'community_centre', mapLink: link },
        { cookie: w.person.organiser.cookie },
      )
      expect(res.status).toBe(422)
      const html = await res.text()
      expect(html).toContain('id="field-mapLink-error"')
      expect(html).toContain(says)
      expect(html).toContain('Kaartlink: ')
      expect(html).toContain('value="Buurthuis Zuid"')
      expect(html).toContain(`value="${link}"`)
    }
    expect((await db.select().from(venues).where(eq(venues.teamId, w.teamA))).length).toBe(before)
  })
})

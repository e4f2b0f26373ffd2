import { env } from 'cloudflare:test'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { hostOffers, teams, venues } from '../../../shared/db/schema'
import { db, form, ORIGIN, page, testContext } from '../../../test/integration/helpers'
import { makeWorld } from '../../../test/integration/world'
import { createApp } from '../../app'
import {
  breestraatAnswer,
  hangingFetch,
  nothingFound,
  recordedFetch,
} from '../../platform/address-lookup.test-fixture'
import { hashToken } from '../../platform/auth/tokens'

/** A form post to the app with the address lookup on, its outbound fetch replaced by `fetcher`. */
async function postWithLookup(
  path: string,
  fields: Record<string, string> | string[][],
  cookie: string,
  fetcher: typeof fetch,
) {
  const { ctx, settled } = testContext()
  const res = await createApp().request(
    `${ORIGIN}${path}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, cookie },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    },
    { ...env, ADDRESS_LOOKUP: 'pdok', ADDRESS_LOOKUP_FETCH: fetcher },
    ctx,
  )
  await settled()
  return res
}

const newVenue = { name: 'Buurthuis De Brug', kind: 'community_centre', address: 'Breestraat 117, Leiden' }
/** The checkbox as a browser sends it when ticked: its hidden "no", then "yes". */
const ticked = 'lookupAddress'

const venueCount = async (teamId: string) =>
  (await db.select().from(venues).where(eq(venues.teamId, teamId))).length

describe('coordinates from an address (PDOK), with a recorded answer', () => {
  it('looks the address up when asked, and saves the venue with its coordinates', async () => {
    const w = await makeWorld()
    const pdok = recordedFetch(breestraatAnswer)
    const res = await postWithLookup(
      `/teams/${w.teamA}/venues`,
      [...Object.entries(newVenue), [ticked, 'no'], [ticked, 'yes']],
      w.person.organiser.cookie,
      pdok.fetcher,
    )
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toMatch(/^\/venues\/[0-9a-f-]+\?done=located$/)
    const id = (res.headers.get('location') ?? '').replace(/^\/venues\/|\?.*$/g, '')
    const [venue] = await db.select().from(venues).where(eq(venues.id, id))
    expect([venue?.lat, venue?.lng]).toEqual([52.15829, 4.48687])
    expect(pdok.asked[0]?.searchParams.get('q')).toBe('Breestraat 117, Leiden')
    const shown = await (await page(`/venues/${id}?done=located`, w.person.organiser.cookie)).text()
    expect(shown).toContain('Opgeslagen, met de coördinaten van het adres.')
  })

  it('keeps typed coordinates and a map link over the lookup, and does not ask then', async () => {
    const w = await makeWorld()
    const pdok = recordedFetch(breestraatAnswer)
    const res = await postWithLookup(
      `/teams/${w.teamA}/venues`,
      { ...newVenue, [ticked]: 'yes', mapLink: 'https://www.openstreetmap.org/#map=18/52.10000/4.40000' },
      w.person.organiser.cookie,
      pdok.fetcher,
    )
    expect(res.status).toBe(303)
    expect(pdok.asked).toEqual([])
  })

  for (const [name, fetcher, says] of [
    [
      'an address the lookup cannot find',
      recordedFetch(nothingFound).fetcher,
      'Dit adres kunnen we niet vinden.',
    ],
    [
      'a lookup that answers an error',
      recordedFetch(() => new Response('', { status: 502 })).fetcher,
      'kon nu niet worden opgezocht',
    ],
    [
      'a lookup that times out',
      (async () => {
        throw new DOMException('The operation was aborted.', 'AbortError')
      }) as typeof fetch,
      'duurde te lang',
    ],
  ] as const) {
    it(`refuses ${name} at the address field, keeps the form as typed, saves nothing`, async () => {
      const w = await makeWorld()
      const before = await venueCount(w.teamA)
      const res = await postWithLookup(
        `/teams/${w.teamA}/venues`,
        { ...newVenue, [ticked]: 'yes', capacity: '25' },
        w.person.organiser.cookie,
        fetcher,
      )
      expect(res.status).toBe(422)
      const html = await res.text()
      expect(html).toContain('id="field-address-error"')
      expect(html).toContain(says)
      expect(html).toContain('value="Buurthuis De Brug"')
      expect(html).toContain('value="Breestraat 117, Leiden"')
      expect(html).toContain('value="25"')
      expect(html).toMatch(/id="field-lookupAddress"[^>]*checked/)
      expect(await venueCount(w.teamA)).toBe(before)
    })
  }

  it('gives up on a hanging service after its timeout instead of holding the form', async () => {
    const w = await makeWorld()
    const res = await postWithLookup(
      `/venues/${w.venueA1}`,
      { name: 'Tuin A1', kind: 'garden', address: 'Rozenlaan 3, Leiden', version: '1', [ticked]: 'yes' },
      w.person.organiser.cookie,
      hangingFetch,
    )
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('duurde te lang')
    const [venue] = await db.select().from(venues).where(eq(venues.id, w.venueA1))
    expect([venue?.address, venue?.lat]).toEqual(['', null])
  }, 15_000)

  it('is off by default: no box to tick, and a form that asks anyway is told so', async () => {
    const w = await makeWorld()
    const list = await (await page(`/teams/${w.teamA}/venues`, w.person.organiser.cookie)).text()
    expect(list).not.toContain('name="lookupAddress"')
    const res = await form(
      `/teams/${w.teamA}/venues`,
      { ...newVenue, [ticked]: 'yes' },
      { cookie: w.person.organiser.cookie },
    )
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('Adressen opzoeken kan hier niet.')
  })

  it('looks up a resident’s address on the host offer form too, and reads a pasted map link there', async () => {
    const w = await makeWorld()
    const token = 'a'.repeat(43)
    await db
      .update(teams)
      .set({ hostSignupTokenHash: await hashToken(token) })
      .where(eq(teams.id, w.teamA))
    const offer = {
      hostName: 'Els',
      hostEmail: `els-${w.teamA.slice(0, 8)}@example.nl`,
      venueName: 'Tuin van Els',
      venueKind: 'garden',
      address: 'Breestraat 117, Leiden',
    }
    const looked = await postWithLookup(
      `/host-offer/${token}`,
      { ...offer, [ticked]: 'yes' },
      '',
      recordedFetch(breestraatAnswer).fetcher,
    )
    expect(looked.status).toBe(200)
    const linked = await form(`/host-offer/${token}`, {
      ...offer,
      hostEmail: `els2-${w.teamA.slice(0, 8)}@example.nl`,
      mapLink: 'https://www.google.com/maps/@52.1601,4.4970,17z',
    })
    expect(linked.status).toBe(200)
    const rows = await db.select().from(hostOffers).where(eq(hostOffers.teamId, w.teamA))
    const coords = rows.filter((r) => r.hostName === 'Els').map((r) => [r.lat, r.lng])
    expect(coords).toEqual(
      expect.arrayContaining([
        [52.15829, 4.48687],
        [52.1601, 4.497],
      ]),
    )
  })
})

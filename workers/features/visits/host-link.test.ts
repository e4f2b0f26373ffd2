import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { hostOffers } from '../../../shared/db/schema'
import { db, form, ORIGIN, page } from '../../../test/integration/helpers'
import { makeWorld } from '../../../test/integration/world'

const linkIn = (html: string) => /\/host-offer\/([A-Za-z0-9_-]{43})/.exec(html)?.[1]

describe('the host sign-up link page', () => {
  it('posts, redirects, and shows the same working link on every reload', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const made = await form(`/teams/${w.teamA}/host-offers/link`, {}, { cookie })
    expect(made.status).toBe(303)
    const location = made.headers.get('location') ?? ''
    expect(location).toBe(`/teams/${w.teamA}/host-offers?done=link#signup-link`)

    const first = await page(location, cookie)
    expect(first.status).toBe(200)
    expect(first.headers.get('cache-control')).toBe('no-store')
    expect(first.headers.get('referrer-policy')).toBe('no-referrer')
    const html = await first.text()
    expect(html).toContain('Er is een nieuwe aanmeldlink gemaakt.')
    const token = linkIn(html)
    expect(token).toBeDefined()

    // A reload, and the page opened later without the notice: 200, the same link.
    const reload = await page(location, cookie)
    expect(reload.status).toBe(200)
    expect(linkIn(await reload.text())).toBe(token)
    const later = await (await page(`/teams/${w.teamA}/host-offers`, cookie)).text()
    expect(linkIn(later)).toBe(token)
    expect(later).not.toContain('Er is een nieuwe aanmeldlink gemaakt.')
    expect((await page(`/host-offer/${token}`)).status).toBe(200)

    // A viewer of the team sees no link; a new link replaces the shown one.
    expect(linkIn(await (await page(`/teams/${w.teamA}/host-offers`, w.person.viewer.cookie)).text())).toBe(
      undefined,
    )
    // (Another body than the first post: the same form sent twice within seconds counts as one submission.)
    const again = await form(`/teams/${w.teamA}/host-offers/link`, { again: 'yes' }, { cookie })
    expect(again.status).toBe(303)
    const replaced = linkIn(await (await page(`/teams/${w.teamA}/host-offers`, cookie)).text())
    expect(replaced).toBeDefined()
    expect(replaced).not.toBe(token)
    expect((await page(`/host-offer/${token}`)).status).toBe(404)
  })

  it('an accepted offer without coordinates says so on its venue page', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const made = await form(`/teams/${w.teamA}/host-offers/link`, {}, { cookie })
    const token = linkIn(await (await page(made.headers.get('location') ?? '', cookie)).text())
    const hostEmail = `kees-${w.teamA.slice(0, 8)}@example.nl`
    const sent = await form(
      `/host-offer/${token}`,
      {
        hostName: 'Kees Bakker',
        hostEmail,
        hostPhone: '',
        venueName: 'Schuur van Kees',
        venueKind: 'other',
        address: 'Dorpsstraat 1',
        lat: '',
        lng: '',
        capacity: '',
        stepFree: '',
      },
      { origin: ORIGIN },
    )
    expect(sent.status).toBe(200)
    // The visit to accept it for is chosen by a readable date, not an ISO one.
    const offers = await (await page(`/teams/${w.teamA}/host-offers`, cookie)).text()
    expect(offers).toContain('Schuur van Kees')
    expect(offers).not.toMatch(/<option[^>]*>[^<]*\(\d{4}-\d{2}-\d{2}\)<\/option>/)
    expect(offers).toMatch(/<option[^>]*>[^<]*\([a-z]+dag \d{1,2} [a-z]+ \d{4}\)<\/option>/)
    const [offer] = await db.select().from(hostOffers).where(eq(hostOffers.hostEmail, hostEmail))
    const accept = await form(
      `/teams/${w.teamA}/host-offers/${offer?.id}/accept`,
      { visitId: w.visitA },
      { cookie },
    )
    expect(accept.status).toBe(303)
    const html = await (await page(accept.headers.get('location') ?? '', cookie)).text()
    expect(html).toContain('Het aanbod is geaccepteerd')
    expect(html).toContain('Deze locatie heeft nog geen coördinaten.')
  })
})

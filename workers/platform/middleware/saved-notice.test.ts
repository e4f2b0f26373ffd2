import { describe, expect, it } from 'vitest'
import { rsvps } from '../../../shared/db/schema'
import { db, form, page } from '../../../test/integration/helpers'
import { makeWorld } from '../../../test/integration/world'

const SAVED = 'Je wijziging is opgeslagen.'
const flashOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith('__Host-rondgang_saved='))
    ?.split(';')[0]

describe('"saved" after a change on the team pages (post/redirect/get)', () => {
  it('says so once on the page the form leads to, and not again on reload', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const saved = await form('/account', { name: 'Olga Organisator' }, { cookie })
    expect(saved.status).toBe(303)
    const flash = flashOf(saved)
    expect(flash).toBe('__Host-rondgang_saved=1')
    expect(saved.headers.getSetCookie().join()).toMatch(/Max-Age=60.*HttpOnly|HttpOnly.*Max-Age=60/)

    const shown = await page('/account', `${cookie}; ${flash}`)
    const html = await shown.text()
    expect(html).toContain(`<p class="notice success saved-notice" role="status">${SAVED}</p>`)
    // Spent: the page clears it, and a page without it says nothing.
    expect(shown.headers.getSetCookie().join()).toMatch(/__Host-rondgang_saved=;.*Max-Age=0/)
    expect(await (await page('/account', cookie)).text()).not.toContain(SAVED)
  })

  it('says what was done after a form that takes something away, not "saved"', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const deleted = await form(`/items/${w.itemA1}/delete`, { version: '1', confirm: 'yes' }, { cookie })
    expect(deleted.status).toBe(303)
    const flash = flashOf(deleted)
    expect(flash).toBe('__Host-rondgang_saved=delete')
    const html = await (await page(deleted.headers.get('location') ?? '/', `${cookie}; ${flash}`)).text()
    expect(html).toContain('<p class="notice success saved-notice" role="status">Verwijderd.</p>')
    expect(html).not.toContain(SAVED)
    // A mark this code did not set reads as the plain "saved".
    const odd = await (await page('/account', `${cookie}; __Host-rondgang_saved=%3Cscript%3E`)).text()
    expect(odd).toContain(SAVED)
  })

  it('leaves it to pages that say something themselves, refused forms, strangers and public pages', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    // A refused form (422) leaves no mark.
    expect(flashOf(await form('/account', { name: 'x'.repeat(500) }, { cookie }))).toBeUndefined()
    // A page that asks first (200) neither.
    expect(flashOf(await form(`/items/${w.itemA1}/delete`, { version: '1' }, { cookie }))).toBeUndefined()
    // A redirect with its own notice (?done=…) neither: the guest list says what happened itself.
    const [guest] = await db
      .insert(rsvps)
      .values({
        visitId: w.visitA,
        name: 'Gast',
        email: `gast-${w.teamA.slice(0, 8)}@example.nl`,
        partySize: 1,
        status: 'confirmed',
        tokenHash: `hash-${w.teamA}`,
      })
      .returning({ id: rsvps.id })
    const cancelled = await form(
      `/visits/${w.visitA}/rsvps/${guest?.id}/cancel`,
      { confirm: 'yes' },
      { cookie },
    )
    expect(cancelled.headers.get('location')).toBe(`/visits/${w.visitA}/rsvps?done=cancelled`)
    expect(flashOf(cancelled)).toBeUndefined()
    // A public page never shows it, so it cannot end up in a shared cache.
    expect(await (await page(`/v/${w.slugA}`, `${cookie}; __Host-rondgang_saved=1`)).text()).not.toContain(
      SAVED,
    )
    // Anonymous: nothing, even with the cookie.
    expect(await (await page('/privacy', '__Host-rondgang_saved=1')).text()).not.toContain(SAVED)
  })
})

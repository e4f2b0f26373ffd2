import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { hasChromium, useChromium } from './chromium'

describe.skipIf(!hasChromium)('sign in, create a team, invite a member — pages only', () => {
  const baseUrl = inject('baseUrl')
  const browser = useChromium()

  /** Opens the newest mail to an address on /dev/mail and follows its link. */
  async function followMailedLink(page: Page, to: string, linkPart: string) {
    await page.goto(`${baseUrl}/dev/mail`)
    const mail = page.locator('article', { hasText: to }).first()
    await mail
      .getByRole('link', { name: new RegExp(linkPart) })
      .first()
      .click()
  }

  it('works end to end in a real browser', async () => {
    const context = await browser().newContext({ locale: 'nl-NL' })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    // CSP violations and script errors; a 422 answer to the empty form is expected and not one of them.
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text())
    })

    await page.goto(`${baseUrl}/teams`)
    // Not signed in: sent to the sign-in page, which will bring us back.
    expect(new URL(page.url()).pathname).toBe('/sign-in')
    await page.getByLabel('E-mailadres').fill('els@vreewijk.example')
    await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click()
    expect(await page.locator('h1').textContent()).toBe('Kijk in je mail')

    await followMailedLink(page, 'els@vreewijk.example', '/sign-in/verify')
    expect(await page.locator('h1').textContent()).toBe('Inloggen bevestigen')
    await page.getByRole('button', { name: 'Inloggen' }).click()
    await page.waitForURL('**/teams')
    expect(await page.locator('h1').textContent()).toBe('Mijn teams')

    // The session cookie is __Host-, HttpOnly, Secure, SameSite=Lax — and works over http on 127.0.0.1.
    const cookie = (await context.cookies()).find((c) => c.name === '__Host-rondgang_session')
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' })

    // A form error is shown at the field, then the team is created.
    await page.getByRole('button', { name: 'Team aanmaken' }).click()
    expect(await page.locator('.field-error').textContent()).toBe('Dit veld is verplicht.')
    await page.getByLabel('Naam van het team').fill('Bewonersvereniging Vreewijk')
    await page.getByRole('button', { name: 'Team aanmaken' }).click()
    await page.waitForURL(/\/teams\/[0-9a-f-]{36}$/)
    expect(await page.locator('h1').textContent()).toBe('Bewonersvereniging Vreewijk')

    await page.getByLabel('E-mailadres').fill('joost@vreewijk.example')
    await page.getByLabel('Rol', { exact: true }).selectOption('organiser')
    await page.getByRole('button', { name: 'Uitnodiging versturen' }).click()
    expect(await page.getByRole('status').textContent()).toContain('joost@vreewijk.example')
    expect(await page.locator('#invitations ~ ul li').first().textContent()).toContain(
      'joost@vreewijk.example',
    )

    // Joost, in his own browser, accepts the invitation after signing in.
    const joost = await (await browser().newContext({ locale: 'nl-NL' })).newPage()
    await followMailedLink(joost, 'joost@vreewijk.example', '/invitations/')
    expect(new URL(joost.url()).pathname).toBe('/sign-in')
    await joost.getByLabel('E-mailadres').fill('joost@vreewijk.example')
    await joost.getByRole('button', { name: 'Stuur mij een inloglink' }).click()
    await followMailedLink(joost, 'joost@vreewijk.example', '/sign-in/verify')
    await joost.getByRole('button', { name: 'Inloggen' }).click()
    await joost.waitForURL('**/invitations/**')
    await joost.getByRole('button', { name: 'Uitnodiging aannemen' }).click()
    await joost.waitForURL(/\/teams\/[0-9a-f-]{36}$/)
    expect(await joost.locator('h1').textContent()).toBe('Bewonersvereniging Vreewijk')
    expect(await joost.locator('tbody').textContent()).toContain('Organisator')

    // Els sees Joost as a member now.
    await page.reload()
    expect(await page.locator('table').first().textContent()).toContain('joost@vreewijk.example')
    expect(errors).toEqual([])
  })
})

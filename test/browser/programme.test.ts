import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { hasChromium, useChromium } from './chromium'

describe.skipIf(!hasChromium)('an organiser builds a small programme with pages alone', () => {
  const baseUrl = inject('baseUrl')
  const browser = useChromium()

  /** Signs in through the mailed link, read from /dev/mail. */
  async function signIn(page: Page, email: string) {
    await page.goto(`${baseUrl}/teams`)
    await page.getByLabel('E-mailadres').fill(email)
    await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click()
    await page.goto(`${baseUrl}/dev/mail`)
    await page
      .locator('article', { hasText: email })
      .first()
      .getByRole('link', { name: /\/sign-in\/verify/ })
      .first()
      .click()
    await page.getByRole('button', { name: 'Inloggen' }).click()
    await page.waitForURL('**/teams')
  }

  async function addVenue(page: Page, name: string, lat: string, lng: string) {
    await page.getByLabel('Naam', { exact: true }).fill(name)
    await page.getByLabel('Breedtegraad').fill(lat)
    await page.getByLabel('Lengtegraad').fill(lng)
    await page.getByRole('button', { name: 'Locatie toevoegen' }).click()
    await page.waitForURL(/\/venues\/[0-9a-f-]{36}$/)
    expect(await page.locator('h1').textContent()).toBe(name)
  }

  async function addItem(
    page: Page,
    item: { kind: string; title: string; start: string; end: string; venue: string },
  ) {
    await page.getByLabel('Soort onderdeel').selectOption({ label: item.kind })
    await page.getByLabel('Titel', { exact: true }).fill(item.title)
    await page.getByLabel('Datum', { exact: true }).fill('2027-06-12')
    await page.getByLabel('Begintijd').fill(item.start)
    await page.getByLabel('Eindtijd').fill(item.end)
    await page.getByLabel('Locatie', { exact: true }).selectOption({ label: item.venue })
    await page.getByRole('button', { name: 'Onderdeel toevoegen' }).click()
    await page.waitForURL(/\/programme(\?day=[\d-]+)?$/)
  }

  it('and sees a walking-time clash explained in Dutch', async () => {
    const context = await browser().newContext({ locale: 'nl-NL' })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    // CSP violations show as console errors; a 422 answer to a form is not one of them.
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text())
    })

    await signIn(page, 'wijkbezoek@vreewijk.example')
    await page.getByLabel('Naam van het team').fill('Buurtteam Vreewijk')
    await page.getByRole('button', { name: 'Team aanmaken' }).click()
    await page.waitForURL(/\/teams\/[0-9a-f-]{36}$/)

    // A visit, from the team page.
    await page.getByRole('link', { name: 'Bezoeken', exact: true }).click()
    await page.getByLabel('Titel', { exact: true }).fill('Wijkbezoek college')
    await page.getByLabel('Eerste dag').fill('2027-06-12')
    await page.getByLabel('Laatste dag').fill('2027-06-12')
    await page.getByRole('button', { name: 'Bezoek aanmaken' }).click()
    await page.waitForURL(/\/visits\/[0-9a-f-]{36}$/)
    expect(await page.locator('h1').textContent()).toBe('Wijkbezoek college')
    const visitUrl = page.url()

    // Two venues about 1.5 km apart.
    await page.goto(`${baseUrl}/teams`)
    await page.getByRole('link', { name: 'Buurtteam Vreewijk' }).click()
    await page.getByRole('link', { name: 'Locaties', exact: true }).click()
    const venuesUrl = page.url()
    await addVenue(page, 'Tuin van Marja', '52,1500', '4,4900')
    await page.goto(venuesUrl)
    await addVenue(page, 'Buurthuis De Kroon', '52,1635', '4,4900')

    // Two items with five minutes between them.
    await page.goto(visitUrl)
    await page.getByRole('link', { name: 'Programma', exact: true }).click()
    expect(await page.locator('h1').textContent()).toBe('Programma: Wijkbezoek college')
    await addItem(page, {
      kind: 'Welkom',
      title: 'Welkom in de tuin',
      start: '10:00',
      end: '10:30',
      venue: 'Tuin van Marja',
    })
    await addItem(page, {
      kind: 'Gesprek',
      title: 'Gesprek in het buurthuis',
      start: '10:35',
      end: '11:15',
      venue: 'Buurthuis De Kroon',
    })

    const clash = page.locator('.clash-list li').first()
    const sentence = (await clash.textContent()) ?? ''
    expect(sentence).toContain('De wandeling van ‘Tuin van Marja’ naar ‘Buurthuis De Kroon’ duurt ongeveer')
    expect(sentence).toContain('er zitten maar 5 minuten tussen ‘Welkom in de tuin’ (eindigt 10:30)')
    expect(sentence).toContain('Schuif ‘Gesprek in het buurthuis’ minstens')
    expect(await page.locator('#clashes').textContent()).toBe('Conflicten (1)')
    // Both items are in the day view, flagged, and the clash links to them.
    expect(await page.locator('.day-grid .tl-item.has-clash').count()).toBe(2)
    await clash.getByRole('link', { name: 'Gesprek in het buurthuis' }).click()
    await page.waitForURL(/\/items\/[0-9a-f-]{36}$/)
    expect(await page.locator('.clash-list').textContent()).toContain('De wandeling van ‘Tuin van Marja’')
    expect(errors).toEqual([])
  })
})

import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { hasChromium, useChromium } from './chromium'

describe.skipIf(!hasChromium)('a speaker registers a talk; the team accepts and schedules it', () => {
  const baseUrl = inject('baseUrl')
  const browser = useChromium()

  /** A page that records script errors and CSP violations (a 4xx answer to a form is not one of them). */
  async function watchedPage(context: BrowserContext, errors: string[]) {
    const page = await context.newPage()
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text())
    })
    return page
  }

  /** Follows the link in the newest mail to an address on /dev/mail (the local outbox). */
  async function followNewestMail(page: Page, to: string, linkPart: RegExp) {
    await page.goto(`${baseUrl}/dev/mail`)
    await page
      .locator('article', { hasText: to })
      .first()
      .getByRole('link', { name: linkPart })
      .first()
      .click()
  }

  it('from the form through the mailed link to the public schedule', async () => {
    const errors: string[] = []
    const team = await watchedPage(await browser().newContext({ locale: 'nl-NL' }), errors)
    const speaker = await watchedPage(await browser().newContext({ locale: 'nl-NL' }), errors)

    // The organiser signs in, makes a team, a visit and a programme item for the talks.
    await team.goto(`${baseUrl}/teams`)
    await team.getByLabel('E-mailadres').fill('sprekers@vreewijk.example')
    await team.getByRole('button', { name: 'Stuur mij een inloglink' }).click()
    await followNewestMail(team, 'sprekers@vreewijk.example', /\/sign-in\/verify/)
    await team.getByRole('button', { name: 'Inloggen' }).click()
    await team.waitForURL('**/teams')
    await team.getByLabel('Naam van het team').fill('Werkgroep Sprekers')
    await team.getByRole('button', { name: 'Team aanmaken' }).click()
    await team.waitForURL(/\/teams\/[0-9a-f-]{36}$/)
    await team.getByRole('link', { name: 'Bezoeken', exact: true }).click()
    await team.getByLabel('Titel', { exact: true }).fill('Sprekersmiddag Vreewijk')
    await team.getByLabel('Eerste dag').fill('2027-06-12')
    await team.getByLabel('Laatste dag').fill('2027-06-12')
    await team.getByRole('button', { name: 'Bezoek aanmaken' }).click()
    await team.waitForURL(/\/visits\/[0-9a-f-]{36}$/)
    const visitUrl = team.url()
    await team.getByRole('link', { name: 'Programma', exact: true }).click()
    await team.getByLabel('Soort onderdeel').selectOption({ label: 'Voordracht' })
    await team.getByLabel('Titel', { exact: true }).fill('Praatjes in de tuin')
    await team.getByLabel('Datum', { exact: true }).fill('2027-06-12')
    await team.getByLabel('Begintijd').fill('14:00')
    await team.getByLabel('Eindtijd').fill('14:30')
    await team.getByRole('button', { name: 'Onderdeel toevoegen' }).click()
    await team.waitForURL(/\/programme(\?day=[\d-]+)?$/)

    // The call opens; its form's address is on the page.
    await team.goto(`${visitUrl}/call`)
    expect(await team.locator('h1').textContent()).toBe('Oproep voor voordrachten')
    await team.getByLabel('De oproep is open').check()
    await team.getByLabel('Toegestane duur in minuten').fill('5, 10')
    await team.getByRole('button', { name: 'Oproep opslaan' }).click()
    await team.waitForURL('**/call?saved=1')
    expect(await team.getByRole('status').textContent()).toBe('De oproep is opgeslagen.')
    const formUrl = (await team.getByRole('link', { name: /\/talks\/new$/ }).getAttribute('href')) ?? ''
    expect(formUrl).toMatch(/\/v\/sprekersmiddag-vreewijk\/talks\/new$/)

    // A resident submits a talk; a missing consent is pointed out first, with what was typed kept.
    await speaker.goto(formUrl)
    expect(await speaker.locator('h1').textContent()).toBe('Een voordracht aanmelden')
    await speaker.getByLabel('Je naam').fill('Marja de Vries')
    await speaker.getByLabel('Je e-mailadres').fill('marja@vreewijk.example')
    await speaker.getByLabel('Iets over jezelf (mag leeg)').fill('Marja woont al dertig jaar in de Vreewijk.')
    await speaker.getByLabel('Microfoon').check()
    await speaker.getByLabel('Titel', { exact: true }).fill('Het speelveld')
    await speaker.getByLabel('Waar gaat het over?').fill('Hoe de buurt zelf een speelveld aanlegde.')
    await speaker.getByLabel('Hoe lang duurt je voordracht?').selectOption({ label: '10 minuten' })
    await speaker.getByLabel('Van (1)').fill('13:30')
    await speaker.getByLabel('Tot (1)').fill('16:00')
    await speaker.getByRole('button', { name: 'Voordracht versturen' }).click()
    expect(await speaker.locator('.field-error').first().textContent()).toContain('Geef toestemming')
    expect(await speaker.getByLabel('Titel', { exact: true }).inputValue()).toBe('Het speelveld')
    await speaker.getByLabel(/Ik geef toestemming/).check()
    await speaker.getByRole('button', { name: 'Voordracht versturen' }).click()
    await speaker.waitForURL('**/talks/new?sent=1')
    expect(await speaker.locator('h1').textContent()).toBe('Dank je wel! Kijk in je mail')

    // The mail is in the outbox; its private link opens the talk, which the speaker improves.
    await followNewestMail(speaker, 'marja@vreewijk.example', /\/t\//)
    await speaker.waitForURL(/\/t\/[A-Za-z0-9_-]{43}$/)
    expect(await speaker.locator('h1').textContent()).toBe('Het speelveld')
    await speaker.getByLabel('Titel', { exact: true }).fill('Het speelveld, een jaar later')
    await speaker.getByRole('button', { name: 'Voordracht opslaan' }).click()
    await speaker.waitForURL('**?done=saved')
    expect(await speaker.getByRole('status').textContent()).toBe('Opgeslagen.')
    expect(await speaker.locator('h1').textContent()).toBe('Het speelveld, een jaar later')

    // The team accepts it, after reading the mail the speaker will get.
    await team.goto(`${visitUrl}/talks`)
    expect(await team.getByRole('link', { name: /Ingediend \(1\)/ }).count()).toBe(1)
    await team.getByLabel('Kies: Het speelveld, een jaar later').check()
    await team.getByLabel('Besluit').selectOption({ label: 'Accepteren' })
    await team.getByRole('button', { name: 'Verder' }).click()
    expect(await team.locator('h1').textContent()).toBe('Controleer en verstuur')
    expect(await team.locator('pre').textContent()).toContain(
      'Goed nieuws: je voordracht ‘Het speelveld, een jaar later’',
    )
    await team.getByRole('button', { name: 'Bevestigen en versturen' }).click()
    await team.waitForURL(/\/talks\?moved=1/)
    expect(await team.getByRole('status').textContent()).toBe('1 voordracht is bijgewerkt.')

    // The speaker confirms through the new link in the acceptance mail.
    await followNewestMail(speaker, 'marja@vreewijk.example', /\/t\//)
    expect(await speaker.getByText('Je voordracht is geaccepteerd!').count()).toBe(1)
    await speaker.getByRole('button', { name: 'Ja, ik kom' }).click()
    await speaker.waitForURL('**?done=confirmed')
    expect(await speaker.getByRole('status').textContent()).toBe('Dank je wel: je hebt bevestigd.')

    // The team places the talk in the programme item and publishes.
    await team.getByRole('link', { name: 'Het speelveld, een jaar later' }).first().click()
    await team.waitForURL(/\/talks\/[0-9a-f-]{36}$/)
    await team.getByLabel('Programmaonderdeel').selectOption({ label: '14:00–14:30 Praatjes in de tuin' })
    await team.getByRole('button', { name: 'Inplannen', exact: true }).click()
    await team.waitForURL('**?done=placed')
    expect(await team.getByRole('status').textContent()).toBe('De voordracht is ingepland.')
    expect(await team.locator('#placement ~ ul.clash-list').count()).toBe(0)
    await team.goto(visitUrl)
    await team.getByRole('button', { name: 'Programma publiceren' }).click()

    // The public schedule names the speaker; the speakers page has her bio.
    const guest = await watchedPage(await browser().newContext({ locale: 'nl-NL' }), errors)
    await guest.goto(`${baseUrl}/v/sprekersmiddag-vreewijk`)
    expect(await guest.locator('#main').textContent()).toContain('Marja de Vries')
    await guest.goto(`${baseUrl}/v/sprekersmiddag-vreewijk/speakers`)
    await guest.getByRole('link', { name: 'Marja de Vries' }).click()
    expect(await guest.locator('h1').textContent()).toBe('Marja de Vries')
    expect(await guest.locator('#main').textContent()).toContain('Marja woont al dertig jaar in de Vreewijk.')
    expect(await guest.locator('#main').textContent()).toContain('Het speelveld, een jaar later')
    expect(errors).toEqual([])
  })
})

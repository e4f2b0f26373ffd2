import { describe, expect, inject, it } from 'vitest'
import { hasChromium, mailedLink, phonePage, useChromium } from './chromium'

describe.skipIf(!hasChromium)(
  'a guest registers on a phone, then cancels through the mailed link; an ended visit takes no one',
  () => {
    const baseUrl = inject('baseUrl')
    const browser = useChromium()

    it('works end to end on a 390 × 844 screen', async () => {
      // The 422 answer to a wrong form is expected: not one of the errors.
      const { context, page, errors } = await phonePage(browser(), {
        ignoreConsole: (text) => text.startsWith('Failed to load resource'),
      })
      // Nothing sticks out sideways: no sideways scrolling on a phone.
      const fitsTheScreen = () => page.evaluate(() => document.documentElement.scrollWidth <= 390)

      // The 2017 visit is over: its form says so (in Dutch and English) and takes nothing.
      await page.goto(`${baseUrl}/v/collegebezoek-vreewijk-2017/rsvp`)
      expect(await page.locator('h1').textContent()).toBe('Aanmelden kan niet meer')
      expect(await page.getByRole('alert').textContent()).toContain('Dit bezoek is voorbij')
      expect(await page.getByLabel('Je naam').count()).toBe(0)
      expect(await fitsTheScreen()).toBe(true)
      await page.goto(`${baseUrl}/v/collegebezoek-vreewijk-2017/rsvp?lang=en`)
      expect(await page.locator('h1').textContent()).toBe('Registration is closed')
      expect(await page.getByRole('alert').textContent()).toContain('This visit is over')
      await page.goto(`${baseUrl}/v/collegebezoek-vreewijk-2017/rsvp?lang=nl`)

      // An organiser publishes a visit that is still to come.
      const team = (await phonePage(browser())).page
      await team.goto(`${baseUrl}/teams`)
      await team.getByLabel('E-mailadres').fill('aanmelden@vreewijk.example')
      await team.getByRole('button', { name: 'Stuur mij een inloglink' }).click()
      await team.goto(await mailedLink(team, baseUrl, 'aanmelden@vreewijk.example', /\/sign-in\/verify/))
      await team.getByRole('button', { name: 'Inloggen' }).click()
      await team.waitForURL('**/teams')
      await team.getByLabel('Naam van het team').fill('Werkgroep Buurtfeest')
      await team.getByRole('button', { name: 'Team aanmaken' }).click()
      await team.waitForURL(/\/teams\/[0-9a-f-]{36}$/)
      await team.getByRole('link', { name: 'Bezoeken', exact: true }).click()
      await team.getByLabel('Titel', { exact: true }).fill('Buurtfeest Vreewijk')
      await team.getByLabel('Eerste dag').fill('2027-06-12')
      await team.getByLabel('Laatste dag').fill('2027-06-12')
      await team.getByRole('button', { name: 'Bezoek aanmaken' }).click()
      await team.waitForURL(/\/visits\/[0-9a-f-]{36}$/)
      const visitUrl = team.url()
      await team.getByRole('link', { name: 'Programma', exact: true }).click()
      await team.getByLabel('Titel', { exact: true }).fill('Welkom in de tuin')
      await team.getByLabel('Datum', { exact: true }).fill('2027-06-12')
      await team.getByLabel('Begintijd').fill('14:00')
      await team.getByLabel('Eindtijd').fill('14:30')
      await team.getByRole('button', { name: 'Onderdeel toevoegen' }).click()
      await team.waitForURL(/\/programme(\?day=[\d-]+)?$/)
      await team.goto(visitUrl)
      await team.getByRole('button', { name: 'Programma publiceren' }).click()
      await team.waitForLoadState()

      await page.goto(`${baseUrl}/v/buurtfeest-vreewijk`)
      await page.getByRole('link', { name: 'Aanmelden', exact: true }).first().click()
      await page.waitForURL('**/v/buurtfeest-vreewijk/rsvp')
      expect(await page.locator('h1').textContent()).toBe('Aanmelden')
      expect(await fitsTheScreen()).toBe(true)

      // A party of 0 is refused at the field, and what was typed stays.
      await page.getByLabel('Je naam').fill('Marja de Wit')
      await page.getByLabel('Je e-mailadres').fill('marja@vreewijk.example')
      await page.getByLabel('Met hoeveel personen kom je?').fill('0')
      await page.getByRole('button', { name: 'Aanmelden', exact: true }).click()
      expect(await page.locator('.field-error').first().textContent()).toBe('Vul minstens 1 persoon in.')
      expect(await page.getByLabel('Je naam').inputValue()).toBe('Marja de Wit')

      await page.getByLabel('Met hoeveel personen kom je?').fill('2')
      await page.getByRole('group', { name: 'Dieetwensen' }).getByLabel('Vegetarisch').fill('1')
      await page.getByLabel(/Wat heb je nodig/).fill('Mijn moeder komt met een rollator.')
      await page.getByRole('button', { name: 'Aanmelden', exact: true }).click()
      await page.waitForURL('**/rsvp?status=confirmed')
      expect(await page.locator('h1').textContent()).toBe('Je bent aangemeld!')
      expect(await page.getByRole('status').textContent()).toContain('persoonlijke link')

      await page.goto(`${baseUrl}/dev/mail`)
      const mail = page.locator('article', { hasText: 'marja@vreewijk.example' }).first()
      expect(await mail.locator('h2').textContent()).toBe('Je bent aangemeld: Buurtfeest Vreewijk')
      await mail.getByRole('link', { name: /\/r\// }).first().click()
      await page.waitForURL(/\/r\/[A-Za-z0-9_-]{43}$/)
      expect(await page.locator('h1').textContent()).toBe('Je aanmelding')
      expect(await page.locator('.rsvp-status').textContent()).toBe('Aangemeld')
      expect(await page.getByLabel('Met hoeveel personen kom je?').inputValue()).toBe('2')
      expect(
        await page.getByRole('group', { name: 'Dieetwensen' }).getByLabel('Vegetarisch').inputValue(),
      ).toBe('1')
      expect(await fitsTheScreen()).toBe(true)

      await page.getByRole('button', { name: 'Aanmelding afzeggen' }).click()
      // Asked first (a page, so it works without JavaScript); confirming cancels.
      expect(await page.locator('h1').textContent()).toBe('Weet je het zeker?')
      await page.getByRole('button', { name: 'Ja, zeg af' }).click()
      await page.waitForURL('**?cancelled=1')
      expect(await page.getByRole('status').textContent()).toContain('Je hebt afgezegd')
      expect(await page.locator('.rsvp-status').textContent()).toBe('Afgezegd')

      // The organisers' registrations page says what limits the guests, on a phone too.
      await team.goto(`${visitUrl}/rsvps`)
      expect(await team.locator('#main').textContent()).toContain(
        'Er is geen maximum aantal gasten ingesteld.',
      )
      expect(await team.evaluate(() => document.documentElement.scrollWidth <= 390)).toBe(true)
      expect(errors).toEqual([])
      await context.close()
    })
  },
)

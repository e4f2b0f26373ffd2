import { describe, expect, inject, it } from 'vitest'
import { hasChromium, phonePage, signInThroughMail, useChromium } from './chromium'

describe.skipIf(!hasChromium)(
  'catering on a phone: an organiser plans an order, a volunteer takes a part',
  () => {
    const baseUrl = inject('baseUrl')
    const browser = useChromium()

    it('works end to end at 390 × 844, with the numbers from the headcount and nobody’s name', async () => {
      // A refused form answers 422: expected, not one of the errors.
      const ignoreConsole = (text: string) => text.startsWith('Failed to load resource')
      const team = await phonePage(browser(), { ignoreConsole })
      const page = team.page
      const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= 390)
      await signInThroughMail(page, baseUrl, 'organisator@vreewijk.example')

      await page.goto(`${baseUrl}/visits/demo-visit-vreewijk`)
      await page.getByRole('link', { name: 'Naar de catering' }).click()
      await page.waitForURL('**/visits/demo-visit-vreewijk/catering')
      expect(await page.locator('h1').textContent()).toBe('Catering: Collegebezoek aan Vreewijk')
      expect(await fits()).toBe(true)

      // A resident without an e-mail address joins; the team makes her link to pass on.
      await page.getByText('Iemand toevoegen').click()
      await page.getByLabel('Wie is het').selectOption({ label: 'Buurtbewoner' })
      await page.locator('#provider-name').fill('Marleen Peters')
      await page.getByRole('button', { name: 'Toevoegen', exact: true }).click()
      await page.waitForURL(/\/catering\/providers\/[0-9a-f-]{36}\?done=provider-created$/)
      expect(await page.locator('h1').textContent()).toBe('Marleen Peters')
      await page.getByRole('button', { name: 'Nieuwe link maken' }).click()
      const link = await page.locator('.link-box a').getAttribute('href')
      expect(link).toMatch(/\/c\/[A-Za-z0-9_-]{43}$/)
      expect(await fits()).toBe(true)

      // The order: a negative amount is refused at its field, what was typed stays.
      await page.goto(`${baseUrl}/visits/demo-visit-vreewijk/catering`)
      await page.getByRole('link', { name: 'Nieuwe bestelling' }).click()
      await page.waitForURL('**/catering/orders/new')
      await page.getByLabel('Wat', { exact: true }).selectOption({ label: 'Hapjes' })
      await page.getByLabel('Bij programmaonderdeel').selectOption({ label: 'Hapje en drankje (16:55)' })
      await page.locator('#field-providerId').selectOption({ label: 'Marleen Peters (Buurtbewoner)' })
      await page.getByLabel('Hoe het aantal wordt berekend').selectOption({ label: 'Per persoon' })
      await page.getByLabel('Hoeveel', { exact: true }).fill('-2')
      await page.getByLabel('Eenheid (mag leeg)').fill('kaasstengels')
      await page.getByLabel('Prijs per stuk in euro').fill('0,30')
      await page.getByRole('button', { name: 'Bestelling toevoegen' }).click()
      expect(await page.locator('#field-amount-error').textContent()).toBe('Dit kan niet negatief zijn.')
      expect(await page.getByLabel('Eenheid (mag leeg)').inputValue()).toBe('kaasstengels')
      expect(await fits()).toBe(true)
      await page.getByLabel('Hoeveel', { exact: true }).fill('2')
      await page.getByRole('button', { name: 'Bestelling toevoegen' }).click()
      await page.waitForURL(/\/catering\/orders\/[0-9a-f-]{36}\?done=created$/)
      const orderUrl = page.url().replace(/\?.*$/, '')
      expect(await page.locator('h1').textContent()).toBe('Hapjes bij Hapje en drankje')
      // The college (5) and the organiser present: 6 people, 12 kaasstengels — and whoever registered for the
      // demo visit in another browser test meanwhile comes on top.
      const count = Number((await page.locator('dd strong').first().textContent())?.match(/^(\d+)/)?.[1])
      expect(count).toBeGreaterThanOrEqual(6)
      expect(
        await page
          .getByText(`${count * 2} kaasstengels`)
          .first()
          .isVisible(),
      ).toBe(true)
      expect(await fits()).toBe(true)

      // Split: a part left open for a volunteer to take.
      await page.locator('#contribution-description').fill('kaasstengels met sesam')
      await page.locator('#contribution-quantity').fill('20')
      await page.getByRole('button', { name: 'Toevoegen', exact: true }).click()
      await page.waitForURL('**?done=contribution*')
      expect(await page.locator('.contributions').textContent()).toContain('nog open')

      // The volunteer, on her own phone, through the link: she confirms and takes the open part.
      const volunteer = await phonePage(browser(), { ignoreConsole })
      const v = volunteer.page
      await v.goto(link ?? '')
      expect(await v.locator('h1').textContent()).toBe('Jouw catering, Marleen Peters')
      expect(await v.evaluate(() => document.documentElement.scrollWidth <= 390)).toBe(true)
      const body = (await v.locator('main').textContent()) ?? ''
      expect(body).toContain('Tuin van de familie De Wit')
      expect(body).toContain(`${count * 2} kaasstengels`)
      expect(body).toContain('Vegetarisch')
      // Counts and an anonymous note; never a name of the company or a guest.
      expect(body).not.toContain('Marleen de Jong')
      expect(body).not.toContain('marja@vreewijk.example')
      await v.getByRole('button', { name: 'Ja, ik verzorg het' }).click()
      await v.waitForURL('**?done=confirm')
      expect(await v.getByRole('status').textContent()).toContain('Dank je wel!')
      // Open parts of other volunteers' orders are there too (the demo's vegetarian snacks): she takes hers.
      await v
        .getByRole('listitem')
        .filter({ hasText: 'kaasstengels met sesam' })
        .getByRole('button', { name: 'Ik neem dit mee' })
        .click()
      await v.waitForURL('**?done=take')
      expect(await v.getByRole('status').textContent()).toBe('Genoteerd: jij neemt het mee.')
      await v.getByRole('button', { name: 'Geregeld' }).click()
      await v.waitForURL('**?done=done')
      const hers = v.getByRole('listitem').filter({ hasText: 'kaasstengels met sesam' })
      expect(await hers.textContent()).toContain('Klaar')
      expect(await hers.getByRole('button', { name: 'Nog niet geregeld' }).isVisible()).toBe(true)
      expect(await v.evaluate(() => document.documentElement.scrollWidth <= 390)).toBe(true)

      // The team sees who brings what, done, and the order confirmed.
      await page.goto(orderUrl)
      const contributions = (await page.locator('.contributions').textContent()) ?? ''
      expect(contributions).toContain('neemt Marleen Peters mee')
      expect(contributions).toContain('Klaar')
      expect(await page.locator('.tag.status-confirmed').first().textContent()).toBe('Bevestigd')

      expect(team.errors).toEqual([])
      expect(volunteer.errors).toEqual([])
      await team.context.close()
      await volunteer.context.close()
    })
  },
)

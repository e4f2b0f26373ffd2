import { describe, expect, inject, it } from 'vitest'
import { hasChromium, phonePage, useChromium } from './chromium'

describe.skipIf(!hasChromium)('a guest registers on a phone, then cancels through the mailed link', () => {
  const baseUrl = inject('baseUrl')
  const browser = useChromium()

  it('works end to end on a 390 × 844 screen', async () => {
    // The 422 answer to a wrong form is expected: not one of the errors.
    const { context, page, errors } = await phonePage(browser(), {
      ignoreConsole: (text) => text.startsWith('Failed to load resource'),
    })
    // Nothing sticks out sideways: no sideways scrolling on a phone.
    const fitsTheScreen = () => page.evaluate(() => document.documentElement.scrollWidth <= 390)

    await page.goto(`${baseUrl}/v/collegebezoek-vreewijk-2017`)
    await page.getByRole('link', { name: 'Aanmelden', exact: true }).first().click()
    await page.waitForURL('**/v/collegebezoek-vreewijk-2017/rsvp')
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
    expect(await mail.locator('h2').textContent()).toBe('Je bent aangemeld: Collegebezoek aan Vreewijk')
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
    await page.waitForURL('**?cancelled=1')
    expect(await page.getByRole('status').textContent()).toContain('Je hebt afgezegd')
    expect(await page.locator('.rsvp-status').textContent()).toBe('Afgezegd')
    expect(errors).toEqual([])
    await context.close()
  })
})

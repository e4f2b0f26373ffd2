import { describe, expect, inject, it } from 'vitest'
import { hasChromium, useChromium } from './chromium'

describe.skipIf(!hasChromium)('home and public programme in a real browser', () => {
  const baseUrl = inject('baseUrl')
  const browser = useChromium()

  it('shows the demo visits, opens one, and switches to English and back', async () => {
    const page = await browser().newPage({ viewport: { width: 390, height: 844 }, locale: 'nl-NL' })
    const problems: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text())
    })
    await page.goto(`${baseUrl}/`)
    expect(await page.locator('h1').textContent()).toBe('Bezoeken')
    expect(await page.locator('html').getAttribute('lang')).toBe('nl')
    await page.getByRole('link', { name: 'Collegebezoek aan Vreewijk' }).click()
    await page.waitForURL('**/v/collegebezoek-vreewijk-2017')
    expect(await page.locator('h1').textContent()).toBe('Collegebezoek aan Vreewijk')
    expect(await page.locator('.timeline time').first().textContent()).toBe('15:30')

    await page.getByRole('link', { name: 'Switch to English' }).click()
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    expect(await page.locator('#programme').textContent()).toBe('Programme')
    // The choice is remembered in a cookie, without the query parameter.
    await page.goto(`${baseUrl}/`)
    expect(await page.locator('h1').textContent()).toBe('Visits')

    // The stylesheet is served by the Worker and applied (no CDN): the header has the brand colour.
    const bg = await page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor)
    expect(bg).toBe('rgb(31, 107, 58)')
    // No CSP violations or script errors.
    expect(problems).toEqual([])
    await page.close()
  })

  it('shows a friendly page for an unknown address', async () => {
    const page = await browser().newPage({ locale: 'nl-NL' })
    const res = await page.goto(`${baseUrl}/v/bestaat-niet`)
    expect(res?.status()).toBe(404)
    expect(await page.locator('h1').textContent()).toBe('Pagina niet gevonden')
    expect(await page.getByRole('link', { name: 'Terug naar de startpagina' }).count()).toBe(1)
    await page.close()
  })
})

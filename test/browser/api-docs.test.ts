import { describe, expect, inject, it } from 'vitest'
import { hasChromium, useChromium } from './chromium'

describe.skipIf(!hasChromium)('the API reference on a phone', () => {
  const baseUrl = inject('baseUrl')
  const browser = useChromium()

  it('opens an operation and shows its answer, fields and example without pushing the page sideways', async () => {
    const page = await browser().newPage({ viewport: { width: 390, height: 844 }, locale: 'nl-NL' })
    const problems: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text())
    })
    await page.goto(`${baseUrl}/api/docs`)
    expect(await page.locator('h1').textContent()).toBe('Rondgang API')
    // The longest path of the API, opened.
    const op = page.locator('details.api-op', {
      has: page.locator('summary code', {
        hasText: '/api/visits/{visitId}/mail-templates/{kind}/{lang}/preview',
      }),
    })
    await op.locator('summary').first().click()
    await expect.poll(() => op.locator('.api-response h4').first().textContent()).toContain('Antwoord 200')
    expect(await op.locator('.api-fields li').count()).toBeGreaterThan(0)
    expect(await op.locator('pre').first().textContent()).toContain('"subject"')
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(390)
    expect(problems).toEqual([])
    await page.close()
  })
})

import { describe, expect, inject, it } from 'vitest'
import { hasChromium, phonePage, useChromium } from './chromium'

describe.skipIf(!hasChromium)('a guest follows the public schedule on the day', () => {
  const baseUrl = inject('baseUrl')
  const browser = useChromium()

  it('shows what is on now and next, and keeps favourites in the browser', async () => {
    const { context, page, errors } = await phonePage(browser())
    // During the second talk of the demo visit: 19 September 2017, 15:45 in Amsterdam (13:45 UTC).
    await page.clock.install({ time: new Date('2017-09-19T13:45:00Z') })
    await page.goto(`${baseUrl}/v/collegebezoek-vreewijk-2017`)

    const nowNext = page.locator('.now-next')
    await nowNext.waitFor({ state: 'visible' })
    expect(await nowNext.locator('.now-title').textContent()).toBe('Groen en water in de tuinwijk')
    expect(await nowNext.locator('.next-title').textContent()).toBe(
      '15:50 Veilig over straat: parkeren en verkeer',
    )
    expect(await page.locator('#item-demo-item-v2').getAttribute('class')).toContain('is-now')

    // Every item that is not cancelled gets a favourite button; one is saved, and the filter shows only it.
    const items = page.locator('.timeline li.item:not(.cancelled)')
    const buttons = page.getByRole('button', { name: 'Bewaar in mijn programma' })
    expect(await buttons.count()).toBe(await items.count())
    const walk = page.locator('#item-demo-item-v5')
    await walk.getByRole('button', { name: 'Bewaar in mijn programma' }).click()
    const saved = walk.getByRole('button', { name: 'Haal uit mijn programma' })
    expect(await saved.getAttribute('aria-pressed')).toBe('true')
    await page.getByLabel('Alleen mijn programma').check()
    expect(await page.locator('.timeline li.item:visible').count()).toBe(1)
    expect(await walk.isVisible()).toBe(true)

    // Kept in this browser: still saved after a reload.
    await page.reload()
    await page
      .locator('#item-demo-item-v5')
      .getByRole('button', { name: 'Haal uit mijn programma' })
      .waitFor()
    expect(errors).toEqual([])
    await context.close()
  })
})

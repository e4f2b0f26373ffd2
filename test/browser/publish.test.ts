import { describe, expect, inject, it } from 'vitest'
import { hasChromium, phonePage, signInThroughMail, useChromium } from './chromium'

describe.skipIf(!hasChromium)('publishing with an open clash, on a phone', () => {
  const baseUrl = inject('baseUrl')
  const browser = useChromium()

  it('shows the clash first, publishes once ticked, and links the public schedule', async () => {
    // A refused form answers 422: expected, not one of the errors.
    const ignoreConsole = (text: string) => text.startsWith('Failed to load resource')
    const { page, errors } = await phonePage(browser(), { ignoreConsole })
    await signInThroughMail(page, baseUrl, 'organisator@vreewijk.example')

    // A fresh visit of the demo team with two items at the same time for everyone: one clash.
    const slug = `publiceren-${Date.now().toString(36)}`
    const made = await page.request.post(`${baseUrl}/api/teams/demo-team-vreewijk/visits`, {
      data: {
        kind: 'other',
        title: 'Buurtschouw Vreewijk',
        slug,
        startDate: '2027-06-12',
        endDate: '2027-06-12',
      },
    })
    expect(made.status()).toBe(201)
    const visitId = ((await made.json()) as { id: string }).id
    for (const [title, start, end] of [
      ['Welkom in de tuin', '10:00', '10:45'],
      ['Rondleiding', '10:30', '11:15'],
    ]) {
      const item = await page.request.post(`${baseUrl}/api/visits/${visitId}/items`, {
        data: { kind: 'tour', title, date: '2027-06-12', start, end },
      })
      expect(item.status()).toBe(201)
    }

    await page.goto(`${baseUrl}/visits/${visitId}/releases`)
    expect(await page.getByRole('heading', { name: 'Open conflicten: 1 conflict' }).isVisible()).toBe(true)
    expect(await page.locator('.change-list li').count()).toBeGreaterThanOrEqual(2)
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= 390)).toBe(true)

    // Without the tick: refused, the summary has the focus, nothing published.
    await page.getByRole('button', { name: /^Publiceer \d+ wijzigingen$/ }).click()
    await page.waitForLoadState()
    expect(await page.locator('.error-summary').textContent()).toContain(
      'Publiceren ondanks conflicten: vink aan dat je de 1 conflict hebt gezien, of los ze eerst op.',
    )
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true)
    expect(await page.locator('.release').count()).toBe(0)

    // Ticked: published, said so, and the link leads to the public schedule.
    await page.getByLabel('Ik heb de 1 conflict gezien en wil toch publiceren').check()
    await page.getByRole('button', { name: /^Publiceer \d+ wijzigingen$/ }).click()
    await page.waitForURL(`**/visits/${visitId}/releases?done=published#published`)
    expect(await page.locator('#published').textContent()).toContain('Versie 1 is gepubliceerd.')
    expect(await page.locator('.release').count()).toBe(1)
    // Nothing left to publish: no button, a sentence instead.
    expect(await page.getByRole('button', { name: /^Publiceer/ }).count()).toBe(0)
    expect(await page.getByText('Een lege versie publiceren kan niet.').isVisible()).toBe(true)
    await page.getByRole('link', { name: 'Bekijk het openbare programma' }).click()
    await page.waitForURL(`**/v/${slug}`)
    expect(await page.locator('h1').textContent()).toContain('Buurtschouw Vreewijk')
    expect(await page.getByText('Rondleiding').first().isVisible()).toBe(true)
    expect(errors).toEqual([])
  })
})

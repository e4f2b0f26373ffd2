import { describe, expect, inject, it } from 'vitest'
import { hasChromium, phonePage, useChromium } from './chromium'

describe.skipIf(!hasChromium)('the public schedule offline', () => {
  const baseUrl = inject('baseUrl')
  const browser = useChromium()
  const schedule = `${baseUrl}/v/collegebezoek-vreewijk-2017`

  it('reads after one online open and a reload offline: the page, its assets and its map', async () => {
    const { context, page, errors } = await phonePage(browser(), {
      // Offline, the browser itself logs the failed network tries before the worker's cache answers.
      ignoreConsole: (text) => text.includes('net::ERR_INTERNET_DISCONNECTED'),
    })
    await page.goto(schedule)
    const title = await page.locator('h1').first().textContent()
    expect(title).toBeTruthy()
    expect(await page.locator('svg.route-map').count()).toBe(1)
    // The map's labels are readable on the phone: drawn at least 12 px high.
    const labelPx = await page.locator('svg.route-map text').evaluateAll((texts) =>
      texts.map((el) => {
        const svg = el.closest('svg') as SVGSVGElement
        const size = Number.parseFloat(getComputedStyle(el).fontSize)
        return (size * svg.getBoundingClientRect().width) / svg.viewBox.baseVal.width
      }),
    )
    expect(labelPx.length).toBeGreaterThan(2)
    expect(Math.min(...labelPx)).toBeGreaterThanOrEqual(12)
    // The first open hands the page and its assets to the worker; wait until they are kept.
    await page.waitForFunction(async () => {
      const keptPage = await caches.match(location.href, { ignoreVary: true })
      const keptCss = await caches.match(new URL('/assets/schedule.css', location.href).href)
      const keptJs = await caches.match(new URL('/assets/schedule.js', location.href).href)
      return Boolean(keptPage && keptCss && keptJs)
    })

    // Later, offline: the browser's own HTTP cache no longer has the page (its max-age is a minute), so the
    // service worker's kept copy answers. (Within that minute Chromium 150 serves the HTTP cache's copy, and
    // its emulated offline leaves navigator.onLine true: that is not what a guest on the road later sees.)
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.clearBrowserCache')
    await context.setOffline(true)
    await page.reload()
    expect(await page.locator('h1').first().textContent()).toBe(title)
    expect(await page.locator('html').getAttribute('data-offline')).toBe('')
    expect(await page.locator('svg.route-map').isVisible()).toBe(true)
    expect(await page.locator('.timeline li.item').count()).toBeGreaterThan(3)
    // The schedule's own stylesheet came from the cache too: the offline note is styled and shown.
    const note = page.locator('.offline-note')
    expect(await note.isVisible()).toBe(true)
    expect(await note.evaluate((el) => getComputedStyle(el).borderLeftWidth)).toBe('5px')
    await context.close()
    expect(errors).toEqual([])
  })

  it('replaces the kept copy with the newer release as soon as it is online again', async () => {
    const { context, page } = await phonePage(browser(), {
      ignoreConsole: (text) => text.includes('net::ERR_INTERNET_DISCONNECTED'),
    })
    await page.goto(schedule)
    await page.waitForFunction(async () => Boolean(await caches.match(location.href, { ignoreVary: true })))
    const title = await page.locator('h1').first().textContent()
    // An older release, as kept by an earlier open.
    await page.evaluate(async () => {
      const keys = await caches.keys()
      const cache = await caches.open(keys[0] ?? 'rondgang-schedule-v3')
      await cache.put(
        location.href,
        new Response('<!DOCTYPE html><h1>Oude versie</h1>', { headers: { 'content-type': 'text/html' } }),
      )
    })
    await context.setOffline(true)
    await page.reload()
    expect(await page.locator('h1').first().textContent()).toBe('Oude versie')

    await context.setOffline(false)
    await page.reload()
    expect(await page.locator('h1').first().textContent()).toBe(title)
    await context.setOffline(true)
    await page.reload()
    expect(await page.locator('h1').first().textContent()).toBe(title)
    await context.close()
  })
})

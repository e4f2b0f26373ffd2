import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Browser, Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { hasChromium, signInThroughMail, useChromium } from './chromium'

const require = createRequire(import.meta.url)
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

/** The organiser pages of the demo team and its visit; pages reached through a link are found on the way. */
const fixedPages = [
  '/teams',
  '/account',
  '/teams/demo-team-vreewijk',
  '/teams/demo-team-vreewijk/visits',
  '/teams/demo-team-vreewijk/venues',
  '/teams/demo-team-vreewijk/host-offers',
  '/teams/demo-team-vreewijk/audit',
  '/teams/demo-team-vreewijk/privacy',
  '/visits/demo-visit-vreewijk',
  '/visits/demo-visit-vreewijk/programme',
  '/visits/demo-visit-vreewijk/programme?view=list',
  '/visits/demo-visit-vreewijk/participants',
  '/visits/demo-visit-vreewijk/releases',
  '/visits/demo-visit-vreewijk/rsvps',
  '/visits/demo-visit-vreewijk/talks',
  '/visits/demo-visit-vreewijk/call',
  '/visits/demo-visit-vreewijk/slots',
  '/visits/demo-visit-vreewijk/mail-templates',
  '/visits/demo-visit-vreewijk/catering',
  '/visits/demo-visit-vreewijk/catering/orders/new',
  '/visits/demo-visit-vreewijk/photos',
  '/visits/demo-visit-vreewijk/roles',
  '/venues/demo-venue-tuin-dewit',
  '/groups/demo-group-a',
  '/items/demo-item-v1',
]

/** Pages behind the first link matching `pattern` on `from` (a talk, a participant, an order). */
const linkedPages: { from: string; pattern: RegExp }[] = [
  { from: '/visits/demo-visit-vreewijk/talks', pattern: /^\/talks\/[^/]+$/ },
  { from: '/visits/demo-visit-vreewijk/participants', pattern: /^\/participants\/[^/]+$/ },
  { from: '/visits/demo-visit-vreewijk/catering', pattern: /^\/catering\/orders\/[^/]+$/ },
]

type Size = { width: number; height: number }
const phone: Size = { width: 390, height: 844 }
const desktop: Size = { width: 1366, height: 900 }

async function signedIn(browser: Browser, baseUrl: string, size: Size) {
  const context = await browser.newContext({
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: size,
    // axe is injected into the page; the app's CSP would (rightly) refuse that script.
    bypassCSP: true,
    ...(size === phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 3 } : {}),
  })
  const page = await context.newPage()
  await signInThroughMail(page, baseUrl, 'organisator@vreewijk.example')
  return { context, page }
}

async function allPages(page: Page, baseUrl: string): Promise<string[]> {
  const found = [...fixedPages]
  for (const { from, pattern } of linkedPages) {
    await page.goto(`${baseUrl}${from}`)
    const hrefs = await page
      .locator('main a[href]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))
    const href = hrefs.find((h) => pattern.test(h))
    if (href) found.push(href)
  }
  return found
}

/** How much wider than the viewport the document is, and the widest elements that stick out. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth
    const over = document.documentElement.scrollWidth - width
    const culprits =
      over > 0
        ? Array.from(document.querySelectorAll('main *, header *'))
            .filter((el) => el.getBoundingClientRect().right > width + 1)
            .filter((el) => !el.closest('.tl-scroll, .table-scroll'))
            .slice(0, 5)
            .map(
              (el) =>
                `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)}px)`,
            )
        : []
    const header = document.querySelector('.site-header')?.getBoundingClientRect().height ?? 0
    return { over, culprits, header }
  })
}

async function axeViolations(page: Page) {
  await page.evaluate(axeSource)
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global script
    const axe = (window as any).axe
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })
    return (result.violations as { id: string; nodes: { target: string[] }[] }[]).map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    )
  })
}

describe.skipIf(!hasChromium)('every organiser page on a phone and a desktop', () => {
  const baseUrl = inject('baseUrl')
  const browser = useChromium()

  it('fits 390 px without sideways scrolling and has no axe WCAG 2.1 AA violations (Dutch)', async () => {
    const { context, page } = await signedIn(browser(), baseUrl, phone)
    const problems: string[] = []
    for (const path of await allPages(page, baseUrl)) {
      const response = await page.goto(`${baseUrl}${path}`)
      if (response?.status() !== 200) problems.push(`${path}: status ${response?.status()}`)
      const { over, culprits, header } = await overflow(page)
      if (over > 0) problems.push(`${path}: ${over}px too wide — ${culprits.join('; ')}`)
      // The signed-in header: brand and menu on at most two short lines, not three.
      if (header > 112) problems.push(`${path}: the header is ${header}px high`)
      for (const v of await axeViolations(page)) problems.push(`${path}: axe ${v}`)
    }
    await context.close()
    expect(problems).toEqual([])
  })

  it('has no axe WCAG 2.1 AA violations at 1366 px (English)', async () => {
    const { context, page } = await signedIn(browser(), baseUrl, desktop)
    const problems: string[] = []
    for (const path of await allPages(page, baseUrl)) {
      const response = await page.goto(`${baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=en`)
      if (response?.status() !== 200) problems.push(`${path}: status ${response?.status()}`)
      for (const v of await axeViolations(page)) problems.push(`${path}: axe ${v}`)
    }
    await context.close()
    expect(problems).toEqual([])
  })
})

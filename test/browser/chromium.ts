import { existsSync } from 'node:fs'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'

/** Where Chromium is: CHROMIUM_PATH, then Debian's /usr/bin/chromium, then google-chrome. */
export function findChromium(): string | undefined {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ]
  return candidates.find((p): p is string => !!p && existsSync(p))
}

const executablePath = findChromium()

if (!executablePath) {
  const message =
    '\n\n  !!! BROWSER TESTS SKIPPED: no Chromium found (set CHROMIUM_PATH, or apt-get install chromium) !!!\n\n'
  if (process.env.CI === 'true') throw new Error(`${message}  CI=true: a missing browser fails the run.`)
  console.warn(message)
}

/** True when the browser tests can run here. */
export const hasChromium = executablePath !== undefined

/** Headless Chromium with the flags this offline machine needs, and a fresh profile. */
export async function launch(): Promise<Browser> {
  if (!executablePath) throw new Error('no Chromium')
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/**
 * Chromium for the tests of one file (call in its describe): launched before them, closed after. The result
 * gives the browser inside a test.
 */
export function useChromium(): () => Browser {
  let browser: Browser | undefined
  beforeAll(async () => {
    browser = await launch()
  })
  afterAll(async () => {
    await browser?.close()
  })
  return () => {
    if (!browser) throw new Error('Chromium did not start')
    return browser
  }
}

/**
 * A page on a phone (390 × 844, touch, Dutch, Amsterdam time) that collects uncaught script errors and console
 * errors (CSP violations among them) in `errors`; `ignoreConsole` lets a test expect some.
 */
export async function phonePage(browser: Browser, opts: { ignoreConsole?: (text: string) => boolean } = {}) {
  const context = await browser.newContext({
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
  })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error' && !opts.ignoreConsole?.(m.text())) errors.push(m.text())
  })
  return { context, page, errors }
}

/** The first link in the newest mail to an address that matches `pattern`, read from /dev/mail. */
export async function mailedLink(page: Page, baseUrl: string, to: string, pattern: RegExp): Promise<string> {
  await page.goto(`${baseUrl}/dev/mail`)
  const href = await page
    .locator('article', { hasText: to })
    .first()
    .getByRole('link', { name: pattern })
    .first()
    .getAttribute('href')
  if (!href) throw new Error(`no link like ${pattern} mailed to ${to}`)
  return href
}

/** Sessions made in this file, by address: later contexts reuse them instead of asking for another link. */
const sessions = new Map<string, Awaited<ReturnType<BrowserContext['cookies']>>>()

/**
 * Signs in through the real flow: ask for a link, follow it from /dev/mail, confirm. A second sign-in of the
 * same address in this file reuses the session (the app allows 5 links per address per minute, and several
 * browser tests sign in as the demo organiser); a 429 waits for its Retry-After and asks again.
 */
export async function signInThroughMail(page: Page, baseUrl: string, email: string) {
  const known = sessions.get(email)
  if (known) {
    await page.context().addCookies(known)
    return
  }
  for (let attempt = 1; ; attempt++) {
    await page.goto(`${baseUrl}/sign-in`)
    await page.getByLabel('E-mailadres').fill(email)
    const answer = page.waitForResponse((r) => r.request().method() === 'POST')
    await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click()
    const res = await answer
    if (res.status() !== 429 || attempt === 3) break
    await page.waitForTimeout((Number(res.headers()['retry-after']) || 60) * 1000 + 250)
  }
  await page.goto(await mailedLink(page, baseUrl, email, /\/sign-in\/verify/))
  await page.getByRole('button', { name: 'Inloggen' }).click()
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'))
  sessions.set(email, await page.context().cookies())
}

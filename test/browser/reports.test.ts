import { parseFeed } from '@rowanmanning/feed-parser'
import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { hasChromium, phonePage, signInThroughMail, useChromium } from './chromium'

const SLUG = 'delegatiebezoek-deventer-2017'
const VISIT = 'demo-visit-deventer'
const TEAM = 'demo-team-leiden'
const ORGANISER = 'organisator@vreewijk.example'

/** How far the page scrolls sideways (0: it fits its viewport). */
const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

const meta = (page: Page, attr: 'property' | 'name', key: string) =>
  page.locator(`head meta[${attr}="${key}"]`).getAttribute('content')

describe.skipIf(!hasChromium)('reports: publish with photos, moderate comments, follow the news', () => {
  const baseUrl = inject('baseUrl')
  const browser = useChromium()

  it('an organiser publishes a report with a photo; its page carries Open Graph and Twitter tags', async () => {
    const { context, page, errors } = await phonePage(browser())
    await signInThroughMail(page, baseUrl, ORGANISER)
    await page.goto(`${baseUrl}/visits/${VISIT}/report`)
    await page.getByLabel('Titel').fill('Leiden leert van Deventer')
    await page.getByLabel('Inleiding').fill('Wat een **wijkbudget** kan doen. <script>alert(1)</script>')
    await page.locator('input[name="photoIds"][type="checkbox"]').first().check()
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('opgeslagen')
    // The demo report was published already: withdraw it, then publish it again.
    await page.getByRole('button', { name: 'Terugtrekken' }).click()
    await page.getByRole('button', { name: 'Publiceren' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('gepubliceerd')
    expect(await sideways(page)).toBe(0)
    expect(errors).toEqual([])
    await context.close()

    const guest = await phonePage(browser())
    await guest.page.goto(`${baseUrl}/v/${SLUG}/report`)
    expect(await guest.page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Leiden leert van Deventer',
    )
    expect(await meta(guest.page, 'property', 'og:title')).toBe('Leiden leert van Deventer')
    expect(await meta(guest.page, 'property', 'og:description')).toBe(
      'Wat een wijkbudget kan doen. <script>alert(1)</script>',
    )
    expect(await meta(guest.page, 'property', 'og:image')).toMatch(
      /\/photos\/demo-photo-deventer-1\/web-[0-9a-f]{20}\.webp$/,
    )
    expect(await meta(guest.page, 'name', 'twitter:card')).toBe('summary_large_image')
    // The photo of the impression loads, with its credit; the script in the introduction is text.
    const img = guest.page.locator('.report .photo-grid img').first()
    await expect
      .poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth))
      .toBeGreaterThan(0)
    expect(await guest.page.locator('.report').textContent()).toContain('Foto: Chris de Waard')
    expect(await guest.page.locator('.report-intro').textContent()).toContain('<script>alert(1)</script>')
    expect(await guest.page.locator('.report-intro strong').textContent()).toBe('wijkbudget')
    expect(guest.errors).toEqual([])
    await guest.context.close()
  })

  it('a resident comments; the team approves it; the resident withdraws it by their own link', async () => {
    const resident = await phonePage(browser())
    await resident.page.goto(`${baseUrl}/v/${SLUG}/report`)
    const count = async () => (await resident.page.locator('#comments').textContent()) ?? ''
    const before = Number((await count()).match(/\((\d+)/)?.[1])
    await resident.page.getByRole('link', { name: 'Reageer op dit verslag' }).click()
    await resident.page.getByLabel('Je naam').fill('Wijkbewoner Anouk')
    await resident.page.getByLabel('Je reactie').fill('Goed idee voor Leiden! Meer op https://anouk.example')
    // The form must have been on screen a few seconds (a script posts at once).
    await resident.page.waitForTimeout(3_500)
    await resident.page.getByRole('button', { name: 'Reactie versturen' }).click()
    await resident.page.getByRole('heading', { name: 'Bedankt voor je reactie' }).waitFor()
    const withdrawHref = await resident.page.locator('a[href*="/rc/"]').getAttribute('href')
    expect(withdrawHref).toMatch(/\/rc\/[A-Za-z0-9_-]{43}$/)
    await resident.page.goto(`${baseUrl}/v/${SLUG}/report`)
    expect(await count()).toContain(`(${before} `)

    // The team was mailed, with a link to the moderation list, where links are not clickable yet.
    const mail = (await (await fetch(`${baseUrl}/dev/mail/latest?to=${ORGANISER}`)).json()) as {
      subject: string
      links: string[]
    }
    expect(mail.subject).toContain('Nieuwe reactie')
    const moderation = mail.links.find((l) => l.endsWith(`/visits/${VISIT}/report#comments`))
    expect(moderation).toBeDefined()
    const team = await phonePage(browser())
    await signInThroughMail(team.page, baseUrl, ORGANISER)
    await team.page.goto(moderation ?? '')
    const held = team.page.locator('.report-comments li', { hasText: 'Wijkbewoner Anouk' })
    expect(await held.locator('a').count()).toBe(0)
    await held.getByRole('button', { name: 'Goedkeuren' }).click()
    await expect.poll(() => team.page.getByRole('status').textContent()).toContain('bijgewerkt')
    await team.context.close()

    await resident.page.goto(`${baseUrl}/v/${SLUG}/report`)
    expect(await count()).toContain(`(${before + 1} `)
    const shown = resident.page.locator('.report-comments li', { hasText: 'Wijkbewoner Anouk' })
    expect(await shown.getByRole('link', { name: 'https://anouk.example' }).getAttribute('rel')).toBe(
      'nofollow ugc noopener',
    )
    await resident.page.goto(withdrawHref ?? '')
    await resident.page.getByRole('button', { name: 'Reactie intrekken' }).click()
    // Asked first: one tap on a phone must not withdraw it by mistake.
    await resident.page.getByRole('button', { name: 'Ja, trek mijn reactie in' }).click()
    await resident.page.getByRole('heading', { name: 'Je reactie is ingetrokken' }).waitFor()
    await resident.page.goto(`${baseUrl}/v/${SLUG}/report`)
    expect(await count()).toContain(`(${before} `)
    expect(resident.errors).toEqual([])
    await resident.context.close()
  })

  it("the team's news feed is read by a real feed parser, and the news page links it", async () => {
    const res = await fetch(`${baseUrl}/news/${TEAM}/feed.atom`)
    expect(res.status).toBe(200)
    const feed = parseFeed(await res.text())
    expect(feed.meta.type).toBe('atom')
    expect(feed.items.map((i) => i.title)).toContain('Leiden leert van Deventer')
    expect(feed.items[0]?.url).toMatch(new RegExp(`/v/${SLUG}/report$`))
    const { context, page } = await phonePage(browser())
    await page.goto(`${baseUrl}/news/${TEAM}`)
    expect(
      await page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute('href'),
    ).toBe(`/news/${TEAM}/feed.atom`)
    await context.close()
  })

  it('fits a phone and a desktop, in Dutch and English', async () => {
    const paths = [
      `/v/collegebezoek-vreewijk-2017/report`,
      `/v/${SLUG}/report/comment`,
      `/news/demo-team-vreewijk`,
      `/visits/demo-visit-vreewijk/report`,
      `/visits/demo-visit-vreewijk/follow-ups`,
      `/teams/demo-team-vreewijk/follow-ups?status=overdue`,
      `/follow-ups/demo-follow-up-wadi`,
    ]
    for (const width of [390, 1280]) {
      for (const lang of ['nl', 'en']) {
        // Signed in through the Dutch form; ?lang= chooses the language of each page.
        const context = await browser().newContext({ viewport: { width, height: 900 }, locale: 'nl-NL' })
        const page = await context.newPage()
        await signInThroughMail(page, baseUrl, ORGANISER)
        for (const p of paths) {
          const res = await page.goto(`${baseUrl}${p}${p.includes('?') ? '&' : '?'}lang=${lang}`)
          expect(res?.status(), p).toBe(200)
          expect(await page.locator('html').getAttribute('lang'), p).toBe(lang)
          expect(await sideways(page), `${p} at ${width}px`).toBe(0)
          if (process.env.REPORT_SCREENSHOTS) {
            await page.screenshot({
              path: `${process.env.REPORT_SCREENSHOTS}/${width}-${lang}-${p.replace(/[^a-z0-9]+/gi, '_')}.png`,
              fullPage: true,
            })
          }
        }
        await context.close()
      }
    }
  })
})

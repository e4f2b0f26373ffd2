import { readFile } from 'node:fs/promises'
import exifr from 'exifr'
import { unzipSync } from 'fflate'
import type { Browser, Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { gardenPainter, makeJpeg } from '../../workers/dev/demo-photos'
import { hasChromium, phonePage, useChromium } from './chromium'

/** Where the test's photo was "taken": a resident's private garden, and the camera's serial numbers. */
const GARDEN = { latitude: 52.15187, longitude: 4.50531 }
const SECRETS = { bodySerial: 'BROWSER-BODY-5150', lensSerial: 'BROWSER-LENS-8080' }
const SLUG = 'delegatiebezoek-deventer-2017'
const VISIT = 'demo-visit-deventer'
const ORGANISER = 'organisator@vreewijk.example'

/** The RIFF chunks of a WebP file: their four-letter ids and payloads. */
function riffChunks(bytes: Uint8Array) {
  const text = (at: number, n: number) => String.fromCharCode(...bytes.slice(at, at + n))
  if (text(0, 4) !== 'RIFF' || text(8, 4) !== 'WEBP') throw new Error(`not a WebP file: ${text(0, 12)}`)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const chunks: { id: string; payload: Uint8Array }[] = []
  for (let at = 12; at + 8 <= bytes.length; ) {
    const size = view.getUint32(at + 4, true)
    chunks.push({ id: text(at, 4), payload: bytes.slice(at + 8, at + 8 + size) })
    at += 8 + size + (size % 2)
  }
  return chunks
}

/**
 * What exifr reads from a WebP file. exifr knows no WebP container (it throws "Unknown file format" for one),
 * so the EXIF chunk, where a WebP keeps EXIF, is handed to it as the TIFF block it is. No EXIF chunk: nothing.
 */
async function webpExif(bytes: Uint8Array) {
  const chunks = riffChunks(bytes)
  const exif = chunks.find((c) => c.id === 'EXIF')
  const tiff = exif && exif.payload[0] === 0x45 ? exif.payload.slice(6) : exif?.payload // "Exif\0\0" or not
  return {
    chunks: chunks.map((c) => c.id),
    tags: tiff ? ((await exifr.parse(tiff, true)) as Record<string, unknown> | undefined) : undefined,
  }
}

/** A WebP with the JPEG's EXIF in an EXIF chunk: proves webpExif finds a position when there is one. */
function webpCarrying(jpeg: Uint8Array) {
  const app1 = jpeg.indexOf(0xe1, 2) // FF D8 FF E1: the Exif segment right after SOI
  const length = ((jpeg[app1 + 1] ?? 0) << 8) | (jpeg[app1 + 2] ?? 0)
  const tiff = jpeg.slice(app1 + 3 + 6, app1 + 1 + length)
  const pad = tiff.length % 2
  const body = new Uint8Array(4 + 8 + tiff.length + pad)
  body.set(new TextEncoder().encode('WEBPEXIF'))
  new DataView(body.buffer).setUint32(8, tiff.length, true)
  body.set(tiff, 12)
  const out = new Uint8Array(8 + body.length)
  out.set(new TextEncoder().encode('RIFF'))
  new DataView(out.buffer).setUint32(4, body.length, true)
  out.set(body, 8)
  return out
}

const contains = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text, 'latin1'))

/** True when the page is no wider than its viewport (nothing to scroll sideways). */
const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

describe.skipIf(!hasChromium)(
  'photos: an organiser uploads, approves; guests see a location-safe gallery',
  () => {
    const baseUrl = inject('baseUrl')
    const browser = useChromium()

    async function signIn(page: Page) {
      await page.goto(`${baseUrl}/sign-in`)
      await page.getByLabel('E-mailadres').fill(ORGANISER)
      await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click()
      await page.goto(`${baseUrl}/dev/mail`)
      await page
        .locator('article', { hasText: ORGANISER })
        .first()
        .getByRole('link', { name: /\/sign-in\/verify/ })
        .first()
        .click()
      await page.getByRole('button', { name: 'Inloggen' }).click()
      await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'))
    }

    /** The same pages at a laptop's size. */
    async function desktopPage(b: Browser) {
      const context = await b.newContext({ locale: 'nl-NL', viewport: { width: 1366, height: 768 } })
      return { context, page: await context.newPage() }
    }

    it('several files at once with progress, one refused; approved, shown, and by keyboard in the lightbox', async () => {
      // Script errors and CSP violations fail the test; the refused upload's 415 is an expected answer.
      const { context, page, errors } = await phonePage(browser(), {
        ignoreConsole: (text) => text.startsWith('Failed to load resource'),
      })
      await signIn(page)

      // The files: a phone photo with GPS and serial numbers, large enough to go in two parts; two small ones;
      // and a PDF renamed to .jpg, which must be refused by its bytes.
      const phone = makeJpeg({
        width: 640,
        height: 480,
        paint: gardenPainter(3),
        exif: { gps: GARDEN, make: 'Apple', model: 'iPhone 8', takenAt: '2017:09:22 11:05:00', ...SECRETS },
        padTo: 12 * 1024 * 1024,
      })
      // The fixture really carries what must not leak, so the checks below can fail.
      const tags = await exifr.parse(phone, true)
      expect(tags.latitude).toBeCloseTo(GARDEN.latitude, 3)
      expect(tags.SerialNumber).toBe(SECRETS.bodySerial)
      expect(tags.LensSerialNumber).toBe(SECRETS.lensSerial)
      const carrying = await webpExif(webpCarrying(phone))
      expect(carrying.tags?.latitude).toBeCloseTo(GARDEN.latitude, 3)
      expect(carrying.tags?.SerialNumber).toBe(SECRETS.bodySerial)
      const files = [
        { name: 'stadhuis-ontvangst.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(phone) },
        {
          name: 'rivierenwijk-plein.jpg',
          mimeType: 'image/jpeg',
          buffer: Buffer.from(makeJpeg({ width: 480, height: 320, paint: gardenPainter(5) })),
        },
        {
          name: 'keizerslanden-tuin.jpg',
          mimeType: 'image/jpeg',
          buffer: Buffer.from(makeJpeg({ width: 320, height: 480, paint: gardenPainter(7) })),
        },
        {
          name: 'verslag.jpg',
          mimeType: 'image/jpeg',
          buffer: Buffer.from(
            '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
          ),
        },
      ]

      await page.goto(`${baseUrl}/visits/${VISIT}/photos`)
      expect(await sideways(page)).toBeLessThanOrEqual(0)
      const uploader = page.locator('[data-uploader]')
      await uploader.getByLabel("Kies foto's").setInputFiles(files)
      // Every value each progress bar takes, from the first to the last (the script sets their value attribute).
      await page.evaluate(() => {
        const seen: Record<string, number[]> = {}
        ;(window as unknown as { seen: typeof seen }).seen = seen
        new MutationObserver((records) => {
          for (const r of records) {
            const bar = r.target as HTMLProgressElement
            if (bar.tagName !== 'PROGRESS') continue
            const name = bar.getAttribute('aria-label') ?? bar.id
            seen[name] ??= []
            seen[name].push(bar.value)
          }
        }).observe(document.querySelector('[data-uploader]') as Node, {
          attributes: true,
          attributeFilter: ['value'],
          subtree: true,
        })
      })
      // A slow line (4 MB/s up), so the overall bar and its time left show on the way.
      const cdp = await context.newCDPSession(page)
      await cdp.send('Network.enable')
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 20,
        downloadThroughput: -1,
        uploadThroughput: 4 * 1024 * 1024,
      })
      await uploader.getByRole('button', { name: 'Uploaden' }).click()

      // A bar per file and one overall.
      const overall = page.getByRole('progressbar', { name: 'Totaal' })
      await overall.waitFor({ state: 'visible' })
      for (const f of files) expect(await page.getByRole('progressbar', { name: f.name }).count()).toBe(1)
      await page.locator('.upload-overall .text', { hasText: /nog \d+ s/ }).waitFor({ timeout: 20_000 })
      await uploader
        .getByRole('status')
        .filter({ hasText: 'Dank je wel! 3 foto’s zijn aangekomen.' })
        .waitFor({ timeout: 40_000 })
        .catch(async (error) => {
          throw new Error(`${error.message}\nthe uploader showed: ${await uploader.textContent()}`)
        })
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      })
      const rows = uploader.locator('.upload-list li')
      expect(await rows.count()).toBe(4)
      for (const name of files.slice(0, 3).map((f) => f.name)) {
        expect(await rows.filter({ hasText: name }).locator('.state').textContent()).toBe(' Klaar')
        expect(
          await page.getByRole('progressbar', { name }).evaluate((b: HTMLProgressElement) => b.value),
        ).toBe(1)
      }
      expect(await overall.evaluate((b: HTMLProgressElement) => b.value)).toBe(1)
      const seen = await page.evaluate(() => (window as unknown as { seen: Record<string, number[]> }).seen)
      const between = (list: number[] | undefined) => (list ?? []).filter((v) => v > 0 && v < 1)
      // The two-part photo and the whole were seen on their way, not only empty and full.
      expect(between(seen['stadhuis-ontvangst.jpg']).length).toBeGreaterThan(0)
      expect(between(seen['upload-overall-bar']).length).toBeGreaterThan(0)
      expect(seen['stadhuis-ontvangst.jpg']).toEqual(
        [...(seen['stadhuis-ontvangst.jpg'] ?? [])].sort((a, b) => a - b),
      )

      // The renamed PDF is refused with a message that says why, and that message stays to be read.
      const refused = rows.filter({ hasText: 'verslag.jpg' })
      expect(await refused.getAttribute('class')).toBe('upload-row-failed')
      expect(await refused.locator('.state').textContent()).toBe(
        ' Mislukt: Dit is geen JPEG-, PNG- of WebP-foto. Er is niets opgeslagen.',
      )
      expect(await uploader.getByRole('status').textContent()).toBe(
        'Dank je wel! 3 foto’s zijn aangekomen. Mislukt: verslag.jpg',
      )
      // No reload takes it away (the page reloads by itself only when every file arrived).
      await page.waitForTimeout(2_000)
      expect(await refused.isVisible()).toBe(true)

      // The team's page lists the three; the organiser approves them and settles consent.
      await page.reload()
      const names = files.slice(0, 3).map((f) => f.name)
      for (const name of names)
        expect(await page.locator('.photo-grid li', { hasText: name }).count()).toBe(1)
      expect(await page.locator('.photo-grid li', { hasText: 'verslag' }).count()).toBe(0)
      for (const [action, done] of [
        ['Goedkeuren', '3 foto’s zijn bijgewerkt.'],
        ['Toestemming gegeven', '3 foto’s zijn bijgewerkt.'],
      ] as const) {
        for (const name of names) await page.getByLabel(`Kies foto ${name}`).check()
        await page.getByRole('button', { name: action, exact: true }).click()
        await page.waitForURL(/bulk=3/)
        expect(await page.getByRole('status').first().textContent()).toBe(done)
      }
      for (const name of names) {
        const card = page.locator('.photo-grid li', { hasText: name })
        expect(await card.locator('.photo-status').textContent()).toBe('Openbaar')
      }
      expect(await sideways(page)).toBeLessThanOrEqual(0)

      // A guest on a phone opens the public gallery: the demo photo and the three new ones.
      const { context: guestContext, page: guest, errors: guestErrors } = await phonePage(browser())
      await guest.goto(`${baseUrl}/v/${SLUG}/photos`)
      const links = guest.locator('.photo-grid a[data-full]')
      expect(await links.count()).toBe(4)
      expect(await sideways(guest)).toBeLessThanOrEqual(0)

      // The lightbox by keyboard: Enter opens it on the focused photo, the arrow goes on, Escape closes it,
      // and focus is back on the photo it was opened from.
      await links.nth(0).focus()
      await guest.keyboard.press('Enter')
      const dialog = guest.getByRole('dialog', { name: 'Foto groot bekijken' })
      await dialog.waitFor({ state: 'visible' })
      expect(await dialog.locator('.counter').textContent()).toBe('Foto 1 van 4')
      expect(await guest.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true)
      const src = () => dialog.locator('img').getAttribute('src')
      expect(await src()).toBe(await links.nth(0).getAttribute('data-full'))
      expect(await sideways(guest)).toBeLessThanOrEqual(0)
      await guest.keyboard.press('ArrowRight')
      expect(await dialog.locator('.counter').textContent()).toBe('Foto 2 van 4')
      expect(await src()).toBe(await links.nth(1).getAttribute('data-full'))
      await guest.keyboard.press('ArrowLeft')
      await guest.keyboard.press('ArrowLeft')
      expect(await dialog.locator('.counter').textContent()).toBe('Foto 4 van 4')
      await guest.keyboard.press('Escape')
      await dialog.waitFor({ state: 'hidden' })
      expect(await links.nth(0).evaluate((a) => a === document.activeElement)).toBe(true)

      // Each photo as the lightbox shows it, fetched by the page: what a guest can save.
      const publicFiles: { name: string; bytes: Uint8Array }[] = []
      for (let i = 0; i < 4; i++) {
        await links.nth(i).click()
        await dialog.waitFor({ state: 'visible' })
        const fetched = await guest.evaluate(async () => {
          const img = document.querySelector('dialog.lightbox img') as HTMLImageElement
          const res = await fetch(img.src)
          return {
            type: res.headers.get('content-type'),
            bytes: [...new Uint8Array(await res.arrayBuffer())],
          }
        })
        expect(fetched.type).toBe('image/webp')
        publicFiles.push({ name: `lightbox ${i + 1}`, bytes: new Uint8Array(fetched.bytes) })
        await guest.keyboard.press('Escape')
        await dialog.waitFor({ state: 'hidden' })
      }

      // "Download all": the ZIP as the browser saves it.
      const [download] = await Promise.all([
        guest.waitForEvent('download'),
        guest.getByRole('link', { name: "Alle foto's downloaden (ZIP)" }).click(),
      ])
      expect(download.suggestedFilename()).toBe(`${SLUG}-fotos.zip`)
      const zip = unzipSync(new Uint8Array(await readFile((await download.path()) as string)))
      // Named by position and caption: 01-ontvangst-in-het-wijkcentrum.webp, 02.webp, …
      expect(Object.keys(zip).map((n) => n.replace(/^(\d\d)-[a-z0-9-]+\.webp$/, '$1.webp'))).toEqual([
        '01.webp',
        '02.webp',
        '03.webp',
        '04.webp',
        'credits.txt',
      ])
      for (const [name, bytes] of Object.entries(zip)) {
        if (name.endsWith('.webp')) publicFiles.push({ name, bytes })
      }
      expect(publicFiles.length).toBe(8)
      for (const { name, bytes } of publicFiles) {
        const read = await webpExif(bytes)
        expect(read.chunks, name).not.toContain('EXIF')
        expect(read.chunks, name).not.toContain('XMP ')
        expect(read.tags, name).toBeUndefined()
        for (const marker of [SECRETS.bodySerial, SECRETS.lensSerial, 'iPhone', 'Exif', 'II*\0', 'MM\0*']) {
          expect(contains(bytes, marker), `${name} carries ${JSON.stringify(marker)}`).toBe(false)
        }
      }

      // The same pages on a laptop do not scroll sideways either, nor with the lightbox open.
      const desktop = await desktopPage(browser())
      await desktop.page.goto(`${baseUrl}/v/${SLUG}/photos`)
      expect(await sideways(desktop.page)).toBeLessThanOrEqual(0)
      await desktop.page.locator('.photo-grid a[data-full]').first().click()
      await desktop.page.getByRole('dialog').waitFor({ state: 'visible' })
      expect(await sideways(desktop.page)).toBeLessThanOrEqual(0)
      const team = await desktop.context.newPage()
      await team.context().addCookies(await context.cookies())
      await team.goto(`${baseUrl}/visits/${VISIT}/photos`)
      expect(await team.locator('h1').textContent()).toBe("Foto's")
      expect(await sideways(team)).toBeLessThanOrEqual(0)

      expect(errors).toEqual([])
      expect(guestErrors).toEqual([])
      await desktop.context.close()
      await guestContext.close()
      await context.close()
    })
  },
)

describe.skipIf(!hasChromium)("the schedule's service worker and the photos", () => {
  const baseUrl = inject('baseUrl')
  const browser = useChromium()

  it('keeps the pages for offline reading, but not the photos ZIP nor parts of a file (Range, 206)', async () => {
    const { context, page, errors } = await phonePage(browser())
    await page.goto(`${baseUrl}/v/${SLUG}`)
    // The schedule registers the worker; once it controls the page, what the page fetches goes through it.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 20_000,
    })
    await page.goto(`${baseUrl}/v/${SLUG}/photos`)
    const variant = (await page.locator('.photo-grid a[data-full]').first().getAttribute('data-full')) ?? ''
    expect(variant).toMatch(/\/web-[0-9a-f]{20}\.webp$/)
    const answers = await page.evaluate(
      async ({ variant, slug }) => {
        const zip = await fetch(`/v/${slug}/photos.zip`)
        await zip.arrayBuffer()
        const part = await fetch(variant, { headers: { range: 'bytes=0-99' } })
        const partBytes = (await part.arrayBuffer()).byteLength
        const whole = await fetch(variant)
        await whole.arrayBuffer()
        return { zip: zip.status, part: part.status, partBytes, whole: whole.status }
      },
      { variant, slug: SLUG },
    )
    expect(answers).toEqual({ zip: 200, part: 206, partBytes: 100, whole: 200 })
    // The worker stores its copies after answering: wait until the whole variant (fetched last) is kept.
    const kept = async () =>
      page.evaluate(async () => {
        const cache = await caches.open('rondgang-schedule-v3')
        return Promise.all(
          (await cache.keys()).map(async (r) => ({
            path: new URL(r.url).pathname,
            status: (await cache.match(r))?.status,
            range: r.headers.get('range'),
          })),
        )
      })
    await expect
      .poll(async () => (await kept()).some((k) => k.path === new URL(variant, baseUrl).pathname))
      .toBe(true)
    const entries = await kept()
    // Positive controls: the schedule, the gallery and the whole variant are kept...
    const paths = entries.map((e) => e.path)
    expect(paths).toContain(`/v/${SLUG}/photos`)
    expect(paths).toContain(new URL(variant, baseUrl).pathname)
    // ...the ZIP is not, and no copy is a part of a file.
    expect(paths).not.toContain(`/v/${SLUG}/photos.zip`)
    expect(entries.filter((e) => e.status === 206 || e.range !== null)).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })
})

import type { APIRequestContext, Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { hasChromium, phonePage, signInThroughMail, useChromium } from './chromium'

type Box = { x: number; y: number; width: number; height: number }

/** The area two boxes share, in square pixels (0 when they only touch). */
const shared = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y))

describe.skipIf(!hasChromium)('the programme day view', () => {
  const baseUrl = inject('baseUrl')
  const browser = useChromium()

  /** A team of its own with a visit of 7 groups and items that overlap in several ways; its programme's URL. */
  async function crowdedVisit(request: APIRequestContext) {
    const post = async (path: string, data: unknown) => {
      const res = await request.post(`${baseUrl}${path}`, {
        data,
        headers: { origin: baseUrl, accept: 'application/json' },
      })
      expect(res.status(), await res.text()).toBe(201)
      return (await res.json()) as { id?: string; item?: { id: string } }
    }
    const team = await post('/api/teams', { name: 'Dagoverzicht' })
    const visit = await post(`/api/teams/${team.id}/visits`, {
      kind: 'delegation_tour',
      title: 'Drukke dag',
      startDate: '2027-06-12',
      endDate: '2027-06-12',
    })
    const venue = await post(`/api/teams/${team.id}/venues`, { name: 'Stadhuis', kind: 'other' })
    const groups: string[] = []
    for (let i = 1; i <= 7; i++) {
      const group = await post(`/api/visits/${visit.id}/groups`, { name: `Groep ${i}`, position: i })
      groups.push(group.id ?? '')
    }
    const item = (title: string, start: string, end: string, groupIds: string[] = [], venueId?: string) =>
      post(`/api/visits/${visit.id}/items`, {
        kind: 'tour',
        title,
        date: '2027-06-12',
        start,
        end,
        groupIds,
        ...(venueId ? { venueId } : {}),
      })
    // For everyone, overlapping two items of group 1; three items of group 2 at once; one item for groups 6
    // and 7 at the same time as one of group 7 alone; and an item for everyone that overlaps nothing.
    await item('Welkom voor iedereen', '09:00', '09:45', [], venue.id)
    await item('Groep 1 vroeg', '09:15', '10:00', [groups[0]!])
    await item('Groep 1 ook', '09:30', '10:30', [groups[0]!])
    await item('Drie tegelijk A', '10:00', '11:00', [groups[1]!])
    await item('Drie tegelijk B', '10:00', '11:00', [groups[1]!])
    await item('Drie tegelijk C', '10:15', '10:45', [groups[1]!])
    await item('Samen 6 en 7', '11:00', '12:00', [groups[5]!, groups[6]!])
    await item('Alleen 7', '11:30', '12:30', [groups[6]!])
    await item('Lunch', '13:00', '14:00', [], venue.id)
    return `${baseUrl}/visits/${visit.id}/programme`
  }

  async function itemBoxes(page: Page) {
    const items = page.locator('.tl-item')
    const boxes: { text: string; box: Box }[] = []
    for (let i = 0; i < (await items.count()); i++) {
      const box = await items.nth(i).boundingBox()
      if (box) boxes.push({ text: (await items.nth(i).textContent()) ?? '', box })
    }
    return boxes
  }

  it('at 1366 px: no item drawn over another, and every lane in view or reachable by keyboard', async () => {
    const context = await browser().newContext({
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
      viewport: { width: 1366, height: 900 },
    })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await signInThroughMail(page, baseUrl, 'dagoverzicht@vreewijk.example')
    const programme = await crowdedVisit(context.request)
    await page.goto(programme)

    // Every item's blocks, and none overlaps another (the grid draws them side by side).
    const boxes = await itemBoxes(page)
    expect(boxes.length).toBeGreaterThanOrEqual(9)
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        expect(shared(a.box, b.box), `${a.text} over ${b.text}`).toBeLessThan(1)
      }
      // Wide enough to read the time.
      expect(a.box.width, a.text).toBeGreaterThan(80)
    }

    // Every lane: in the window, or brought into it with the keyboard in the focusable scrolling region.
    const region = page.locator('.tl-scroll')
    const lanes = page.locator('.tl-lane')
    expect(await lanes.count()).toBe(8)
    const overflows = await region.evaluate((el) => el.scrollWidth > el.clientWidth)
    if (overflows) await expect.poll(() => page.locator('.tl-hint').isVisible()).toBe(true)
    await page.keyboard.press('Tab')
    for (let i = 0; i < 60 && !(await region.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab')
    }
    expect(await region.evaluate((el) => el === document.activeElement)).toBe(true)
    const regionBox = (await region.boundingBox())!
    expect(regionBox.x).toBeGreaterThanOrEqual(0)
    expect(regionBox.x + regionBox.width).toBeLessThanOrEqual(1366)
    for (let i = 0; i < (await lanes.count()); i++) {
      const lane = lanes.nth(i)
      for (let presses = 0; presses < 80; presses++) {
        const box = (await lane.boundingBox())!
        if (box.x >= regionBox.x - 1 && box.x + box.width <= regionBox.x + regionBox.width + 1) break
        await page.keyboard.press(box.x < regionBox.x ? 'ArrowLeft' : 'ArrowRight')
      }
      const box = (await lane.boundingBox())!
      const name = (await lane.textContent()) ?? ''
      expect(box.x, name).toBeGreaterThanOrEqual(regionBox.x - 1)
      expect(box.x + box.width, name).toBeLessThanOrEqual(regionBox.x + regionBox.width + 1)
    }
    // The page itself does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366)
    expect(errors).toEqual([])
    await context.close()
  })

  it('on a phone: the day as a list in time order, nothing wider than the screen', async () => {
    const { context, page, errors } = await phonePage(browser())
    await signInThroughMail(page, baseUrl, 'dagoverzicht@vreewijk.example')
    const programme = await crowdedVisit(context.request)
    await page.goto(programme)
    const shown = (await itemBoxes(page)).filter((b) => b.box.width > 0 && b.box.height > 0)
    // Each item once (the blocks an item has in further lanes are not repeated), one under the other.
    expect(shown.map((b) => b.text.match(/\d\d:\d\d–\d\d:\d\d/)?.[0])).toEqual([
      '09:00–09:45',
      '09:15–10:00',
      '09:30–10:30',
      '10:00–11:00',
      '10:00–11:00',
      '10:15–10:45',
      '11:00–12:00',
      '11:30–12:30',
      '13:00–14:00',
    ])
    for (const [i, b] of shown.entries()) {
      if (i > 0) expect(b.box.y).toBeGreaterThanOrEqual(shown[i - 1]!.box.y + shown[i - 1]!.box.height - 1)
      expect(b.box.x + b.box.width).toBeLessThanOrEqual(390)
    }
    // Who an item is for is said in the list, as there are no lanes.
    expect(shown[3]?.text).toContain('Groep 2')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    // The lanes can still be asked for.
    await page.getByRole('link', { name: 'Dagoverzicht', exact: true }).click()
    await page.waitForURL(/view=timeline/)
    expect(await page.locator('.tl-lane').first().isVisible()).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  })
})

import { describe, expect, it } from 'vitest'
import { form, page } from '../../../test/integration/helpers'
import { makeWorld } from '../../../test/integration/world'

/** The lines of the error summary on a page. */
const summaryLines = (html: string) =>
  [
    ...(html.match(/<div class="error-summary"[\s\S]*?<\/div>/)?.[0] ?? '').matchAll(
      /<a href="[^"]*">([^<]*)<\/a>/g,
    ),
  ].map((m) => m[1])

describe('a refused form', () => {
  it('names the field in each line of its summary, which takes the focus', async () => {
    const w = await makeWorld()
    const res = await form(
      `/visits/${w.visitA}/items`,
      { kind: 'talk', title: '', date: '2027-06-12', start: '', end: '' },
      { cookie: w.person.organiser.cookie },
    )
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toMatch(/<div class="error-summary"[^>]*autofocus/)
    const lines = summaryLines(html)
    expect(lines.length).toBeGreaterThanOrEqual(2)
    expect(lines.some((l) => l?.startsWith('Begintijd: '))).toBe(true)
    expect(lines.some((l) => l?.startsWith('Eindtijd: '))).toBe(true)
    // No two lines say the same thing.
    expect(new Set(lines).size).toBe(lines.length)
  })

  it('an unknown page is headed as such, in the reader’s language', async () => {
    expect(await (await page('/bestaat-niet')).text()).toContain(
      '<h1 id="error-title">Pagina niet gevonden</h1>',
    )
    expect(await (await page('/bestaat-niet?lang=en')).text()).toContain(
      '<h1 id="error-title">Page not found</h1>',
    )
  })
})

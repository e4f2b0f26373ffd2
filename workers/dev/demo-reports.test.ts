import { env, SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { ORIGIN, url } from '../../test/integration/helpers'

const seed = () => SELF.fetch(url('/dev/seed'), { method: 'POST', headers: { origin: ORIGIN } })

describe('the demo reports', () => {
  it('publish the Vreewijk report with talks, photos, comments and follow-ups, and the resident’s report of Deventer', async () => {
    expect((await seed()).status).toBe(200)
    const html = await (await SELF.fetch(url('/v/collegebezoek-vreewijk-2017/report'))).text()
    expect(html).toContain('Collegebezoek Vreewijk 19 september jl.')
    expect(html).toContain('Groen en water in de tuinwijk')
    expect(html).toContain('Samen ouder worden in Vreewijk')
    expect(html).toContain('Foto: Chris de Waard')
    expect(html).toContain('2 reacties')
    expect(html).toContain('Wadi bij de Lange Hof onderzoeken')
    expect(html).toContain('klaar in maart 2018')
    expect(html).toMatch(/<meta property="og:image" content="[^"]+\/photos\/demo-photo-vreewijk-1\/web-/)
    const news = await (await SELF.fetch(url('/news/demo-team-leiden'))).text()
    expect(news).toContain('Op bezoek in Deventer')
    expect(news).toContain('Marieke Jansen, bewoner van Vreewijk')
    // Loading twice adds nothing.
    expect((await seed()).status).toBe(200)
    const count = await env.DB.prepare(
      "SELECT count(*) AS n FROM report_comments WHERE report_id = 'demo-report-vreewijk'",
    ).first<{ n: number }>()
    expect(count?.n).toBe(2)
  })
})

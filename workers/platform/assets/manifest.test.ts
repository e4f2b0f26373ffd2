import { describe, expect, it } from 'vitest'
import { page } from '../../../test/integration/helpers'

describe('the web manifest', () => {
  it('names the app with its icon and colour, and every page links it', async () => {
    const res = await page('/assets/manifest.webmanifest?lang=en')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/manifest+json')
    const manifest = (await res.json()) as { name: string; lang: string; icons: { src: string }[] }
    expect(manifest).toMatchObject({ name: 'Rondgang', lang: 'en', start_url: '/', theme_color: '#1f6b3a' })
    expect(manifest.icons.map((i) => i.src)).toEqual(['/assets/icon.svg'])
    const home = await (await page('/')).text()
    expect(home).toContain('<link rel="manifest" href="/assets/manifest.webmanifest"/>')
    expect(home).toContain('<meta name="theme-color" content="#1f6b3a"/>')
  })
})

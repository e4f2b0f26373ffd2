import { unzlibSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { page } from '../../../test/integration/helpers'

describe('the web manifest', () => {
  it('names the app with its icon and colour, and every page links it', async () => {
    const res = await page('/assets/manifest.webmanifest?lang=en')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/manifest+json')
    const manifest = (await res.json()) as { name: string; lang: string; icons: { src: string }[] }
    expect(manifest).toMatchObject({ name: 'Rondgang', lang: 'en', start_url: '/', theme_color: '#1f6b3a' })
    expect(manifest.icons.map((i) => i.src)).toEqual([
      '/assets/icon.svg',
      '/assets/icon-192-v1.png',
      '/assets/icon-512-v1.png',
      '/assets/icon-512-v1.png',
    ])
    const home = await (await page('/')).text()
    expect(home).toContain('<link rel="manifest" href="/assets/manifest.webmanifest"/>')
    expect(home).toContain('<meta name="theme-color" content="#1f6b3a"/>')
    expect(home).toContain('<link rel="apple-touch-icon" sizes="180x180" href="/assets/icon-180-v1.png"/>')
  })

  it('serves PNG icons of 180, 192 and 512 px, drawn in code, kept for a year', async () => {
    for (const size of [180, 192, 512]) {
      const res = await page(`/assets/icon-${size}-v1.png`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('image/png')
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
      const png = new Uint8Array(await res.arrayBuffer())
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
      const view = new DataView(png.buffer)
      // 8-bit palette (colour type 3): header, then the palette, then the pixels.
      expect([view.getUint32(16), view.getUint32(20), png[24], png[25]]).toEqual([size, size, 8, 3])
      const chunks = new Map<string, Uint8Array>()
      for (let at = 8; at < png.length; at += 12 + view.getUint32(at)) {
        const type = String.fromCharCode(...png.subarray(at + 4, at + 8))
        chunks.set(type, png.subarray(at + 8, at + 8 + view.getUint32(at)))
      }
      const palette = chunks.get('PLTE') ?? new Uint8Array()
      const rows = unzlibSync(chunks.get('IDAT') ?? new Uint8Array())
      expect(rows.length).toBe(size * (size + 1))
      const pixel = (x: number, y: number) => {
        const index = rows[y * (size + 1) + 1 + x] ?? -1
        return [...palette.subarray(index * 3, index * 3 + 3)]
      }
      // Green in the corner (the field fills the square), white in the dot (16, 11 of the SVG's 32-unit box,
      // the figure drawn at 80% around the middle), green again below the arc.
      const at = (u: number) => Math.floor(size / 2 + ((u - 16) * (size * 0.8)) / 32)
      expect(pixel(0, 0)).toEqual([0x1f, 0x6b, 0x3a])
      expect(pixel(at(16), at(11))).toEqual([255, 255, 255])
      expect(pixel(at(9.2), at(19.8))).toEqual([255, 255, 255])
      expect(pixel(at(16), at(26))).toEqual([0x1f, 0x6b, 0x3a])
    }
    expect((await page('/assets/icon-64-v1.png')).status).toBe(404)
  })
})

import { env, SELF } from 'cloudflare:test'
import exifr from 'exifr'
import { describe, expect, it } from 'vitest'
import { ORIGIN, url } from '../../test/integration/helpers'

describe('the demo photo impression', () => {
  it('loads credited photos whose originals carry GPS and whose public versions do not', async () => {
    const seeded = await SELF.fetch(url('/dev/seed'), { method: 'POST', headers: { origin: ORIGIN } })
    expect(seeded.status).toBe(200)
    const original = new Uint8Array(
      await (await env.PHOTOS.get(
        'photos/demo-visit-vreewijk/demo-photo-vreewijk-1/original',
      ))!.arrayBuffer(),
    )
    expect((await exifr.gps(original))?.latitude).toBeCloseTo(52.15187, 3)
    const html = await (await SELF.fetch(url('/v/collegebezoek-vreewijk-2017/photos'))).text()
    expect(html).toContain('Foto: Chris de Waard / Sleutelstad')
    const thumb = html.match(
      /\/v\/collegebezoek-vreewijk-2017\/photos\/demo-photo-vreewijk-1\/thumb-[0-9a-f]{20}\.webp/,
    )?.[0]
    const bytes = new Uint8Array(await (await SELF.fetch(url(thumb ?? '/missing'))).arrayBuffer())
    expect(String.fromCharCode(...bytes.slice(8, 12))).toBe('WEBP')
    expect(new TextDecoder('latin1').decode(bytes)).not.toMatch(/Exif|DEMO-BODY|Canon/)
    // Loading twice adds nothing.
    expect((await SELF.fetch(url('/dev/seed'), { method: 'POST', headers: { origin: ORIGIN } })).status).toBe(
      200,
    )
  })
})

import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { page, url } from '../../../test/integration/helpers'
import { scheduleCss, scheduleJs, serviceWorkerJs } from './schedule-assets'

// Their text is imported by the routes when asked for (issue 19): each answers in full, with its type and cache
// rule, and a repeat with its ETag is a 304.
describe('the schedule assets', () => {
  it('serve the schedule stylesheet, its script and the service worker as they are written', async () => {
    const assets = [
      [
        '/assets/schedule.css',
        scheduleCss,
        'text/css; charset=utf-8',
        'public, max-age=3600, must-revalidate',
      ],
      [
        '/assets/schedule.js',
        scheduleJs,
        'text/javascript; charset=utf-8',
        'public, max-age=3600, must-revalidate',
      ],
      ['/sw.js', serviceWorkerJs, 'text/javascript; charset=utf-8', 'no-cache'],
    ] as const
    for (const [path, text, type, cache] of assets) {
      const res = await page(path)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('content-type'), path).toBe(type)
      expect(res.headers.get('cache-control'), path).toBe(cache)
      expect(await res.text(), path).toBe(text)
      const tag = res.headers.get('etag') ?? ''
      expect(tag, path).not.toBe('')
      expect((await SELF.fetch(url(path), { headers: { 'if-none-match': tag } })).status, path).toBe(304)
    }
  })
})

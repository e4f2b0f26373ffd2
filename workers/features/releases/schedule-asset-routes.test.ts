import { describe, it } from 'vitest'
import { expectServedAsIs } from '../../../test/integration/helpers'
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
    await expectServedAsIs(assets)
  })
})

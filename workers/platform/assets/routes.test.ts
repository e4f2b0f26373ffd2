import { describe, expect, it } from 'vitest'
import { expectServedAsIs } from '../../../test/integration/helpers'
import { appCss, iconSvg } from './app-css'

// The stylesheet's and the icon's text are imported by their routes when asked for (issue 19): each answers in
// full, with its type and cache rule, and a repeat with its ETag is a 304. (The PNG icons: manifest.test.ts.)
describe('the static assets', () => {
  it('serve the stylesheet and the icon as they are written', async () => {
    const assets = [
      ['/assets/app.css', appCss, 'text/css; charset=utf-8', 'public, max-age=3600, must-revalidate'],
      ['/assets/icon.svg', iconSvg, 'image/svg+xml', 'public, max-age=86400'],
    ] as const
    await expectServedAsIs(assets)
    expect(appCss).toContain('.tl-lanes-40{')
  })
})

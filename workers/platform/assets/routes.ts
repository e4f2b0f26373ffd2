import { Hono } from 'hono'
import { etag } from 'hono/etag'
import type { AppEnv } from '../env'
import { iconPath, iconSizes } from './icon-path'

/**
 * Static assets served by the Worker itself; revalidated by ETag so a new deploy shows at once. Each is imported
 * when it is asked for (the stylesheet, the icon's PNG encoder with fflate): the reader's other requests, its
 * pages included, load none of them (issue 19).
 */
export const assetRoutes = new Hono<AppEnv>()
  .use('/assets/*', etag())
  .get('/assets/app.css', async (c) => {
    const { appCss } = await import('./app-css')
    c.header('cache-control', 'public, max-age=3600, must-revalidate')
    return c.body(appCss, 200, { 'content-type': 'text/css; charset=utf-8' })
  })
  .get('/assets/icon.svg', async (c) => {
    const { iconSvg } = await import('./app-css')
    c.header('cache-control', 'public, max-age=86400')
    return c.body(iconSvg, 200, { 'content-type': 'image/svg+xml' })
  })
  // A shared schedule added to a phone's home screen gets a name, the icon and the brand colour.
  .get('/assets/manifest.webmanifest', async (c) => {
    const { webManifest } = await import('./app-css')
    c.header('cache-control', 'public, max-age=86400')
    return c.body(webManifest(c.var.t.app.name, c.var.t.app.tagline, c.var.t.lang), 200, {
      'content-type': 'application/manifest+json; charset=utf-8',
    })
  })
  .get('/favicon.ico', (c) => c.redirect('/assets/icon.svg', 301))

// The PNG icons (home screens that take no SVG): their names carry a version, so they are kept for a year.
for (const size of iconSizes) {
  assetRoutes.get(iconPath(size), async (c) => {
    const { iconPng } = await import('./icon-png')
    c.header('cache-control', 'public, max-age=31536000, immutable')
    return c.body(iconPng(size), 200, { 'content-type': 'image/png' })
  })
}

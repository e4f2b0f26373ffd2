import { Hono } from 'hono'
import { etag } from 'hono/etag'
import type { AppEnv } from '../../platform/env'

/**
 * The schedule's stylesheet and script, and the service worker (served from the root so it may cover /v/). Their
 * text is imported when one of them is asked for: the schedule's pages and exports load none of it (issue 19).
 */
export const scheduleAssetRoutes = new Hono<AppEnv>()
  .use('/assets/schedule.*', etag())
  .use('/sw.js', etag())
  .get('/assets/schedule.css', async (c) => {
    const { scheduleCss } = await import('./schedule-assets')
    c.header('cache-control', 'public, max-age=3600, must-revalidate')
    return c.body(scheduleCss, 200, { 'content-type': 'text/css; charset=utf-8' })
  })
  .get('/assets/schedule.js', async (c) => {
    const { scheduleJs } = await import('./schedule-assets')
    c.header('cache-control', 'public, max-age=3600, must-revalidate')
    return c.body(scheduleJs, 200, { 'content-type': 'text/javascript; charset=utf-8' })
  })
  .get('/sw.js', async (c) => {
    const { serviceWorkerJs } = await import('./schedule-assets')
    // Browsers check for a new service worker on every visit when it is not cached for long.
    c.header('cache-control', 'no-cache')
    return c.body(serviceWorkerJs, 200, { 'content-type': 'text/javascript; charset=utf-8' })
  })

import { Hono } from 'hono'
import { etag } from 'hono/etag'
import type { AppEnv } from '../../platform/env'
import { scheduleCss, scheduleJs, serviceWorkerJs } from './schedule-assets'

/** The schedule's stylesheet and script, and the service worker (served from the root so it may cover /v/). */
export const scheduleAssetRoutes = new Hono<AppEnv>()
  .use('/assets/schedule.*', etag())
  .use('/sw.js', etag())
  .get('/assets/schedule.css', (c) => {
    c.header('cache-control', 'public, max-age=3600, must-revalidate')
    return c.body(scheduleCss, 200, { 'content-type': 'text/css; charset=utf-8' })
  })
  .get('/assets/schedule.js', (c) => {
    c.header('cache-control', 'public, max-age=3600, must-revalidate')
    return c.body(scheduleJs, 200, { 'content-type': 'text/javascript; charset=utf-8' })
  })
  .get('/sw.js', (c) => {
    // Browsers check for a new service worker on every visit when it is not cached for long.
    c.header('cache-control', 'no-cache')
    return c.body(serviceWorkerJs, 200, { 'content-type': 'text/javascript; charset=utf-8' })
  })

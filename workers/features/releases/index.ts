import { Hono } from 'hono'
import type { AppEnv } from '../../platform/env'
import { releasesApi } from './api'
import { feedRoutes } from './feeds'
import { releasePages } from './pages'
import { publicVisitRoutes } from './public'
import { scheduleAssetRoutes } from './schedule-asset-routes'
import { unsubscribeRoutes } from './unsubscribe'

/** Releases: publishing the programme, the public schedule with its feeds and exports, and change mails. */
export const releases = new Hono<AppEnv>()
  .route('/', scheduleAssetRoutes)
  .route('/v', feedRoutes)
  .route('/v', publicVisitRoutes)
  .route('/', unsubscribeRoutes)
  .route('/', releasePages)
  .route('/api', releasesApi)

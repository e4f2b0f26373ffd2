import { Hono } from 'hono'
import type { AppEnv } from '../../platform/env'
import { privacyPages } from './pages'
import { privacyApi, privacyPublicRoutes } from './public'

/** Personal-data rights: the privacy statement, export and erasure on request, the team's requests. */
export const privacy = new Hono<AppEnv>()
  .route('/', privacyPublicRoutes)
  .route('/', privacyPages)
  .route('/api', privacyApi)

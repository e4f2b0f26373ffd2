import { Hono } from 'hono'
import type { AppEnv } from '../../platform/env'
import { reportsApi } from './api'
import { reportPages } from './pages'
import { reportPublicRoutes } from './public'

/** Reports: the write-up after a visit with its photo impression and comments, the team's news, follow-ups. */
export const reports = new Hono<AppEnv>()
  .route('/', reportPublicRoutes)
  .route('/', reportPages)
  .route('/api', reportsApi)

import { Hono } from 'hono'
import type { AppEnv } from '../../platform/env'
import { programmeApi } from './api'
import { programmePages } from './pages'
import { visitOverviewPages } from './visit-overview-pages'

/** The programme: items, groups, the company, and the clashes between them. */
export const programme = new Hono<AppEnv>()
  .route('/', visitOverviewPages)
  .route('/', programmePages)
  .route('/api', programmeApi)

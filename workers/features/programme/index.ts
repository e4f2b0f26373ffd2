import { Hono } from 'hono'
import type { AppEnv } from '../../platform/env'
import { programmeApi } from './api'
import { programmePages } from './pages'
import { visitOverviewPages } from './visit-overview-pages'

/**
 * The programme: items, groups, the company and the clashes between them; and the visit's overview page,
 * which shows the team the clash count (a feature below may not read the programme).
 */
export const programme = new Hono<AppEnv>()
  .route('/', visitOverviewPages)
  .route('/', programmePages)
  .route('/api', programmeApi)

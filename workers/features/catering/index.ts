import { Hono } from 'hono'
import type { AppEnv } from '../../platform/env'
import { onVisitOverview } from '../visits/overview-sections'
import { cateringApi } from './api'
import { cateringOverviewSection } from './overview'
import { cateringPages } from './pages'
import { cateringPublicRoutes } from './public'

// The visit overview (drawn below, in programme) shows the catering summary this feature works out.
onVisitOverview('catering', cateringOverviewSection)

/** Catering: orders planned from the real headcount, their providers and volunteers, budget and deadlines. */
export const catering = new Hono<AppEnv>()
  .route('/', cateringPublicRoutes)
  .route('/', cateringPages)
  .route('/api', cateringApi)

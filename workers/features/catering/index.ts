import { Hono } from 'hono'
import type { AppEnv } from '../../platform/env'
import { cateringApi } from './api'
import { cateringPages } from './pages'
import { cateringPublicRoutes } from './public'
import './sign-ups'

/** Catering: orders planned from the real headcount, their providers and volunteers, budget and deadlines. */
export const catering = new Hono<AppEnv>()
  .route('/', cateringPublicRoutes)
  .route('/', cateringPages)
  .route('/api', cateringApi)

import { Hono } from 'hono'
import type { AppEnv } from '../../platform/env'
import { photosApi } from './api'
import { photoPages } from './pages'
import { photoPublicRoutes } from './public'

/** Photos: uploads in parts, location-safe variants, the team's curation and the public photo impression. */
export const photos = new Hono<AppEnv>()
  .route('/', photoPublicRoutes)
  .route('/', photoPages)
  .route('/api', photosApi)

import { Hono } from 'hono'
import type { AppEnv } from '../../platform/env'
import { visitsApi } from './api'
import { homeRoutes } from './home'
import { hostOfferPages } from './host-offer-pages'
import { visitPages } from './pages'
import { rolePages } from './role-pages'
import { venuePages } from './venue-pages'

/** Visits: the visits of a team, their venues, host offers and share links, and the home page. */
export const visits = new Hono<AppEnv>()
  .route('/', homeRoutes)
  .route('/', visitPages)
  .route('/', venuePages)
  .route('/', hostOfferPages)
  .route('/', rolePages)
  .route('/api', visitsApi)

import { Hono } from 'hono'
import type { AppEnv } from '../../platform/env'
import { rsvpsApi } from './api'
import { rsvpPages } from './pages'
import { rsvpPublicRoutes } from './public'

/** Registrations of guests (RSVPs): the public form, the guest's private link, the team's guest list. */
export const rsvps = new Hono<AppEnv>()
  .route('/', rsvpPublicRoutes)
  .route('/', rsvpPages)
  .route('/api', rsvpsApi)

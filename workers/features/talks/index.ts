import { Hono } from 'hono'
import type { AppEnv } from '../../platform/env'
import { followRunningLate } from '../programme/running-late'
import { talksApi } from './api'
import { talkPages } from './pages'
import { talkPublicRoutes } from './public'
import { talksFollowRunningLate } from './talk-slots'

// Running late in the programme moves the talks' slots along, mails their speakers and publishes when asked.
followRunningLate(talksFollowRunningLate)

/** Talks: the call for talks, speakers' private links, the team's review and slots. */
export const talks = new Hono<AppEnv>()
  .route('/', talkPublicRoutes)
  .route('/', talkPages)
  .route('/api', talksApi)

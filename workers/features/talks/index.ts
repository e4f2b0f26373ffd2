import { Hono } from 'hono'
import type { AppEnv } from '../../platform/env'
import { talksApi } from './api'
import { talkPages } from './pages'
import { talkPublicRoutes } from './public'
import './sign-ups'

/** Talks: the call for talks, speakers' private links, the team's review and slots. */
export const talks = new Hono<AppEnv>()
  .route('/', talkPublicRoutes)
  .route('/', talkPages)
  .route('/api', talksApi)

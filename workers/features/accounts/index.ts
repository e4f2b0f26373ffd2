import { Hono } from 'hono'
import type { AppEnv } from '../../platform/env'
import { teamsApi } from './api'
import { teamPages } from './pages'
import { authApi } from './sign-in-api'
import { authPages } from './sign-in-pages'

/** Accounts: signing in, teams and their members. */
export const accounts = new Hono<AppEnv>()
  .route('/', authPages)
  .route('/', teamPages)
  .route('/api', authApi)
  .route('/api', teamsApi)

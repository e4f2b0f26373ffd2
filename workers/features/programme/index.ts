import { Hono } from 'hono'
import type { AppEnv } from '../../platform/env'
import { programmeApi } from './api'
import { visitPages } from './pages'

/** The programme: items, groups, the company, and the clashes between them. */
export const programme = new Hono<AppEnv>().route('/', visitPages).route('/api', programmeApi)

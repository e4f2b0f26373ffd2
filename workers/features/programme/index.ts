import { Hono } from 'hono'
import type { AppEnv } from '../../platform/env'
import { programmeApi } from './api'

/** The programme: items, groups, the company, and the clashes between them. */
export const programme = new Hono<AppEnv>().route('/api', programmeApi)

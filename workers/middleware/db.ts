import { drizzle } from 'drizzle-orm/d1'
import type { MiddlewareHandler } from 'hono'
import * as schema from '../../shared/db/schema'
import { readConfig } from '../config'
import type { AppEnv } from '../env'

/** Puts the configuration and a drizzle client on the context; handlers read `c.var.db`. */
export const database = (): MiddlewareHandler<AppEnv> =>
  async function database(c, next) {
    c.set('config', readConfig(c.env))
    c.set('db', drizzle(c.env.DB, { schema }))
    await next()
  }

import type { MiddlewareHandler } from 'hono'
import { readConfig } from '../config'
import { openDatabase } from '../db/database'
import type { AppEnv } from '../env'
import { countedD1, type D1Metrics, serverTiming } from './d1-metrics'

/** Puts the configuration and a drizzle client on the context; handlers read `c.var.db`. */
export const database = (): MiddlewareHandler<AppEnv> =>
  async function database(c, next) {
    const config = readConfig(c.env)
    c.set('config', config)
    if (config.isProduction) {
      c.set('db', openDatabase(c.env.DB))
      return next()
    }
    // In development every response says what it cost in D1 (browser dev tools show Server-Timing).
    const metrics: D1Metrics = { queries: 0, rowsRead: 0, rowsWritten: 0, ms: 0 }
    c.set('db', openDatabase(countedD1(c.env.DB, metrics)))
    await next()
    c.res.headers.append('server-timing', serverTiming(metrics))
  }

import { Hono } from 'hono'
import { DomainError } from '../../shared/errors'
import { loadDemoData } from '../demo/load'
import type { AppEnv } from '../env'

/** Development helpers. In production every path here is an ordinary 404: they do not exist. */
export const devRoutes = new Hono<AppEnv>()
  .use(async function developmentOnly(c, next) {
    if (c.var.config.isProduction) throw new DomainError('not_found')
    await next()
  })
  .post('/seed', async (c) => {
    await loadDemoData(c.var.db)
    return c.json({ loaded: true })
  })

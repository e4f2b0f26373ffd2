import { Hono } from 'hono'
import { visits } from '../../../shared/db/schema'
import { DomainError } from '../../../shared/errors'
import type { AppEnv } from '../env'

/**
 * Liveness with a real D1 query against a table of ours (so missing migrations show up too). It reads at most
 * one row: counting the visits would read them all on every probe, and D1 bills by rows read.
 */
export const healthRoutes = new Hono<AppEnv>().get('/healthz', async (c) => {
  const started = Date.now()
  try {
    await c.var.db.select({ id: visits.id }).from(visits).limit(1)
  } catch (error) {
    console.error(
      JSON.stringify({ level: 'error', requestId: c.var.requestId, health: 'd1', error: String(error) }),
    )
    throw new DomainError('not_configured', 'The database is not reachable or not migrated.')
  }
  c.header('cache-control', 'no-store')
  return c.json({ status: 'ok', checks: { d1: { status: 'ok', ms: Date.now() - started } } })
})

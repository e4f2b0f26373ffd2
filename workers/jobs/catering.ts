import { type DeadlineRun, runCateringDeadlines } from '../features/catering/deadlines'
import { type Config, readConfig } from '../platform/config'
import { openDatabase } from '../platform/db/database'
import type { Bindings } from '../platform/env'
import { deliverPending } from '../platform/mail/outbox'

/**
 * The scheduled catering job, with the clock given (the cron's planned time; tests pass their own):
 * providers are reminded the configured time before a deadline, and at the deadline the numbers are frozen
 * and sent. What it mailed goes out in the same run. A production Worker that is not configured yet logs
 * that and does nothing, as the mail job does.
 */
export async function cateringJob(env: Bindings, now: Date): Promise<DeadlineRun | undefined> {
  let config: Config
  try {
    config = readConfig(env)
  } catch {
    console.error(JSON.stringify({ level: 'error', event: 'catering_job_skipped', reason: 'not_configured' }))
    return undefined
  }
  const db = openDatabase(env.DB)
  const run = await runCateringDeadlines(db, config, now)
  if (run.reminded + run.sent > 0) {
    console.log(JSON.stringify({ level: 'info', event: 'catering_deadlines', ...run }))
    if (config.mail.transport === 'http') await deliverPending(db, config, now)
  }
  return run
}

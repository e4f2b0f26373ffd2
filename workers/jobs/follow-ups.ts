import { remindOverdueFollowUps } from '../features/reports/follow-ups'
import { type Config, readConfig } from '../platform/config'
import { openDatabase } from '../platform/db/database'
import type { Bindings } from '../platform/env'
import { deliverPending } from '../platform/mail/outbox'

/**
 * The weekly follow-up reminder, with the clock given (the cron's planned time; tests pass their own): each
 * owner of overdue follow-ups gets one mail with their points, once per week. A production Worker that is not
 * configured yet logs that and does nothing, as the mail job does.
 */
export async function followUpJob(env: Bindings, now: Date) {
  let config: Config
  try {
    config = readConfig(env)
  } catch {
    console.error(
      JSON.stringify({ level: 'error', event: 'follow_up_job_skipped', reason: 'not_configured' }),
    )
    return undefined
  }
  const db = openDatabase(env.DB)
  const run = await remindOverdueFollowUps(db, config, now)
  if (run.mailed > 0) {
    console.log(JSON.stringify({ level: 'info', event: 'follow_up_reminders', ...run }))
    if (config.mail.transport === 'http') await deliverPending(db, config, now)
  }
  return run
}

import { type ChangeMailRun, queueChangeMails } from '../features/releases/change-mails'
import { type Config, readConfig } from '../platform/config'
import { openDatabase } from '../platform/db/database'
import type { Bindings } from '../platform/env'

/**
 * The scheduled change-mail job, with the clock given (the cron's planned time; tests pass their own): the
 * mails of the releases published since the last run are queued, a bounded page of guests per run, so a run
 * stays inside the free plan's CPU time however many guests a visit has. A production Worker that is not
 * configured yet logs that and does nothing, as the mail job does.
 */
export async function changeMailJob(
  env: Bindings,
  now: Date,
  bound?: { guests: number; text: number },
): Promise<ChangeMailRun | undefined> {
  let config: Config
  try {
    config = readConfig(env)
  } catch {
    console.error(
      JSON.stringify({ level: 'error', event: 'change_mail_job_skipped', reason: 'not_configured' }),
    )
    return undefined
  }
  const run = await queueChangeMails(openDatabase(env.DB), config, now, bound)
  if (run.guests > 0) console.log(JSON.stringify({ level: 'info', event: 'change_mails', ...run }))
  return run
}

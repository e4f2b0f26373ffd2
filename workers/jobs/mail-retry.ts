import { type Config, readConfig } from '../platform/config'
import { openDatabase } from '../platform/db/database'
import type { Bindings } from '../platform/env'
import { type DeliveryResult, deliverPending } from '../platform/mail/outbox'

/**
 * The scheduled handler's mail job: sends what is due and retries what failed. A production Worker that is
 * not configured yet logs that and does nothing, rather than fail every cron run.
 */
export async function retryMail(
  env: Bindings,
  now: Date,
  fetcher: typeof fetch = fetch,
): Promise<DeliveryResult | undefined> {
  let config: Config
  try {
    config = readConfig(env)
  } catch {
    // readConfig has already logged which settings are missing.
    console.error(JSON.stringify({ level: 'error', event: 'mail_retry_skipped', reason: 'not_configured' }))
    return undefined
  }
  const result = await deliverPending(openDatabase(env.DB), config, now, fetcher)
  if (result.sent + result.failed + result.retried > 0) {
    console.log(JSON.stringify({ level: 'info', event: 'mail_retry', ...result }))
  }
  return result
}

import { runDueErasures } from '../features/privacy/requests'
import { retainRegistrations } from '../features/rsvps/personal-data'
import { openDatabase } from '../platform/db/database'
import type { Bindings } from '../platform/env'

/**
 * Personal data kept no longer than needed: confirmed requests to erase whose grace period is over are
 * carried out, and registrations of visits that ended 90 days ago lose their contact, dietary and access data.
 * Each step is idempotent, so a run cut short is completed by the next one.
 */
export async function privacyJob(env: Bindings, now: Date): Promise<void> {
  const db = openDatabase(env.DB)
  await runDueErasures(db, env.PHOTOS, now)
  await retainRegistrations(db, now)
}

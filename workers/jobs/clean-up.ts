import { cleanUpAuth } from '../features/accounts/sign-in'
import { cleanUpPhotos } from '../features/photos/clean-up'
import { purgeReplacedTalkFiles } from '../features/talks/talk-files'
import { openDatabase } from '../platform/db/database'
import type { Bindings } from '../platform/env'
import { purgeMailBodies } from '../platform/mail/outbox'
import { purgeIdempotencyKeys } from '../platform/middleware/idempotency'

/**
 * The scheduled clean-up: spent sign-in links and ended sessions are removed (they grant nothing anyway), old
 * mails lose their bodies, idempotency keys past their window go, and replaced versions of speakers' slides go once their visit is over.
 */
export async function cleanUp(env: Bindings, now: Date): Promise<void> {
  const db = openDatabase(env.DB)
  await cleanUpAuth(db, now)
  await purgeMailBodies(db, now)
  await purgeIdempotencyKeys(db, now)
  await purgeReplacedTalkFiles(db, env.PHOTOS, now)
  await cleanUpPhotos(db, env.PHOTOS, now)
}

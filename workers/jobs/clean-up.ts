import { drizzle } from 'drizzle-orm/d1'
import * as schema from '../../shared/db/schema'
import type { Bindings } from '../env'
import { cleanUpAuth } from '../services/auth'
import { purgeReplacedTalkFiles } from '../services/talk-files'

/**
 * The scheduled clean-up: spent sign-in links and ended sessions are removed (they grant nothing anyway), and
 * replaced versions of speakers' slides once their visit is over.
 */
export async function cleanUp(env: Bindings, now: Date): Promise<void> {
  const db = drizzle(env.DB, { schema })
  await cleanUpAuth(db, now)
  await purgeReplacedTalkFiles(db, env.PHOTOS, now)
}

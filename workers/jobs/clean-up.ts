import { openDatabase } from '../data/database'
import type { Bindings } from '../env'
import { cleanUpAuth } from '../services/auth'
import { purgeReplacedTalkFiles } from '../services/talk-files'

/**
 * The scheduled clean-up: spent sign-in links and ended sessions are removed (they grant nothing anyway), and
 * replaced versions of speakers' slides once their visit is over.
 */
export async function cleanUp(env: Bindings, now: Date): Promise<void> {
  const db = openDatabase(env.DB)
  await cleanUpAuth(db, now)
  await purgeReplacedTalkFiles(db, env.PHOTOS, now)
}

import { drizzle } from 'drizzle-orm/d1'
import * as schema from '../../shared/db/schema'
import type { Bindings } from '../env'
import { cleanUpAuth } from '../services/auth'

/** The scheduled clean-up: spent sign-in links and ended sessions are removed (they grant nothing anyway). */
export async function cleanUp(env: Bindings, now: Date): Promise<void> {
  await cleanUpAuth(drizzle(env.DB, { schema }), now)
}

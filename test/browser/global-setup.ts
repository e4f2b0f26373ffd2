import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { freePort, migrateLocal, seed, startDev } from '../../scripts/dev-server.mjs'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}

/** One `wrangler dev` for all browser tests, on a free port, with its own throw-away D1 and R2; always stopped. */
export default async function setup(project: TestProject) {
  const persistTo = await mkdtemp(path.join(tmpdir(), 'rondgang-browser-'))
  await migrateLocal({ persistTo })
  const dev = await startDev({ port: await freePort(), persistTo })
  try {
    await seed(dev.url)
  } catch (error) {
    await dev.stop()
    throw error
  }
  project.provide('baseUrl', dev.url)
  return async () => {
    await dev.stop()
    await rm(persistTo, { recursive: true, force: true })
  }
}

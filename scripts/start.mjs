// `npm start`: local D1 migrated, Worker running on 127.0.0.1:8787 with local D1 and R2, demo data loaded.
// Ctrl-C (or SIGTERM) stops wrangler and workerd together.
import { migrateLocal, seed, startDev } from './dev-server.mjs'

const port = Number(process.env.PORT ?? 8787)
const t0 = performance.now()
const step = (what) => console.log(`› ${what} (${((performance.now() - t0) / 1000).toFixed(1)} s)`)

step('applying migrations to the local D1 database')
await migrateLocal()
step('starting wrangler dev')
const dev = await startDev({ port, log: true })
let stopping = false
async function shutdown(signal) {
  if (stopping) return
  stopping = true
  console.log(`\n› ${signal}: stopping wrangler and workerd`)
  await dev.stop()
  process.exit(0)
}
process.on('SIGINT', () => shutdown('SIGINT'))
process.on('SIGTERM', () => shutdown('SIGTERM'))
try {
  step('loading the demo visits')
  await seed(dev.url)
} catch (error) {
  console.error(error)
  await dev.stop()
  process.exit(1)
}
step('ready')
console.log(`
  Rondgang is running:
    Home page          ${dev.url}/
    Vreewijk, 2017     ${dev.url}/v/collegebezoek-vreewijk-2017
    Deventer, 2017     ${dev.url}/v/delegatiebezoek-deventer-2017
    Health check       ${dev.url}/healthz
    Sign in            ${dev.url}/sign-in  (as organisator@vreewijk.example to organise the demo visits;
                       the sign-in link arrives at ${dev.url}/dev/mail)
    API reference      ${dev.url}/api/docs

  Press Ctrl-C to stop.
`)

// `npm run load`: a bounded load test on loopback against `wrangler dev` (local D1 and R2, a fresh state
// folder). A few hundred concurrent clients for a fixed time: guests reading the public pages and feeds,
// guests registering for a visit with a limited number of places, and an organiser editing an item. Afterwards
// it counts and prints: requests, errors (must be 0), registrations sent vs stored (none lost, none doubled),
// and over-capacity (must be 0). Exits non-zero when any count is wrong.
//   LOAD_SECONDS (default 20), LOAD_READERS (200), LOAD_GUESTS (100), LOAD_CAPACITY (150)
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { quietDevtools } from '../bench/profile.mjs'
import { freePort, migrateLocal, seed, startDev } from './dev-server.mjs'

const seconds = Number(process.env.LOAD_SECONDS ?? 20)
const readers = Number(process.env.LOAD_READERS ?? 200)
const guests = Number(process.env.LOAD_GUESTS ?? 100)
const capacity = Number(process.env.LOAD_CAPACITY ?? 150)
const organiserEmail = 'organisator@vreewijk.example'

const state = await mkdtemp(path.join(os.tmpdir(), 'rondgang-load-'))
const port = await freePort()
console.log(`› fresh local state in ${state}; wrangler dev on port ${port}`)
await migrateLocal({ persistTo: state })
const inspectorPort = await freePort()
const dev = await startDev({ port, persistTo: state, inspectorPort })
// Without DevTools' copies of every D1 body (see quietDevtools): wrangler's inspector proxy, flooded by a few
// hundred clients on a busy machine, once took wrangler dev down mid-run.
await quietDevtools(inspectorPort)
const base = dev.url

async function call(method, p, { body, cookie, headers = {} } = {}) {
  const res = await fetch(`${base}${p}`, {
    method,
    headers: {
      origin: base,
      accept: 'application/json',
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(cookie ? { cookie } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    redirect: 'manual',
  })
  return res
}

async function ok(res, what) {
  if (res.status >= 400) throw new Error(`${what}: ${res.status} ${await res.text()}`)
  return res.headers.get('content-type')?.includes('json') ? res.json() : res.text()
}

/** Signs in the demo organiser through the real flow: a link by mail (the dev outbox), then confirmed. */
async function signIn(email) {
  await ok(await call('POST', '/api/auth/sign-in-link', { body: { email } }), 'sign-in link')
  const mail = await ok(await call('GET', `/dev/mail/latest?to=${encodeURIComponent(email)}`), 'mail')
  const token = JSON.stringify(mail).match(/sign-in\/verify[?/](?:token=)?([A-Za-z0-9_-]{43})/)?.[1]
  if (!token) throw new Error('no sign-in link in the mail')
  const res = await fetch(`${base}/sign-in/verify`, {
    method: 'POST',
    headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }).toString(),
    redirect: 'manual',
  })
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('__Host-rondgang_session='))
    ?.split(';')[0]
  if (!cookie) throw new Error(`sign-in did not give a session (${res.status})`)
  return cookie
}

const run = (options) =>
  new Promise((resolve, reject) => {
    const instance = autocannon({ duration: seconds, ...options }, (err, result) =>
      err ? reject(err) : resolve(result),
    )
    autocannon.track(instance, {
      renderProgressBar: false,
      renderResultsTable: false,
      renderLatencyTable: false,
    })
  })

let failed = false
try {
  console.log('› demo data, the organiser signed in, a visit with a limited number of places published')
  await seed(base)
  const cookie = await signIn(organiserEmail)
  const me = await ok(await call('GET', '/api/me', { cookie }), 'me')
  const teamId = me.teams[0].id
  const slug = `load-${Date.now().toString(36)}`
  const visit = await ok(
    await call('POST', `/api/teams/${teamId}/visits`, {
      cookie,
      body: {
        kind: 'college_visit',
        title: 'Belastingproef',
        slug,
        startDate: '2027-06-12',
        endDate: '2027-06-12',
        rsvpCapacity: capacity,
      },
    }),
    'visit',
  )
  const { item } = await ok(
    await call('POST', `/api/visits/${visit.id}/items`, {
      cookie,
      body: { kind: 'talk', title: 'Welkom', date: '2027-06-12', start: '10:00', end: '11:00' },
    }),
    'item',
  )
  await ok(await call('POST', `/api/visits/${visit.id}/releases`, { cookie, body: {} }), 'publish')

  console.log(`› ${seconds} s: ${readers} readers, ${guests} guests registering, 1 organiser editing`)
  const asked = new Set() // every address a registration was sent for
  const sent = new Map() // email → status answered
  let n = 0
  let edits = 0
  let version = item.version
  const [read, register, edit] = await Promise.all([
    run({
      url: base,
      connections: readers,
      requests: [
        { method: 'GET', path: `/v/${slug}` },
        { method: 'GET', path: `/v/${slug}/schedule.json` },
        { method: 'GET', path: `/v/${slug}/schedule.ics` },
        { method: 'GET', path: `/v/${slug}/schedule.xml` },
        { method: 'GET', path: '/' },
      ],
    }),
    run({
      url: base,
      connections: guests,
      requests: [
        {
          method: 'POST',
          path: `/api/public/visits/${slug}/rsvps`,
          setupRequest: (req, context) => {
            const i = n++
            context.email = `gast-${i}@load.example`
            asked.add(context.email)
            return {
              ...req,
              headers: {
                'content-type': 'application/json',
                accept: 'application/json',
                // Each guest comes from an address of their own (the per-client limit is not what is tested).
                'cf-connecting-ip': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
              },
              body: JSON.stringify({ name: `Gast ${i}`, email: context.email, partySize: 1 }),
            }
          },
          onResponse: (status, body, context) => {
            sent.set(context.email, status === 202 ? JSON.parse(body).status : `HTTP ${status}`)
          },
        },
      ],
    }),
    run({
      url: base,
      connections: 1,
      requests: [
        {
          method: 'PATCH',
          path: `/api/items/${item.id}`,
          setupRequest: (req) => ({
            ...req,
            headers: { 'content-type': 'application/json', accept: 'application/json', cookie, origin: base },
            body: JSON.stringify({ version, title: `Welkom ${++edits}` }),
          }),
          onResponse: (status, body) => {
            if (status === 200) version = JSON.parse(body).item.version
          },
        },
      ],
    }),
  ])

  const results = { read, register, edit }
  const requests = Object.values(results).reduce((s, r) => s + r.requests.total, 0)
  const errors = Object.values(results).reduce((s, r) => s + r.errors + r.timeouts + r.non2xx, 0)
  for (const [name, r] of Object.entries(results)) {
    console.log(
      `  ${name.padEnd(9)} ${String(r.requests.total).padStart(7)} requests, ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms`,
    )
  }

  const { rsvps } = await ok(await call('GET', `/api/visits/${visit.id}/rsvps`, { cookie }), 'rsvps')
  const stored = new Map()
  for (const r of rsvps) stored.set(r.email, (stored.get(r.email) ?? 0) + 1)
  const answered = [...sent].filter(([, s]) => s === 'confirmed' || s === 'waitlisted' || s === 'check_mail')
  const lost = answered.filter(([email]) => !stored.has(email)).length
  const doubled = [...stored.values()].filter((count) => count > 1).length
  // A request still on its way when the time was up has no answer; it may or may not have been stored.
  const inFlight = [...asked].filter((email) => !sent.has(email))
  const phantom = [...stored.keys()].filter((email) => !asked.has(email)).length
  const confirmed = rsvps.filter((r) => r.status === 'confirmed')
  const places = confirmed.reduce((s, r) => s + (r.partySize ?? 1), 0)
  const overCapacity = Math.max(0, places - capacity)
  const answerOf = (r) => sent.get(r.email)
  const misreported = rsvps.filter((r) => answerOf(r) && answerOf(r) !== r.status).length

  console.log(`
  requests               ${requests}
  errors                 ${errors}
  registrations sent     ${asked.size} (${answered.length} answered 202, ${sent.size - answered.length} refused, ${inFlight.length} on their way at the stop: ${inFlight.filter((e) => stored.has(e)).length} of those stored)
  registrations stored   ${rsvps.length} (${confirmed.length} confirmed, ${rsvps.length - confirmed.length} waiting)
  lost / doubled         ${lost} / ${doubled} (stored but never sent: ${phantom})
  answered ≠ stored      ${misreported}
  over capacity          ${overCapacity} (${places} of ${capacity} places taken)
  organiser edits        ${edits} sent, item at version ${version}`)
  failed =
    errors > 0 ||
    lost > 0 ||
    doubled > 0 ||
    phantom > 0 ||
    overCapacity > 0 ||
    misreported > 0 ||
    sent.size === 0
  if (failed) console.error('\n✗ load test failed: see the counts above')
  else console.log('\n✓ nothing lost, nothing doubled, never over capacity, no errors')
} catch (error) {
  console.error(error)
  failed = true
} finally {
  // What wrangler and workerd said, when something went wrong: the reason the server stopped answering.
  if (failed)
    console.error(`\n--- wrangler dev output (last 4,000 characters) ---\n${dev.output().slice(-4000)}`)
  await dev.stop()
  await rm(state, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)

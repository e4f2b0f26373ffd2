// `npm run bench`: measures Rondgang against its performance budget (bench/budgets.mjs). It loads a large
// visit into a throw-away local D1, starts `wrangler dev`, drives each case with autocannon over loopback
// (warm-up, then a fixed-duration measurement), reads the D1 cost of a request from its Server-Timing header
// and workerd's CPU time from /proc, prints one table, writes bench/results/latest.json, stops everything it
// started, and exits non-zero when a budget is broken.
import { readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { buildWorker } from '../scripts/build.mjs'
import { freePort, migrateLocal, root, startDev, wrangler } from '../scripts/dev-server.mjs'
import { budgetsFor, bundleGzipBytes, uploadRssGrowthBytes } from './budgets.mjs'
import { audienceSizes, dictionaries } from './bundle-size.mjs'
import { connectInspector, profileWhile, quietDevtools, topFunctions } from './profile.mjs'
import { generateVisit, SIZES } from './visit-data.mjs'

// Short, so that the whole bench stays under 4 minutes: at 1 ms a request, 3 s of 10 connections is some
// thousands of requests and 300 clock ticks of CPU or more (see CLOCK_TICKS), enough for two decimals.
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP ?? 1)
const MEASURE_SECONDS = Number(process.env.BENCH_DURATION ?? 3)
/** Requests sent one by one after each measurement, to read their Server-Timing. */
const SAMPLES = 5
// The item-save case's saves; CPU is read in 10 ms ticks, so more saves (BENCH_SAVES=50) give a finer figure.
const SAVES = Number(process.env.BENCH_SAVES ?? SAMPLES)
/** /proc/<pid>/stat counts CPU time in clock ticks: USER_HZ, 100 on Linux (`getconf CLK_TCK`). */
const CLOCK_TICKS = 100

const cleanups = []
async function cleanUp() {
  while (cleanups.length > 0) {
    try {
      await cleanups.pop()()
    } catch (error) {
      console.error(`clean-up: ${error}`)
    }
  }
}
// wrangler runs in its own process group, so Ctrl-C does not reach it: stop it ourselves.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping`)
    cleanUp().finally(() => process.exit(130))
  })
}

/** What wrangler dev printed, shown when the run fails. */
let devOutput

const benchStarted = Date.now()
function log(line) {
  const seconds = ((Date.now() - benchStarted) / 1000).toFixed(0).padStart(3)
  process.stderr.write(`[bench ${seconds} s] ${line}\n`)
}

/**
 * CPU ticks (user + system) of the workerd processes under wrangler, split into the one that runs the Worker
 * and the proxy in front of it, with the Worker's pids: wrangler restarts that workerd when a file changes.
 */
async function workerdTicks(pgid, port) {
  const ticks = { worker: 0, proxy: 0, workerPids: [], proxyPids: [] }
  for (const entry of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let stat
    let cmdline
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0')
    } catch {
      continue // gone meanwhile
    }
    // The command name may hold spaces; the fields after ")" are fixed: state, ppid, pgrp, … utime, stime.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    if (Number(fields[2]) !== pgid || !cmdline[0]?.endsWith('/workerd')) continue
    // wrangler dev runs two workerd: a proxy on the public port in front of the one that runs the Worker
    // (with its D1, cache and rate-limit simulators).
    const role = cmdline.includes(`--socket-addr=entry=127.0.0.1:${port}`) ? 'proxy' : 'worker'
    ticks[role] += Number(fields[11]) + Number(fields[12])
    ticks[`${role}Pids`].push(Number(entry))
  }
  ticks.workerPids.sort((a, b) => a - b)
  return ticks
}

function parseServerTiming(header) {
  const read = (name) => Number(new RegExp(`${name};desc="(\\d+)"`).exec(header ?? '')?.[1] ?? Number.NaN)
  return { queries: read('d1-queries'), rowsRead: read('d1-rows-read'), rowsWritten: read('d1-rows-written') }
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]

/** One request outside the load run: its status, D1 figures and whether the edge cache answered. */
async function sample(url, request, timeoutMs = 30_000) {
  const req = request.setupRequest ? request.setupRequest({ ...request }) : request
  const res = await fetch(new URL(req.path, url), {
    method: req.method,
    headers: req.headers,
    body: req.body,
    signal: AbortSignal.timeout(timeoutMs),
  }).catch((error) => {
    const cause = error.cause ? `: ${error.cause.code ?? error.cause.message ?? error.cause}` : ''
    throw new Error(`${req.method} ${req.path}: no answer (${error.name}${cause}); is wrangler rebuilding?`)
  })
  await res.arrayBuffer()
  return {
    status: res.status,
    cache: res.headers.get('x-cache'),
    ...parseServerTiming(res.headers.get('server-timing')),
  }
}

function runAutocannon(opts) {
  return new Promise((resolve, reject) => {
    const stop = () => instance.stop()
    const instance = autocannon(opts, (error, result) => {
      if (cleanups.includes(stop)) cleanups.splice(cleanups.indexOf(stop), 1)
      if (error) reject(error)
      else resolve(result)
    })
    cleanups.push(stop)
  })
}

/** Resident memory of a process in bytes (VmRSS of /proc/<pid>/status). */
function residentBytes(pid) {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
  return Number(kb) * 1024
}

const MiB = 1024 * 1024
/** A 64×48 baseline JPEG (made by workers/dev/demo-photos.ts), padded below to the size a case needs. */
const SMALL_JPEG = Buffer.from(
  '/9j/2wBDAAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAj/wAARCAAwAEADAREAAhEAAxEA/8QAHAAAAAAJAAAAAAAAAAAAAAAAAAECAwQFBgcI/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAwDAQACAAMAAD8AbouSUAAAAAAAAAAAAAAAAAB4QNgAAAAAAAAAAAAAAAAAeGxsAAAAA44yhuwAAfiaswgAAAAA6IGwAAAACyKQkgAArS7IwAAAABzhlzNj42IHxAg+ctDZgAA44gGZHxsQPjYkhj4wPjYkeGxBUk0sh8bEjw2IHxAgfGxD/9k=',
  'base64',
)

/** A real JPEG of exactly `size` bytes: the small picture with APP15 segments (skipped by every decoder). */
function paddedJpeg(size) {
  const out = Buffer.alloc(size)
  out[0] = 0xff
  out[1] = 0xd8
  let at = 2
  const rest = SMALL_JPEG.subarray(2)
  while (size - at - rest.length > 0) {
    const body = Math.min(65_533, Math.max(0, size - at - rest.length - 4))
    out[at] = 0xff
    out[at + 1] = 0xef
    out.writeUInt16BE(body + 2, at + 2)
    out.fill(0x20, at + 4, at + 4 + body)
    at += 4 + body
  }
  if (at + rest.length !== size) throw new Error(`paddedJpeg: ${size} cannot be reached exactly`)
  rest.copy(out, at)
  return out
}

/**
 * The upload case: one 100 MB photo through the photos API as the browser sends it — open the upload, its
 * parts one after another, complete (the Images binding makes the variants). workerd's resident memory is
 * read before, every 25 ms during and after; the budget is on the most it grew. No autocannon: one file.
 */
async function measureUpload(dev, port, { visitId, headers }) {
  const json = { ...headers, 'content-type': 'application/json', accept: 'application/json' }
  const call = async (method, p, body, extra = {}) => {
    const res = await fetch(new URL(p, dev.url), {
      method,
      headers: { ...(typeof body === 'string' ? json : headers), ...extra },
      body,
      signal: AbortSignal.timeout(120_000),
    })
    const text = await res.text()
    return { status: res.status, data: text.startsWith('{') ? JSON.parse(text) : text }
  }
  // The default limit is 50 MB a photo: the team raises it (a photographer's large files).
  const limits = await call(
    'PUT',
    `/api/visits/${visitId}/photo-settings`,
    JSON.stringify({ maxFileMb: 128, maxVisitMb: 4096 }),
  )
  if (limits.status !== 200) throw new Error(`photo limits: ${limits.status} ${JSON.stringify(limits.data)}`)
  /** Opens an upload of `file`, sends its parts, completes it; the part sizes and statuses. */
  async function send(file, name, afterPart = () => {}) {
    const opened = await call(
      'POST',
      `/api/visits/${visitId}/photo-uploads`,
      JSON.stringify({ filename: name, sizeBytes: file.length, type: 'image/jpeg' }),
    )
    if (opened.status !== 201)
      throw new Error(`opening ${name}: ${opened.status} ${JSON.stringify(opened.data)}`)
    let upload = opened.data
    while (upload.nextPart !== null) {
      const n = upload.nextPart
      const part = file.subarray((n - 1) * upload.partSize, Math.min(file.length, n * upload.partSize))
      const sent = await call('PUT', `/api/photo-uploads/${upload.id}/parts/${n}`, part, {
        'content-type': 'application/octet-stream',
        accept: 'application/json',
      })
      if (sent.status !== 200)
        throw new Error(`${name} part ${n}: ${sent.status} ${JSON.stringify(sent.data)}`)
      upload = sent.data
      afterPart(upload)
    }
    const partsDone = performance.now()
    const done = await call('POST', `/api/photo-uploads/${upload.id}/complete`)
    return { upload, partsDone, completeStatus: done.status }
  }
  // Warm-up, as every case has one: a 10 MB photo in two parts, completed, so the R2 multipart and Images
  // code of workerd and its simulators is loaded before the memory is read.
  const warm = await send(paddedJpeg(10 * MiB), 'bench-warm-up.jpg')
  if (warm.completeStatus !== 201) throw new Error(`warm-up upload: ${warm.completeStatus}`)
  const size = 100 * MiB
  const file = paddedJpeg(size)
  const [pid] = (await workerdTicks(dev.pid, port)).workerPids
  const rssBefore = residentBytes(pid)
  // The most seen while the parts were sent (the upload), and the most overall (with completing it).
  let rssMax = rssBefore
  let rssMaxParts = rssBefore
  let sending = true
  const sampler = setInterval(() => {
    rssMax = Math.max(rssMax, residentBytes(pid))
    if (sending) rssMaxParts = rssMax
  }, 25)
  cleanups.push(() => clearInterval(sampler))
  const ticksBefore = await workerdTicks(dev.pid, port)
  const started = performance.now()
  const rssByPart = []
  const sent = await send(file, 'bench-100mb.jpg', (view) => {
    rssByPart.push(residentBytes(pid))
    rssMaxParts = Math.max(rssMaxParts, ...rssByPart)
    if (view.nextPart === null) sending = false
  })
  const { upload } = sent
  const partsSeconds = (sent.partsDone - started) / 1000
  const rssAfterParts = rssByPart.at(-1)
  const non2xx = sent.completeStatus === 201 ? 0 : 1
  const done = { status: sent.completeStatus }
  const totalSeconds = (performance.now() - started) / 1000
  clearInterval(sampler)
  const ticksAfter = await workerdTicks(dev.pid, port)
  const rssAfter = residentBytes(pid)
  rssMax = Math.max(rssMax, rssAfter)
  // The budget is on the upload itself: the parts streamed through the Worker into R2. Completing it makes
  // the variants with the Images binding, which locally reads its whole input into memory (miniflare); that
  // growth is reported beside it.
  const growth = rssMaxParts - rssBefore
  const check = { figure: 'rssGrowthBytes', value: growth, limit: uploadRssGrowthBytes }
  check.pass =
    non2xx === 0 && String(ticksBefore.workerPids) === String(ticksAfter.workerPids) && growth < check.limit
  return {
    key: 'photoUpload',
    name: 'photo upload, 100 MB in parts',
    sizeBytes: size,
    parts: upload.partCount,
    partsSeconds,
    totalSeconds,
    completeStatus: done.status,
    throughputMBps: size / MiB / partsSeconds,
    rss: {
      before: rssBefore,
      maxParts: rssMaxParts,
      afterParts: rssAfterParts,
      after: rssAfter,
      max: rssMax,
      byPart: rssByPart,
    },
    cpuMs: (ticksAfter.worker - ticksBefore.worker) * (1000 / CLOCK_TICKS),
    non2xx,
    check,
  }
}

/** Warm-up, then the measured run with workerd's CPU read before and after, then the Server-Timing samples. */
async function measureCase(dev, port, c) {
  const base = { url: dev.url, requests: [c.request], connections: c.connections, timeout: 30 }
  let result
  let before
  let after
  // A file saved during the run makes wrangler restart the Worker's workerd, and its CPU time starts again
  // from zero: such a run is measured once more, and reported as disturbed if it happens again.
  for (let attempt = 1; attempt <= 2; attempt++) {
    log(`${c.name}: warm-up ${WARMUP_SECONDS}s, measure ${MEASURE_SECONDS}s, ${c.connections} connections`)
    await runAutocannon({ ...base, duration: WARMUP_SECONDS })
    before = await workerdTicks(dev.pid, port)
    result = await runAutocannon({ ...base, duration: MEASURE_SECONDS })
    after = await workerdTicks(dev.pid, port)
    if (String(before.workerPids) === String(after.workerPids)) break
    log(`${c.name}: wrangler restarted workerd during the run (a file changed?)`)
  }
  const disturbed = String(before.workerPids) !== String(after.workerPids)
  const samples = []
  for (let i = 0; i < SAMPLES; i++) samples.push(await sample(dev.url, c.request))
  const served = result.requests.total
  const msPer = (role) =>
    served > 0 && !disturbed ? ((after[role] - before[role]) * (1000 / CLOCK_TICKS)) / served : null
  const failedSamples = samples.filter((s) => s.status < 200 || s.status > 299).length
  return {
    key: c.key,
    name: c.name,
    method: c.request.method,
    path: c.path,
    note: c.note,
    connections: c.connections,
    seconds: result.duration,
    requests: served,
    requestsPerSecond: Math.round(served / result.duration),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99 },
    non2xx: result.non2xx + result.errors + result.timeouts + failedSamples,
    statusCodes: result.statusCodeStats,
    d1: {
      queriesMax: Math.max(...samples.map((s) => s.queries), c.cold?.queries ?? 0),
      queriesTypical: median(samples.map((s) => s.queries)),
      rowsReadMax: Math.max(...samples.map((s) => s.rowsRead), c.cold?.rowsRead ?? 0),
      rowsReadTypical: median(samples.map((s) => s.rowsRead)),
      rowsWrittenTypical: median(samples.map((s) => s.rowsWritten)),
    },
    cold: c.cold ?? null,
    cache: samples[0]?.cache ?? null,
    disturbed,
    cpuMsPerRequest: msPer('worker'),
    proxyCpuMsPerRequest: msPer('proxy'),
  }
}

/**
 * A profiled load run of one case: writes bench/results/<key>.cpuprofile and prints the top functions. `load`
 * drives a case that has no single request (publishing) and answers how many requests it sent.
 */
async function profileCase(dev, inspectorPort, c, load) {
  log(`${c.name ?? c.key}: profiling (not counted in the budget)`)
  const inspector = await connectInspector(inspectorPort)
  cleanups.push(() => inspector.close())
  let served = 0
  const profile = await profileWhile(inspector, async () => {
    if (load) {
      served = await load()
      return
    }
    const result = await runAutocannon({
      url: dev.url,
      requests: [c.request],
      connections: c.connections,
      timeout: 30,
      duration: MEASURE_SECONDS,
    })
    served = result.requests.total
  })
  inspector.close()
  const dir = path.join(root, 'bench', 'results')
  await fs.mkdir(dir, { recursive: true })
  const file = path.join(dir, `${c.key}.cpuprofile`)
  await fs.writeFile(file, JSON.stringify(profile))
  const [busy, ...rows] = topFunctions(profile)
  console.log(`\n${c.name ?? c.key}: ${served} requests profiled, ${busy}; ${path.relative(root, file)}`)
  console.log(rows.join('\n'))
}

/**
 * The deployed build (scripts/build.mjs, what `wrangler deploy` uploads): per audience, what a request loads
 * (bench/bundle-size.mjs), raw and gzip, each checked against the budget; and all modules together.
 */
async function measureBundle(outdir) {
  const metafile = await buildWorker(outdir)
  const { sizes, all, main } = audienceSizes(metafile, root)
  const checks = sizes.map((s) => ({
    figure: `bundleGzipBytes ${s.audience}`,
    audience: s.audience,
    value: s.gzipBytes,
    limit: bundleGzipBytes,
    pass: s.gzipBytes <= bundleGzipBytes,
  }))
  return { sizes, all, main, checks }
}

/** Budget verdicts of one case: every figure that has a limit, and no failed requests at all. */
function verdicts(result, items) {
  const budget = budgetsFor(items)[result.key] ?? {}
  const checks = [{ figure: 'non2xx', value: result.non2xx, limit: 0 }]
  if (budget.d1Queries !== undefined)
    checks.push({ figure: 'd1Queries', value: result.d1.queriesMax, limit: budget.d1Queries })
  if (budget.rowsRead !== undefined)
    checks.push({ figure: 'rowsRead', value: result.d1.rowsReadMax, limit: budget.rowsRead })
  if (budget.cpuMs !== undefined)
    checks.push({ figure: 'cpuMs', value: result.cpuMsPerRequest, limit: budget.cpuMs })
  // A figure that could not be read (NaN, null) is a failure, not a pass.
  return checks.map((c) => ({ ...c, pass: Number.isFinite(c.value) && c.value <= c.limit }))
}

/** A figure with its verdict when it has a budget: "1 (max 2) ≤2 PASS" (typical, and the max checked). */
function cell(value, check, { digits = 0, max } = {}) {
  const show = (n) => (typeof n === 'number' && Number.isFinite(n) ? n.toFixed(digits) : '?')
  const shown = max === undefined || max === value ? show(value) : `${show(value)} (max ${show(max)})`
  if (!check) return shown
  return `${shown} ≤${check.limit} ${check.pass ? 'PASS' : 'FAIL'}`
}

/** The results as one Markdown table: readable in a terminal and pasted as is into the README. */
function table(results, bundle, upload) {
  const header = [
    'case',
    'items',
    'req/s',
    'p50 ms',
    'p99 ms',
    'non-2xx',
    'D1 queries',
    'rows read',
    'CPU ms/req',
    'µs/item',
    'note',
  ]
  const rows = results.map((r) => {
    const check = Object.fromEntries(r.checks.map((c) => [c.figure, c]))
    return [
      `${r.method} ${r.name}`,
      String(r.items),
      String(r.requestsPerSecond),
      String(r.latencyMs.p50),
      String(r.latencyMs.p99),
      cell(r.non2xx, check.non2xx),
      cell(r.d1.queriesTypical, check.d1Queries, { max: r.d1.queriesMax }),
      cell(r.d1.rowsReadTypical, check.rowsRead, { max: r.d1.rowsReadMax }),
      cell(r.cpuMsPerRequest, check.cpuMs, { digits: 2 }),
      // CPU per programme item, so growth with the size shows (the floor cases have nothing to do with it).
      r.key.startsWith('floor') || !Number.isFinite(r.cpuMsPerRequest)
        ? ''
        : ((r.cpuMsPerRequest * 1000) / r.items).toFixed(1),
      r.disturbed ? `${r.note}; DISTURBED: workerd restarted` : r.note,
    ]
  })
  const kib = (n) => `${(n / 1024).toFixed(0)} KiB`
  if (upload) {
    const mb = (n) => (n / MiB).toFixed(1)
    rows.push([
      `PUT ${upload.name}`,
      '300',
      '',
      '',
      '',
      '',
      `${upload.non2xx} ≤0 ${upload.non2xx === 0 ? 'PASS' : 'FAIL'}`,
      '',
      '',
      `${upload.cpuMs} ms`,
      '',
      `${upload.throughputMBps.toFixed(0)} MB/s (${upload.parts} parts, ${upload.partsSeconds.toFixed(1)} s); ` +
        `workerd RSS +${mb(upload.check.value)} MB <${mb(upload.check.limit)} ${upload.check.pass ? 'PASS' : 'FAIL'}; ` +
        `complete (variants) ${(upload.totalSeconds - upload.partsSeconds).toFixed(1)} s, ` +
        `RSS +${mb(upload.rss.max - upload.rss.before)} MB with it, no budget`,
    ])
  }
  // One row per audience: what a request of it loads (main module + its chunk + their static imports).
  for (const [i, size] of bundle.sizes.entries()) {
    const check = bundle.checks[i]
    const cells = Array(header.length).fill('')
    cells[0] = `bundle: ${size.audience} request (gzip)`
    cells[10] =
      `${kib(size.gzipBytes)} ≤${kib(bundleGzipBytes)} ${check.pass ? 'PASS' : 'FAIL'} ` +
      `(raw ${kib(size.rawBytes)}, ${size.modules} modules)` +
      // What its code may import() later (not loaded by every request, so not in the budget); the other
      // language's dictionary, the same for every audience, is left out.
      size.lazy
        .filter((l) => !dictionaries.includes(l.name))
        .map((l) => `; later ${path.basename(l.name)} +${kib(l.gzipBytes)}`)
        .join('')
    rows.push(cells)
  }
  const total = Array(header.length).fill('')
  total[0] = 'bundle: every module (gzip)'
  total[10] = `${kib(bundle.all.gzipBytes)} (raw ${kib(bundle.all.rawBytes)}, ${bundle.all.modules} modules), no budget`
  rows.push(total)
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

/** Case keys measured at the sizes beside 300 (each costs some 5 s), so that the whole bench fits in 4 minutes. */
const FEWER_CASES = {
  30: ['schedulePage', 'schedulePageMiss', 'programmePage', 'publish'],
  3000: [
    'schedulePage',
    'scheduleJson',
    'schedulePageMiss',
    'scheduleJsonMiss',
    'scheduleIcsMiss',
    'programmePage',
    'clashes',
    'itemSave',
    'publish',
  ],
}

/** Resident memory of wrangler's proxy workerd above which a case gets a fresh `wrangler dev` first. */
const PROXY_RESTART_BYTES = 1024 * MiB

async function proxyBytes(dev, port) {
  const { proxyPids } = await workerdTicks(dev.pid, port)
  return proxyPids.reduce((sum, pid) => sum + residentBytes(pid), 0)
}

/** Releases published in the publish case: enough that the CPU clock's 10 ms ticks average out. */
const PUBLISHES = 12

/**
 * The publish case: a release changes something (an empty one is refused), so before each publish one item's
 * title changes through the API, outside the measured time; then the release is published and its CPU and D1
 * cost read. One at a time, as two at once would race for the number. Each release mails the guests whom the
 * changed item concerns, as a real one does.
 */
async function measurePublish(dev, port, { visitId, headers, items, firstPublishMs }) {
  const json = { ...headers, 'content-type': 'application/json', accept: 'application/json' }
  const list = await fetch(new URL(`/api/visits/${visitId}/programme`, dev.url), { headers: json })
  const [item] = (await list.json()).items
  let version = item.version
  const samples = []
  let ticks = 0
  for (let i = 0; i < PUBLISHES; i++) {
    const saved = await fetch(new URL(`/api/items/${item.id}`, dev.url), {
      method: 'PATCH',
      headers: json,
      body: JSON.stringify({ version, title: `${item.title.replace(/ \(r\d+\)$/, '')} (r${i})` }),
      signal: AbortSignal.timeout(60_000),
    })
    const answer = await saved.json()
    if (saved.status !== 200) throw new Error(`publish case: saving the item failed: ${saved.status}`)
    version = answer.item.version
    const before = await workerdTicks(dev.pid, port)
    const res = await fetch(new URL(`/api/visits/${visitId}/releases`, dev.url), {
      method: 'POST',
      headers: json,
      body: '{}',
      signal: AbortSignal.timeout(120_000),
    })
    await res.text()
    ticks += (await workerdTicks(dev.pid, port)).worker - before.worker
    samples.push({ status: res.status, ...parseServerTiming(res.headers.get('server-timing')) })
  }
  // The releases' change mails are queued by the cron, a bounded page of guests per run: the CPU of one whole
  // scheduled invocation (every job in it) while there are mails to queue, reported beside the case.
  const cronRuns = 10
  const cronBefore = await workerdTicks(dev.pid, port)
  for (let i = 0; i < cronRuns; i++) {
    const cron = await fetch(new URL('/cdn-cgi/handler/scheduled?cron=*/5+*+*+*+*', dev.url), {
      signal: AbortSignal.timeout(60_000),
    })
    await cron.text()
  }
  await new Promise((resolve) => setTimeout(resolve, 500))
  const cronMs = ((await workerdTicks(dev.pid, port)).worker - cronBefore.worker) * (1000 / CLOCK_TICKS)
  return {
    key: 'publish',
    name: 'publish a release',
    method: 'POST',
    path: `/api/visits/${visitId}/releases`,
    note: `organiser, ${PUBLISHES} releases of one changed item one by one; the first publish took ${firstPublishMs} ms CPU; a cron run queuing their change mails ${(cronMs / cronRuns).toFixed(1)} ms CPU`,
    connections: 1,
    seconds: 0,
    requests: PUBLISHES,
    requestsPerSecond: 0,
    latencyMs: { p50: null, p99: null },
    non2xx: samples.filter((x) => x.status < 200 || x.status > 299).length,
    d1: {
      queriesMax: Math.max(...samples.map((x) => x.queries)),
      queriesTypical: median(samples.map((x) => x.queries)),
      rowsReadMax: Math.max(...samples.map((x) => x.rowsRead)),
      rowsReadTypical: median(samples.map((x) => x.rowsRead)),
      rowsWrittenTypical: median(samples.map((x) => x.rowsWritten)),
    },
    cold: null,
    cache: null,
    disturbed: false,
    cpuMsPerRequest: (ticks * (1000 / CLOCK_TICKS)) / PUBLISHES,
    proxyCpuMsPerRequest: null,
    items,
  }
}

/**
 * The item-save case: five saves of one item one after another (each with the version the last one gave), for
 * the D1 round trips a save costs; no load run (the version changes with every save).
 */
async function measureItemSave(dev, port, { visitId, headers, items }) {
  const json = { ...headers, 'content-type': 'application/json', accept: 'application/json' }
  const list = await fetch(new URL(`/api/visits/${visitId}/programme`, dev.url), { headers: json })
  const body = await list.json()
  const [item] = body.items
  let version = item.version
  const samples = []
  const before = await workerdTicks(dev.pid, port)
  for (let i = 0; i < SAVES; i++) {
    const res = await fetch(new URL(`/api/items/${item.id}`, dev.url), {
      method: 'PATCH',
      headers: json,
      body: JSON.stringify({ version, title: `${item.title.replace(/ \(\d+\)$/, '')} (${i})` }),
      signal: AbortSignal.timeout(60_000),
    })
    const answer = await res.json()
    version = answer.item?.version ?? version
    samples.push({ status: res.status, ...parseServerTiming(res.headers.get('server-timing')) })
  }
  const after = await workerdTicks(dev.pid, port)
  const failed = samples.filter((x) => x.status < 200 || x.status > 299).length
  return {
    key: 'itemSave',
    name: 'save a programme item',
    method: 'PATCH',
    path: `/api/items/${item.id}`,
    note: `organiser, ${SAVES} saves one by one (no load run; CPU coarse)`,
    connections: 1,
    seconds: 0,
    requests: SAVES,
    requestsPerSecond: 0,
    latencyMs: { p50: null, p99: null },
    non2xx: failed,
    d1: {
      queriesMax: Math.max(...samples.map((x) => x.queries)),
      queriesTypical: median(samples.map((x) => x.queries)),
      rowsReadMax: Math.max(...samples.map((x) => x.rowsRead)),
      rowsReadTypical: median(samples.map((x) => x.rowsRead)),
      rowsWrittenTypical: median(samples.map((x) => x.rowsWritten)),
    },
    cold: null,
    cache: null,
    disturbed: false,
    cpuMsPerRequest: ((after.worker - before.worker) * (1000 / CLOCK_TICKS)) / SAVES,
    proxyCpuMsPerRequest: null,
    items,
  }
}

/**
 * An empty local D1 with every migration applied, made once per bench run and copied for each size (applying
 * them takes wrangler several seconds; the copy is the same database).
 */
async function migratedState() {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'rondgang-bench-migrated-'))
  cleanups.push(() => fs.rm(work, { recursive: true, force: true }))
  await migrateLocal({ persistTo: work })
  return work
}

/** One size of the visit: its own D1, wrangler dev and release; the results of its cases. */
async function runSize(items, { migrated, bundle, profiled, only }) {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'rondgang-bench-'))
  cleanups.push(() => fs.rm(work, { recursive: true, force: true }))
  const persistTo = path.join(work, 'state')
  const visit = generateVisit(Date.now(), SIZES[items])
  const sqlFile = path.join(work, 'visit.sql')
  await fs.writeFile(sqlFile, visit.sql)
  log(`visit of ${items}: ${JSON.stringify(visit.counts)}; loading`)
  await fs.cp(await migrated, persistTo, { recursive: true })
  await wrangler(['d1', 'execute', 'DB', '--local', '--file', sqlFile], { persistTo })
  const bundled = await bundle

  const port = await freePort()
  const inspectorPort = await freePort()
  const devOptions = { port, persistTo, log: process.env.BENCH_LOG === '1', inspectorPort }
  let dev = await startDev(devOptions)
  await quietDevtools(inspectorPort)
  const stopDev = () => dev.stop()
  cleanups.push(stopDev)
  devOutput = dev.output
  // wrangler's proxy in front of the Worker held on to the bodies it forwarded while DevTools' Network domain
  // was on (2 GB after about 1.5 GB of responses, and then it stopped answering). With it off (quietDevtools)
  // its memory stays near 160 MB; should it grow past PROXY_RESTART_BYTES anyway, the next case gets a fresh
  // `wrangler dev`, on the same port and with the same persisted D1 and cache.
  async function freshDev() {
    await dev.stop()
    dev = await startDev(devOptions)
    await quietDevtools(inspectorPort)
    devOutput = dev.output
  }
  log(`wrangler dev on ${dev.url} (pid ${dev.pid})`)

  const { visitId, slug, sessionId } = visit.ids
  const cookie = `__Host-rondgang_session=${sessionId}`
  // Every case asks in Dutch, so the load run and the samples hit the same cache entry.
  const lang = { 'accept-language': 'nl' }
  const publishRequest = {
    method: 'POST',
    path: `/api/visits/${visitId}/releases`,
    headers: { ...lang, cookie, 'content-type': 'application/json', accept: 'application/json' },
    body: '{}',
  }
  const publishStarted = await workerdTicks(dev.pid, port)
  const published = await fetch(new URL(publishRequest.path, dev.url), {
    ...publishRequest,
    signal: AbortSignal.timeout(120_000),
  })
  // Read the answer in full: an unread body keeps the Worker's response open, and wrangler's proxy then holds
  // the next request back.
  const release = await published.text()
  if (published.status !== 201) throw new Error(`publishing failed: ${published.status} ${release}`)
  const firstPublishMs =
    ((await workerdTicks(dev.pid, port)).worker - publishStarted.worker) * (1000 / CLOCK_TICKS)
  // The guests come after the release, as in life (a release mails every guest whom its changes concern).
  // wrangler's local D1 is one SQLite file, so the running Worker sees them at once. With them, in the same
  // wrangler call, issue 12's published report: a photo impression of 20 photos and 50 approved comments.
  const afterReleaseSqlFile = path.join(work, 'after-release.sql')
  const { visitId: vid } = visit.ids
  await fs.writeFile(
    afterReleaseSqlFile,
    [
      visit.rsvpSql,
      `INSERT INTO reports (id, visit_id, status, title, intro, body, author_name, published_at, updated_at) VALUES ('bench-report', '${vid}', 'published', 'Verslag van het bezoek', 'Een **inleiding** van het bezoek.', '${'## Wat er gebeurde\n\nDe bewoners vertelden over [de wijk](https://example.nl). '.repeat(20)}', 'Een bewoner', ${Date.now()}, ${Date.now()});`,
      `INSERT INTO report_photos (report_id, photo_id, position) SELECT 'bench-report', id, position FROM photos WHERE visit_id = '${vid}' AND approved = 1 ORDER BY position LIMIT 20;`,
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50) INSERT INTO report_comments (id, report_id, name, body, status, token_hash, created_at) SELECT 'bench-comment-' || i, 'bench-report', 'Bewoner ' || i, 'Reactie ' || i || ': mooi verslag, zie https://example.nl/' || i, 'approved', lower(hex(randomblob(32))), ${Date.now()} + i FROM n;`,
      '',
    ].join('\n'),
  )
  await wrangler(['d1', 'execute', 'DB', '--local', '--file', afterReleaseSqlFile], { persistTo })

  let guest = 0
  const rsvpRequest = {
    method: 'POST',
    path: `/api/public/visits/${slug}/rsvps`,
    headers: { ...lang, 'content-type': 'application/json', accept: 'application/json' },
    // A new guest from a new address each time: the per-client limit (30/min) and one registration per
    // e-mail address would otherwise answer 429 or "check your mail".
    setupRequest(req) {
      guest += 1
      const ip = `10.${(guest >> 16) & 255}.${(guest >> 8) & 255}.${guest & 255}`
      return {
        ...req,
        headers: { ...req.headers, 'cf-connecting-ip': ip },
        body: JSON.stringify({
          name: `Belastinggast ${guest}`,
          email: `load${guest}@bench.rondgang.localhost`,
          partySize: 1 + (guest % 3),
          dietary: guest % 4 === 0 ? { vegetarian: 1 } : {},
          groupIds: [],
        }),
      }
    },
  }
  const get = (p, headers = {}) => ({ method: 'GET', path: p, headers: { ...lang, ...headers } })

  const { rsvps, talks, cateringOrders } = visit.counts
  const cases = [
    {
      key: 'schedulePage',
      name: 'public schedule page',
      path: `/v/${slug}`,
      note: 'anonymous, cache hit',
    },
    {
      key: 'scheduleIcs',
      name: 'schedule.ics',
      path: `/v/${slug}/schedule.ics`,
      note: 'cache hit',
    },
    {
      key: 'scheduleJson',
      name: 'schedule.json',
      path: `/v/${slug}/schedule.json`,
      note: 'cache hit',
    },
    // The floor: what any request costs this workerd (a static asset, no D1), and one with one small D1 query.
    {
      key: 'floorAsset',
      name: 'floor: schedule.css',
      path: '/assets/schedule.css',
      note: 'no D1, no cache: the cost of any request here',
    },
    {
      key: 'floorD1',
      name: 'floor: /healthz',
      path: '/healthz',
      note: 'one D1 query of one row',
    },
    {
      key: 'programmePage',
      name: 'programme editor page',
      path: `/visits/${visitId}/programme`,
      note: 'organiser, with clashes',
      headers: { cookie, accept: 'text/html' },
    },
    {
      key: 'clashes',
      name: 'clashes API',
      path: `/api/visits/${visitId}/clashes`,
      note: 'organiser, whole visit',
      headers: { cookie, accept: 'application/json' },
    },
    {
      key: 'cateringPage',
      name: 'catering overview page',
      path: `/visits/${visitId}/catering`,
      note: `organiser, ${cateringOrders} orders from ${rsvps} registrations`,
      headers: { cookie, accept: 'text/html' },
    },
    // The same three rendered afresh, as for the first reader after a release in each data centre and
    // language: `Cache-Control: no-cache` skips the edge copy in development only (workers/platform/http/public-cache.ts).
    ...['schedulePage', 'scheduleIcs', 'scheduleJson'].map((key, i) => ({
      key: `${key}Miss`,
      name: `${['public schedule page', 'schedule.ics', 'schedule.json'][i]} (miss)`,
      path: [`/v/${slug}`, `/v/${slug}/schedule.ics`, `/v/${slug}/schedule.json`][i],
      note: 'anonymous, not in the edge cache',
      headers: { 'cache-control': 'no-cache' },
    })),
    // Other organiser pages at this size, reported without a budget of their own (issue 7 sets none), so a
    // change that makes one of them slower shows up here.
    ...[
      ['visitOverview', 'visit overview page', `/visits/${visitId}`, 'organiser, with clash count'],
      [
        'releasesPage',
        'releases page',
        `/visits/${visitId}/releases`,
        'organiser, pending changes and history',
      ],
      ['talksPage', 'talks review page', `/visits/${visitId}/talks`, `organiser, ${talks} talks`],
      ['guestList', 'guest list page', `/visits/${visitId}/rsvps`, `organiser, ${rsvps} registrations`],
    ].map(([key, name, path, note]) => ({ key, name, path, note, headers: { cookie, accept: 'text/html' } })),
    // The photo impression: approved photo rows whose keys point at no R2 object (the page lists them,
    // the variants are separate requests), so this measures D1 and the page, cached like the schedule.
    {
      key: 'galleryPage',
      name: 'public gallery page',
      path: `/v/${slug}/photos`,
      note: `anonymous, cache hit, ${visit.counts.photos} photo rows (no R2 reads)`,
    },
    {
      key: 'galleryPageMiss',
      name: 'public gallery page (miss)',
      path: `/v/${slug}/photos`,
      note: `anonymous, cache miss, ${visit.counts.photos} photos rendered`,
      headers: { 'cache-control': 'no-cache' },
    },
    // Issue 12: the public report (20 photos, 50 comments) and the team's Atom feed, cached like the schedule.
    ...[
      ['reportPage', 'public report page', `/v/${slug}/report`, 'anonymous, 20 photos, 50 comments'],
      ['newsFeed', 'news Atom feed', `/news/${visit.ids.teamId}/feed.atom`, 'anonymous, the team news'],
    ].flatMap(([key, name, path, note]) => [
      { key, name, path, note: `${note}, cache hit` },
      {
        key: `${key}Miss`,
        name: `${name} (miss)`,
        path,
        note: `${note}, cache miss`,
        headers: { 'cache-control': 'no-cache' },
      },
    ]),
  ].map((c) => ({ ...c, connections: 10, request: get(c.path, c.headers) }))
  cases.push({
    key: 'rsvpPost',
    name: 'RSVP',
    path: rsvpRequest.path,
    note: 'new guest each; writes serialize',
    connections: 4,
    request: rsvpRequest,
  })
  // The first anonymous request after a release renders and fills the edge cache: its D1 cost is in the
  // budget too, and its CPU time is reported (each data centre's first reader pays it).
  for (const c of cases.filter((x) =>
    ['schedulePage', 'scheduleIcs', 'scheduleJson', 'galleryPage'].includes(x.key),
  )) {
    const before = await workerdTicks(dev.pid, port)
    c.cold = await sample(dev.url, c.request, 120_000)
    const after = await workerdTicks(dev.pid, port)
    c.cold.cpuMs = (after.worker - before.worker) * (1000 / CLOCK_TICKS)
    c.note = `${c.note}; max = cold miss (${c.cold.cpuMs} ms CPU)`
  }

  const keys = only ?? FEWER_CASES[items] ?? [...cases.map((c) => c.key), 'itemSave', 'publish']
  const runs = cases.filter((c) => keys.includes(c.key) && c.key !== 'publish')
  if (keys.includes('itemSave')) runs.push({ key: 'itemSave' })
  // Last, as it makes new releases (the edge copies of the cases above stop being asked for).
  if (keys.includes('publish')) runs.push({ key: 'publish' })
  const results = []
  for (const [i, c] of runs.entries()) {
    if (i > 0 && (await proxyBytes(dev, port)) > PROXY_RESTART_BYTES) {
      log(`wrangler's proxy holds ${((await proxyBytes(dev, port)) / MiB).toFixed(0)} MB: restarting`)
      await freshDev()
    }
    const result =
      c.key === 'itemSave'
        ? await measureItemSave(dev, port, { visitId, headers: { ...lang, cookie }, items })
        : c.key === 'publish'
          ? await measurePublish(dev, port, { visitId, headers: { ...lang, cookie }, items, firstPublishMs })
          : { ...(await measureCase(dev, port, c)), items }
    results.push({ ...result, checks: verdicts(result, items) })
    // Publishing and saving have no one request to repeat: the profile is of another round of them.
    const load =
      c.key === 'itemSave'
        ? async () =>
            (await measureItemSave(dev, port, { visitId, headers: { ...lang, cookie }, items })).requests
        : c.key === 'publish'
          ? async () =>
              (
                await measurePublish(dev, port, {
                  visitId,
                  headers: { ...lang, cookie },
                  items,
                  firstPublishMs,
                })
              ).requests
          : undefined
    if (profiled.includes(c.key)) await profileCase(dev, inspectorPort, c, load)
  }
  let upload
  if (items === 300 && (!only || only.includes('photoUpload'))) {
    await freshDev()
    log('photo upload: 100 MB in parts')
    upload = await measureUpload(dev, port, { visitId, headers: { ...lang, cookie } })
  }
  await dev.stop()
  cleanups.splice(cleanups.indexOf(stopDev), 1)
  return { results, upload, bundle: bundled, counts: visit.counts }
}

async function main() {
  const started = Date.now()
  // BENCH_SIZES=300 measures one size; BENCH_ONLY=programmePage,clashes just those cases (for working on one).
  const sizes = (process.env.BENCH_SIZES ?? '30,300,3000').split(',').filter(Boolean).map(Number)
  for (const n of sizes) if (!SIZES[n]) throw new Error(`BENCH_SIZES: no visit of ${n} items (30, 300, 3000)`)
  const only = process.env.BENCH_ONLY?.split(',').filter(Boolean)
  // BENCH_PROFILE=programmePage,clashes adds a profiled run after those cases (see bench/profile.mjs).
  const profiled = process.env.BENCH_PROFILE?.split(',').filter(Boolean) ?? []
  const results = []
  const counts = {}
  let bundle
  let upload
  // Migrating and bundling go on together, before the first size needs them.
  const bundleDir = await fs.mkdtemp(path.join(os.tmpdir(), 'rondgang-bench-bundle-'))
  cleanups.push(() => fs.rm(bundleDir, { recursive: true, force: true }))
  const bundling = measureBundle(bundleDir)
  const migrated = migratedState()
  await Promise.all([bundling, migrated])
  log('migrated and bundled')
  for (const [i, items] of sizes.entries()) {
    const size = await runSize(items, { migrated, bundle: i === 0 ? bundling : null, profiled, only })
    results.push(...size.results)
    counts[items] = size.counts
    bundle ??= size.bundle
    upload ??= size.upload
  }

  const failed = [
    ...results.flatMap((r) =>
      r.checks.filter((c) => !c.pass).map((c) => `${r.name} at ${r.items}: ${c.figure}`),
    ),
  ]
  for (const c of bundle.checks) if (!c.pass) failed.push(`bundle: gzip size of a ${c.audience} request`)
  if (upload && !upload.check.pass) failed.push('photo upload: workerd memory or non-2xx')

  console.log(table(results, bundle, upload))
  const report = {
    at: new Date().toISOString(),
    seconds: Math.round((Date.now() - started) / 1000),
    machine: { cpus: os.cpus().length, node: process.version, loadAverage: os.loadavg() },
    settings: { warmupSeconds: WARMUP_SECONDS, measureSeconds: MEASURE_SECONDS, samples: SAMPLES, sizes },
    visits: counts,
    cases: results,
    upload: upload ?? null,
    bundle,
    failed,
  }
  await fs.mkdir(path.join(root, 'bench', 'results'), { recursive: true })
  await fs.writeFile(
    path.join(root, 'bench', 'results', 'latest.json'),
    `${JSON.stringify(report, null, 2)}\n`,
  )
  log(
    `${failed.length === 0 ? 'all budgets hold' : `budget broken: ${failed.join(', ')}`} (${report.seconds} s, load average before/after ${startLoad.map((x) => x.toFixed(1)).join(' ')} / ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')})`,
  )
  if (failed.length > 0) process.exitCode = 1
}

const startLoad = os.loadavg()
try {
  await main()
} catch (error) {
  console.error(error)
  const tail = devOutput?.().trim().split('\n').slice(-20).join('\n')
  if (tail) console.error(`--- wrangler dev, last lines:\n${tail}`)
  process.exitCode = 2
} finally {
  await cleanUp()
}

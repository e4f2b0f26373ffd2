// CPU profiles of the Worker for `BENCH_PROFILE=<case keys> npm run bench`: after a case is measured, the same
// load runs once more with V8's sampling profiler on (through wrangler's inspector, the DevTools protocol), the
// profile is written to bench/results/<case>.cpuprofile (open it in Chrome DevTools → Performance) and the
// functions with the most self time are printed. The profiler slows the Worker down, so these runs never count
// towards the budget: they show where the milliseconds go.
import WebSocket from 'ws'

/** Connects to the Worker's DevTools endpoint behind wrangler's inspector port. */
export async function connectInspector(inspectorPort) {
  const targets = await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json()
  const target = targets.find((t) => t.webSocketDebuggerUrl)
  if (!target) throw new Error(`no inspector target on port ${inspectorPort}`)
  const socket = new WebSocket(target.webSocketDebuggerUrl)
  await new Promise((resolve, reject) => {
    socket.once('open', resolve)
    socket.once('error', reject)
  })
  let next = 0
  const pending = new Map()
  socket.on('message', (data) => {
    const message = JSON.parse(String(data))
    const waiting = pending.get(message.id)
    if (!waiting) return // an event
    pending.delete(message.id)
    if (message.error) waiting.reject(new Error(`${waiting.method}: ${message.error.message}`))
    else waiting.resolve(message.result)
  })
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      next += 1
      pending.set(next, { resolve, reject, method })
      socket.send(JSON.stringify({ id: next, method, params }))
    })
  return { send, close: () => socket.close() }
}

/** Runs `load` with the sampling profiler on and returns the profile (DevTools' .cpuprofile format). */
export async function profileWhile(inspector, load, { intervalMicros = 200 } = {}) {
  await inspector.send('Profiler.enable')
  await inspector.send('Profiler.setSamplingInterval', { interval: intervalMicros })
  await inspector.send('Profiler.start')
  // Stopped even when the load fails, so the Worker is not left sampling.
  const failure = await load().then(
    () => null,
    (error) => error ?? new Error('load failed'),
  )
  const { profile } = await inspector.send('Profiler.stop')
  await inspector.send('Profiler.disable')
  if (failure) throw failure
  return profile
}

/**
 * The functions with the most self time in a profile, as lines "ms  %  name  file:line". Idle time and the
 * profiler's own "(program)" are left out of the share, so the percentages are of the Worker's busy time.
 */
export function topFunctions(profile, limit = 25) {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]))
  const selfMicros = new Map()
  const intervals = profile.timeDeltas ?? []
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byNode.get(profile.samples[i])
    const frame = node?.callFrame
    if (!frame) continue
    const file = frame.url ? frame.url.split('/').pop() : ''
    const key = `${frame.functionName || '(anonymous)'}  ${file}${file ? `:${frame.lineNumber + 1}` : ''}`
    selfMicros.set(key, (selfMicros.get(key) ?? 0) + (intervals[i + 1] ?? intervals[i] ?? 0))
  }
  const idle = new Set(['(idle)  ', '(program)  ', '(garbage collector)  '])
  let busy = 0
  for (const [key, micros] of selfMicros) if (!idle.has(key)) busy += micros
  const rows = [...selfMicros].sort((a, b) => b[1] - a[1]).slice(0, limit)
  const gc = selfMicros.get('(garbage collector)  ') ?? 0
  return [
    `busy ${(busy / 1000).toFixed(0)} ms (garbage collector ${(gc / 1000).toFixed(0)} ms more)`,
    ...rows.map(
      ([key, micros]) =>
        `${(micros / 1000).toFixed(1).padStart(8)} ms ${idle.has(key) ? '     ' : `${((100 * micros) / busy).toFixed(1).padStart(4)}%`}  ${key}`,
    ),
  ]
}

/**
 * wrangler dev turns on DevTools' Network domain in the Worker's runtime as soon as it starts, whether or not
 * DevTools is open: workerd then copies every subrequest's body — each D1 answer, each R2 object, each Cache
 * API entry — base64-encoded into an inspector message. That costs the measured workerd CPU in proportion to
 * the bytes (0.3–0.6 ms on a one-row D1 query, far more on a stored page), and production has no such thing.
 * So the bench and the load test turn it off, through the inspector, after each start.
 */
export async function quietDevtools(inspectorPort) {
  const inspector = await connectInspector(inspectorPort)
  try {
    await inspector.send('Network.disable')
  } finally {
    inspector.close()
  }
}

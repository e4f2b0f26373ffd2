// Starts and stops `wrangler dev` for `npm start`, the browser tests and the benchmark.
// wrangler runs in its own process group, so stopping it also stops workerd (killing only the parent would
// leave workerd serving the port).
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const wranglerBin = path.join(root, 'node_modules', '.bin', 'wrangler')

/** Environment for every wrangler call: offline-friendly, no metrics, no prompts. */
export const quietEnv = {
  ...process.env,
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_LOG: process.env.WRANGLER_LOG ?? 'warn',
  CI: process.env.CI ?? 'true',
}

/** A TCP port nobody listens on right now. */
export async function freePort() {
  const server = net.createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = /** @type {net.AddressInfo} */ (server.address())
  server.close()
  await once(server, 'close')
  return port
}

/** Runs a wrangler command to completion; throws with its output when it fails. */
export async function wrangler(args, { persistTo } = {}) {
  const full = persistTo ? [...args, '--persist-to', persistTo] : args
  const child = spawn(wranglerBin, full, { cwd: root, env: quietEnv, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (d) => {
    output += d
  })
  child.stderr.on('data', (d) => {
    output += d
  })
  const [code] = await once(child, 'exit')
  if (code !== 0) throw new Error(`wrangler ${args.join(' ')} failed (${code}):\n${output}`)
  return output
}

/** Applies the migrations to the local D1 (the same command as in the README). */
export async function migrateLocal({ persistTo } = {}) {
  await wrangler(['d1', 'migrations', 'apply', 'DB', '--local'], { persistTo })
}

/**
 * Starts `wrangler dev` on 127.0.0.1 and waits until /healthz answers.
 * Returns its URL and a stop() that ends the whole process group.
 */
export async function startDev({ port, persistTo, log = false, timeoutMs = 60_000, inspectorPort } = {}) {
  // Links in mails point at this server, whatever port it got.
  const args = ['dev', '--ip', '127.0.0.1', '--port', String(port), '--show-interactive-dev-session=false']
  args.push('--var', `PUBLIC_URL:http://127.0.0.1:${port}`)
  if (persistTo) args.push('--persist-to', persistTo)
  // The DevTools protocol of the Worker (CPU profiles for the benchmark); wrangler picks a port otherwise.
  if (inspectorPort) args.push('--inspector-port', String(inspectorPort))
  const child = spawn(wranglerBin, args, {
    cwd: root,
    env: quietEnv,
    detached: true,
    stdio: ['ignore', log ? 'inherit' : 'pipe', log ? 'inherit' : 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (d) => {
    output += d
  })
  child.stderr?.on('data', (d) => {
    output += d
  })
  let exited = false
  child.once('exit', () => {
    exited = true
  })
  const url = `http://127.0.0.1:${port}`

  async function stop() {
    if (exited) return
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      return
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL')
      } catch {}
    }, 5_000)
    if (!exited) await once(child, 'exit')
    clearTimeout(timer)
  }

  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (exited) throw new Error(`wrangler dev exited early:\n${output}`)
    try {
      const res = await fetch(`${url}/healthz`)
      if (res.ok) return { url, stop, pid: child.pid, output: () => output }
    } catch {}
    await new Promise((r) => setTimeout(r, 250))
  }
  await stop()
  throw new Error(`wrangler dev did not become ready within ${timeoutMs} ms:\n${output}`)
}

/** Loads the demo visits through the running Worker (development only; idempotent). */
export async function seed(url) {
  const res = await fetch(`${url}/dev/seed`, { method: 'POST', headers: { origin: url } })
  if (!res.ok) throw new Error(`loading the demo data failed: ${res.status} ${await res.text()}`)
}

import { and, eq, isNull, lte, or } from 'drizzle-orm'
import type { MiddlewareHandler } from 'hono'
import { idempotencyKeys } from '../../../shared/db/schema'
import { DomainError } from '../../../shared/errors'
import type { Database } from '../db/database'
import type { AppEnv } from '../env'

type Outcome = { status: number; headers: [string, string][]; body: ArrayBuffer }
type Entry = { at: number; body: string; outcome: Promise<Outcome | undefined> }

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** The bytes of a body worth hashing: forms and JSON (files are never buffered here). */
const hashable = (type: string) =>
  type.startsWith('application/x-www-form-urlencoded') || type.startsWith('application/json')

async function sha256(data: ArrayBuffer | string): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data
  const hash = await crypto.subtle.digest('SHA-256', bytes)
  return [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** The form field that names a submission. */
export const FIELD = 'idempotency_key'

/**
 * The hidden field a form renders once per page view (`{raw(idempotencyField())}` inside the form): sending
 * the same page twice (a double click, a resend on a slow line) then makes one record. The route's own
 * coercion ignores the field.
 */
export const idempotencyField = () => `<input type="hidden" name="${FIELD}" value="${crypto.randomUUID()}">`

/** The most bytes of an answer kept in D1 for a replay (a bigger one is answered, not kept: D1 rows are small). */
const MAX_KEPT_BYTES = 256 * 1024
/** A claim whose request never finished (its isolate died) is taken over after this long. */
const CLAIM_LEASE_MS = 60_000
/** How long a repeat waits for the first request, run elsewhere, to finish. */
const WAIT_MS = 10_000

const toBase64 = (bytes: ArrayBuffer) => {
  let text = ''
  const view = new Uint8Array(bytes)
  for (let i = 0; i < view.length; i += 0x8000) {
    text += String.fromCharCode(...view.subarray(i, i + 0x8000))
  }
  return btoa(text)
}
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0)).buffer

/**
 * The durable half: a row per submission in D1, claimed before the route runs (a row of our own, or one
 * whose window or lease ran out), filled with the answer of a success, removed after a rejection or failure.
 */
const durable = {
  async claim(db: Database, scope: string, bodyHash: string, now: number, windowMs: number) {
    const fresh = { bodyHash, status: null, headers: null, body: null, createdAt: new Date(now) }
    const [mine] = await db
      .insert(idempotencyKeys)
      .values({ scope, ...fresh, expiresAt: new Date(now + windowMs) })
      .onConflictDoUpdate({
        target: idempotencyKeys.scope,
        set: { ...fresh, expiresAt: new Date(now + windowMs) },
        setWhere: or(
          lte(idempotencyKeys.expiresAt, new Date(now)),
          and(isNull(idempotencyKeys.status), lte(idempotencyKeys.createdAt, new Date(now - CLAIM_LEASE_MS))),
        ),
      })
      .returning({ scope: idempotencyKeys.scope })
    return mine !== undefined
  },
  async read(db: Database, scope: string) {
    const [row] = await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.scope, scope))
    return row
  },
  async keep(db: Database, scope: string, outcome: Outcome) {
    await db
      .update(idempotencyKeys)
      .set({
        status: outcome.status,
        headers: JSON.stringify(outcome.headers.filter(([name]) => name.toLowerCase() !== 'set-cookie')),
        body: toBase64(outcome.body),
      })
      .where(eq(idempotencyKeys.scope, scope))
  },
  async release(db: Database, scope: string) {
    await db
      .delete(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, scope), isNull(idempotencyKeys.status)))
  },
}

/** Removes the keys whose window is over; run by the scheduled clean-up. */
export async function purgeIdempotencyKeys(db: Database, now: Date): Promise<void> {
  await db.delete(idempotencyKeys).where(lte(idempotencyKeys.expiresAt, now))
}

/**
 * Claims the key in D1 (undefined: the route may run), or the answer of the request that holds it, once it
 * has one; another body under the key is refused, and a first request that takes too long gives 409.
 */
async function firstAnswer(db: Database, scope: string, body: string, now: number, windowMs: number) {
  const deadline = now + WAIT_MS
  while (!(await durable.claim(db, scope, body, Date.now(), windowMs))) {
    const row = await durable.read(db, scope)
    if (!row) continue
    if (row.bodyHash !== body) throw reused()
    if (row.status !== null && row.headers !== null && row.body !== null) {
      return { status: row.status, headers: JSON.parse(row.headers), body: fromBase64(row.body) } as Outcome
    }
    if (Date.now() >= deadline) {
      throw new DomainError('conflict', 'This submission is still being processed; try again shortly.')
    }
    await scheduler.wait(100)
  }
  return undefined
}

const replay = (outcome: Outcome, requestId: string | undefined) => {
  const headers = new Headers(outcome.headers)
  headers.set('idempotent-replayed', 'true')
  if (requestId) headers.set('x-request-id', requestId)
  return new Response(outcome.status === 204 ? null : outcome.body, { status: outcome.status, headers })
}

const reused = () =>
  new DomainError('validation_failed', 'This Idempotency-Key was used for another request.', {
    errors: [{ field: 'Idempotency-Key', message: 'invalid' }],
  })

/**
 * One record per submission, however often it arrives. A client names the submission with an
 * `Idempotency-Key` header (the API), a form with the hidden field above; the same key again from the same
 * person or client on the same path, within `windowMs`, waits for the first and gets its answer (status,
 * headers, body) with `Idempotent-Replayed: true`. A key sent again with another body is refused (422).
 * Without a key nothing changes: a form or call sent twice on purpose is two submissions (and a spent link
 * answers 404 the second time).
 *
 * The key is claimed in D1 (idempotency_keys) before the route runs, so a repeat that reaches another isolate,
 * or comes after a restart, finds it: it waits for the first to finish (polling, up to WAIT_MS, then 409) and
 * replays the kept answer. Only the answer of a success (< 400) is kept; after a rejection or a failure (5xx)
 * the claim is removed, so a rejected input leaves nothing behind and a failure may be retried. A repeat in
 * the same isolate is answered from memory without asking D1 again. Set-Cookie is not kept in D1 (a session
 * id is a secret): a replay from D1 carries the rest of the answer.
 */
export const idempotency = ({
  windowMs = 10 * 60_000,
  maxEntries = 5_000,
} = {}): MiddlewareHandler<AppEnv> => {
  const seen = new Map<string, Entry>()
  const prune = (now: number) => {
    for (const [k, e] of seen) {
      if (seen.size <= maxEntries && now - e.at < windowMs) break
      seen.delete(k)
    }
  }
  return async function idempotency(c, next) {
    const type = (c.req.header('content-type') ?? '').toLowerCase()
    if (!writeMethods.has(c.req.method) || !hashable(type)) return next()
    // A form names its submission with a hidden field (rendered by idempotencyField), an API call by header.
    const key =
      c.req.header('idempotency-key') ??
      (type.startsWith('application/x-www-form-urlencoded')
        ? (new URLSearchParams(await c.req.raw.clone().text()).get(FIELD) ?? undefined)
        : undefined)
    if (key === undefined) return next()
    const session = c.req.header('cookie')?.match(/__Host-rondgang_session=([^;]+)/)?.[1]
    if (key !== undefined && !/^[A-Za-z0-9_-]{8,128}$/.test(key)) {
      throw new DomainError('bad_request', 'Idempotency-Key: 8 to 128 letters, digits, _ or -.')
    }
    const now = Date.now()
    const who = session ?? c.req.header('cf-connecting-ip') ?? 'anonymous'
    const body = await sha256(await c.req.raw.clone().arrayBuffer())
    // The scope is hashed: a session id is a secret and is not kept in memory or in D1 as it is.
    const scope = await sha256(`${c.req.method} ${c.req.path} ${who} ${key}`)
    const earlier = seen.get(scope)
    if (earlier && now - earlier.at < windowMs) {
      if (earlier.body !== body) throw reused()
      const outcome = await earlier.outcome
      if (outcome) return replay(outcome, c.var.requestId)
    }
    const db = c.var.db
    // Known to this isolate from here on: a repeat here waits for this one's answer (seen), not for D1.
    let settle: (o: Outcome | undefined) => void = () => {}
    seen.delete(scope)
    seen.set(scope, { at: now, body, outcome: new Promise((resolve) => (settle = resolve)) })
    prune(now)
    // Claim it in D1, or find the first request's row (run in another isolate) and wait for its answer.
    try {
      const first = await firstAnswer(db, scope, body, now, windowMs)
      if (first) {
        settle(first)
        return replay(first, c.var.requestId)
      }
    } catch (error) {
      seen.delete(scope)
      settle(undefined)
      throw error
    }
    let outcome: Outcome | undefined
    try {
      await next()
    } finally {
      const res = c.res
      if (res && res.status < 500) {
        outcome = {
          status: res.status,
          headers: [...(res.headers as unknown as Iterable<[string, string]>)],
          body: await res.clone().arrayBuffer(),
        }
      }
      if (!outcome || outcome.status >= 500) seen.delete(scope)
      settle(outcome)
      // A success is kept for repeats that reach another isolate; anything else gives the key back. The
      // answer is already made: when D1 fails here it goes out all the same (a repeat elsewhere then waits
      // out the claim's lease), and the failure is logged.
      const kept = outcome && outcome.status < 400 && outcome.body.byteLength <= MAX_KEPT_BYTES
      await (kept && outcome ? durable.keep(db, scope, outcome) : durable.release(db, scope)).catch((error) =>
        console.error(
          JSON.stringify({
            level: 'error',
            requestId: c.var.requestId,
            idempotency: 'd1',
            error: String(error),
          }),
        ),
      )
    }
  }
}

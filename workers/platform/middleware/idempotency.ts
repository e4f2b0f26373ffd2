import type { MiddlewareHandler } from 'hono'
import { DomainError } from '../../../shared/errors'
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

/**
 * One record per submission, however often it arrives. A client names the submission with an
 * `Idempotency-Key` header (the API), a form with the hidden field above; the same key again from the same
 * person or client on the same path, within `windowMs`, waits for the first and gets its answer (status,
 * headers, body) with `Idempotent-Replayed: true`. A key sent again with another body is refused (422).
 * Outcomes of 5xx are not kept, so a failure may be retried. Without a key nothing changes: a form or call
 * sent twice on purpose is two submissions (and a spent link answers 404 the second time). The memory is the
 * isolate's: repeats that reach another isolate are not caught (a double click reaches the same one in
 * practice).
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
    // The scope is hashed: a session id is a secret and is not kept in memory as it is.
    const scope = await sha256(`${c.req.method} ${c.req.path} ${who} ${key}`)
    const earlier = seen.get(scope)
    if (earlier && now - earlier.at < windowMs) {
      if (earlier.body !== body) {
        throw new DomainError('validation_failed', 'This Idempotency-Key was used for another request.', {
          errors: [{ field: 'Idempotency-Key', message: 'invalid' }],
        })
      }
      const outcome = await earlier.outcome
      if (outcome) {
        const headers = new Headers(outcome.headers)
        headers.set('idempotent-replayed', 'true')
        if (c.var.requestId) headers.set('x-request-id', c.var.requestId)
        return new Response(outcome.status === 204 ? null : outcome.body, { status: outcome.status, headers })
      }
    }
    let settle: (o: Outcome | undefined) => void = () => {}
    seen.delete(scope)
    seen.set(scope, { at: now, body, outcome: new Promise((resolve) => (settle = resolve)) })
    prune(now)
    try {
      await next()
    } finally {
      const res = c.res
      if (!res || res.status >= 500) {
        seen.delete(scope)
        settle(undefined)
      } else {
        settle({
          status: res.status,
          headers: [...(res.headers as unknown as Iterable<[string, string]>)],
          body: await res.clone().arrayBuffer(),
        })
      }
    }
  }
}

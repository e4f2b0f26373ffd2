import type { Context, MiddlewareHandler } from 'hono'
import { DomainError } from '../../../shared/errors'
import type { AppEnv } from '../env'

/** Both limits are per minute (the bindings' period): Retry-After tells when to try again. */
const RETRY_AFTER_SECONDS = 60

/** The client's address as Cloudflare sees it; one shared bucket when unknown (local tools). */
export const clientKey = (c: Context<AppEnv>) => c.req.header('cf-connecting-ip') ?? 'unknown'

const refuse = () => new DomainError('rate_limited', undefined, { retryAfterSeconds: RETRY_AFTER_SECONDS })

/**
 * Limits a route per client (CLIENT_LIMITER, a bucket per `name` and address): no flooding of a form or an
 * API by script. Declared on the route: `.post('/v/:slug/rsvp', rateLimit('rsvp'), …)`. Answers 429 with
 * Retry-After before the body is read.
 */
export const rateLimit = (name: string): MiddlewareHandler<AppEnv> =>
  async function rateLimit(c, next) {
    const { success } = await c.env.CLIENT_LIMITER.limit({ key: `${name}:${clientKey(c)}` })
    if (!success) throw refuse()
    await next()
  }

/**
 * Limits what is done for one e-mail address (SIGNIN_LIMITER, a bucket per `name` and address) — no mail
 * bombing of one person — and, when `perClient` is given, per client too (no sweeping of many addresses).
 * Called once the address is read from the validated body; the same answer for known and unknown addresses.
 */
export async function limitAddress(
  c: Context<AppEnv>,
  name: string,
  email: string,
  perClient?: string,
): Promise<void> {
  const checks = [c.env.SIGNIN_LIMITER.limit({ key: `${name}:${email}` })]
  if (perClient) checks.push(c.env.CLIENT_LIMITER.limit({ key: `${perClient}:${clientKey(c)}` }))
  const results = await Promise.all(checks)
  if (results.some((r) => !r.success)) throw refuse()
}

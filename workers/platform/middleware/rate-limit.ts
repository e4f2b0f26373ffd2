import type { Context } from 'hono'
import { DomainError } from '../../../shared/errors'
import type { AppEnv } from '../env'

/** Both limits are per minute (the binding's period): Retry-After tells when to try again. */
const RETRY_AFTER_SECONDS = 60

/** The client's address as Cloudflare sees it; one shared bucket when unknown (local tools). */
export const clientKey = (c: Context<AppEnv>) => c.req.header('cf-connecting-ip') ?? 'unknown'

/**
 * Sign-in links are limited per e-mail address (no mail bombing of one person) and per client (no sweeping
 * of many addresses). Both answer 429 with Retry-After, the same for known and unknown addresses.
 */
export async function limitSignIn(c: Context<AppEnv>, email: string): Promise<void> {
  const [perAddress, perClient] = await Promise.all([
    c.env.SIGNIN_LIMITER.limit({ key: `address:${email}` }),
    c.env.CLIENT_LIMITER.limit({ key: `signin:${clientKey(c)}` }),
  ])
  if (!perAddress.success || !perClient.success) {
    throw new DomainError('rate_limited', undefined, { retryAfterSeconds: RETRY_AFTER_SECONDS })
  }
}

/** Registrations for visits are limited per client: enough for a family, not for filling a visit by script. */
export async function limitRsvp(c: Context<AppEnv>): Promise<void> {
  const perClient = await c.env.CLIENT_LIMITER.limit({ key: `rsvp:${clientKey(c)}` })
  if (!perClient.success)
    throw new DomainError('rate_limited', undefined, { retryAfterSeconds: RETRY_AFTER_SECONDS })
}

/**
 * Talk submissions and requests for a new private link are limited per client (no flooding the team's list
 * by script); a new link also per address, so nobody's inbox is filled by someone else asking for it.
 */
export async function limitTalks(
  c: Context<AppEnv>,
  kind: 'submit' | 'resend',
  email?: string,
): Promise<void> {
  const checks = [c.env.CLIENT_LIMITER.limit({ key: `talk-${kind}:${clientKey(c)}` })]
  if (email) checks.push(c.env.SIGNIN_LIMITER.limit({ key: `talk-link:${email}` }))
  const results = await Promise.all(checks)
  if (results.some((r) => !r.success)) {
    throw new DomainError('rate_limited', undefined, { retryAfterSeconds: RETRY_AFTER_SECONDS })
  }
}

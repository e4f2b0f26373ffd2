/** A guest's private link renewed by the guest's own hand, from a mailed renewal; asking for one ends nothing. */
import { and, eq, ne } from 'drizzle-orm'
import { rsvps } from '../../../shared/db/schema'
import { DomainError } from '../../../shared/errors'
import { parseRenewal, renewalMatches, renewalOf } from '../../platform/auth/signed-links'
import { hashToken, randomToken } from '../../platform/auth/tokens'
import type { Config } from '../../platform/config'
import type { Database } from '../../platform/env'

const PURPOSE = 'rsvp-renew'
/** How long a mailed renewal works, and how often one is mailed to the same address at most. */
const RENEW_DAYS = 7
export const RENEW_MAIL_EVERY_MS = 10 * 60_000

/**
 * A link that renews a guest's private link: the registration, an end time and a signature over the current
 * token's hash, so it works once (renewing changes the hash) and only for whoever reads the guest's mail.
 */
export async function renewLink(config: Config, rsvp: { id: string; tokenHash: string }, now: Date) {
  const until = now.getTime() + RENEW_DAYS * 24 * 3600_000
  const renewal = await renewalOf(config.appSecret, PURPOSE, [rsvp.id], rsvp.tokenHash, until)
  return `${config.publicUrl.replace(/\/$/, '')}/r/renew/${renewal}`
}

/**
 * The guest renews their private link from the mailed renewal: a new token, the old link ends now — by the
 * guest's own hand. A forged, used or expired renewal is a 404.
 */
export async function renewRsvpLink(
  db: Database,
  config: Config,
  renewal: string,
  now: Date,
): Promise<string> {
  const parsed = parseRenewal(renewal, 1, now)
  if (!parsed) throw new DomainError('not_found')
  const id = parsed.ids[0] ?? ''
  const [current] = await db
    .select({ tokenHash: rsvps.tokenHash })
    .from(rsvps)
    .where(and(eq(rsvps.id, id), ne(rsvps.status, 'cancelled')))
  if (!current || !(await renewalMatches(config.appSecret, PURPOSE, parsed, current.tokenHash)))
    throw new DomainError('not_found')
  const token = randomToken()
  const renewed = await db
    .update(rsvps)
    .set({ tokenHash: await hashToken(token), updatedAt: now })
    .where(and(eq(rsvps.id, id), eq(rsvps.tokenHash, current.tokenHash)))
    .returning({ id: rsvps.id })
  if (renewed.length === 0) throw new DomainError('not_found')
  return token
}

/** Whether a renewal link is well-formed and still in time (the page shows a button only then). */
export const isRenewal = (renewal: string, now: Date) => parseRenewal(renewal, 1, now) !== null

import { and, eq, ne } from 'drizzle-orm'
import { rsvps } from '../../../shared/db/schema'
import { signLink, verifyLink } from '../../platform/auth/signed-links'
import type { Config } from '../../platform/config'
import type { Database } from '../../platform/env'

/**
 * A guest's own way into the public pages of an unlisted visit: `g=<registration id>.<HMAC>`. Guests of an
 * unlisted visit often came in through a share link they no longer have; their mails and their private page
 * link to the programme with this instead. Nothing is stored: the signature proves the link, and it opens
 * the pages only while the registration is not cancelled.
 */
const purpose = 'guest-view'
const passPattern = /^([A-Za-z0-9-]{1,64})\.([A-Za-z0-9_-]{43})$/

/** The query (without '?') that opens the visit's public pages for this guest. */
export async function guestPassQuery(config: Config, visitId: string, rsvpId: string): Promise<string> {
  return `g=${rsvpId}.${await signLink(config.appSecret, purpose, `${visitId}:${rsvpId}`)}`
}

/** True when the pass was made for this visit and its registration is still active. */
export async function isValidGuestPass(
  db: Database,
  config: Config,
  visitId: string,
  pass: string | undefined,
): Promise<boolean> {
  const match = passPattern.exec(pass ?? '')
  if (!match) return false
  const [, rsvpId = '', signature = ''] = match
  if (!(await verifyLink(config.appSecret, purpose, `${visitId}:${rsvpId}`, signature))) return false
  const [row] = await db
    .select({ id: rsvps.id })
    .from(rsvps)
    .where(and(eq(rsvps.id, rsvpId), eq(rsvps.visitId, visitId), ne(rsvps.status, 'cancelled')))
    .limit(1)
  return row !== undefined
}

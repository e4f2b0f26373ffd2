import { readSignedPayload, signedPayload } from '../../platform/auth/signed-links'
import type { Config } from '../../platform/config'

/** How long a mailed export or erasure link works. */
export const PRIVACY_LINK_HOURS = 24

export type PrivacyLinkKind = 'export' | 'erase'

/**
 * A mailed link to see or erase what is held about an address: the address and an end time, signed with the
 * app's secret for this purpose only. Nothing is stored, so nothing can leak from the database; only the
 * mailbox that received it can open it, until it ends.
 */
export async function privacyLink(config: Config, kind: PrivacyLinkKind, email: string, now: Date) {
  const part = await signedPayload(config.appSecret, `privacy-${kind}`, {
    e: email,
    x: now.getTime() + PRIVACY_LINK_HOURS * 3600_000,
  })
  return `${config.publicUrl}/privacy/${kind}/${part}`
}

/** The address a privacy link was made for, or null when it is malformed, forged or past its end. */
export async function readPrivacyLink(
  config: Config,
  kind: PrivacyLinkKind,
  link: string,
  now: Date,
): Promise<string | null> {
  const value = await readSignedPayload(config.appSecret, `privacy-${kind}`, link, now)
  return typeof value?.e === 'string' ? value.e : null
}

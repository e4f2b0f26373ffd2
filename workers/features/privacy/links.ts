import { signLink, verifyLink } from '../../platform/auth/signed-links'
import type { Config } from '../../platform/config'

/** How long a mailed export or erasure link works. */
export const PRIVACY_LINK_HOURS = 24

export type PrivacyLinkKind = 'export' | 'erase'

const encoder = new TextEncoder()
const toBase64Url = (text: string) =>
  btoa(String.fromCharCode(...encoder.encode(text)))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '')
function fromBase64Url(text: string): string | null {
  try {
    const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'))
    return new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)))
  } catch {
    return null
  }
}

/**
 * A mailed link to see or erase what is held about an address: the address and an end time, signed with the
 * app's secret for this purpose only. Nothing is stored, so nothing can leak from the database; only the
 * mailbox that received it can open it, until it ends.
 */
export async function privacyLink(config: Config, kind: PrivacyLinkKind, email: string, now: Date) {
  const payload = toBase64Url(JSON.stringify({ e: email, x: now.getTime() + PRIVACY_LINK_HOURS * 3600_000 }))
  const signature = await signLink(config.appSecret, `privacy-${kind}`, payload)
  return `${config.publicUrl}/privacy/${kind}/${payload}.${signature}`
}

/** The address a privacy link was made for, or null when it is malformed, forged or past its end. */
export async function readPrivacyLink(
  config: Config,
  kind: PrivacyLinkKind,
  link: string,
  now: Date,
): Promise<string | null> {
  const match = /^([A-Za-z0-9_-]{8,800})\.([A-Za-z0-9_-]{43})$/.exec(link)
  if (!match) return null
  const [, payload = '', signature = ''] = match
  if (!(await verifyLink(config.appSecret, `privacy-${kind}`, payload, signature))) return null
  const json = fromBase64Url(payload)
  try {
    const value = JSON.parse(json ?? '') as { e?: unknown; x?: unknown }
    if (typeof value.e !== 'string' || typeof value.x !== 'number' || value.x < now.getTime()) return null
    return value.e
  } catch {
    return null
  }
}

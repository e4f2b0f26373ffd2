/** Links that prove themselves with an HMAC instead of a stored token (nothing to look up, nothing to leak). */

const encoder = new TextEncoder()

// Imported once per isolate and secret: a page of change mails signs two links per guest.
const keys = new Map<string, Promise<CryptoKey>>()
function key(secret: string) {
  let found = keys.get(secret)
  if (!found) {
    found = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ])
    keys.set(secret, found)
    found.catch(() => keys.delete(secret))
  }
  return found
}

const toBase64Url = (bytes: ArrayBuffer) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '')

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]{43}$/.test(text)) return null
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'))
  const bytes = new Uint8Array(new ArrayBuffer(binary.length))
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** The signature of a purpose and a subject, e.g. ('opt-out', rsvpId). */
export async function signLink(secret: string, purpose: string, subject: string): Promise<string> {
  return toBase64Url(
    await crypto.subtle.sign('HMAC', await key(secret), encoder.encode(`${purpose}:${subject}`)),
  )
}

/** Checks a signature in constant time (crypto.subtle.verify). */
export async function verifyLink(secret: string, purpose: string, subject: string, signature: string) {
  const bytes = fromBase64Url(signature)
  if (!bytes) return false
  return crypto.subtle.verify('HMAC', await key(secret), bytes, encoder.encode(`${purpose}:${subject}`))
}

/**
 * A mailed link that renews a private link by the hand of whoever reads the holder's mail: the ids of what
 * it renews, an end time and a signature over the current token's hash. It works once (renewing changes the
 * hash), until its end time, and asking for it never ends the link the holder has.
 */
export async function renewalOf(
  secret: string,
  purpose: string,
  ids: readonly string[],
  tokenHash: string,
  until: number,
): Promise<string> {
  const signature = await signLink(secret, purpose, `${ids.join(':')}:${until}:${tokenHash}`)
  return `${ids.join('.')}.${until}.${signature}`
}

const idPart = /^[A-Za-z0-9-]{1,64}$/

/** A renewal's ids when it is well-formed, has `idCount` ids and is still in time; null otherwise. */
export function parseRenewal(renewal: string, idCount: number, now: Date) {
  const parts = renewal.split('.')
  if (parts.length !== idCount + 2) return null
  const ids = parts.slice(0, idCount)
  const until = parts[idCount] ?? ''
  const signature = parts[idCount + 1] ?? ''
  if (!ids.every((id) => idPart.test(id)) || !/^\d{13}$/.test(until)) return null
  if (Number(until) < now.getTime() || !/^[A-Za-z0-9_-]{43}$/.test(signature)) return null
  return { ids, until: Number(until), signature }
}

/** Whether a parsed renewal was signed over this current token hash (constant time). */
export function renewalMatches(
  secret: string,
  purpose: string,
  renewal: { ids: readonly string[]; until: number; signature: string },
  tokenHash: string,
): Promise<boolean> {
  return verifyLink(
    secret,
    purpose,
    `${renewal.ids.join(':')}:${renewal.until}:${tokenHash}`,
    renewal.signature,
  )
}

const textEncoder = new TextEncoder()
// Unbound payloads are signed alone, as the privacy links were before this helper: links in mailboxes keep working.
const boundSubject = (payload: string, bound: string) => (bound ? `${payload}:${bound}` : payload)
const textToBase64Url = (text: string) =>
  btoa(String.fromCharCode(...textEncoder.encode(text)))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '')
function base64UrlToText(text: string): string | null {
  try {
    const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'))
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(
      Uint8Array.from(binary, (ch) => ch.charCodeAt(0)),
    )
  } catch {
    return null
  }
}

/**
 * A link part that carries a small JSON value (an address, an id, an end time `x` in ms) signed for one
 * purpose: `<payload>.<signature>`. `bound` (e.g. the current token hash) is signed too but not carried, so
 * the link stops working when that changes. Nothing is stored, so nothing can leak from the database.
 */
export async function signedPayload(
  secret: string,
  purpose: string,
  value: Record<string, string | number> & { x: number },
  bound = '',
): Promise<string> {
  const payload = textToBase64Url(JSON.stringify(value))
  return `${payload}.${await signLink(secret, purpose, boundSubject(payload, bound))}`
}

/** The well-formed, unforged, unexpired value of a signedPayload part (checked with the same `bound`). */
export async function readSignedPayload(
  secret: string,
  purpose: string,
  text: string,
  now: Date,
  bound: (value: Record<string, unknown>) => string | Promise<string> = () => '',
): Promise<Record<string, unknown> | null> {
  const match = /^([A-Za-z0-9_-]{8,800})\.([A-Za-z0-9_-]{43})$/.exec(text)
  if (!match) return null
  const [, payload = '', signature = ''] = match
  let value: unknown
  try {
    value = JSON.parse(base64UrlToText(payload) ?? '')
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const record = value as Record<string, unknown>
  if (typeof record.x !== 'number' || record.x < now.getTime()) return null
  const ok = await verifyLink(secret, purpose, boundSubject(payload, await bound(record)), signature)
  return ok ? record : null
}

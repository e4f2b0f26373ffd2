/** Links that prove themselves with an HMAC instead of a stored token (nothing to look up, nothing to leak). */

const encoder = new TextEncoder()

async function key(secret: string) {
  return crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ])
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

/** Random bearer tokens (sign-in links, sessions, invitations) and their stored form. */

const encoder = new TextEncoder()

/** 256 random bits, base64url: safe in a URL and in a cookie. */
export function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}

/** What the database keeps instead of a token: its SHA-256, hex. A leaked table gives no usable token. */
export async function hashToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(token))
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** Compares two hashes in constant time, so response timing tells nothing about how much matched. */
export function sameHash(a: string, b: string): boolean {
  const x = encoder.encode(a)
  const y = encoder.encode(b)
  if (x.byteLength !== y.byteLength) return false
  let diff = 0
  for (let i = 0; i < x.byteLength; i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0)
  return diff === 0
}

/** A token as it arrives from outside: base64url of 32 bytes, nothing else. */
export const tokenPattern = /^[A-Za-z0-9_-]{43}$/

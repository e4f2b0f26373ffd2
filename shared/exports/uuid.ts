/**
 * Name-based UUIDs (version 5, RFC 9562) computed synchronously: exports are pure functions, and Web Crypto
 * digests are asynchronous, so SHA-1 is done here in a few lines. Not for anything secret.
 */

/** The RFC 9562 namespace for names that are URLs. */
export const urlNamespace = '6ba7b811-9dad-11d1-80b4-00c04fd430c8'

/** The RFC 9562 namespace for names that are domain names. */
export const dnsNamespace = '6ba7b810-9dad-11d1-80b4-00c04fd430c8'

/** The same name in the same namespace always gives the same version 5 UUID, written in lower case. */
export function uuidV5(namespace: string, name: string): string {
  return remembered(uuids, `${namespace} ${name}`, () => computeUuidV5(namespace, name))
}

/**
 * Ids already derived. Every export of a programme derives the same few hundred (one per item, venue and
 * speaker) and SHA-1 in JavaScript was most of an export's CPU time; the answers never change, so they are
 * kept, and a cache is emptied when it grows past a bound.
 */
const uuids = new Map<string, string>()
const positiveIds = new Map<string, number>()
const rememberLimit = 20_000

function remembered<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  const known = cache.get(key)
  if (known !== undefined) return known
  const value = compute()
  if (cache.size >= rememberLimit) cache.clear()
  cache.set(key, value)
  return value
}

function computeUuidV5(namespace: string, name: string): string {
  const ns = uuidBytes(namespace)
  const nameBytes = new TextEncoder().encode(name)
  const input = new Uint8Array(ns.length + nameBytes.length)
  input.set(ns)
  input.set(nameBytes, ns.length)
  const hash = sha1(input).subarray(0, 16)
  hash[6] = (hash[6]! & 0x0f) | 0x50
  hash[8] = (hash[8]! & 0x3f) | 0x80
  const hex = [...hash].map((b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** A whole number from 1 to 2^31 - 1 read from the SHA-1 of a text: fits a Java int and xs:positiveInteger. */
export function positiveIdOf(text: string): number {
  return remembered(positiveIds, text, () => {
    const h = sha1(new TextEncoder().encode(text))
    const n = ((h[0]! & 0x7f) << 24) | (h[1]! << 16) | (h[2]! << 8) | h[3]!
    return n === 0 ? 1 : n
  })
}

/** The SHA-1 digest (FIPS 180-4) of some bytes. */
export function sha1(bytes: Uint8Array): Uint8Array {
  const bitLength = bytes.length * 8
  const blocks = Math.ceil((bytes.length + 9) / 64)
  const padded = new Uint8Array(blocks * 64)
  padded.set(bytes)
  padded[bytes.length] = 0x80
  const view = new DataView(padded.buffer)
  view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32))
  view.setUint32(padded.length - 4, bitLength >>> 0)
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0]
  const w = new Uint32Array(80)
  for (let block = 0; block < blocks; block++) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(block * 64 + i * 4)
    for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!, 1)
    let [a, b, c, d, e] = h as [number, number, number, number, number]
    for (let i = 0; i < 80; i++) {
      const [f, k] =
        i < 20
          ? [(b & c) | (~b & d), 0x5a827999]
          : i < 40
            ? [b ^ c ^ d, 0x6ed9eba1]
            : i < 60
              ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc]
              : [b ^ c ^ d, 0xca62c1d6]
      const t = (rotl(a, 5) + f + e + k + w[i]!) >>> 0
      e = d
      d = c
      c = rotl(b, 30)
      b = a
      a = t
    }
    h[0] = (h[0]! + a) >>> 0
    h[1] = (h[1]! + b) >>> 0
    h[2] = (h[2]! + c) >>> 0
    h[3] = (h[3]! + d) >>> 0
    h[4] = (h[4]! + e) >>> 0
  }
  const out = new Uint8Array(20)
  const outView = new DataView(out.buffer)
  for (const [i, word] of h.entries()) outView.setUint32(i * 4, word)
  return out
}

function rotl(x: number, n: number): number {
  return ((x << n) | (x >>> (32 - n))) >>> 0
}

function uuidBytes(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/g, '')
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new RangeError(`Not a UUID: ${uuid}`)
  return Uint8Array.from({ length: 16 }, (_, i) => Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16))
}

import type { Context } from 'hono'

/**
 * A large answer kept in D1 once, compressed: gzip as base64 text. A value from D1 passes through JSON in
 * the binding (and locally in the simulator, in this process), so a megabyte of JSON text costs its parse and
 * its encoding again on every read; its gzip is a fifth of that or less, and is answered without being
 * parsed at all: as it is to a client that takes gzip, inflated by the runtime's own stream to one that does
 * not.
 */

type WithBase64 = { toBase64?: () => string }
type Base64Maker = { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> }

function toBase64(bytes: Uint8Array): string {
  const own = (bytes as Uint8Array & WithBase64).toBase64
  if (own) return own.call(bytes)
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const own = (Uint8Array as unknown as Base64Maker).fromBase64
  if (own) return own(text)
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** The text gzipped, as base64 (to keep in a D1 text column). */
export async function gzipBase64(text: string): Promise<string> {
  const gzipped = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))
  return toBase64(new Uint8Array(await new Response(gzipped).arrayBuffer()))
}

/** Whether the client takes a gzip body (`Accept-Encoding: gzip`, not refused with q=0). */
export function takesGzip(acceptEncoding: string | undefined): boolean {
  return (acceptEncoding ?? '').split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    return name === 'gzip' && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p))
  })
}

/** A 200 answer from text kept by gzipBase64: the stored bytes when the client takes gzip, else inflated. */
export function storedGzipAnswer(c: Context, base64: string, contentType: string): Response {
  const bytes = fromBase64(base64)
  const headers = { 'content-type': contentType, vary: 'accept-encoding' }
  if (takesGzip(c.req.header('accept-encoding')))
    return new Response(bytes, {
      headers: { ...headers, 'content-encoding': 'gzip' },
      // The bytes are gzip already: the runtime must not encode them again.
      encodeBody: 'manual',
    })
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')), { headers })
}

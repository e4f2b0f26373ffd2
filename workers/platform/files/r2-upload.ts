import { DomainError } from '../../../shared/errors'

/** An upload as it arrives: the body, its declared length, and the name the speaker's computer gave it. */
export type Upload = { body: ReadableStream<Uint8Array>; length: number; filename: string }

/** The first bytes of a stream (at least `want`, or all there is), and the reader positioned after them. */
async function readPrefix(body: ReadableStream<Uint8Array>, want: number) {
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  while (size < want) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    size += value.byteLength
  }
  const prefix = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    prefix.set(chunk, at)
    at += chunk.byteLength
  }
  return { prefix, reader }
}

/**
 * Streams an upload into R2 under a key we made, after checking what it is by its first bytes: anything
 * else is refused (415) before a byte is stored. The declared length is what R2 is told to expect, so a body
 * that ends early or runs long fails the write and leaves nothing behind.
 */
export async function storeChecked(
  bucket: R2Bucket,
  key: string,
  upload: Upload,
  typeOf: (prefix: Uint8Array) => string | null,
  refusal: string,
): Promise<string> {
  const { prefix, reader } = await readPrefix(upload.body, 16)
  const contentType = typeOf(prefix)
  if (!contentType || upload.length < prefix.byteLength) {
    await reader.cancel().catch(() => {})
    throw new DomainError('unsupported_media_type', refusal)
  }
  const fixed = new FixedLengthStream(upload.length)
  const writer = fixed.writable.getWriter()
  const pump = (async () => {
    try {
      await writer.write(prefix)
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        await writer.write(value)
      }
      await writer.close()
    } catch (error) {
      await writer.abort(error).catch(() => {})
      throw error
    }
  })()
  const [put, pumped] = await Promise.allSettled([
    bucket.put(key, fixed.readable, { httpMetadata: { contentType } }),
    pump,
  ])
  if (put.status === 'rejected' || pumped.status === 'rejected') {
    await bucket.delete(key).catch(() => {})
    throw new DomainError(
      'bad_request',
      'The upload was cut off or did not match its declared length; nothing was stored.',
    )
  }
  return contentType
}

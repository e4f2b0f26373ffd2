/**
 * Files into R2 without holding them in memory: the upload as the request carries it, checked by its first
 * bytes and its size before anything is stored, streamed with the length R2 must know up front, and removed
 * again when the row that points at it cannot be written. Knows no feature: slides, portraits, photos.
 */
import type { HonoRequest } from 'hono'
import { DomainError } from '../../../shared/errors'

/** An upload as it arrives: the body, its declared length, and the name the sender's computer gave it. */
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

const cutOff = () =>
  new DomainError(
    'bad_request',
    'The upload was cut off or did not match its declared length; nothing was stored.',
  )

/**
 * The bytes of `reader` (after the `prefix` already read from it) as a stream of exactly `length` bytes, the
 * form R2 takes a body of known size in: a body that ends early or runs long makes the write fail.
 */
function exactly(
  length: number,
  prefix: Uint8Array,
  reader: ReadableStreamDefaultReader<Uint8Array>,
  body: ReadableStream<Uint8Array>,
) {
  const fixed = new FixedLengthStream(length)
  const writer = fixed.writable.getWriter()
  const pumped = (async () => {
    try {
      if (prefix.byteLength > 0) await writer.write(prefix)
      // The rest is piped, not read chunk by chunk: between two streams of workerd's own the bytes then
      // flow without passing through JavaScript (a loop of read/write left every chunk as garbage).
      writer.releaseLock()
      reader.releaseLock()
      await body.pipeTo(fixed.writable)
    } catch (error) {
      await fixed.writable.abort(error).catch(() => {})
      await body.cancel().catch(() => {})
      throw error
    }
  })()
  /**
   * Hands the stream to R2's write; when the write fails without reading it all (R2 refused the part or the
   * object up front), the stream is cancelled, so the pump into it ends instead of waiting for a reader forever
   * (a part's request hung there).
   */
  const into = <T>(write: (readable: ReadableStream) => Promise<T>) =>
    write(fixed.readable).catch(async (error: unknown) => {
      await fixed.readable.cancel(error).catch(() => {})
      throw error
    })
  return { into, pumped }
}

/** What an upload must be to be stored: a kind known by its first bytes, and at most so large. */
export type UploadRule = {
  /** The content type the first bytes show, or null for a kind that is not taken (see sniff.ts). */
  kindOf: (prefix: Uint8Array) => string | null
  /** The problem detail of a refused kind (415). */
  refusal: string
  /** The most bytes taken; the route's body limit holds when there is none. */
  maxBytes?: number
  /** The problem detail of an upload over `maxBytes` (413). */
  tooLarge?: string
}

/**
 * Streams an upload into R2 under a key we made, after checking its size and what it is by its first bytes:
 * anything else is refused (413, 415) before a byte is stored. The declared length is what R2 is told to
 * expect, so a body that ends early or runs long fails the write and leaves nothing behind.
 */
export async function storeChecked(
  bucket: R2Bucket,
  key: string,
  upload: Upload,
  rule: UploadRule,
): Promise<string> {
  if (rule.maxBytes !== undefined && upload.length > rule.maxBytes) {
    throw new DomainError('payload_too_large', rule.tooLarge)
  }
  const { prefix, reader } = await readPrefix(upload.body, 16)
  const contentType = rule.kindOf(prefix)
  if (!contentType || upload.length < prefix.byteLength) {
    await reader.cancel().catch(() => {})
    throw new DomainError('unsupported_media_type', rule.refusal)
  }
  const exact = exactly(upload.length, prefix, reader, upload.body)
  const [put, pumped] = await Promise.allSettled([
    exact.into((readable) => bucket.put(key, readable, { httpMetadata: { contentType } })),
    exact.pumped,
  ])
  if (put.status === 'rejected' || pumped.status === 'rejected') {
    await bucket.delete(key).catch(() => {})
    throw cutOff()
  }
  return contentType
}

/** Runs the write that records stored objects; when it fails the objects go too, so none is left unreachable. */
export async function removeUnlessRecorded<T>(
  bucket: R2Bucket,
  key: string | string[],
  record: () => Promise<T>,
) {
  try {
    return await record()
  } catch (error) {
    await bucket.delete(key).catch(() => {})
    throw error
  }
}

/** An upload as the request carried it, and how to read the request's other fields (form or query). */
export type ReceivedUpload = {
  upload: Upload
  fromForm: boolean
  field: (name: string) => string | undefined
}

/**
 * The file of a request: a form's `file` (multipart, read whole), or the raw body, streamed. R2 must know the
 * length before the first byte, so a raw body without a Content-Length (chunked) is refused up front (411).
 * Null when there is no file; a raw body's name and other fields come from the query.
 */
export async function receiveUpload(req: HonoRequest): Promise<ReceivedUpload | null> {
  const type = (req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase()
  if (type === 'multipart/form-data') {
    const form = await req.parseBody()
    const file = form.file
    if (!(file instanceof File) || file.size === 0) return null
    return {
      upload: { body: file.stream(), length: file.size, filename: file.name },
      fromForm: true,
      field: (name) => {
        const value = form[name]
        return typeof value === 'string' ? value : undefined
      },
    }
  }
  const length = req.header('content-length')
  if (!length || !/^\d{1,9}$/.test(length) || req.header('transfer-encoding') !== undefined) {
    throw new DomainError('length_required', 'Send the file with a Content-Length header.')
  }
  if (!req.raw.body || length === '0') return null
  return {
    upload: { body: req.raw.body, length: Number(length), filename: req.query('filename') ?? '' },
    fromForm: false,
    field: (name) => req.query(name),
  }
}

/**
 * One part of an R2 multipart upload, streamed with the length R2 must know. The first part is checked by its
 * first bytes like storeChecked (`rule`; later parts are bytes in the middle of a file and are not): when they
 * show a kind that is not taken, nothing is sent and the answer carries those bytes (`refused`), so the caller
 * can say what the file was and abort the upload. Throws when the body is cut off.
 */
export async function storePartChecked(
  multipart: R2MultipartUpload,
  partNumber: number,
  body: ReadableStream<Uint8Array>,
  length: number,
  rule?: Pick<UploadRule, 'kindOf'>,
): Promise<{ part: R2UploadedPart; contentType: string | null } | { refused: Uint8Array }> {
  const { prefix, reader } = await readPrefix(body, rule ? 16 : 0)
  const contentType = rule ? rule.kindOf(prefix) : null
  if (rule && (!contentType || length < prefix.byteLength)) {
    await reader.cancel().catch(() => {})
    return { refused: prefix }
  }
  const exact = exactly(length, prefix, reader, body)
  const [put, pumped] = await Promise.allSettled([
    exact.into((readable) => multipart.uploadPart(partNumber, readable)),
    exact.pumped,
  ])
  if (put.status === 'rejected' || pumped.status === 'rejected') throw cutOff()
  return { part: put.value, contentType }
}

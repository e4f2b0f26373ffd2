import type { Context } from 'hono'
import { DomainError } from '../../../shared/errors'
import type { AppEnv } from '../env'

/**
 * A stored file as a download: its own type, saved rather than shown (a PDF from a stranger is never
 * rendered in our origin), never cached by shared caches. Non-ASCII names go in `filename*`.
 */
export function downloadResponse(c: Context<AppEnv>, object: R2ObjectBody, filename: string): Response {
  return c.body(object.body, 200, {
    'content-type': object.httpMetadata?.contentType ?? 'application/octet-stream',
    'content-length': String(object.size),
    'content-disposition': contentDisposition('attachment', filename),
    'cache-control': 'private, no-store',
  })
}

/** A stored image shown inline (a checked portrait); `cache` says who may keep it and how long. */
export function imageResponse(c: Context<AppEnv>, object: R2ObjectBody, cache: string): Response {
  return c.body(object.body, 200, {
    'content-type': object.httpMetadata?.contentType ?? 'application/octet-stream',
    'content-length': String(object.size),
    'cache-control': cache,
  })
}

/** How a stored object is sent: its type, who may keep it for how long, and shown or saved under what name. */
export type ObjectDelivery = {
  contentType: string
  cache: string
  disposition: 'inline' | 'attachment'
  filename: string
}

/** Content-Disposition with a plain-ASCII name and the real one in `filename*` (RFC 6266). */
export const contentDisposition = (disposition: 'inline' | 'attachment', filename: string) =>
  `${disposition}; filename="${filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`

/**
 * A stored object as HTTP likes it: its ETag, 304 for a copy the client already has (If-None-Match), one byte
 * range (206, Content-Range; 416 for a range past its end), a safe Content-Disposition and `nosniff`. R2 reads
 * only the range asked for, so a large file streams without the Worker holding it.
 */
export async function objectResponse(
  c: Context<AppEnv>,
  bucket: R2Bucket,
  key: string,
  delivery: ObjectDelivery,
): Promise<Response> {
  const asked = c.req.raw.headers
  const wantsRange = /^bytes=\d*-\d*$/.test(asked.get('range')?.trim() ?? '')
  const base = {
    'content-type': delivery.contentType,
    'cache-control': delivery.cache,
    'content-disposition': contentDisposition(delivery.disposition, delivery.filename),
    'accept-ranges': 'bytes',
    'x-content-type-options': 'nosniff',
  }
  let object: R2Object | R2ObjectBody | null
  try {
    object = await bucket.get(key, {
      onlyIf: { etagDoesNotMatch: asked.get('if-none-match')?.replace(/^W\//, '').replaceAll('"', '') },
      ...(wantsRange ? { range: asked } : {}),
    })
  } catch {
    // R2 refuses a range that starts past the end.
    const head = await bucket.head(key)
    if (!head) throw new DomainError('not_found')
    return c.body(null, 416, { ...base, 'content-range': `bytes */${head.size}` })
  }
  if (!object) throw new DomainError('not_found')
  const etag = object.httpEtag
  if (!('body' in object)) return c.body(null, 304, { ...base, etag })
  const range = wantsRange ? object.range : undefined
  if (range && ('offset' in range || 'suffix' in range)) {
    const size = object.size
    const start =
      'suffix' in range && range.suffix !== undefined
        ? Math.max(0, size - range.suffix)
        : ((range as { offset?: number }).offset ?? 0)
    const length =
      'suffix' in range && range.suffix !== undefined
        ? size - start
        : Math.min((range as { length?: number }).length ?? size - start, size - start)
    return c.body(object.body, 206, {
      ...base,
      etag,
      'content-length': String(length),
      'content-range': `bytes ${start}-${start + length - 1}/${size}`,
    })
  }
  return c.body(object.body, 200, { ...base, etag, 'content-length': String(object.size) })
}

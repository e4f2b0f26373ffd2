import type { Context } from 'hono'
import type { AppEnv } from '../env'

/**
 * A stored file as a download: its own type, saved rather than shown (a PDF from a stranger is never
 * rendered in our origin), never cached by shared caches. Non-ASCII names go in `filename*`.
 */
export function downloadResponse(c: Context<AppEnv>, object: R2ObjectBody, filename: string): Response {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_')
  return c.body(object.body, 200, {
    'content-type': object.httpMetadata?.contentType ?? 'application/octet-stream',
    'content-length': String(object.size),
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
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

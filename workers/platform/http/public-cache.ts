import type { Context } from 'hono'
import type { AppEnv } from '../env'

/**
 * Public answers are made once per release: the ETag names the release (and the language and format), a
 * matching If-None-Match gets 304, and the rendered body is kept in the edge cache (Cache API) under a key
 * that includes the release, so a new release is visible at once and old entries simply stop being asked for.
 * Both also name the reader's scope (publicRelease's `cacheScope`): an unlisted visit's answers carry the
 * reader's share link in their links, so they are kept per link and never handed to another reader.
 *
 * In development only, a request with `Cache-Control: no-cache` is rendered afresh (as a browser's "disable
 * cache" asks): that is how `npm run bench` measures a miss. In production the edge copy is always used, so
 * no client can make the Worker render a large programme on every request.
 */
export async function cachedPublic(
  c: Context<AppEnv>,
  opts: {
    published: { release: { id: string }; cacheScope: string }
    variant: string
    contentType: string
    maxAge?: number
  },
  render: () => string | Promise<string>,
): Promise<Response> {
  const releaseId = opts.published.release.id
  const variant = `${opts.variant}.${opts.published.cacheScope}`
  const etag = `"${releaseId}.${variant}"`
  const headers: Record<string, string> = {
    etag,
    'content-type': opts.contentType,
    // Browsers and calendar apps revalidate often (cheap 304s); shared caches may keep it briefly.
    'cache-control': `public, max-age=${opts.maxAge ?? 60}, must-revalidate`,
    vary: 'Accept-Language, Cookie',
  }
  const ifNoneMatch = c.req.header('if-none-match')
  if (ifNoneMatch?.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}`)) {
    return c.body(null, 304, headers)
  }
  const key = new Request(
    `https://cache.rondgang.internal${new URL(c.req.url).pathname}/${releaseId}/${variant}`,
  )
  const cache = typeof caches === 'undefined' ? undefined : (caches as unknown as { default: Cache }).default
  const fresh = !c.var.config.isProduction && /\bno-cache\b/.test(c.req.header('cache-control') ?? '')
  const hit = fresh ? undefined : await cache?.match(key)
  if (hit) {
    c.header('x-cache', 'hit')
    // The stored bytes go out as they are: decoding them to a string and encoding again cost ~0.4 ms per hit.
    return c.body(await hit.arrayBuffer(), 200, headers)
  }
  // Encoded once: the client's answer and the edge copy are made from the same bytes (encoding a 300-item
  // page a second time for the cache, or teeing the body, cost more than the copy of the bytes).
  const bytes = new TextEncoder().encode(await render())
  if (cache) {
    c.executionCtx.waitUntil(
      cache.put(
        key,
        new Response(bytes.slice(), {
          headers: { 'content-type': opts.contentType, 'cache-control': 'max-age=86400' },
        }),
      ),
    )
  }
  c.header('x-cache', 'miss')
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, headers)
}

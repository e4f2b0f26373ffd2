import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env'
import { takesGzip } from './stored-gzip'

/**
 * Public answers this isolate has served lately, newest last (a Map keeps insertion order): a hit from here
 * costs no D1 query and no Cache API round trip. Keys name the release, so an entry is never stale; old
 * releases' entries simply fall out when the budget is used up. Kept as Blobs: a Response made from a Blob
 * reads the Blob's own bytes, where one made from a Uint8Array copies them first (at 3,000 items, 1–2 MB per
 * answer, that copy was more than half of a hit's CPU).
 */
const recentBodies = new Map<string, Blob>()
let recentBytes = 0
/** Of an isolate's 128 MB: room for the page, exports and feeds of a few 3,000-item releases. */
const RECENT_BODY_BUDGET = 24 * 1024 * 1024

function remember(key: string, body: Blob) {
  if (body.size > RECENT_BODY_BUDGET / 4) return
  const old = recentBodies.get(key)
  if (old) recentBytes -= old.size
  recentBodies.delete(key)
  recentBodies.set(key, body)
  recentBytes += body.size
  for (const [k, b] of recentBodies) {
    if (recentBytes <= RECENT_BODY_BUDGET) break
    recentBodies.delete(k)
    recentBytes -= b.size
  }
}

/**
 * The gzip of a remembered body, under the body's key + ".gz" in the same memory (and the same budget): every
 * browser and calendar app sends `Accept-Encoding: gzip`, and a 2 MB schedule.json at 3,000 items is about
 * 150 kB gzipped, so a hit from memory moves a thirteenth of the bytes through the runtime (at ~0.35 ms of
 * CPU per MB locally, that was a third of such a hit). Made once per body, after an answer has gone out
 * uncompressed (never in a reader's way); below GZIP_FROM the saving is not worth the work.
 */
const GZIP_FROM = 1024
const gzipping = new Set<string>()

async function rememberGzip(key: string, body: Blob) {
  if (gzipping.has(key)) return
  gzipping.add(key)
  try {
    const gzipped = await new Response(body.stream().pipeThrough(new CompressionStream('gzip'))).blob()
    // Only while the body it was made from is still remembered (it may have fallen out meanwhile).
    if (recentBodies.get(key) === body) remember(`${key}.gz`, gzipped)
  } finally {
    gzipping.delete(key)
  }
}

/**
 * A response with a Blob as its body, its length said (never chunked). Hono's `c.body` takes a Blob at run
 * time; its type does not say so.
 */
const blobBody = (c: Context<AppEnv>, body: Blob, headers: Record<string, string>) =>
  c.body(body as unknown as ReadableStream, 200, { ...headers, 'content-length': String(body.size) })

/**
 * A gzip body as it is: `encodeBody: 'manual'` tells the runtime the bytes are encoded already. The ETag is weak
 * (the same answer in another coding, as servers that compress on the fly mark it); If-None-Match takes both.
 * The headers are those hono's context has gathered (an empty answer of the context carries them); the body
 * goes in a Response of its own, as the context's would not take the flag.
 */
function gzipBody(c: Context<AppEnv>, body: Blob, headers: Record<string, string>) {
  const gathered = c.body(null, 200, {
    ...headers,
    etag: `W/${headers.etag}`,
    'content-encoding': 'gzip',
    'content-length': String(body.size),
    'x-cache': 'hit',
  })
  return new Response(body, { status: 200, headers: gathered.headers, encodeBody: 'manual' })
}

/**
 * Answers made once per release and kept beside it (see releases/stored.ts), for a reader neither this isolate
 * nor the edge has them for: `read` streams the made answer, or answers null when this reader is to make it (it
 * is not made yet and nobody else is making it, or the one who was took too long); `write` keeps what was made.
 */
export type StoredBodies = {
  read(): Promise<{ blob(): Promise<Blob> } | null>
  write(body: Blob): Promise<unknown>
}

/** Renders under way in this isolate, by cache key: concurrent first readers wait for one render. */
const rendering = new Map<string, Promise<Blob | null>>()

/**
 * Public answers are made once per release: the ETag names the release (and the language and format), a
 * matching If-None-Match gets 304, and the body is kept under a key that includes the release, so a new release
 * is visible at once and old entries simply stop being asked for. Looked for, cheapest first: this isolate's
 * memory of recent bodies, the edge cache (Cache API), a render of it under way in this isolate (concurrent
 * first readers share one), the answer stored beside the release (`stored`, made by the first reader anywhere
 * and streamed as it is), and only then rendered. Both the ETag and the keys also name the reader's scope
 * (publicRelease's `cacheScope`): an unlisted visit's answers carry the reader's share link in their links, so
 * they are kept per link and never handed to another reader.
 *
 * In development only, a request with `Cache-Control: no-cache` skips the isolate's memory and the edge copy
 * (as a browser's "disable cache" asks): that is how `npm run bench` measures a reader the edge has nothing
 * for. In production the edge copy is always used, so no client can make the Worker render a large programme on
 * every request.
 */
export async function cachedPublic(
  c: Context<AppEnv>,
  opts: {
    published: { release: { id: string }; cacheScope: string }
    variant: string
    contentType: string
    maxAge?: number
    stored?: StoredBodies | undefined
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
    vary: 'Accept-Language, Cookie, Accept-Encoding',
  }
  const ifNoneMatch = c.req.header('if-none-match')
  if (ifNoneMatch?.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}`)) {
    return c.body(null, 304, headers)
  }
  const url = `https://cache.rondgang.internal${new URL(c.req.url).pathname}/${releaseId}/${variant}`
  const fresh = skipsCaches(c)
  const recent = fresh ? undefined : recentBodies.get(url)
  if (recent) {
    if (recent.size >= GZIP_FROM && takesGzip(c.req.header('accept-encoding'))) {
      const gzipped = recentBodies.get(`${url}.gz`)
      if (gzipped) return gzipBody(c, gzipped, headers)
      c.executionCtx.waitUntil(rememberGzip(url, recent))
    }
    c.header('x-cache', 'hit')
    return blobBody(c, recent, headers)
  }
  const key = new Request(url)
  const cache = typeof caches === 'undefined' ? undefined : (caches as unknown as { default: Cache }).default
  const hit = fresh ? undefined : await cache?.match(key)
  if (hit) {
    c.header('x-cache', 'hit')
    // The stored bytes go out as they are: decoding them to a string and encoding again cost ~0.4 ms per hit.
    const body = await hit.blob()
    remember(url, body)
    return blobBody(c, body, headers)
  }
  const pending = rendering.get(url)
  const underway = pending && (await pending)
  if (underway) {
    c.header('x-cache', 'shared')
    return blobBody(c, underway, headers)
  }
  // From here until it is made, readers of this answer in this isolate wait for this one (null: look yourself).
  let share: (body: Blob | null) => void = () => {}
  rendering.set(
    url,
    new Promise((resolve) => {
      share = resolve
    }),
  )
  let made: Blob
  try {
    const stored = await opts.stored?.read()
    if (stored) {
      // Made before (by the first reader anywhere): read once as it is (never decoded or encoded here), and the
      // same bytes go to the client, to the edge cache (so the next reader of this data centre is a hit) and to
      // this isolate's memory.
      const body = await stored.blob()
      share(body)
      if (cache) {
        c.executionCtx.waitUntil(
          cache.put(
            key,
            new Response(body, {
              headers: { 'content-type': opts.contentType, 'cache-control': 'max-age=86400' },
            }),
          ),
        )
      }
      remember(url, body)
      c.header('x-cache', 'stored')
      return blobBody(c, body, headers)
    }
    // Encoded once: the client's answer, the isolate's memory, the edge copy and the stored answer are the same
    // bytes, read from one Blob (encoding a 300-item page a second time for the cache, or teeing the body, cost
    // more than the copy).
    made = new Blob([await render()])
    share(made)
  } catch (error) {
    share(null)
    throw error
  } finally {
    rendering.delete(url)
  }
  if (opts.stored) c.executionCtx.waitUntil(opts.stored.write(made))
  if (cache) {
    c.executionCtx.waitUntil(
      cache.put(
        key,
        new Response(made, {
          headers: { 'content-type': opts.contentType, 'cache-control': 'max-age=86400' },
        }),
      ),
    )
  }
  remember(url, made)
  c.header('x-cache', 'miss')
  return blobBody(c, made, headers)
}

/** In development only: `Cache-Control: no-cache` asks past every memory and cache (see cachedPublic). */
export function skipsCaches(c: Context<AppEnv>): boolean {
  return !c.var.config.isProduction && /\bno-cache\b/.test(c.req.header('cache-control') ?? '')
}

/**
 * A value per key kept for a few seconds in this isolate: the newest release of a slug, so that a hit costs no
 * D1 query. A publish in this isolate (any write, see forgetRecentHeads) forgets them at once; another isolate
 * sees a new release, an unlisting or an archiving within `ttlMs`.
 */
export function shortMemory<T>(ttlMs: number, maxEntries = 1000) {
  const entries = new Map<string, { value: T; until: number }>()
  memories.add(entries)
  return {
    get(key: string, now = Date.now()): T | undefined {
      const entry = entries.get(key)
      if (entry && entry.until > now) return entry.value
      if (entry) entries.delete(key)
      return undefined
    },
    set(key: string, value: T, now = Date.now()) {
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string)
      entries.set(key, { value, until: now + ttlMs })
    },
  }
}
const memories = new Set<Map<string, unknown>>()

/** Forgets every short memory of this isolate: called before any request that may change data. */
export function forgetRecentHeads() {
  for (const m of memories) m.clear()
}

/**
 * Middleware: a write may change what the public sees (a visit unlisted, archived, published), so this
 * isolate's short memories are forgotten before it and again after it (a read between the two could have
 * remembered the old state): an isolate is never behind its own writes.
 */
export const forgetOnWrites: MiddlewareHandler<AppEnv> = async (c, next) => {
  const writes = c.req.method !== 'GET' && c.req.method !== 'HEAD'
  if (writes) forgetRecentHeads()
  await next()
  if (writes) forgetRecentHeads()
}

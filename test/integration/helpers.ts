import { env, SELF } from 'cloudflare:test'
import { expect } from 'vitest'
import { openDatabase } from '../../workers/platform/db/database'

export const ORIGIN = 'http://rondgang.test'
export const db = openDatabase(env.DB)
export const url = (path: string) => `${ORIGIN}${path}`

/** The bindings of a production Worker with every secret set, for `createApp().request(…)`. */
export const productionEnv = () => ({
  ...env,
  ENVIRONMENT: 'production' as const,
  PUBLIC_URL: 'https://rondgang.example',
  MAIL_API_URL: 'https://mail.example/send',
  MAIL_API_KEY: 'k'.repeat(32),
  APP_SECRET: 's'.repeat(40),
})

/** An ExecutionContext for `createApp().request(…)`; `settled()` waits for what was passed to waitUntil. */
export function testContext() {
  const waits: Promise<unknown>[] = []
  const ctx = {
    waitUntil: (promise: Promise<unknown>) => waits.push(promise),
    passThroughOnException() {},
    props: {},
  } as unknown as ExecutionContext
  return { ctx, settled: () => Promise.all(waits) }
}

let clientCounter = 0
/** A fresh client address per call, so rate limits of one test do not spill into another. */
export const freshClient = () =>
  `198.51.100.${(clientCounter++ % 250) + 1}-${crypto.randomUUID().slice(0, 8)}`

/** A JSON API call, optionally with a session cookie. */
export async function api(
  path: string,
  init: {
    method?: string
    body?: unknown
    cookie?: string | undefined
    headers?: Record<string, string>
  } = {},
) {
  const headers: Record<string, string> = { accept: 'application/json', ...init.headers }
  if (init.cookie) headers.cookie = init.cookie
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  return SELF.fetch(url(path), {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    redirect: 'manual',
  })
}

/** A form post from our own pages (same Origin), as a browser sends it. */
export async function form(
  path: string,
  fields: Record<string, string>,
  init: { cookie?: string | undefined; origin?: string | null } = {},
) {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' }
  if (init.origin !== null) headers.origin = init.origin ?? ORIGIN
  if (init.cookie) headers.cookie = init.cookie
  return SELF.fetch(url(path), {
    method: 'POST',
    headers,
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  })
}

/** A page fetched with a session cookie. */
export async function page(path: string, cookie?: string) {
  return SELF.fetch(url(path), { headers: cookie ? { cookie } : {}, redirect: 'manual' })
}

/** The newest mail in the outbox to an address. */
export async function latestMailTo(email: string) {
  return env.DB.prepare(
    'SELECT * FROM mail_outbox WHERE "to" = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
  )
    .bind(email)
    .first<{ subject: string; text: string; html: string; kind: string }>()
}

/** The token in the newest sign-in mail to an address. */
export async function mailedToken(email: string, path = '/sign-in/verify') {
  const mail = await latestMailTo(email)
  const match = mail?.text.match(
    new RegExp(`${path.replaceAll('/', '\\/')}[?/](?:token=)?([A-Za-z0-9_-]{43})`),
  )
  if (!match?.[1]) throw new Error(`no link to ${path} mailed to ${email}`)
  return match[1]
}

/** The session cookie from a response, as a Cookie header value. */
export function sessionCookieOf(res: Response) {
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-rondgang_session='))
  return setCookie?.split(';')[0]
}

/** Signs in through the real flow: ask for a link, read it from the outbox, confirm it. */
export async function signIn(email: string, cookie?: string) {
  const ask = await api('/api/auth/sign-in-link', {
    body: { email },
    headers: { 'cf-connecting-ip': freshClient() },
  })
  if (ask.status !== 202) throw new Error(`sign-in link: ${ask.status} ${await ask.text()}`)
  const token = await mailedToken(email)
  const res = await form('/sign-in/verify', { token }, { cookie })
  const session = sessionCookieOf(res)
  if (res.status !== 303 || !session) throw new Error(`verify: ${res.status} ${await res.text()}`)
  return session
}

/** Reads the D1 figures from a Server-Timing header. */
export function d1Cost(res: Response) {
  const header = res.headers.get('server-timing') ?? ''
  const num = (name: string) => Number(header.match(new RegExp(`${name};desc="(\\d+)"`))?.[1] ?? Number.NaN)
  return { queries: num('d1-queries'), rowsRead: num('d1-rows-read'), rowsWritten: num('d1-rows-written') }
}

/** A guest's registration for the public RSVP API, as other features' tests send it: a party of one. */
export const registrationBody = (email: string, extra: Record<string, unknown> = {}) => ({
  name: 'Gast',
  email,
  partySize: 1,
  ...extra,
})

/**
 * Each asset answers in full with its type and cache rule, and a repeat with its ETag is a 304: `[path, text,
 * content type, cache control]` per asset.
 */
export async function expectServedAsIs(assets: readonly (readonly [string, string, string, string])[]) {
  for (const [path, text, type, cache] of assets) {
    const res = await page(path)
    expect(res.status, path).toBe(200)
    expect(res.headers.get('content-type'), path).toBe(type)
    expect(res.headers.get('cache-control'), path).toBe(cache)
    expect(await res.text(), path).toBe(text)
    const tag = res.headers.get('etag') ?? ''
    expect(tag, path).not.toBe('')
    expect((await SELF.fetch(url(path), { headers: { 'if-none-match': tag } })).status, path).toBe(304)
  }
}

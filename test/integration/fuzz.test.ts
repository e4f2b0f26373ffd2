import { env } from 'cloudflare:test'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sessions } from '../../shared/db/schema'
import { createApp } from '../../workers/app'
import { hashToken } from '../../workers/platform/auth/tokens'
import { interceptD1 } from './d1-spy'
import { databaseDigest } from './digest'
import { makeFuzzWorld } from './fuzz-world'
import { db, ORIGIN, testContext, url } from './helpers'
import type { World } from './world'

// Random and malformed input to every write route of the API and every form: each answers 4xx or a success,
// never 5xx, and a rejection changes nothing. Fixed seed, bounded runs: the same inputs every time.
//
// "Changes nothing" is checked twice: every statement a request sends goes through a D1 binding that notes
// the ones that wrote rows (so a rejection that wrote anything fails on that very input, naming the SQL), and
// a digest of every table (one D1 round trip) is compared before and after each route's rejections.
//
// The requests go to the Worker's app in this isolate (app.request with the test's bindings), not through
// SELF.fetch: under @cloudflare/vitest-pool-workers every SELF.fetch gets slower the more were sent before
// (workers-sdk#15446; here 5 ms for the first hundred, 70 ms by the fourth), which made 780 inputs take
// 80-140 s. The app is the one the Worker serves (workers/index.ts is createApp().fetch); waitUntil work is
// awaited before the next input, so a mail sent after a success cannot be taken for a rejection's change.
const SEED = 20_261_202
const RUNS_PER_API_ROUTE = 20
const RUNS_PER_FORM_ROUTE = 16
/** A digest check after this many rejections in a row (and at the end of each route). */
const DIGEST_EVERY = 10

// ---- the pieces inputs are made of ---------------------------------------------------------------------------

const control = fc.constantFrom(
  '\u0000',
  '\u0001',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u202e',
  '\ufeff',
)
const nasty = fc.constantFrom(
  '',
  ' ',
  '0',
  '-1',
  '1e309',
  'NaN',
  'null',
  'true',
  '[]',
  '{}',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '../../etc/passwd',
  '%00',
  '%E0%A4%A',
  '\\u0000',
  'x'.repeat(5000),
  '😀'.repeat(300),
  'a@b',
  'a@example.nl',
  '//evil.example/',
  'javascript:alert(1)',
  '\r\nSet-Cookie: x=1',
)
/** Dates and times at and past the edges: year 0 and 9999, 30 February, 24:00, DST days, out of range. */
const dateEdge = fc.constantFrom(
  '0000-01-01',
  '0001-01-01',
  '1969-12-31',
  '1970-01-01',
  '2027-02-29',
  '2028-02-29',
  '2027-02-30',
  '2027-13-01',
  '2027-03-28',
  '2027-10-31',
  '2027-06-12',
  '9999-12-31',
  '10000-01-01',
  '+002027-06-12',
  '2027-6-1',
  '2027-06-12T10:00:00Z',
)
const timeEdge = fc.constantFrom(
  '00:00',
  '23:59',
  '24:00',
  '23:60',
  '02:30',
  '9:00',
  '10:00',
  '-01:00',
  '10:00:00',
)
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.tuple(fc.string({ maxLength: 8 }), control, fc.string({ maxLength: 8 })).map((p) => p.join('')),
  nasty,
  dateEdge,
  timeEdge,
)
const scalar = fc.oneof(
  text,
  fc.integer(),
  fc.constantFrom(0, -1, 1, 2 ** 31, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, 1.5),
  fc.boolean(),
  fc.constant(null),
)
const value = fc.oneof(
  { weight: 5, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 6 }), scalar, { maxKeys: 3 }) },
  // Duplicates where a list of ids is wanted.
  { weight: 1, arbitrary: fc.uuid().map((u) => [u, u]) },
)

/** A path parameter: a real id of the world, an unknown one, or something malformed (encoded or raw). */
function paramValue(real: string | undefined) {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(real ?? crypto.randomUUID()) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: text.map((t) => encodeURIComponent(t) || '%20') },
    { weight: 1, arbitrary: fc.constantFrom('%00', '%01', '%7F', '%2F', '%2e%2e', '%E0%A4%A', '%ZZ') },
  )
}

const fill = (path: string, params: Record<string, string>) =>
  path.replace(
    /\{([A-Za-z0-9_]+)\}|:([A-Za-z0-9_]+)(\{(?:[^{}]|\{[^{}]*\})*\})?/g,
    (_m, a, b) => params[a ?? b] ?? 'x',
  )

const paramNames = (path: string) =>
  [...path.matchAll(/\{([A-Za-z0-9_]+)\}|:([A-Za-z0-9_]+)/g)].map((m) => (m[1] ?? m[2]) as string)

/** A query string of known and random names. */
const query = fc
  .array(
    fc.tuple(fc.constantFrom('version', 'group', 'next', 'lang', 'k', 'pretty', 'q', 'page', 'x'), text),
    { maxLength: 3 },
  )
  .map((pairs) => (pairs.length ? `?${new URLSearchParams(pairs).toString()}` : ''))

/** Header values: what fetch lets a client send (printable ASCII), malformed otherwise. */
const ascii = text.map((t) => t.replace(/[^\x20-\x7e]/g, '').slice(0, 200))

/** Extra headers a client might send wrong; in one input of three (the rest go on to the body's checks). */
const someHeaders = fc.record(
  {
    'if-match': fc.oneof(fc.constant('"v1"'), fc.constant('W/"v1"'), ascii),
    'idempotency-key': fc.oneof(
      fc.uuid(),
      text.filter((t) => /^[\x20-\x7e]*$/.test(t)),
    ),
    'accept-language': fc.constantFrom('nl', 'en', 'de', '*', 'x-\u0000'.replace('\u0000', '')),
  },
  { requiredKeys: [] },
)
const headers = fc.oneof({ weight: 2, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: someHeaders })

/** The tables whose digest differs. */
const changed = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys({ ...a, ...b }).filter((t) => a[t] !== b[t])

type Input = {
  path: string
  query: string
  body: string
  type: string
  headers: Record<string, string>
  /** The session to send, if any. */
  cookie?: string | undefined
}

/**
 * Rows written during the current input, by statement. Two writes are not changes the input made: the
 * session's last-seen time (written at most every few minutes on any request, rejected or not), and the claim
 * of an Idempotency-Key, written before the route runs and removed again when it rejects (the digest shows
 * the table unchanged); and the programme's stored clash list, which a page rendered again after a rejected
 * form may fill in: a cache of what the programme already says, made on reading (the digest skips it); and
 * the catering's stored answer, likewise made by the first read after a change (migration 0019).
 */
let writes: string[] = []
const notTheInput =
  /^(update "sessions" set "last_seen_at"|insert into "idempotency_keys"|delete from "idempotency_keys"|(insert into|delete from|update) "?clash_list(s|_items)\b|insert into "catering_answers")/i
const bindings = {
  ...env,
  DB: interceptD1(env.DB, {
    written: (sql, rows) => {
      if (!notTheInput.test(sql)) writes.push(`${rows} row(s): ${sql}`)
    },
  }),
}
const app = createApp()

async function send(input: Input, method: string) {
  const h: Record<string, string> = {
    origin: ORIGIN,
    'content-type': input.type,
    accept: input.type === 'application/x-www-form-urlencoded' ? 'text/html' : 'application/json',
    'cf-connecting-ip': '192.0.2.77',
    ...input.headers,
  }
  if (input.cookie) h.cookie = input.cookie
  writes = []
  const { ctx, settled } = testContext()
  const res = await app.request(
    url(`${input.path}${input.query}`),
    { method, headers: h, body: method === 'GET' ? undefined : input.body },
    bindings,
    ctx,
  )
  const body = await res.text()
  await settled()
  return { status: res.status, body, writes }
}

/**
 * The world's sessions as they were made, again: a valid input to "sign out everywhere" (or a removal) ends
 * them, and every route after it would only see 401. Sessions are not in the digest.
 */
async function keepSignedIn(w: World) {
  const now = new Date()
  for (const person of Object.values(w.person)) {
    const idHash = await hashToken(person.cookie.slice(person.cookie.indexOf('=') + 1))
    const live = { lastSeenAt: now, expiresAt: new Date(now.getTime() + 3600_000) }
    await db
      .insert(sessions)
      .values({ idHash, personId: person.id, ...live })
      .onConflictDoUpdate({ target: sessions.idHash, set: live })
  }
}

/** How often each status came back, and how many successes the D1 witness saw write (proof it sees writes). */
const statuses = new Map<number, number>()
let successesThatWrote = 0
const histogram = () =>
  [...statuses]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s}×${n}`)
    .join(' ')

/** Runs the inputs of one route; returns how many it sent. Every answer < 500; rejections change nothing. */
async function fuzzRoute(label: string, method: string, arbitrary: fc.Arbitrary<Input>, runs: number) {
  let sent = 0
  let rejected = 0
  const mine = new Map<number, number>()
  const started = performance.now()
  let baseline = await databaseDigest()
  let rejectedSince = 0
  await fc.assert(
    fc.asyncProperty(arbitrary, async (input) => {
      sent++
      const res = await send(input, method)
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
      mine.set(res.status, (mine.get(res.status) ?? 0) + 1)
      const what = `${label} ${input.path}${input.query} ${input.body.slice(0, 300)} → ${res.status} ${res.body.slice(0, 300)}`
      expect(res.status, what).toBeLessThan(500)
      if (res.status >= 400) {
        rejected++
        rejectedSince++
        expect(res.writes, `${what}: a rejection wrote`).toEqual([])
        if (rejectedSince % DIGEST_EVERY === 0) {
          expect(changed(baseline, await databaseDigest()), `${what}: changed data`).toEqual([])
        }
      } else {
        if (res.writes.length > 0) successesThatWrote++
        // A success may change data: the digest is taken anew. The rejections since the last digest wrote no
        // row (each was checked above).
        baseline = await databaseDigest()
        rejectedSince = 0
      }
    }),
    { seed: SEED, numRuns: runs, endOnFailure: true },
  )
  if (rejectedSince % DIGEST_EVERY !== 0) {
    expect(changed(baseline, await databaseDigest()), `${label} changed data on a rejection`).toEqual([])
  }
  console.log(
    `fuzz: ${label}: ${sent} inputs in ${Math.round(performance.now() - started)} ms: ${[...mine].map(([st, n]) => `${st}×${n}`).join(' ')}`,
  )
  return { sent, rejected }
}

type Operation = {
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> }
}

describe('fuzz: every write route and form, random and malformed input', () => {
  it('the API: 4xx for bad input, never 5xx, nothing changed by a rejection', {
    timeout: 240_000,
  }, async () => {
    statuses.clear()
    successesThatWrote = 0
    const w = await makeFuzzWorld()
    const doc = (await (await app.request(url('/api/openapi.json'), {}, bindings)).json()) as {
      paths: Record<string, Record<string, Operation>>
    }
    const organiser = w.person.organiser.cookie
    const viewer = w.person.viewer.cookie
    let total = 0
    let rejected = 0
    let routes = 0
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (!['post', 'put', 'patch', 'delete'].includes(method)) continue
        // The upload parts are raw bytes, not JSON: the photo tests send those.
        if (path.includes('/parts/')) continue
        routes++
        const keys = Object.keys(op.requestBody?.content?.['application/json']?.schema?.properties ?? {})
        const known = keys.length ? fc.constantFrom(...keys) : fc.string({ maxLength: 8 })
        const body = fc.oneof(
          // Objects of the schema's own names with wrong or edge values: the deepest paths into validation.
          {
            weight: 4,
            arbitrary: fc
              .dictionary(known, value, { maxKeys: Math.max(1, keys.length) })
              .map((o) => JSON.stringify(o)),
          },
          { weight: 1, arbitrary: fc.jsonValue().map((j) => JSON.stringify(j)) },
          {
            weight: 1,
            arbitrary: fc.constantFrom(
              '',
              '{',
              '[1,',
              'null',
              '"x"',
              '{"a":1}{',
              '\u0000',
              '{"__proto__":{"x":1}}',
            ),
          },
        )
        const ids = w.realParams(path)
        const params = Object.fromEntries(paramNames(path).map((n) => [n, paramValue(ids[n])]))
        const arbitrary = fc.record({
          path: fc.record(params).map((p) => fill(path, p as Record<string, string>)),
          query,
          body,
          type: fc.constantFrom(
            'application/json',
            'application/json',
            'application/json',
            'text/plain',
            'application/json; charset=latin1',
          ),
          headers,
          // Mostly the organiser (past the access checks into validation); now and then a viewer or no one.
          cookie: path.startsWith('/api/public/')
            ? fc.constant(undefined)
            : fc.constantFrom(organiser, organiser, organiser, organiser, viewer, undefined),
        })
        await keepSignedIn(w)
        await w.restoreLinks()
        const run = await fuzzRoute(
          `${method.toUpperCase()} ${path}`,
          method.toUpperCase(),
          arbitrary,
          RUNS_PER_API_ROUTE,
        )
        total += run.sent
        rejected += run.rejected
      }
    }
    console.log(`fuzz: ${total} inputs to ${routes} API write routes, ${rejected} of them rejected`)
    console.log(`fuzz: statuses ${histogram()}; ${successesThatWrote} successes wrote rows`)
    expect(routes).toBeGreaterThan(50)
    expect(total).toBeGreaterThanOrEqual(routes * RUNS_PER_API_ROUTE)
    // The witness sees writes: some random inputs are valid and were stored.
    expect(successesThatWrote).toBeGreaterThan(0)
  })

  it('the forms: 4xx or a page, never 5xx, nothing changed by a rejection', {
    timeout: 240_000,
  }, async () => {
    statuses.clear()
    successesThatWrote = 0
    const w = await makeFuzzWorld()
    const seen = new Set<string>()
    const formRoutes = app.routes
      .filter((r) => r.method === 'POST' && !r.path.startsWith('/api') && !r.path.startsWith('/dev'))
      .map((r) => r.path)
      .filter((p) => !seen.has(p) && seen.add(p))
    // The forms' fields are mostly the API's: every name a request body of the API knows, and some more.
    const doc = (await (await app.request(url('/api/openapi.json'), {}, bindings)).json()) as {
      paths: Record<string, Record<string, Operation>>
    }
    const apiFields = Object.values(doc.paths).flatMap((ops) =>
      Object.values(ops).flatMap((op) =>
        Object.keys(op.requestBody?.content?.['application/json']?.schema?.properties ?? {}),
      ),
    )
    const fieldNames = [
      'name',
      'title',
      'email',
      'date',
      'start',
      'end',
      'startDate',
      'endDate',
      'version',
      'next',
      'kind',
      'position',
      'groupIds',
      'partySize',
      'token',
      'description',
      'note',
      'role',
      'status',
      'venueId',
      'slug',
      'timeZone',
      'capacity',
      'minutes',
      'consent',
      'lang',
      'phone',
      'dietaryNeeds',
      'accessNeeds',
      'reason',
    ]
    const fields = fc.constantFrom(...new Set([...fieldNames, ...apiFields]))
    const body = fc
      .array(fc.tuple(fields, text), { maxLength: 8 })
      .map((pairs) => new URLSearchParams(pairs).toString())
    const organiser = w.person.organiser.cookie
    let total = 0
    let rejected = 0
    for (const path of formRoutes) {
      const ids = w.realParams(path)
      const params = Object.fromEntries(paramNames(path).map((n) => [n, paramValue(ids[n])]))
      const arbitrary = fc.record({
        path: fc.record(params).map((p) => fill(path, p as Record<string, string>)),
        query,
        body,
        type: fc.constant('application/x-www-form-urlencoded'),
        headers,
        // Mostly as an organiser, sometimes anonymously (public forms, and the way to the sign-in).
        cookie: fc.constantFrom(organiser, organiser, organiser, undefined),
      })
      await keepSignedIn(w)
      await w.restoreLinks()
      const run = await fuzzRoute(`form ${path}`, 'POST', arbitrary, RUNS_PER_FORM_ROUTE)
      total += run.sent
      rejected += run.rejected
    }
    console.log(`fuzz: ${total} inputs to ${formRoutes.length} forms, ${rejected} of them rejected`)
    console.log(`fuzz: statuses ${histogram()}; ${successesThatWrote} successes wrote rows`)
    expect(formRoutes.length).toBeGreaterThan(40)
    expect(total).toBeGreaterThanOrEqual(formRoutes.length * RUNS_PER_FORM_ROUTE)
  })
})

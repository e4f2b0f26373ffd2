import { env } from 'cloudflare:test'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { mailOutbox, photos } from '../../shared/db/schema'
import { createApp } from '../../workers/app'
import { phoneJpeg, type UploadView } from '../../workers/features/photos/photos.fixtures.matrix'
import { retryMail } from '../../workers/jobs/mail-retry'
import { interceptD1 } from './d1-spy'
import { databaseDigest } from './digest'
import { db, ORIGIN, productionEnv, testContext } from './helpers'
import { makeWorld } from './world'

// Faults are injected through the bindings a request is served with (createApp().request(…, env)): the
// production code paths are the ones that run, only D1, R2 or the mail API behind them misbehave.

const lost = () => new Error('D1_ERROR: Network connection lost.')

type D1Fault = { fails: (sql: string) => boolean; calls: number }

/** A D1 binding over the real one whose statements fail when `fault.fails(sql)` says so (counted per call). */
const flakyD1 = (real: D1Database, fault: D1Fault): D1Database =>
  interceptD1(real, {
    around: (sql, call) => {
      fault.calls++
      return fault.fails(sql) ? Promise.reject(lost()) : call()
    },
  })

const writes = (sql: string) => /^\s*(insert|update|delete|replace)/i.test(sql) || sql.includes(';')

/** A request served with other bindings, as a browser or API client would send it. */
async function serve(path: string, init: RequestInit & { cookie?: string }, bindings: Partial<Env>) {
  const { ctx, settled } = testContext()
  const headers = new Headers(init.headers)
  headers.set('origin', ORIGIN)
  if (init.cookie) headers.set('cookie', init.cookie)
  const res = await createApp().request(
    `${ORIGIN}${path}`,
    { ...init, headers },
    { ...env, ...bindings },
    ctx,
  )
  await settled().catch(() => undefined)
  return res
}

const itemBody = { kind: 'talk', title: 'Lezing', date: '2027-06-12', start: '10:00', end: '11:00' }

describe('faults: D1', () => {
  it('a write during a D1 hiccup answers a clean 503 problem with Retry-After, and nothing is written', async () => {
    const w = await makeWorld()
    const before = await databaseDigest()
    const fault: D1Fault = { fails: writes, calls: 0 }
    const res = await serve(
      `/api/visits/${w.visitA}/items`,
      {
        method: 'POST',
        cookie: w.person.organiser.cookie,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(itemBody),
      },
      { DB: flakyD1(env.DB, fault) },
    )
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe('5')
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    const problem = (await res.json()) as { code: string; type: string; requestId: string }
    expect(problem.code).toBe('unavailable')
    expect(problem.type).toBe(`${env.PUBLIC_URL}/problems/unavailable`)
    expect(problem.requestId).toBe(res.headers.get('x-request-id'))
    expect(fault.calls).toBeGreaterThan(0)
    expect(await databaseDigest()).toEqual(before)
  })

  it('a page during a D1 outage is a friendly 503 page in Dutch with Retry-After', async () => {
    const w = await makeWorld()
    const res = await serve(
      `/visits/${w.visitA}`,
      { cookie: w.person.organiser.cookie, headers: { accept: 'text/html' } },
      { DB: flakyD1(env.DB, { fails: () => true, calls: 0 }) },
    )
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe('5')
    const html = await res.text()
    expect(html).toContain('heel even niet bereikbaar')
    expect(html).not.toContain('D1_ERROR')
  })

  it('whichever statement of an item save fails, the item is saved whole or not at all', async () => {
    const w = await makeWorld()
    const table = async () =>
      (await env.DB.prepare('SELECT count(*) AS n FROM programme_items WHERE visit_id = ?')
        .bind(w.visitA)
        .first<{
          n: number
        }>())!.n
    const start = await table()
    let saved = 0
    // Fail the 1st, 2nd, … D1 call of the request until one runs through untouched.
    for (let k = 1; k < 40; k++) {
      const before = await databaseDigest()
      const fault: D1Fault = { fails: () => fault.calls === k, calls: 0 }
      const res = await serve(
        `/api/visits/${w.visitA}/items`,
        {
          method: 'POST',
          cookie: w.person.organiser.cookie,
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ ...itemBody, title: `Lezing ${k}` }),
        },
        { DB: flakyD1(env.DB, fault) },
      )
      if (res.status === 201) {
        saved++
        // A save that went through has its item and its audit entry, like any other.
        const { item } = (await res.json()) as { item: { id: string } }
        const audit = await env.DB.prepare('SELECT count(*) AS n FROM audit_log WHERE entity_id = ?')
          .bind(item.id)
          .first<{ n: number }>()
        expect(audit?.n).toBeGreaterThan(0)
        if (fault.calls < k) break
        continue
      }
      expect(res.status, await res.text()).toBe(503)
      expect(await databaseDigest()).toEqual(before)
    }
    expect(saved).toBeGreaterThan(0)
    expect(await table()).toBe(start + saved)
  })
})

describe('faults: the mail API', () => {
  it('a mail the API refuses stays in the outbox and is sent by a later run', async () => {
    const prod = productionEnv()
    const email = `fault-${crypto.randomUUID().slice(0, 8)}@example.nl`
    const now = new Date(Date.now() + 60_000)
    await db.insert(mailOutbox).values({
      to: email,
      kind: 'test',
      subject: 's',
      text: 'body with a link',
      html: '<p>body</p>',
      status: 'pending',
      nextAttemptAt: new Date(now.getTime() - 1_000),
    })
    const row = async () => (await db.select().from(mailOutbox).where(eq(mailOutbox.to, email)))[0]!
    expect((await row()).status).toBe('pending')
    const down = async () => new Response('upstream down', { status: 502 })
    await retryMail(prod, now, down as typeof fetch)
    const failed = await row()
    expect(failed).toMatchObject({ status: 'pending', attempts: 1 })
    expect(failed.lastError).toContain('502')
    expect(failed.text).not.toBe('')
    const sent: string[] = []
    const up = async (_url: RequestInfo | URL, init?: RequestInit) => {
      sent.push(JSON.parse(String(init?.body)).to)
      return new Response('{}', { status: 200 })
    }
    // Not yet due (backoff): nothing is sent; after the backoff it is.
    await retryMail(prod, new Date(now.getTime() + 1_000), up as typeof fetch)
    expect(sent).toEqual([])
    await retryMail(prod, new Date(now.getTime() + 11 * 60_000), up as typeof fetch)
    expect(sent).toEqual([email])
    expect(await row()).toMatchObject({ status: 'sent', text: '', html: '' })
  })

  it('a mail run that dies halfway is safe to run again: every mail ends sent, a repeat carries the same idempotency key', async () => {
    const prod = productionEnv()
    const tag = crypto.randomUUID().slice(0, 8)
    const now = new Date(Date.now() + 120_000)
    const addresses = [1, 2, 3, 4].map((i) => `run-${tag}-${i}@example.nl`)
    await db.insert(mailOutbox).values(
      addresses.map((to) => ({
        to,
        kind: 'test',
        subject: 's',
        text: 't',
        html: 'h',
        status: 'pending' as const,
        nextAttemptAt: new Date(now.getTime() - 1_000),
      })),
    )
    const keys: string[] = []
    const up = async (_url: RequestInfo | URL, init?: RequestInit) => {
      const to = JSON.parse(String(init?.body)).to as string
      if (to.includes(tag)) keys.push(new Headers(init?.headers).get('idempotency-key') ?? '')
      return new Response('{}', { status: 200 })
    }
    // The run's D1 fails on recording its second delivery: the job throws part-way.
    let recorded = 0
    const fault: D1Fault = {
      fails: (sql) => /^update "mail_outbox" set .*"sent_at"/i.test(sql) && ++recorded === 2,
      calls: 0,
    }
    await expect(
      retryMail({ ...prod, DB: flakyD1(env.DB, fault) }, now, up as typeof fetch),
    ).rejects.toThrow()
    // The next cron run (after the claim ran out) finishes the work.
    await retryMail(prod, new Date(now.getTime() + 11 * 60_000), up as typeof fetch)
    const rows = await db.select().from(mailOutbox)
    const ours = rows.filter((r) => r.to.includes(tag))
    expect(ours.map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'sent'])
    const ids = new Set(ours.map((r) => r.id))
    expect(new Set(keys)).toEqual(ids)
    // At most the one whose outcome was lost is sent again, and with the key the provider drops repeats by.
    expect(keys.length).toBeLessThanOrEqual(ids.size + 1)
  })
})

describe('faults: R2', () => {
  it('R2 failing during an upload leaves no photo row pointing at a missing object', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const bytes = phoneJpeg()
    let failing = (_op: string) => false
    const real = env.PHOTOS
    const broken = (op: string) => {
      if (failing(op)) throw new Error(`R2 ${op} failed (injected)`)
    }
    const wrapUpload = (u: R2MultipartUpload): R2MultipartUpload =>
      ({
        get key() {
          return u.key
        },
        get uploadId() {
          return u.uploadId
        },
        // R2 reads the part and then fails, as a write cut off on its side does.
        uploadPart: async (n: number, v: ReadableStream) => {
          // R2 refuses before it reads a byte (a part it will not take): the stream is left unread.
          if (failing('uploadPart-unread')) throw new Error('R2 uploadPart refused (injected)')
          if (failing('uploadPart')) {
            await new Response(v).arrayBuffer()
            throw new Error('R2 uploadPart failed (injected)')
          }
          return u.uploadPart(n, v)
        },
        complete: async (parts: R2UploadedPart[]) => {
          broken('complete')
          return u.complete(parts)
        },
        abort: () => u.abort(),
      }) as R2MultipartUpload
    const flakyR2 = {
      head: (k: string) => real.head(k),
      get: (k: string, o?: R2GetOptions) => real.get(k, o),
      list: (o?: R2ListOptions) => real.list(o),
      delete: (k: string | string[]) => real.delete(k),
      put: async (k: string, v: never, o?: R2PutOptions) => {
        broken('put')
        return real.put(k, v, o)
      },
      createMultipartUpload: async (k: string, o?: R2MultipartOptions) => {
        broken('create')
        return wrapUpload(await real.createMultipartUpload(k, o))
      },
      resumeMultipartUpload: (k: string, id: string) => wrapUpload(real.resumeMultipartUpload(k, id)),
    } as unknown as R2Bucket
    const call = (method: string, path: string, body?: BodyInit, type = 'application/json') =>
      serve(
        path,
        {
          method,
          cookie,
          headers: {
            'content-type': type,
            accept: 'application/json',
            ...(body instanceof Uint8Array ? { 'content-length': String(body.byteLength) } : {}),
          },
          body,
        },
        {
          PHOTOS: flakyR2,
        },
      )
    const everyRowHasItsObjects = async () => {
      for (const p of await db.select().from(photos).where(eq(photos.visitId, w.visitA))) {
        for (const key of [p.originalKey, p.webKey, p.thumbKey])
          expect(await real.head(key), key).not.toBeNull()
      }
    }
    const openUpload = async () => {
      const res = await call(
        'POST',
        `/api/visits/${w.visitA}/photo-uploads`,
        JSON.stringify({ filename: 'tuin.jpg', sizeBytes: bytes.byteLength, type: 'image/jpeg' }),
      )
      return res
    }
    // 1. R2 refuses to open the upload.
    failing = (op) => op === 'create'
    expect((await openUpload()).status).toBeGreaterThanOrEqual(500)
    await everyRowHasItsObjects()
    // 2. The part is refused; 3. completing fails; 4. the variants cannot be written.
    // The unread refusal once hung the part's request: the pump into the part waited forever for R2 to read.
    for (const op of ['uploadPart', 'uploadPart-unread', 'complete', 'put']) {
      failing = () => false
      const opened = await openUpload()
      expect(opened.status, await opened.clone().text()).toBe(201)
      const upload = (await opened.json()) as UploadView
      failing = (o) => o === op
      const part = await call(
        'PUT',
        `/api/photo-uploads/${upload.id}/parts/1`,
        bytes as unknown as BodyInit,
        'application/octet-stream',
      )
      if (!op.startsWith('uploadPart')) expect(part.status, await part.clone().text()).toBe(200)
      // The part is not taken (the code cannot tell R2's failure from a body cut off: it answers 400).
      else expect(part.status).toBeGreaterThanOrEqual(400)
      const done = await call('POST', `/api/photo-uploads/${upload.id}/complete`)
      expect(done.status, `${op}: ${await done.clone().text()}`).not.toBe(201)
      await everyRowHasItsObjects()
    }
    // R2 back: an upload goes through, and its row's objects are all there.
    failing = () => false
    const opened = (await (await openUpload()).json()) as UploadView
    expect(
      (
        await call(
          'PUT',
          `/api/photo-uploads/${opened.id}/parts/1`,
          bytes as unknown as BodyInit,
          'application/octet-stream',
        )
      ).status,
    ).toBe(200)
    expect((await call('POST', `/api/photo-uploads/${opened.id}/complete`)).status).toBe(201)
    await everyRowHasItsObjects()
    expect(await db.select().from(photos).where(eq(photos.visitId, w.visitA))).toHaveLength(1)
  })
})

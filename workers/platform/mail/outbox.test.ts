import {
  createExecutionContext,
  createScheduledController,
  env,
  SELF,
  waitOnExecutionContext,
} from 'cloudflare:test'
import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mailOutbox } from '../../../shared/db/schema'
import { renderMail } from '../../../shared/mail/templates'
import worker from '../../index'
import { retryMail } from '../../jobs/mail-retry'
import { type Config, readConfig } from '../config'
import { openDatabase } from '../db/database'
import { deliverPending, MAX_ATTEMPTS, purgeMailBodies, queueMail } from './outbox'

const db = openDatabase(env.DB)
const url = (path: string) => `http://rondgang.test${path}`
const MINUTE = 60_000
const apiKey = 'test-key-0123456789abcdef'

const httpConfig: Config = {
  environment: 'production',
  isProduction: true,
  publicUrl: 'https://rondgang.test',
  appSecret: 'test-secret-for-signed-links-0123456789',
  mail: {
    transport: 'http',
    from: 'Rondgang <noreply@rondgang.test>',
    apiUrl: 'https://mail.test/v1/send',
    apiKey,
  },
  humanCheck: null,
  addressLookup: null,
}

const signInMail = (to: string) => ({
  to,
  kind: 'sign_in',
  ...renderMail('sign_in', 'nl', {
    link: `https://rondgang.test/sign-in/verify?token=tok-${to}`,
    minutes: 15,
  }),
})

type Call = { url: string; init: RequestInit | undefined }

/** A mail API that answers every request with the given response (or throws it), and records the calls. */
function fakeApi(answer: () => Response) {
  const calls: Call[] = []
  const fetcher: typeof fetch = async (input, init) => {
    calls.push({ url: String(input instanceof Request ? input.url : input), init })
    return answer()
  }
  return { calls, fetcher }
}

const rowFor = async (to: string) => {
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.to, to))
  if (!row) throw new Error(`no outbox row for ${to}`)
  return row
}

beforeEach(async () => {
  // Storage is shared by the tests of one file; each test starts with an empty outbox.
  await db.delete(mailOutbox)
})

describe('local outbox (development)', () => {
  it('shows a queued mail on /dev/mail with its link clickable, and on /dev/mail/latest', async () => {
    const config = readConfig(env)
    expect(config.mail.transport).toBe('outbox')
    const now = new Date()
    await db.batch([queueMail(db, config, signInMail('anna@example.nl'), now)])
    const row = await rowFor('anna@example.nl')
    expect(row).toMatchObject({ status: 'sent', attempts: 0 })
    expect(row.sentAt?.getTime()).toBe(now.getTime())

    const page = await SELF.fetch(url('/dev/mail'))
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Verstuurde mail (ontwikkeling)')
    expect(html).toContain('anna@example.nl')
    expect(html).toContain('Je inloglink voor Rondgang')
    expect(html).toContain(
      '<a href="https://rondgang.test/sign-in/verify?token=tok-anna@example.nl">https://rondgang.test/sign-in/verify?token=tok-anna@example.nl</a>',
    )

    const latest = await SELF.fetch(url('/dev/mail/latest?to=Anna@Example.nl'))
    expect(latest.status).toBe(200)
    expect(await latest.json()).toEqual({
      to: 'anna@example.nl',
      subject: 'Je inloglink voor Rondgang',
      text: row.text,
      links: ['https://rondgang.test/sign-in/verify?token=tok-anna@example.nl'],
    })
  })

  it('answers /dev/mail/latest with the newest mail, and a 404 problem when there is none', async () => {
    const config = readConfig(env)
    const first = new Date(Date.UTC(2026, 0, 1, 10))
    await db.batch([
      queueMail(db, config, { ...signInMail('ben@example.nl'), subject: 'oud' }, first),
      queueMail(
        db,
        config,
        { ...signInMail('ben@example.nl'), subject: 'nieuw' },
        new Date(first.getTime() + 1),
      ),
    ])
    const latest = await SELF.fetch(url('/dev/mail/latest?to=ben@example.nl'))
    expect(((await latest.json()) as { subject: string }).subject).toBe('nieuw')

    const none = await SELF.fetch(url('/dev/mail/latest?to=nobody@example.nl'))
    expect(none.status).toBe(404)
    expect(none.headers.get('content-type')).toContain('application/problem+json')
    const invalid = await SELF.fetch(url('/dev/mail/latest?to=not-an-address'))
    expect(invalid.status).toBe(422)
  })

  it('escapes what a mail contains on the page', async () => {
    const hostile = { ...signInMail('eve@example.nl'), subject: '<script>alert(1)</script>' }
    hostile.text = `Kijk: https://evil.example/"><script>x()</script> en <img src=x>`
    await queueMail(db, readConfig(env), hostile, new Date())
    const html = await (await SELF.fetch(url('/dev/mail'))).text()
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<img src=x>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('is a no-op for delivery: nothing is fetched', async () => {
    const api = fakeApi(() => new Response('{}'))
    await queueMail(db, readConfig(env), signInMail('carl@example.nl'), new Date())
    expect(await deliverPending(db, readConfig(env), new Date(), api.fetcher)).toEqual({
      sent: 0,
      failed: 0,
      retried: 0,
    })
    expect(api.calls).toHaveLength(0)
  })
})

describe('HTTP transport (production)', () => {
  const now = new Date(Date.UTC(2026, 4, 1, 9, 0))

  it('queues as pending and sends it as JSON with the bearer key; a 2xx marks it sent', async () => {
    await db.batch([queueMail(db, httpConfig, signInMail('dina@example.nl'), now)])
    expect(await rowFor('dina@example.nl')).toMatchObject({ status: 'pending', attempts: 0 })
    expect((await rowFor('dina@example.nl')).nextAttemptAt?.getTime()).toBe(now.getTime())

    const api = fakeApi(() => new Response('{"id":"m1"}', { status: 202 }))
    expect(await deliverPending(db, httpConfig, now, api.fetcher)).toEqual({ sent: 1, failed: 0, retried: 0 })
    expect(api.calls).toHaveLength(1)
    const call = api.calls[0]!
    expect(call.url).toBe('https://mail.test/v1/send')
    expect(call.init?.method).toBe('POST')
    const headers = new Headers(call.init?.headers)
    expect(headers.get('authorization')).toBe(`Bearer ${apiKey}`)
    expect(headers.get('content-type')).toBe('application/json')
    const body = JSON.parse(String(call.init?.body))
    const row = await rowFor('dina@example.nl')
    expect(body).toMatchObject({
      from: 'Rondgang <noreply@rondgang.test>',
      to: 'dina@example.nl',
      subject: row.subject,
    })
    expect(body.text).toContain('https://rondgang.test/sign-in/verify?token=tok-dina@example.nl')
    expect(body.html).toContain('tok-dina@example.nl')
    // Once delivered, the body and the link in it are not kept: nobody can read a working link from the table.
    expect(row).toMatchObject({ status: 'sent', attempts: 0, lastError: null, text: '', html: '' })
    expect(row.sentAt?.getTime()).toBe(now.getTime())

    // Sent once is sent: a later run sends nothing again.
    expect(await deliverPending(db, httpConfig, new Date(now.getTime() + 60 * MINUTE), api.fetcher)).toEqual({
      sent: 0,
      failed: 0,
      retried: 0,
    })
    expect(api.calls).toHaveLength(1)
  })

  it('keeps a mail pending after a 500 answer, with the error (never the key) and a later try', async () => {
    await queueMail(db, httpConfig, signInMail('erik@example.nl'), now)
    const api = fakeApi(
      () => new Response(`upstream broken, key was ${apiKey} ${'x'.repeat(500)}`, { status: 500 }),
    )
    expect(await deliverPending(db, httpConfig, now, api.fetcher)).toEqual({ sent: 0, failed: 0, retried: 1 })
    const row = await rowFor('erik@example.nl')
    expect(row).toMatchObject({ status: 'pending', attempts: 1 })
    expect(row.nextAttemptAt?.getTime()).toBe(now.getTime() + MINUTE)
    expect(row.lastError).toMatch(/^HTTP 500: upstream broken/)
    expect(row.lastError).not.toContain(apiKey)
    expect(row.lastError!.length).toBeLessThanOrEqual('HTTP 500: '.length + 200)

    // Not due yet: the next run leaves it alone.
    await deliverPending(db, httpConfig, new Date(now.getTime() + 30_000), api.fetcher)
    expect(api.calls).toHaveLength(1)
  })

  it('counts a thrown fetch error as a failure', async () => {
    await queueMail(db, httpConfig, signInMail('fleur@example.nl'), now)
    const api = fakeApi(() => {
      throw new TypeError('Network connection lost.')
    })
    expect(await deliverPending(db, httpConfig, now, api.fetcher)).toEqual({ sent: 0, failed: 0, retried: 1 })
    const row = await rowFor('fleur@example.nl')
    expect(row).toMatchObject({ status: 'pending', attempts: 1 })
    expect(row.nextAttemptAt!.getTime()).toBeGreaterThan(now.getTime())
    expect(row.lastError).toContain('Network connection lost.')
  })

  it('backs off 1, 2, 4, … minutes and after the 10th failure keeps the mail as failed', async () => {
    await queueMail(db, httpConfig, signInMail('gijs@example.nl'), now)
    const api = fakeApi(() => new Response('nope', { status: 503 }))
    let at = now
    const waits: number[] = []
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect(await deliverPending(db, httpConfig, at, api.fetcher)).toEqual({
        sent: 0,
        failed: 0,
        retried: 1,
      })
      const row = await rowFor('gijs@example.nl')
      expect(row).toMatchObject({ status: 'pending', attempts: attempt })
      waits.push((row.nextAttemptAt!.getTime() - at.getTime()) / MINUTE)
      at = row.nextAttemptAt!
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256])

    expect(await deliverPending(db, httpConfig, at, api.fetcher)).toEqual({ sent: 0, failed: 1, retried: 0 })
    const row = await rowFor('gijs@example.nl')
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, nextAttemptAt: null })
    expect(row.lastError).toBe('HTTP 503: nope')
    expect(api.calls).toHaveLength(MAX_ATTEMPTS)

    // Failed mail is kept, and no later run tries it again.
    await deliverPending(db, httpConfig, new Date(at.getTime() + 24 * 60 * MINUTE), api.fetcher)
    expect(api.calls).toHaveLength(MAX_ATTEMPTS)
  })

  it('sends at most `limit` mails per run, oldest due first', async () => {
    await db.batch([
      queueMail(db, httpConfig, signInMail('h1@example.nl'), new Date(now.getTime() - 2)),
      queueMail(db, httpConfig, signInMail('h2@example.nl'), new Date(now.getTime() - 1)),
      queueMail(db, httpConfig, signInMail('h3@example.nl'), now),
    ])
    const api = fakeApi(() => new Response('{}'))
    expect(await deliverPending(db, httpConfig, now, api.fetcher, 2)).toEqual({
      sent: 2,
      failed: 0,
      retried: 0,
    })
    expect((await rowFor('h3@example.nl')).status).toBe('pending')
  })
})

describe('retention of mail bodies', () => {
  it('empties sent and failed mails after 30 days, keeps pending ones and newer ones, and is safe to rerun', async () => {
    const now = new Date(Date.UTC(2026, 7, 1, 9, 0))
    const old = new Date(now.getTime() - 31 * 24 * 60 * MINUTE)
    const recent = new Date(now.getTime() - 29 * 24 * 60 * MINUTE)
    const local = readConfig(env as unknown as Cloudflare.Env)
    await db.batch([
      queueMail(db, local, signInMail('oud@example.nl'), old),
      queueMail(db, local, signInMail('nieuw@example.nl'), recent),
      queueMail(db, httpConfig, signInMail('wacht@example.nl'), old),
    ])
    expect(await purgeMailBodies(db, now)).toBeGreaterThanOrEqual(1)
    expect(await rowFor('oud@example.nl')).toMatchObject({ status: 'sent', text: '', html: '' })
    expect((await rowFor('nieuw@example.nl')).text).toContain('tok-nieuw@example.nl')
    expect((await rowFor('wacht@example.nl')).text).toContain('tok-wacht@example.nl')
    expect(await purgeMailBodies(db, now)).toBe(0)
  })
})

describe('scheduled handler', () => {
  it('runs the mail job on the cron trigger (a no-op with the local outbox)', async () => {
    const ctx = createExecutionContext()
    await worker.scheduled(
      createScheduledController({ scheduledTime: Date.now(), cron: '*/5 * * * *' }),
      env,
      ctx,
    )
    await waitOnExecutionContext(ctx)
  })

  it('retries pending mail with the production configuration', async () => {
    const production = {
      ...env,
      ENVIRONMENT: 'production' as const,
      PUBLIC_URL: 'https://rondgang.test',
      MAIL_TRANSPORT: 'http' as const,
      MAIL_FROM: 'Rondgang <noreply@rondgang.test>',
      MAIL_API_URL: 'https://mail.test/v1/send',
      MAIL_API_KEY: apiKey,
      APP_SECRET: 'test-secret-for-signed-links-0123456789',
    }
    const now = new Date(Date.UTC(2026, 4, 1, 9, 0))
    await queueMail(db, readConfig(production), signInMail('ilse@example.nl'), now)
    const api = fakeApi(() => new Response('{}'))
    expect(await retryMail(production, new Date(now.getTime() + 5 * MINUTE), api.fetcher)).toEqual({
      sent: 1,
      failed: 0,
      retried: 0,
    })
    expect((await rowFor('ilse@example.nl')).status).toBe('sent')
  })

  it('logs and stops when production is not configured, instead of failing every run', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const broken = { ...env, ENVIRONMENT: 'production' as const, MAIL_API_KEY: undefined }
    await expect(retryMail(broken, new Date())).resolves.toBeUndefined()
    expect(errors).toHaveBeenCalled()
    errors.mockRestore()
  })
})

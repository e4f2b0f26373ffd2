import { env } from 'cloudflare:test'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { api, freshClient, ORIGIN, testContext } from '../../../test/integration/helpers'
import { makeWorld, type World } from '../../../test/integration/world'
import { createApp } from '../../app'
import { signLink } from '../../platform/auth/signed-links'
import { readConfig } from '../../platform/config'

// Turnstile is optional: these requests are served with its two keys set. siteverify is never reached: the
// Worker runs in this isolate, so the recorded answers below stand in for it through the global fetch.
const keys = { TURNSTILE_SITE_KEY: '0x4AAAAAAAtest-site-key', TURNSTILE_SECRET: '0x4AAAAAAAtest-secret-key' }
const withCheck = { ...env, ...keys }
const SITEVERIFY = 'https://challenges.cloudflare.com/turnstile/v0/siteverify'

afterEach(() => {
  vi.restoreAllMocks()
})

async function publishedReport(w: World) {
  const organiser = w.person.organiser.cookie
  const saved = await api(`/api/visits/${w.visitA}/report`, {
    method: 'PUT',
    cookie: organiser,
    body: {
      title: 'Bezoek',
      intro: 'Kort.',
      body: 'Tekst.',
      authorName: 'Anna',
      category: 'report',
      showProgramme: false,
      showTalks: false,
      photoIds: [],
    },
  })
  expect(saved.status).toBe(200)
  const { report } = (await saved.json()) as { report: { id: string; version: number } }
  const published = await api(`/api/visits/${w.visitA}/report/status`, {
    cookie: organiser,
    body: { status: 'published', version: report.version },
  })
  expect(published.status).toBe(200)
  return report.id
}

async function stamp(reportId: string) {
  const ms = String(Date.now() - 30_000)
  return `${ms}.${await signLink(readConfig(withCheck).appSecret, 'report-comment-form', `${reportId}:${ms}`)}`
}

function send(w: World, fields: Record<string, string>, client = freshClient()) {
  const { ctx } = testContext()
  return createApp().request(
    `${ORIGIN}/v/${w.slugA}/report/comment`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: ORIGIN,
        'cf-connecting-ip': client,
      },
      body: new URLSearchParams({ name: 'Bewoner', body: 'Mooi verslag!', ...fields }).toString(),
    },
    withCheck,
    ctx,
  )
}

const stored = async (reportId: string) =>
  (
    await env.DB.prepare('SELECT count(*) AS n FROM report_comments WHERE report_id = ?')
      .bind(reportId)
      .first<{ n: number }>()
  )?.n

/** A siteverify stand-in that records what it was asked and answers as given. */
function siteverify(answer: () => Promise<Response>) {
  const asked: FormData[] = []
  const real = globalThis.fetch
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const target = input instanceof Request ? input.url : String(input)
    if (target !== SITEVERIFY) return real(input, init)
    asked.push(init?.body as FormData)
    return answer()
  })
  return asked
}

describe('the human check on comments (Turnstile, when set up)', () => {
  it('puts the widget on the comment form and allows its origin on that page only', async () => {
    const w = await makeWorld()
    await publishedReport(w)
    const { ctx } = testContext()
    const app = createApp()
    const formPage = await app.request(`${ORIGIN}/v/${w.slugA}/report/comment`, {}, withCheck, ctx)
    expect(formPage.status).toBe(200)
    const html = await formPage.text()
    expect(html).toContain(`data-sitekey="${keys.TURNSTILE_SITE_KEY}"`)
    expect(html).toContain('https://challenges.cloudflare.com/turnstile/v0/api.js')
    expect(html).not.toContain(keys.TURNSTILE_SECRET)
    const policy = formPage.headers.get('content-security-policy') ?? ''
    expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' https:\/\/challenges\.cloudflare\.com/)
    expect(policy).toContain('frame-src https://challenges.cloudflare.com')
    expect(policy).toContain("frame-ancestors 'none'")
    const reportPage = await app.request(`${ORIGIN}/v/${w.slugA}/report`, {}, withCheck, ctx)
    expect(reportPage.headers.get('content-security-policy')).not.toContain('challenges.cloudflare.com')
    // Without the setting there is no widget.
    const plain = await app.request(`${ORIGIN}/v/${w.slugA}/report/comment`, {}, env, ctx)
    expect(await plain.text()).not.toContain('cf-turnstile')
  })

  it('refuses a comment without a token or with a token siteverify rejects; nothing is stored', async () => {
    const w = await makeWorld()
    const reportId = await publishedReport(w)
    const asked = siteverify(async () =>
      Response.json({ success: false, 'error-codes': ['invalid-input-response'] }),
    )
    const none = await send(w, { shown: await stamp(reportId) })
    expect(none.status).toBe(422)
    expect(asked).toHaveLength(0)
    const client = '203.0.113.7'
    const rejected = await send(
      w,
      { shown: await stamp(reportId), 'cf-turnstile-response': 'forged' },
      client,
    )
    expect(rejected.status).toBe(422)
    const html = await rejected.text()
    expect(html).toContain('De controle of je een mens bent is niet gelukt')
    expect(html).toContain('Mooi verslag!')
    expect(asked).toHaveLength(1)
    expect(asked[0]?.get('secret')).toBe(keys.TURNSTILE_SECRET)
    expect(asked[0]?.get('response')).toBe('forged')
    expect(asked[0]?.get('remoteip')).toBe(client)
    expect(await stored(reportId)).toBe(0)
  })

  it('answers 503 with Retry-After and keeps the form when siteverify is out of reach; nothing is stored', async () => {
    const w = await makeWorld()
    const reportId = await publishedReport(w)
    siteverify(async () => {
      throw new TypeError('network connection lost')
    })
    const res = await send(w, { shown: await stamp(reportId), 'cf-turnstile-response': 'token' })
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe('30')
    const html = await res.text()
    expect(html).toContain('We konden nu niet controleren of je een mens bent')
    expect(html).toContain('Mooi verslag!')
    // siteverify answering nonsense, or refusing our own secret, is the same for the visitor.
    vi.restoreAllMocks()
    siteverify(async () => Response.json({ success: false, 'error-codes': ['invalid-input-secret'] }))
    expect((await send(w, { shown: await stamp(reportId), 'cf-turnstile-response': 'token' })).status).toBe(
      503,
    )
    vi.restoreAllMocks()
    siteverify(async () => new Response('<html>gateway</html>', { status: 200 }))
    expect((await send(w, { shown: await stamp(reportId), 'cf-turnstile-response': 'token' })).status).toBe(
      503,
    )
    expect(await stored(reportId)).toBe(0)
  })

  it('takes the comment when siteverify says a person sent it', async () => {
    const w = await makeWorld()
    const reportId = await publishedReport(w)
    siteverify(async () => Response.json({ success: true, 'error-codes': [] }))
    const res = await send(w, { shown: await stamp(reportId), 'cf-turnstile-response': 'a-real-token' })
    expect(res.status).toBe(201)
    expect(await stored(reportId)).toBe(1)
  })

  it('is either set up with both keys or not at all: one key alone is a set-up mistake', () => {
    expect(readConfig({ ...env }).humanCheck).toBeNull()
    expect(readConfig(withCheck).humanCheck).toEqual({
      siteKey: keys.TURNSTILE_SITE_KEY,
      secret: keys.TURNSTILE_SECRET,
    })
    expect(() => readConfig({ ...env, TURNSTILE_SITE_KEY: keys.TURNSTILE_SITE_KEY })).toThrow()
    expect(() => readConfig({ ...env, TURNSTILE_SECRET: keys.TURNSTILE_SECRET })).toThrow()
  })
})

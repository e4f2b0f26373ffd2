import { env, SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import {
  api,
  db,
  form,
  freshClient,
  mailedToken,
  page,
  sessionCookieOf,
  signIn,
} from '../../../test/integration/helpers'
import { resolveSession, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../platform/auth/session'
import { hashToken } from '../../platform/auth/tokens'
import { readConfig } from '../../platform/config'
import { cleanUpAuth, redeemSignInLink, requestSignInLink } from './sign-in'

const count = async (table: string) =>
  (await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())?.n ?? -1

describe('sign-in link', () => {
  it('mails a link, signs in through it once, and stores neither token in plain text', async () => {
    const email = 'anneke@example.nl'
    const ask = await api('/api/auth/sign-in-link', {
      body: { email },
      headers: { 'cf-connecting-ip': freshClient() },
    })
    expect(ask.status).toBe(202)
    const token = await mailedToken(email)
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)

    const opened = await page(`/sign-in/verify?token=${token}`)
    expect(opened.status).toBe(200)
    expect(opened.headers.get('referrer-policy')).toBe('no-referrer')
    // Opening the link does not spend it (mail scanners follow links); the button does.
    const res = await form('/sign-in/verify', { token })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/teams')
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-rondgang_session='))!
    expect(setCookie).toMatch(/; Path=\//)
    expect(setCookie).toMatch(/; HttpOnly/)
    expect(setCookie).toMatch(/; Secure/)
    expect(setCookie).toMatch(/; SameSite=Lax/)
    expect(setCookie).not.toMatch(/Domain=/)
    const cookie = sessionCookieOf(res)!
    const me = await api('/api/me', { cookie })
    expect(me.status).toBe(200)
    expect(await me.json()).toMatchObject({ person: { email } })

    // Replay: single use.
    const again = await form('/sign-in/verify', { token })
    expect(again.status).toBe(400)
    expect(sessionCookieOf(again)).toBeUndefined()

    // Nothing in the database equals a token: only hashes.
    const sessionId = cookie.split('=')[1]!
    const dump = JSON.stringify([
      (await env.DB.prepare('SELECT * FROM login_tokens').all()).results,
      (await env.DB.prepare('SELECT * FROM sessions').all()).results,
    ])
    expect(dump).not.toContain(token)
    expect(dump).not.toContain(sessionId)
    expect(dump).toContain(await hashToken(token))
  })

  it('answers the same for a known and an unknown address', async () => {
    await signIn('known@example.nl')
    const known = await api('/api/auth/sign-in-link', {
      body: { email: 'known@example.nl' },
      headers: { 'cf-connecting-ip': freshClient() },
    })
    const unknown = await api('/api/auth/sign-in-link', {
      body: { email: 'nobody-yet@example.nl' },
      headers: { 'cf-connecting-ip': freshClient() },
    })
    expect(unknown.status).toBe(known.status)
    expect(await unknown.json()).toEqual(await known.json())
    const pageKnown = await form('/sign-in', { email: 'known@example.nl' })
    const pageUnknown = await form('/sign-in', { email: 'other-unknown@example.nl' })
    expect([pageKnown.status, pageKnown.headers.get('location')]).toEqual([303, '/sign-in/check-mail'])
    expect([pageUnknown.status, pageUnknown.headers.get('location')]).toEqual([303, '/sign-in/check-mail'])
  })

  it('refuses a malformed address with 422 and the field, and saves nothing', async () => {
    const before = await count('login_tokens')
    const mailsBefore = await count('mail_outbox')
    const res = await api('/api/auth/sign-in-link', { body: { email: 'not-an-address' } })
    expect(res.status).toBe(422)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    const body = (await res.json()) as { errors: { field: string; message: string }[]; code: string }
    expect(body.code).toBe('validation_failed')
    expect(body.errors).toEqual([{ field: 'email', message: 'Vul een geldig e-mailadres in.' }])
    // The form shows the same error at the field, with what was typed.
    const formRes = await form('/sign-in', { email: 'not-an-address' })
    expect(formRes.status).toBe(422)
    const html = await formRes.text()
    expect(html).toContain('Vul een geldig e-mailadres in.')
    expect(html).toContain('value="not-an-address"')
    expect(await count('login_tokens')).toBe(before)
    expect(await count('mail_outbox')).toBe(mailsBefore)
  })

  it('rejects an expired link, a wrong token and a malformed one', async () => {
    const config = readConfig(env)
    const sessionsBefore = await count('sessions')
    const issued = new Date('2026-11-29T10:00:00Z')
    await requestSignInLink(db, config, { email: 'late@example.nl', lang: 'nl' }, issued)
    const token = await mailedToken('late@example.nl')
    const meta = { userAgent: 'test', lang: 'nl' as const }
    // 15 minutes is the limit.
    await expect(
      redeemSignInLink(db, token, new Date(issued.getTime() + 15 * 60_000), meta),
    ).rejects.toMatchObject({
      code: 'bad_request',
    })
    const wrong = 'A'.repeat(43)
    expect((await form('/sign-in/verify', { token: wrong })).status).toBe(400)
    const malformed = await form('/sign-in/verify', { token: 'short' })
    expect(malformed.status).toBe(422)
    expect(await count('sessions')).toBe(sessionsBefore)
  })

  it("signs in as the link's owner and ends the session the browser had (no fixation)", async () => {
    const first = await signIn('first@example.nl')
    // Signing in with another person's link in the same browser gives a new session for that person…
    const second = await signIn('second@example.nl', first)
    expect(second).not.toBe(first)
    expect(await (await api('/api/me', { cookie: second })).json()).toMatchObject({
      person: { email: 'second@example.nl' },
    })
    // …and the old session id is worthless.
    expect((await api('/api/me', { cookie: first })).status).toBe(401)
    // A session id planted in the browser beforehand is never adopted.
    const planted = `__Host-rondgang_session=${'x'.repeat(43)}`
    const fresh = await signIn('third@example.nl', planted)
    expect(fresh).not.toBe(planted)
  })

  it('treats a forged cookie as signed out and clears it', async () => {
    const res = await api('/api/me', { cookie: `__Host-rondgang_session=${'Z'.repeat(43)}` })
    expect(res.status).toBe(401)
    expect(res.headers.getSetCookie().join()).toMatch(/__Host-rondgang_session=;/)
    const bad = await api('/api/me', { cookie: '__Host-rondgang_session=<script>' })
    expect(bad.status).toBe(401)
  })

  it('rate-limits per address with 429 and Retry-After, the same for unknown addresses', async () => {
    const email = 'flood@example.nl'
    const tokensBefore = await count('login_tokens')
    const statuses: number[] = []
    let last: Response | undefined
    for (let i = 0; i < 7; i++) {
      last = await api('/api/auth/sign-in-link', {
        body: { email },
        headers: { 'cf-connecting-ip': freshClient() },
      })
      statuses.push(last.status)
    }
    expect(statuses.slice(0, 5)).toEqual([202, 202, 202, 202, 202])
    expect(statuses.slice(5)).toEqual([429, 429])
    expect(last?.headers.get('retry-after')).toBe('60')
    expect(await last?.json()).toMatchObject({ code: 'rate_limited', status: 429 })
    expect(await count('login_tokens')).toBe(tokensBefore + 5)
  })

  it('rate-limits per client across addresses', async () => {
    const client = freshClient()
    const statuses: number[] = []
    for (let i = 0; i < 32; i++) {
      const res = await api('/api/auth/sign-in-link', {
        body: { email: `sweep${i}@example.nl` },
        headers: { 'cf-connecting-ip': client },
      })
      statuses.push(res.status)
    }
    expect(statuses.filter((s) => s === 202)).toHaveLength(30)
    expect(statuses.slice(30)).toEqual([429, 429])
  })
})

describe('sessions', () => {
  it('ends on sign-out, on the server', async () => {
    const cookie = await signIn('leaving@example.nl')
    const out = await form('/sign-out', {}, { cookie })
    expect(out.status).toBe(303)
    expect((await api('/api/me', { cookie })).status).toBe(401)
  })

  it('signs out everywhere', async () => {
    const a = await signIn('everywhere@example.nl')
    const b = await signIn('everywhere@example.nl')
    expect((await api('/api/me', { cookie: b })).status).toBe(200)
    const res = await form('/account/sign-out-everywhere', {}, { cookie: a })
    expect(res.status).toBe(303)
    expect((await api('/api/me', { cookie: a })).status).toBe(401)
    expect((await api('/api/me', { cookie: b })).status).toBe(401)
  })

  it('expires after a week idle and after 30 days in any case (injected clock)', async () => {
    const config = readConfig(env)
    const start = new Date('2026-11-01T09:00:00Z')
    await requestSignInLink(db, config, { email: 'clock@example.nl', lang: 'nl' }, start)
    const token = await mailedToken('clock@example.nl')
    const { sessionId } = await redeemSignInLink(db, token, start, { userAgent: 't', lang: 'nl' })
    const at = (ms: number) => new Date(start.getTime() + ms)
    expect(await resolveSession(db, sessionId, at(SESSION_IDLE_MS - 1))).not.toBeNull()
    expect(await resolveSession(db, sessionId, at(SESSION_IDLE_MS))).toBeNull()
    // Used every few days, it still ends at the absolute limit.
    await env.DB.prepare('UPDATE sessions SET last_seen_at = ?')
      .bind(at(SESSION_ABSOLUTE_MS - 1000).getTime())
      .run()
    expect(await resolveSession(db, sessionId, at(SESSION_ABSOLUTE_MS - 1))).not.toBeNull()
    expect(await resolveSession(db, sessionId, at(SESSION_ABSOLUTE_MS))).toBeNull()
  })
})

describe('CSRF', () => {
  it('refuses a form post without our Origin and changes nothing', async () => {
    const cookie = await signIn('csrf@example.nl')
    const teamsBefore = await count('teams')
    const missing = await form('/teams', { name: 'Sneaky' }, { cookie, origin: null })
    expect(missing.status).toBe(403)
    expect(await missing.text()).toContain('Er ging iets mis')
    const foreign = await form('/teams', { name: 'Sneaky' }, { cookie, origin: 'https://evil.example' })
    expect(foreign.status).toBe(403)
    expect(await count('teams')).toBe(teamsBefore)
    const ok = await form('/teams', { name: 'Echt team' }, { cookie })
    expect(ok.status).toBe(303)
    expect(await count('teams')).toBe(teamsBefore + 1)
  })

  it('refuses a cross-site form post to the API (it takes JSON only), and changes nothing', async () => {
    const cookie = await signIn('api-csrf@example.nl')
    const teamsBefore = await count('teams')
    const res = await SELF.fetch('http://rondgang.test/api/teams', {
      method: 'POST',
      headers: {
        cookie,
        origin: 'https://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'name=Sneaky',
    })
    expect(res.status).toBe(415)
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    expect(await count('teams')).toBe(teamsBefore)
  })

  it('cleans up spent links and ended sessions on schedule', async () => {
    const cookie = await signIn('cleanup@example.nl')
    const far = new Date(Date.now() + SESSION_ABSOLUTE_MS + 1000)
    await cleanUpAuth(db, far)
    expect(await count('sessions')).toBe(0)
    expect(await count('login_tokens')).toBe(0)
    expect((await api('/api/me', { cookie })).status).toBe(401)
  })

  it('gives pages a redirect to sign in, and the API a 401', async () => {
    const res = await page('/teams')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/sign-in?next=%2Fteams')
    const apiRes = await api('/api/teams')
    expect(apiRes.status).toBe(401)
    expect(apiRes.headers.get('content-type')).toContain('application/problem+json')
  })
})

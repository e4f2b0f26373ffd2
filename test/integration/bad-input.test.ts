import { env, SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { readConfig } from '../../workers/platform/config'
import { productionEnv, url } from './helpers'

const count = async (table: string) =>
  (await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())?.n ?? -1

async function expectProblem(res: Response, status: number, code: string) {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8')
  expect(res.headers.get('x-request-id')).toBeTruthy()
  const body = (await res.json()) as Record<string, unknown>
  expect(body).toMatchObject({ status, code, instance: new URL(res.url).pathname })
  // The type is a page of this deployment (PUBLIC_URL), one per code.
  expect(body.type).toBe(`${env.PUBLIC_URL}/problems/${code.replaceAll('_', '-')}`)
  expect(body.requestId).toBe(res.headers.get('x-request-id'))
  return body
}

const post = (path: string, body: BodyInit, contentType?: string) =>
  SELF.fetch(url(path), {
    method: 'POST',
    headers: contentType ? { 'content-type': contentType } : {},
    body,
  })

describe('bad input to the API answers 4xx problem+json and writes nothing', () => {
  it('malformed JSON → 400', async () => {
    const before = await count('login_tokens')
    await expectProblem(
      await post('/api/auth/sign-in-link', '{"email": ', 'application/json'),
      400,
      'malformed_json',
    )
    expect(await count('login_tokens')).toBe(before)
  })

  it('a wrong content type → 415', async () => {
    await expectProblem(
      await post('/api/auth/sign-in-link', 'email=a@b.nl', 'application/x-www-form-urlencoded'),
      415,
      'unsupported_media_type',
    )
    await expectProblem(
      await post('/api/auth/sign-in-link', '{"email":"a@b.nl"}', 'text/plain'),
      415,
      'unsupported_media_type',
    )
  })

  it('JSON of the wrong shape → 422 per field', async () => {
    const body = await expectProblem(
      await post('/api/auth/sign-in-link', '[1,2]', 'application/json'),
      422,
      'validation_failed',
    )
    expect(body.errors).toBeInstanceOf(Array)
    const extra = await expectProblem(
      await post(
        '/api/auth/sign-in-link',
        JSON.stringify({ email: 42, next: 'https://evil.example/' }),
        'application/json',
      ),
      422,
      'validation_failed',
    )
    expect((extra.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['email', 'next'])
  })

  it('an oversized body → 413, before it is read', async () => {
    const big = JSON.stringify({ email: 'a@b.nl', pad: 'x'.repeat(300 * 1024) })
    await expectProblem(
      await post('/api/auth/sign-in-link', big, 'application/json'),
      413,
      'payload_too_large',
    )
  })

  it('an unknown route → 404 and an unsupported method → 405 with Allow', async () => {
    await expectProblem(await SELF.fetch(url('/api/nothing-here')), 404, 'not_found')
    const res = await SELF.fetch(url('/api/auth/sign-in-link'), { method: 'GET' })
    await expectProblem(res, 405, 'method_not_allowed')
    expect(res.headers.get('allow')).toBe('POST')
  })
})

describe('bad input to pages answers a friendly page', () => {
  it('unknown page → 404 in Dutch with a way back', async () => {
    const res = await SELF.fetch(url('/bestaat/niet'))
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toContain('text/html')
    const html = await res.text()
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(html).toContain('Deze pagina bestaat niet (meer)')
    expect(html).toContain('href="/"')
  })

  it('an unsupported method on a page → 405 page', async () => {
    const res = await SELF.fetch(url('/healthz'), {
      method: 'DELETE',
      headers: { origin: 'http://rondgang.test' },
    })
    expect(res.status).toBe(405)
    expect(await res.text()).toContain('Deze actie is hier niet mogelijk.')
  })

  it('an oversized form → 413 page, nothing saved', async () => {
    const res = await SELF.fetch(url('/sign-in'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://rondgang.test' },
      body: `email=${'a'.repeat(300 * 1024)}`,
    })
    expect(res.status).toBe(413)
    expect(await res.text()).toContain('Wat je stuurde is te groot.')
  })
})

describe('configuration', () => {
  it('development needs no secrets; production refuses to serve without them', () => {
    expect(readConfig(env).mail.transport).toBe('outbox')
    const production = { ...env, ENVIRONMENT: 'production' as const, MAIL_API_KEY: undefined }
    expect(() => readConfig(production)).toThrowError(expect.objectContaining({ code: 'not_configured' }))
    const complete = productionEnv()
    expect(() => readConfig({ ...complete, APP_SECRET: 'short' })).toThrowError(
      expect.objectContaining({ code: 'not_configured' }),
    )
    expect(readConfig(complete)).toMatchObject({ isProduction: true, mail: { transport: 'http' } })
  })
})

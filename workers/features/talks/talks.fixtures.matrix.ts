/**
 * What the talk suites share: an open call for the world's visit, a talk submitted through the API with its
 * private link, and small looks into D1, R2 and the outbox. Named `*.matrix.ts` because that is the suffix the
 * Worker's tsconfig and the suite list leave to the tests; it holds no suite of its own.
 */
import { env, SELF } from 'cloudflare:test'
import { eq } from 'drizzle-orm'
import { expect } from 'vitest'
import { calls, talkSpeakers, talks } from '../../../shared/db/schema'
import { api, db, freshClient, mailedToken, ORIGIN, url } from '../../../test/integration/helpers'
import type { World } from '../../../test/integration/world'
import { hashToken } from '../../platform/auth/tokens'

export type Json = Record<string, unknown>

/** Opens a call for the world's visit (12 June 2027, Amsterdam), with one required choice question. */
export async function openCall(w: World, patch: Partial<typeof calls.$inferInsert> = {}) {
  await db.insert(calls).values({
    visitId: w.visitA,
    open: true,
    deadline: new Date(Date.now() + 86_400_000),
    intro: 'Vertel over je buurt.',
    durations: '[5,10,15]',
    languages: '["nl","en"]',
    questions: JSON.stringify([
      { id: 'q1', kind: 'choice', label: 'Werkgroep', options: ['Groen', 'Verkeer'], required: true },
    ]),
    ...patch,
  })
}

export const emailOf = (w: World, name: string) => `${name}-${w.teamA.slice(0, 8)}@example.nl`

export const submission = (w: World, name = 'marja', extra: Json = {}): Json => ({
  name: 'Marja de Vries',
  email: emailOf(w, name),
  bio: 'Marja woont al dertig jaar in de wijk.',
  organisation: 'Werkgroep Groen',
  title: 'Het nieuwe speelveld',
  abstract: 'Hoe de buurt zelf een speelveld aanlegde.',
  durationMinutes: 10,
  language: 'nl',
  availability: [{ date: '2027-06-12', start: '14:00', end: '17:00' }],
  needs: ['microphone'],
  consent: true,
  answers: { q1: 'Groen' },
  ...extra,
})

export async function submit(w: World, body: Json) {
  return api(`/api/public/visits/${w.slugA}/talks`, { body, headers: { 'cf-connecting-ip': freshClient() } })
}

/** Submits a talk through the API and returns its id and the private link's token from the mail. */
export async function submitted(w: World, name = 'marja', extra: Json = {}) {
  const body = submission(w, name, extra)
  const res = await submit(w, body)
  expect(res.status, await res.clone().text()).toBe(202)
  const token = await mailedToken(String(body.email), '/t')
  const [link] = await db
    .select()
    .from(talkSpeakers)
    .where(eq(talkSpeakers.tokenHash, await hashToken(token)))
  return { token, talkId: link!.talkId, speakerId: link!.speakerId, email: String(body.email) }
}

export const count = async (table: string, visitId: string) =>
  (
    await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE visit_id = ?`)
      .bind(visitId)
      .first<{ n: number }>()
  )?.n ?? -1
export const mailsTo = async (to: string) =>
  (
    await env.DB.prepare('SELECT count(*) AS n FROM mail_outbox WHERE "to" = ?')
      .bind(to)
      .first<{ n: number }>()
  )?.n ?? -1
export const stored = async (prefix: string) => (await env.PHOTOS.list({ prefix })).objects.length
export const stateOf = async (talkId: string) =>
  (await db.select({ state: talks.state }).from(talks).where(eq(talks.id, talkId)))[0]?.state

/** What the API answered: status and body. */
export async function problem(res: Response) {
  return {
    status: res.status,
    body: (await res.json()) as { code: string; errors?: { field: string; message: string }[] },
  }
}

export const pdf = (size = 2048) => {
  const bytes = new Uint8Array(size)
  bytes.set(new TextEncoder().encode('%PDF-1.7\n'))
  return bytes
}

/** A raw upload through the private link, as a script would send it. */
export const upload = (token: string, body: BodyInit, headers: Record<string, string> = {}, query = '') =>
  SELF.fetch(url(`/t/${token}/files${query}`), {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/pdf', origin: ORIGIN, ...headers },
    body,
    redirect: 'manual',
  })

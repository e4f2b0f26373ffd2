import { env, SELF } from 'cloudflare:test'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import {
  calls,
  programmeItems,
  releases,
  shareLinks,
  speakers,
  talkFiles,
  talkSlots,
  talkSpeakers,
  talks,
} from '../../../shared/db/schema'
import type { ReleaseSnapshot } from '../../../shared/domain/release-snapshot'
import {
  api,
  db,
  form,
  freshClient,
  latestMailTo,
  mailedToken,
  ORIGIN,
  page,
  url,
} from '../../../test/integration/helpers'
import { makeWorld, type World } from '../../../test/integration/world'
import { hashToken, randomToken } from '../../platform/auth/tokens'

type Json = Record<string, unknown>

/** Opens a call for the world's visit (12 June 2027, Amsterdam), with one required choice question. */
async function openCall(w: World, patch: Partial<typeof calls.$inferInsert> = {}) {
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

const emailOf = (w: World, name: string) => `${name}-${w.teamA.slice(0, 8)}@example.nl`

const submission = (w: World, name = 'marja', extra: Json = {}): Json => ({
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

async function submit(w: World, body: Json) {
  return api(`/api/public/visits/${w.slugA}/talks`, { body, headers: { 'cf-connecting-ip': freshClient() } })
}

/** Submits a talk through the API and returns its id and the private link's token from the mail. */
async function submitted(w: World, name = 'marja', extra: Json = {}) {
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

const count = async (table: string, visitId: string) =>
  (
    await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE visit_id = ?`)
      .bind(visitId)
      .first<{ n: number }>()
  )?.n ?? -1
const mailsTo = async (to: string) =>
  (
    await env.DB.prepare('SELECT count(*) AS n FROM mail_outbox WHERE "to" = ?')
      .bind(to)
      .first<{ n: number }>()
  )?.n ?? -1
const stored = async (prefix: string) => (await env.PHOTOS.list({ prefix })).objects.length
const stateOf = async (talkId: string) =>
  (await db.select({ state: talks.state }).from(talks).where(eq(talks.id, talkId)))[0]?.state

/** What the API answered: status and body. */
async function problem(res: Response) {
  return {
    status: res.status,
    body: (await res.json()) as { code: string; errors?: { field: string; message: string }[] },
  }
}

const pdf = (size = 2048) => {
  const bytes = new Uint8Array(size)
  bytes.set(new TextEncoder().encode('%PDF-1.7\n'))
  return bytes
}

/** A raw upload through the private link, as a script would send it. */
const upload = (token: string, body: BodyInit, headers: Record<string, string> = {}, query = '') =>
  SELF.fetch(url(`/t/${token}/files${query}`), {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/pdf', origin: ORIGIN, ...headers },
    body,
    redirect: 'manual',
  })

describe('submitting a talk', () => {
  it('stores the talk, the speaker and a hashed private link, and mails that link', async () => {
    const w = await makeWorld()
    await openCall(w)
    const { token, talkId, speakerId, email } = await submitted(w)
    const [talk] = await db.select().from(talks).where(eq(talks.id, talkId))
    expect(talk).toMatchObject({ state: 'submitted', title: 'Het nieuwe speelveld', durationMinutes: 10 })
    expect(JSON.parse(talk!.answers)).toEqual({ q1: 'Groen' })
    const [speaker] = await db.select().from(speakers).where(eq(speakers.id, speakerId))
    expect(speaker).toMatchObject({ email, consent: true, organisation: 'Werkgroep Groen' })
    // 14:00–17:00 in Amsterdam summer time is 12:00–15:00 UTC.
    expect(JSON.parse(speaker!.availability)).toEqual([
      { start: Date.UTC(2027, 5, 12, 12), end: Date.UTC(2027, 5, 12, 15) },
    ])
    // The token itself is nowhere in the database: only its SHA-256.
    const rows = await db.select().from(talkSpeakers).where(eq(talkSpeakers.talkId, talkId))
    expect(rows).toHaveLength(1)
    expect(rows[0]!.tokenHash).toBe(await hashToken(token))
    expect(rows[0]!.tokenHash).not.toContain(token)
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const mail = await latestMailTo(email)
    expect(mail?.kind).toBe('talk_received')
    expect(mail?.text).toContain('Het nieuwe speelveld')
    const audit = await env.DB.prepare(
      "SELECT action FROM audit_log WHERE entity_id = ? AND action = 'talk.submitted'",
    )
      .bind(talkId)
      .first()
    expect(audit).not.toBeNull()
  })

  it('works through the form, which ignores its spare empty rows', async () => {
    const w = await makeWorld()
    await openCall(w)
    const email = emailOf(w, 'form')
    const res = await form(`/v/${w.slugA}/talks/new`, {
      name: 'Joost',
      email,
      title: 'Verkeer in de Vreewijk',
      abstract: 'Over de drempels.',
      durationMinutes: '5',
      language: 'nl',
      'answers.q1': 'Verkeer',
      'availability.0.date': '2027-06-12',
      'availability.0.start': '',
      'availability.0.end': '',
      'availability.1.date': '2027-06-12',
      'availability.1.start': '10:00',
      'availability.1.end': '12:00',
      'coSpeakers.0.name': '',
      'coSpeakers.0.email': '',
      needs: '',
      consent: 'yes',
    })
    expect(res.status, await res.clone().text()).toBe(303)
    expect(res.headers.get('location')).toBe(`/v/${w.slugA}/talks/new?sent=1`)
    expect(await (await page(res.headers.get('location')!)).text()).toContain('Kijk in je mail')
    expect((await latestMailTo(email))?.kind).toBe('talk_received')
    expect(await count('talks', w.visitA)).toBe(1)
  })

  it('refuses every kind of bad input with a reason, and saves nothing', async () => {
    const w = await makeWorld()
    await openCall(w)
    const cases: [string, Json, string][] = [
      ['missing consent', { consent: false }, 'consent'],
      ['a duration the call does not allow', { durationMinutes: 20 }, 'durationMinutes'],
      ['a language the call does not offer', { language: 'en' }, 'answers.q1'],
      [
        'availability outside the visit',
        { availability: [{ date: '2027-06-13', start: '10:00', end: '11:00' }] },
        'availability.0',
      ],
      [
        'availability ending before it starts',
        { availability: [{ date: '2027-06-12', start: '15:00', end: '14:00' }] },
        'availability.0.end',
      ],
      ['an unknown choice', { answers: { q1: 'Iets anders' } }, 'answers.q1'],
      ['a required question left empty', { answers: {} }, 'answers.q1'],
      ['no title', { title: ' ' }, 'title'],
      ['the speaker twice', { coSpeakers: [{ name: 'Ik', email: emailOf(w, 'bad') }] }, 'coSpeakers.0.email'],
    ]
    for (const [what, patch, field] of cases) {
      const body = { ...submission(w, 'bad'), ...patch }
      if (what.includes('language')) (body as Json).answers = {}
      const { status, body: p } = await problem(await submit(w, body))
      expect(status, what).toBe(422)
      expect(
        p.errors?.map((e) => e.field),
        what,
      ).toContain(field)
    }
    expect(await count('talks', w.visitA)).toBe(0)
    expect(await count('speakers', w.visitA)).toBe(0)
    expect(await mailsTo(emailOf(w, 'bad'))).toBe(0)
  })

  it('refuses a closed call and one past its deadline, on the form and in the API', async () => {
    const w = await makeWorld()
    await openCall(w, { deadline: new Date(Date.now() - 60_000) })
    const late = await problem(await submit(w, submission(w, 'late')))
    expect(late.status).toBe(422)
    expect(late.body.errors).toEqual([{ field: 'call', message: expect.stringContaining('termijn') }])
    const pageRes = await form(`/v/${w.slugA}/talks/new`, {
      name: 'Laat',
      email: emailOf(w, 'late'),
      consent: 'yes',
    })
    expect(pageRes.status).toBe(422)
    expect(await pageRes.text()).toContain('De termijn om een voordracht aan te melden is voorbij')
    expect(await (await page(`/v/${w.slugA}/talks/new`)).text()).toContain('Aanmelden kan niet (meer)')

    await db.update(calls).set({ open: false, deadline: null }).where(eq(calls.visitId, w.visitA))
    const closed = await problem(await submit(w, submission(w, 'closed')))
    expect(closed.status).toBe(422)
    expect(closed.body.errors?.[0]?.message).toContain('gesloten')
    expect(await count('talks', w.visitA)).toBe(0)
    expect(await count('speakers', w.visitA)).toBe(0)
  })

  it('shows form errors at the fields, with what was typed', async () => {
    const w = await makeWorld()
    await openCall(w)
    const res = await form(`/v/${w.slugA}/talks/new`, {
      name: 'Marja',
      email: emailOf(w, 'typed'),
      title: 'Mijn titel',
      abstract: 'Iets',
      durationMinutes: '10',
      language: 'nl',
      'answers.q1': 'Groen',
      'availability.0.date': '2027-06-12',
      'availability.0.start': '',
      'availability.0.end': '',
      'availability.2.date': '2027-06-12',
      'availability.2.start': '18:00',
      'availability.2.end': '17:00',
      consent: 'no',
    })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('Geef toestemming om je naam')
    expect(html).toContain('Het einde moet na het begin liggen.')
    expect(html).toContain('value="Mijn titel"')
    expect(await count('talks', w.visitA)).toBe(0)
  })

  it('is a 404 for a visit without a call', async () => {
    const w = await makeWorld()
    expect((await page(`/v/${w.slugA}/talks/new`)).status).toBe(404)
    expect((await submit(w, submission(w))).status).toBe(404)
  })
})

describe('the call of an unlisted visit', () => {
  it('opens only with a live share link, which the form and the resend page keep', async () => {
    const w = await makeWorld()
    await openCall(w)
    await env.DB.prepare('UPDATE visits SET listed = 0 WHERE id = ?').bind(w.visitA).run()
    const k = randomToken()
    await db.insert(shareLinks).values({ visitId: w.visitA, tokenHash: await hashToken(k) })
    const slug = w.slugA
    // Without the link (or with a wrong one) the call does not exist, as the visit's pages.
    expect((await page(`/v/${slug}/talks/new`)).status).toBe(404)
    expect((await page(`/v/${slug}/talks/new?k=${randomToken()}`)).status).toBe(404)
    expect((await page(`/v/${slug}/talks/resend`)).status).toBe(404)
    expect((await submit(w, submission(w))).status).toBe(404)
    expect(await count('talks', w.visitA)).toBe(0)

    const formPage = await page(`/v/${slug}/talks/new?k=${k}`)
    expect(formPage.status).toBe(200)
    const html = await formPage.text()
    expect(html).toContain(`action="/v/${slug}/talks/new?k=${k}"`)
    expect(html).toContain(`href="/v/${slug}/talks/resend?k=${k}"`)
    const viaApi = await api(`/api/public/visits/${slug}/talks?k=${k}`, {
      body: submission(w),
      headers: { 'cf-connecting-ip': freshClient() },
    })
    expect(viaApi.status, await viaApi.clone().text()).toBe(202)
    expect(await count('talks', w.visitA)).toBe(1)
    const resend = await form(`/v/${slug}/talks/resend?k=${k}`, { email: emailOf(w, 'marja') })
    expect(resend.headers.get('location')).toBe(`/v/${slug}/talks/resend?sent=1&k=${k}`)
    // The team is told the form needs a share link.
    const callPage = await (await page(`/visits/${w.visitA}/call`, w.person.organiser.cookie)).text()
    expect(callPage).toContain('het formulier opent alleen met een deellink')
  })
})

describe('the speaker’s private link', () => {
  it('shows the talk and lets the speaker edit it while not yet accepted', async () => {
    const w = await makeWorld()
    await openCall(w)
    const { token, talkId } = await submitted(w)
    const view = await page(`/t/${token}`)
    expect(view.status).toBe(200)
    expect(view.headers.get('referrer-policy')).toBe('no-referrer')
    expect(view.headers.get('cache-control')).toContain('no-store')
    expect(await view.text()).toContain('Het nieuwe speelveld')
    const res = await form(`/t/${token}`, {
      version: '1',
      title: 'Het speelveld, een jaar later',
      abstract: 'Wat we leerden.',
      durationMinutes: '15',
      language: 'nl',
      'answers.q1': 'Verkeer',
    })
    expect(res.status, await res.clone().text()).toBe(303)
    const [talk] = await db.select().from(talks).where(eq(talks.id, talkId))
    expect(talk).toMatchObject({ title: 'Het speelveld, een jaar later', durationMinutes: 15, version: 2 })
    // A form based on the old version is refused, and nothing changes.
    const stale = await form(`/t/${token}`, {
      version: '1',
      title: 'Oud',
      abstract: 'x',
      durationMinutes: '5',
      language: 'nl',
      'answers.q1': 'Groen',
    })
    expect(stale.status).toBe(409)
    expect((await db.select().from(talks).where(eq(talks.id, talkId)))[0]?.title).toBe(
      'Het speelveld, een jaar later',
    )
    // Availability outside the visit day is refused at its row.
    const outside = await form(`/t/${token}/availability`, {
      'availability.0.date': '2027-06-13',
      'availability.0.start': '10:00',
      'availability.0.end': '11:00',
    })
    expect(outside.status).toBe(422)
    expect(await outside.text()).toContain('Dit tijdvak valt buiten de dagen van het bezoek.')
  })

  it('opens its own talk only: another talk’s files and speakers are out of reach', async () => {
    const w = await makeWorld()
    await openCall(w)
    const a = await submitted(w, 'anna')
    const b = await submitted(w, 'bert', { coSpeakers: [{ name: 'Cor', email: emailOf(w, 'cor') }] })
    const up = await upload(b.token, pdf())
    expect(up.status, await up.clone().text()).toBe(201)
    const { id: fileOfB } = (await up.json()) as { id: string }
    expect((await page(`/t/${b.token}/files/${fileOfB}`)).status).toBe(200)
    expect((await page(`/t/${a.token}/files/${fileOfB}`)).status).toBe(404)
    expect((await form(`/t/${a.token}/files/${fileOfB}/remove`, {})).status).toBe(404)
    const [cor] = await db
      .select()
      .from(speakers)
      .where(eq(speakers.email, emailOf(w, 'cor')))
    expect((await form(`/t/${a.token}/co-speakers/${cor!.id}/remove`, {})).status).toBe(404)
    expect(await db.select().from(talkSpeakers).where(eq(talkSpeakers.speakerId, cor!.id))).toHaveLength(1)
    // A made-up or malformed token opens nothing.
    expect((await page(`/t/${'A'.repeat(43)}`)).status).toBe(404)
    expect((await page('/t/short')).status).toBe(404)
    expect(await (await page(`/t/${a.token}`)).text()).not.toContain(b.email)
  })

  it('can no longer edit once the talk is withdrawn', async () => {
    const w = await makeWorld()
    await openCall(w)
    const { token, talkId } = await submitted(w)
    expect((await form(`/t/${token}/withdraw`, {})).status).toBe(303)
    expect(await stateOf(talkId)).toBe('withdrawn')
    const edit = await form(`/t/${token}`, {
      version: '2',
      title: 'Toch',
      abstract: 'x',
      durationMinutes: '5',
      language: 'nl',
      'answers.q1': 'Groen',
    })
    expect(edit.status).toBe(409)
    expect((await form(`/t/${token}/profile`, { name: 'Ander', consent: 'yes' })).status).toBe(409)
    expect(
      (
        await form(`/t/${token}/availability`, {
          'availability.0.date': '2027-06-12',
          'availability.0.start': '09:00',
          'availability.0.end': '10:00',
        })
      ).status,
    ).toBe(409)
    const up = await upload(token, pdf())
    expect(up.status).toBe(409)
    expect(await stored(`talks/${talkId}/`)).toBe(0)
    expect((await db.select().from(talks).where(eq(talks.id, talkId)))[0]?.title).toBe('Het nieuwe speelveld')
    // The page still opens, read-only.
    const view = await (await page(`/t/${token}`)).text()
    expect(view).toContain('Je voordracht is ingetrokken')
    expect(view).not.toContain(`action="/t/${token}/profile"`)
    const log = await env.DB.prepare(
      "SELECT summary FROM audit_log WHERE entity_id = ? AND action = 'talk.withdrawn'",
    )
      .bind(talkId)
      .first<{ summary: string }>()
    expect(JSON.parse(log!.summary)).toEqual({
      before: { state: 'submitted' },
      after: { state: 'withdrawn', by: 'speaker' },
    })
  })
})

describe('slides and handouts', () => {
  it('streams a PDF into R2 under a key of ours, and keeps a replaced version', async () => {
    const w = await makeWorld()
    await openCall(w)
    const { token, talkId } = await submitted(w)
    const first = await upload(token, pdf(4096), {}, '?filename=..%2F..%2Fslides.pdf')
    expect(first.status).toBe(201)
    const one = (await first.json()) as { id: string; filename: string; sizeBytes: number }
    expect(one).toMatchObject({ filename: 'slides.pdf', sizeBytes: 4096 })
    const [row] = await db.select().from(talkFiles).where(eq(talkFiles.id, one.id))
    expect(row!.r2Key).toBe(`talks/${talkId}/${one.id}.pdf`)
    const object = await env.PHOTOS.get(row!.r2Key)
    expect(object?.size).toBe(4096)
    expect(object?.httpMetadata?.contentType).toBe('application/pdf')
    await object?.body.cancel()
    const second = await upload(token, pdf(3000), {}, `?replaces=${one.id}`)
    expect(second.status).toBe(201)
    const files = await db.select().from(talkFiles).where(eq(talkFiles.talkId, talkId))
    expect(files.map((f) => f.current).sort()).toEqual([false, true])
    expect(await stored(`talks/${talkId}/`)).toBe(2)
    // The page's form posts the file as multipart; it lands the same way, and the speaker is sent back.
    const body = new FormData()
    body.set('file', new File([pdf(1500)], 'hand-out.pdf', { type: 'application/pdf' }))
    const viaForm = await SELF.fetch(url(`/t/${token}/files`), {
      method: 'POST',
      headers: { origin: ORIGIN },
      body,
      redirect: 'manual',
    })
    expect(viaForm.status).toBe(303)
    expect(viaForm.headers.get('location')).toBe(`/t/${token}?done=uploaded#files`)
    expect(await stored(`talks/${talkId}/`)).toBe(3)
    expect(await (await page(`/t/${token}`)).text()).toContain('hand-out.pdf')
    const download = await page(`/t/${token}/files/${one.id}`)
    expect(download.headers.get('content-disposition')).toContain('attachment')
    expect((await download.arrayBuffer()).byteLength).toBe(4096)
  })

  it('refuses an executable renamed .pdf (415), too large (413) and unknown length (411); nothing is stored', async () => {
    const w = await makeWorld()
    await openCall(w)
    const { token, talkId } = await submitted(w)
    const exe = new Uint8Array(4096)
    exe.set([0x4d, 0x5a, 0x90, 0x00])
    const fake = await upload(token, exe, {}, '?filename=slides.pdf')
    expect(fake.status).toBe(415)
    expect(((await fake.json()) as { code: string }).code).toBe('unsupported_media_type')
    const big = await upload(token, pdf(20 * 1024 * 1024 + 1))
    expect(big.status).toBe(413)
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(pdf(1024))
        controller.close()
      },
    })
    const chunked = await upload(token, stream)
    expect(chunked.status).toBe(411)
    // Through the page's form (multipart) the speaker sees why, on their page.
    const body = new FormData()
    body.set('file', new File([exe], 'slides.pdf', { type: 'application/pdf' }))
    const formUpload = await SELF.fetch(url(`/t/${token}/files`), {
      method: 'POST',
      headers: { origin: ORIGIN },
      body,
      redirect: 'manual',
    })
    expect(formUpload.status).toBe(415)
    expect(await formUpload.text()).toContain('Dit bestand is geen PDF. Er is niets opgeslagen.')
    expect(await stored(`talks/${talkId}/`)).toBe(0)
    expect(await db.select().from(talkFiles).where(eq(talkFiles.talkId, talkId))).toEqual([])
  })

  it('takes a portrait by its content, and refuses anything else', async () => {
    const w = await makeWorld()
    await openCall(w)
    const { token, speakerId } = await submitted(w)
    const png = new Uint8Array(512)
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    expect((await upload(token, png, { 'content-type': 'image/png' }, '?kind=photo')).status).toBe(204)
    const [speaker] = await db.select().from(speakers).where(eq(speakers.id, speakerId))
    expect(speaker!.photoKey).toMatch(new RegExp(`^speakers/${speakerId}/`))
    expect((await page(`/t/${token}/photo`)).headers.get('content-type')).toBe('image/png')
    expect((await upload(token, pdf(), { 'content-type': 'image/png' }, '?kind=photo')).status).toBe(415)
    expect(await stored(`speakers/${speakerId}/`)).toBe(1)
  })
})

describe('the team decides', () => {
  it('accepts in bulk after a preview, mails a new link, and logs every change', async () => {
    const w = await makeWorld()
    await openCall(w)
    const a = await submitted(w, 'anna')
    const b = await submitted(w, 'bert')
    const cookie = w.person.organiser.cookie
    // The page shows the mail first; nothing has changed yet.
    const preview = await form(
      `/visits/${w.visitA}/talks/bulk`,
      { talkIds: a.talkId, state: 'accepted', notify: 'yes' },
      { cookie },
    )
    expect(preview.status).toBe(200)
    const html = await preview.text()
    expect(html).toContain('Je voordracht is geaccepteerd: Het nieuwe speelveld')
    expect(await stateOf(a.talkId)).toBe('submitted')
    const res = await api(`/api/visits/${w.visitA}/talks/bulk`, {
      cookie,
      body: { talkIds: [a.talkId, b.talkId], state: 'accepted', notify: true },
    })
    expect(await res.json()).toEqual({ changed: expect.arrayContaining([a.talkId, b.talkId]), skipped: [] })
    const mail = await latestMailTo(a.email)
    expect(mail?.kind).toBe('talk_accepted')
    expect(mail?.text).toContain('Beste Marja de Vries,')
    // The mail carries a new link; the one from the first mail no longer works.
    const newToken = await mailedToken(a.email, '/t')
    expect(newToken).not.toBe(a.token)
    expect((await page(`/t/${a.token}`)).status).toBe(404)
    expect((await page(`/t/${newToken}`)).status).toBe(200)
    // A move that is not possible from the state is skipped, not forced.
    const again = await api(`/api/visits/${w.visitA}/talks/bulk`, {
      cookie,
      body: { talkIds: [a.talkId], state: 'waitlisted', notify: false },
    })
    expect(await again.json()).toEqual({ changed: [a.talkId], skipped: [] })
    const log = await env.DB.prepare(
      "SELECT action FROM audit_log WHERE entity_id = ? AND action LIKE 'talk.%' ORDER BY created_at, rowid",
    )
      .bind(a.talkId)
      .all<{ action: string }>()
    expect(log.results.map((r) => r.action)).toEqual(['talk.submitted', 'talk.accepted', 'talk.waitlisted'])
    const viewer = await api(`/api/visits/${w.visitA}/talks/bulk`, {
      cookie: w.person.viewer.cookie,
      body: { talkIds: [b.talkId], state: 'rejected' },
    })
    expect(viewer.status).toBe(403)
  })

  it("tells the speaker when the team cancels their accepted talk, in the team's own words if set", async () => {
    const w = await makeWorld()
    await openCall(w)
    const { talkId, email } = await submitted(w)
    const cookie = w.person.organiser.cookie
    expect((await api(`/api/talks/${talkId}/state`, { cookie, body: { state: 'accepted' } })).status).toBe(
      204,
    )
    const res = await api(`/api/talks/${talkId}/state`, { cookie, body: { state: 'cancelled' } })
    expect(res.status).toBe(204)
    expect(await stateOf(talkId)).toBe('cancelled')
    const mail = await latestMailTo(email)
    expect(mail?.kind).toBe('talk_cancelled')
    expect(mail?.subject).toBe('Je voordracht gaat niet door: Het nieuwe speelveld')
    // Its link shows the talk as it ended; it changes nothing any more.
    const token = await mailedToken(email, '/t')
    expect((await page(`/t/${token}`)).status).toBe(200)
  })

  it('lets the speaker confirm after acceptance; confirmed talks appear on the public schedule after a release', async () => {
    const w = await makeWorld()
    await openCall(w)
    const { talkId, email, speakerId } = await submitted(w)
    const cookie = w.person.organiser.cookie
    expect((await api(`/api/talks/${talkId}/state`, { cookie, body: { state: 'accepted' } })).status).toBe(
      204,
    )
    const token = await mailedToken(email, '/t')
    expect(await (await page(`/t/${token}`)).text()).toContain('Ja, ik kom')
    expect((await form(`/t/${token}/confirm`, {})).status).toBe(303)
    expect(await stateOf(talkId)).toBe('confirmed')
    // Placed in the programme item of 13:00–13:15 (Amsterdam 15:00–15:15, within 14:00–17:00).
    expect(
      (await api(`/api/talks/${talkId}/placement`, { cookie, method: 'PUT', body: { itemId: w.itemA1 } }))
        .status,
    ).toBe(204)
    const published = await form(`/visits/${w.visitA}/releases`, {}, { cookie })
    expect(published.status, await published.clone().text()).toBe(303)
    const release = (await db.select().from(releases).where(eq(releases.visitId, w.visitA))).sort(
      (x, y) => y.number - x.number,
    )[0]
    expect(release?.number).toBe(2)
    const snapshot = JSON.parse(release!.snapshot) as ReleaseSnapshot
    expect(snapshot.items.find((i) => i.id === w.itemA1)?.speakers).toEqual([
      { id: speakerId, name: 'Marja de Vries' },
    ])
    expect(await (await page(`/v/${w.slugA}`)).text()).toContain('Marja de Vries')
    const list = await (await page(`/v/${w.slugA}/speakers`)).text()
    expect(list).toContain('Marja de Vries')
    const one = await page(`/v/${w.slugA}/speakers/${speakerId}`)
    expect(one.status).toBe(200)
    expect(await one.text()).toContain('Marja woont al dertig jaar in de wijk.')
    // Taking back consent hides the speaker at once, without a new release.
    expect((await form(`/t/${token}/profile`, { name: 'Marja de Vries', consent: 'no' })).status).toBe(303)
    expect(await (await page(`/v/${w.slugA}/speakers`)).text()).not.toContain('Marja de Vries')
    expect((await page(`/v/${w.slugA}/speakers/${speakerId}`)).status).toBe(404)
  })

  it('keeps unconfirmed or unconsenting speakers off the public pages and out of releases', async () => {
    const w = await makeWorld()
    await openCall(w)
    const { talkId, speakerId } = await submitted(w)
    const cookie = w.person.organiser.cookie
    await api(`/api/talks/${talkId}/state`, { cookie, body: { state: 'accepted', notify: false } })
    await api(`/api/talks/${talkId}/placement`, { cookie, method: 'PUT', body: { itemId: w.itemA1 } })
    await form(`/visits/${w.visitA}/releases`, {}, { cookie })
    const release = (await db.select().from(releases).where(eq(releases.visitId, w.visitA))).sort(
      (x, y) => y.number - x.number,
    )[0]
    expect(
      (JSON.parse(release!.snapshot) as ReleaseSnapshot).items.find((i) => i.id === w.itemA1)?.speakers,
    ).toEqual([])
    expect((await page(`/v/${w.slugA}/speakers/${speakerId}`)).status).toBe(404)
  })

  it('feeds placed talks into the clash check: outside availability (all speakers) and double-booked', async () => {
    const w = await makeWorld()
    await openCall(w)
    const cookie = w.person.organiser.cookie
    // Available 09:00–10:00 only; the item is 15:00–15:15 local.
    const a = await submitted(w, 'anna', {
      availability: [{ date: '2027-06-12', start: '09:00', end: '10:00' }],
    })
    const b = await submitted(w, 'anna', { title: 'Tweede praatje' })
    for (const id of [a.talkId, b.talkId]) {
      await api(`/api/talks/${id}/state`, { cookie, body: { state: 'accepted', notify: false } })
    }
    const [other] = await db
      .insert(programmeItems)
      .values({
        visitId: w.visitA,
        kind: 'talk',
        title: 'Tegelijk',
        startsAt: new Date('2027-06-12T13:05:00Z'),
        endsAt: new Date('2027-06-12T13:20:00Z'),
      })
      .returning()
    await api(`/api/talks/${a.talkId}/placement`, { cookie, method: 'PUT', body: { itemId: w.itemA1 } })
    await api(`/api/talks/${b.talkId}/placement`, { cookie, method: 'PUT', body: { itemId: other!.id } })
    const { clashes } = (await (await api(`/api/visits/${w.visitA}/clashes`, { cookie })).json()) as {
      clashes: { kind: string; talkIds?: string[]; message: { nl: string } }[]
    }
    const kinds = clashes.map((c) => c.kind)
    expect(kinds).toContain('outside_speaker_availability')
    expect(kinds).toContain('speaker_double_booked')
    expect(clashes.find((c) => c.kind === 'outside_speaker_availability')?.message.nl).toContain(
      'Marja de Vries',
    )
    const detail = await (await page(`/talks/${a.talkId}`, cookie)).text()
    expect(detail).toContain('niet beschikbaar')
  })

  it('takes a review per reviewer, notes, and mails from the team’s own template', async () => {
    const w = await makeWorld()
    await openCall(w)
    const { talkId, email } = await submitted(w)
    const cookie = w.person.organiser.cookie
    expect(
      (await api(`/api/talks/${talkId}/review`, { cookie, method: 'PUT', body: { score: 4, note: 'Mooi' } }))
        .status,
    ).toBe(204)
    expect(
      (
        await api(`/api/talks/${talkId}/review`, {
          cookie: w.person.owner.cookie,
          method: 'PUT',
          body: { score: 2 },
        })
      ).status,
    ).toBe(204)
    expect(
      (await api(`/api/talks/${talkId}/review`, { cookie, method: 'PUT', body: { score: 6 } })).status,
    ).toBe(422)
    expect(
      (await api(`/api/talks/${talkId}/notes`, { cookie, method: 'PUT', body: { internalNotes: 'Bellen' } }))
        .status,
    ).toBe(204)
    const detail = (await (await api(`/api/talks/${talkId}`, { cookie })).json()) as {
      averageScore: number
      talk: { internalNotes: string }
    }
    expect(detail.averageScore).toBe(3)
    expect(detail.talk.internalNotes).toBe('Bellen')
    // The speaker never sees the team's notes or scores.
    const token = await mailedToken(email, '/t')
    expect(await (await page(`/t/${token}`)).text()).not.toContain('Bellen')

    const typo = await api(`/api/visits/${w.visitA}/mail-templates/talk_rejected/nl`, {
      cookie,
      method: 'PUT',
      body: { subject: 'Helaas, {naam}', body: 'Sorry.' },
    })
    expect(typo.status).toBe(422)
    const preview = await api(`/api/visits/${w.visitA}/mail-templates/talk_rejected/nl/preview`, {
      cookie,
      body: { subject: 'Helaas: {talk}', body: 'Beste mensen,\n\nDit keer niet voor {visit}.' },
    })
    expect(((await preview.json()) as { subject: string }).subject).toBe('Helaas: Het nieuwe speelveld')
    expect(await mailsTo(email)).toBe(1)
    await api(`/api/visits/${w.visitA}/mail-templates/talk_rejected/nl`, {
      cookie,
      method: 'PUT',
      body: { subject: 'Helaas: {talk}', body: 'Dit keer niet voor {visit}.' },
    })
    await api(`/api/talks/${talkId}/state`, { cookie, body: { state: 'rejected' } })
    const mail = await latestMailTo(email)
    expect(mail?.kind).toBe('talk_rejected')
    expect(mail?.subject).toBe('Helaas: Het nieuwe speelveld')
    expect(mail?.text).toMatch(/Dit keer niet voor Bezoek \w{8}\./)
  })
})

describe('self-scheduling', () => {
  async function confirmedTalk(w: World, name: string, extra: Json = {}) {
    const s = await submitted(w, name, extra)
    const cookie = w.person.organiser.cookie
    await api(`/api/talks/${s.talkId}/state`, { cookie, body: { state: 'accepted', notify: false } })
    await api(`/api/talks/${s.talkId}/state`, { cookie, body: { state: 'confirmed', notify: false } })
    return s
  }

  it('gives a slot to exactly one of two speakers picking it at once', async () => {
    const w = await makeWorld()
    await openCall(w, { selfScheduling: true })
    const cookie = w.person.organiser.cookie
    const slot = await api(`/api/visits/${w.visitA}/slots`, {
      cookie,
      body: { date: '2027-06-12', start: '15:30', end: '15:45' },
    })
    expect(slot.status).toBe(201)
    const { id: slotId } = (await slot.json()) as { id: string }
    const a = await confirmedTalk(w, 'anna')
    const b = await confirmedTalk(w, 'bert')
    const [ra, rb] = await Promise.all([
      form(`/t/${a.token}/slot`, { slotId }),
      form(`/t/${b.token}/slot`, { slotId }),
    ])
    expect([ra.status, rb.status].sort()).toEqual([303, 409])
    const loser = ra.status === 409 ? ra : rb
    expect(await loser.text()).toContain('Iemand anders was je net voor')
    const [taken] = await db.select().from(talkSlots).where(eq(talkSlots.id, slotId))
    const winner = ra.status === 303 ? a : b
    expect(taken!.talkId).toBe(winner.talkId)
    // The winner's talk is in a new programme item at the slot's time.
    const [talk] = await db.select().from(talks).where(eq(talks.id, winner.talkId))
    const [item] = await db.select().from(programmeItems).where(eq(programmeItems.id, talk!.itemId!))
    expect(item).toMatchObject({
      kind: 'talk',
      title: 'Het nieuwe speelveld',
      startsAt: new Date('2027-06-12T13:30:00Z'),
    })
    // Giving it back frees the slot and removes the item the pick made.
    expect((await form(`/t/${winner.token}/slot/release`, {})).status).toBe(303)
    expect((await db.select().from(talkSlots).where(eq(talkSlots.id, slotId)))[0]?.talkId).toBeNull()
    expect(await db.select().from(programmeItems).where(eq(programmeItems.id, item!.id))).toEqual([])
  })

  it('refuses a pick that would clash, with the reason, and one by a talk that is not confirmed', async () => {
    const w = await makeWorld()
    await openCall(w, { selfScheduling: true })
    const cookie = w.person.organiser.cookie
    const slot = await api(`/api/visits/${w.visitA}/slots`, {
      cookie,
      body: { date: '2027-06-12', start: '18:00', end: '18:15' },
    })
    const { id: slotId } = (await slot.json()) as { id: string }
    const a = await confirmedTalk(w, 'anna')
    const refused = await form(`/t/${a.token}/slot`, { slotId })
    expect(refused.status).toBe(409)
    expect(await refused.text()).toContain('niet beschikbaar')
    const b = await submitted(w, 'bert')
    const early = await form(`/t/${b.token}/slot`, { slotId })
    expect(early.status).toBe(409)
    expect((await db.select().from(talkSlots).where(eq(talkSlots.id, slotId)))[0]?.talkId).toBeNull()
    // Opening a slot outside the visit is refused too.
    const outside = await api(`/api/visits/${w.visitA}/slots`, {
      cookie,
      body: { date: '2027-06-13', start: '10:00', end: '10:15' },
    })
    expect(outside.status).toBe(422)
  })
})

describe('links, co-speakers and resending', () => {
  it('sends new links to a known address, and answers the same for an unknown one', async () => {
    const w = await makeWorld()
    await openCall(w)
    const { token, email } = await submitted(w)
    const known = await form(`/v/${w.slugA}/talks/resend`, { email }, {})
    expect(known.status).toBe(303)
    const unknown = await form(`/v/${w.slugA}/talks/resend`, { email: emailOf(w, 'nobody') })
    expect(unknown.status).toBe(303)
    expect(unknown.headers.get('location')).toBe(known.headers.get('location'))
    expect((await latestMailTo(email))?.kind).toBe('talk_link_resent')
    expect(await mailsTo(emailOf(w, 'nobody'))).toBe(0)
    expect((await page(`/t/${token}`)).status).toBe(404)
    expect((await page(`/t/${await mailedToken(email, '/t')}`)).status).toBe(200)
    const api202 = await api(`/api/public/visits/${w.slugA}/talks/resend`, {
      body: { email: emailOf(w, 'nobody') },
      headers: { 'cf-connecting-ip': freshClient() },
    })
    expect(api202.status).toBe(202)
  })

  it('invites co-speakers with a link of their own, to confirm or decline', async () => {
    const w = await makeWorld()
    await openCall(w)
    const cor = emailOf(w, 'cor')
    const { talkId, token } = await submitted(w, 'anna', { coSpeakers: [{ name: 'Cor', email: cor }] })
    const invite = await latestMailTo(cor)
    expect(invite?.kind).toBe('co_speaker_invite')
    expect(invite?.subject).toContain('Marja de Vries noemt je als medespreker')
    const coToken = await mailedToken(cor, '/t')
    expect(coToken).not.toBe(token)
    const coPage = await (await page(`/t/${coToken}`)).text()
    expect(coPage).toContain('Ja, ik doe mee')
    // A co-speaker cannot change or withdraw the talk.
    expect((await form(`/t/${coToken}/withdraw`, {})).status).toBe(403)
    expect(
      (
        await form(`/t/${coToken}`, {
          version: '1',
          title: 'Van mij',
          abstract: 'x',
          durationMinutes: '5',
          language: 'nl',
          'answers.q1': 'Groen',
        })
      ).status,
    ).toBe(403)
    expect((await form(`/t/${coToken}/confirm`, {})).status).toBe(303)
    const rows = await db.select().from(talkSpeakers).where(eq(talkSpeakers.talkId, talkId))
    expect(rows.find((r) => r.role === 'co')?.confirmedAt).not.toBeNull()
    const declined = await form(`/t/${coToken}/decline`, {})
    expect(declined.status).toBe(200)
    expect(await declined.text()).toContain('Je doet niet mee')
    expect(await db.select().from(talkSpeakers).where(eq(talkSpeakers.talkId, talkId))).toHaveLength(1)
    expect((await page(`/t/${coToken}`)).status).toBe(404)
    // The main speaker adds someone else through their own link.
    expect((await form(`/t/${token}/co-speakers`, { name: 'Dirk', email: emailOf(w, 'dirk') })).status).toBe(
      303,
    )
    expect((await latestMailTo(emailOf(w, 'dirk')))?.kind).toBe('co_speaker_invite')
    expect((await form(`/t/${token}/co-speakers`, { name: 'Dirk', email: emailOf(w, 'dirk') })).status).toBe(
      422,
    )
  })
})

describe('the team’s pages', () => {
  it('list talks with counts per state, filter them, and show who still owes slides or a bio', async () => {
    const w = await makeWorld()
    await openCall(w)
    const cookie = w.person.organiser.cookie
    const a = await submitted(w, 'anna', { bio: '' })
    await submitted(w, 'bert', { title: 'Over verkeer' })
    await api(`/api/talks/${a.talkId}/state`, { cookie, body: { state: 'accepted', notify: false } })
    await api(`/api/talks/${a.talkId}/state`, { cookie, body: { state: 'confirmed', notify: false } })
    const list = (await (await api(`/api/visits/${w.visitA}/talks`, { cookie })).json()) as {
      counts: Record<string, number>
      owing: { id: string; owed: { slides: boolean; bioOf: string[] } }[]
    }
    expect(list.counts).toMatchObject({ submitted: 1, confirmed: 1, accepted: 0 })
    expect(list.owing).toEqual([
      expect.objectContaining({ id: a.talkId, owed: { slides: true, bioOf: [a.speakerId] } }),
    ])
    const html = await (await page(`/visits/${w.visitA}/talks?state=submitted`, cookie)).text()
    expect(html).toContain('Over verkeer')
    expect(html).toContain('Bevestigd (1)')
    const searched = await (await page(`/visits/${w.visitA}/talks?q=verkeer`, cookie)).text()
    expect(searched).toContain('aria-label="Kies: Over verkeer"')
    expect(searched).not.toContain('aria-label="Kies: Het nieuwe speelveld"')
    // Viewers see the list without e-mail addresses; hosts and caterers not at all.
    const viewer = await api(`/api/visits/${w.visitA}/talks`, { cookie: w.person.viewer.cookie })
    expect(await viewer.text()).not.toContain(a.email)
    expect((await api(`/api/visits/${w.visitA}/talks`, { cookie: w.person.host.cookie })).status).toBe(403)
  })

  it('save the call with questions, keeping question ids, and refuse bad settings', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const res = await form(
      `/visits/${w.visitA}/call`,
      {
        open: 'yes',
        deadlineDate: '2027-05-01',
        deadlineTime: '23:59',
        intro: 'Welkom',
        durations: '5, 10,15',
        languages: 'nl',
        selfScheduling: 'no',
        'questions.0.label': 'Werkgroep',
        'questions.0.kind': 'choice',
        'questions.0.options': 'Groen, Verkeer',
        'questions.0.required': 'yes',
        'questions.1.label': '',
        'questions.1.kind': 'text',
      },
      { cookie },
    )
    expect(res.status, await res.clone().text()).toBe(303)
    const [call] = await db.select().from(calls).where(eq(calls.visitId, w.visitA))
    expect(call).toMatchObject({ open: true, durations: '[5,10,15]', languages: '["nl"]' })
    // 23:59 on 1 May 2027 in Amsterdam is 21:59 UTC.
    expect(call!.deadline).toEqual(new Date('2027-05-01T21:59:00Z'))
    expect(JSON.parse(call!.questions)).toEqual([
      { id: 'q1', kind: 'choice', label: 'Werkgroep', options: ['Groen', 'Verkeer'], required: true },
    ])
    const bad = await form(
      `/visits/${w.visitA}/call`,
      { version: '1', open: 'yes', durations: 'tien', deadlineDate: '2027-05-01', languages: '' },
      { cookie },
    )
    expect(bad.status).toBe(422)
    const html = await bad.text()
    expect(html).toContain('Geef datum en tijd samen op')
    expect(html).toContain('Kies minstens één taal.')
    const viewer = await form(
      `/visits/${w.visitA}/call`,
      { open: 'yes', durations: '5', languages: 'nl' },
      { cookie: w.person.viewer.cookie },
    )
    expect(viewer.status).toBe(403)
  })
})

describe('the API description', () => {
  it('lists the talk routes with their schemas', async () => {
    const doc = (await (await SELF.fetch(url('/api/openapi.json'))).json()) as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: { required?: string[] } }> } }>
      >
    }
    for (const path of [
      '/api/public/visits/{slug}/talks',
      '/api/visits/{visitId}/call',
      '/api/visits/{visitId}/talks',
      '/api/visits/{visitId}/talks/bulk',
      '/api/talks/{talkId}',
      '/api/talks/{talkId}/state',
      '/api/visits/{visitId}/slots',
      '/api/visits/{visitId}/mail-templates/{kind}/{lang}/preview',
    ]) {
      expect(doc.paths[path], path).toBeDefined()
    }
    const submit =
      doc.paths['/api/public/visits/{slug}/talks']?.post?.requestBody?.content['application/json']?.schema
    expect(submit?.required).toEqual(expect.arrayContaining(['name', 'email', 'title', 'consent']))
  })
})

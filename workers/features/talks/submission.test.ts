import { env } from 'cloudflare:test'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { calls, shareLinks, speakers, talkSpeakers, talks } from '../../../shared/db/schema'
import { api, db, form, freshClient, latestMailTo, page } from '../../../test/integration/helpers'
import { makeWorld } from '../../../test/integration/world'
import { hashToken, randomToken } from '../../platform/auth/tokens'
import {
  count,
  emailOf,
  type Json,
  mailsTo,
  openCall,
  problem,
  submission,
  submit,
  submitted,
} from './talks.fixtures.matrix'

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

describe('sending the links again', () => {
  it('mails a known address a renewal and keeps its link; an unknown one gets the same answer and no mail', async () => {
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
    // Asking (by anyone who knows the address) ends nothing: the link the speaker holds still opens.
    expect((await page(`/t/${token}`)).status).toBe(200)
    const api202 = await api(`/api/public/visits/${w.slugA}/talks/resend`, {
      body: { email: emailOf(w, 'nobody') },
      headers: { 'cf-connecting-ip': freshClient() },
    })
    expect(api202.status).toBe(202)
  })

  it('renews the link only by the mailed renewal, once; asking again within 10 minutes mails nothing more', async () => {
    const w = await makeWorld()
    await openCall(w)
    const { token, email } = await submitted(w)
    const before = await mailsTo(email)
    for (let i = 0; i < 3; i++) {
      const asked = await form(`/v/${w.slugA}/talks/resend`, { email })
      expect(asked.status).toBe(303)
    }
    expect(await mailsTo(email)).toBe(before + 1)
    const renewal = (await latestMailTo(email))?.text.match(
      /\/t\/renew\/[A-Za-z0-9-]+\.[A-Za-z0-9-]+\.\d{13}\.[A-Za-z0-9_-]{43}/,
    )?.[0]
    expect(renewal).toBeDefined()
    // The page asks first (a mail scanner that opens links renews nothing); the button renews.
    const shown = await page(renewal!)
    expect(shown.status).toBe(200)
    expect(shown.headers.get('referrer-policy')).toBe('no-referrer')
    expect((await page(`/t/${token}`)).status).toBe(200)
    const renewed = await form(renewal!, {})
    expect(renewed.status).toBe(303)
    const fresh = renewed.headers.get('location') ?? ''
    expect(fresh).toMatch(/^\/t\/[A-Za-z0-9_-]{43}$/)
    expect((await page(fresh)).status).toBe(200)
    expect((await page(`/t/${token}`)).status).toBe(404)
    // Used once: the same renewal now answers the friendly 404, and so does a forged one.
    expect((await form(renewal!, {})).status).toBe(404)
    const forged = renewal!.replace(/.{4}$/, 'AAAA')
    expect((await page(forged)).status).toBe(200)
    expect((await form(forged, {})).status).toBe(404)
    expect((await page('/t/renew/not-a-renewal')).status).toBe(404)
  })
})

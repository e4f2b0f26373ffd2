import { env } from 'cloudflare:test'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { speakers, talkSpeakers, talks } from '../../../shared/db/schema'
import { db, form, latestMailTo, mailedToken, page } from '../../../test/integration/helpers'
import { makeWorld } from '../../../test/integration/world'
import { emailOf, openCall, pdf, stateOf, stored, submitted, upload } from './talks.fixtures.matrix'
import { speakerSetup } from './talks.matrix'

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
    expect((await form(`/t/${a.token}/files/${fileOfB}/remove`, { confirm: 'yes' })).status).toBe(404)
    const [cor] = await db
      .select()
      .from(speakers)
      .where(eq(speakers.email, emailOf(w, 'cor')))
    expect((await form(`/t/${a.token}/co-speakers/${cor!.id}/remove`, { confirm: 'yes' })).status).toBe(404)
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
    expect((await form(`/t/${token}/withdraw`, { confirm: 'yes' })).status).toBe(303)
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

describe('co-speakers', () => {
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
    expect((await form(`/t/${coToken}/withdraw`, { confirm: 'yes' })).status).toBe(403)
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

describe('a speaker’s destructive forms ask first', () => {
  const one = async (sql: string, ...args: string[]) =>
    (
      await env.DB.prepare(sql)
        .bind(...args)
        .first<{ n: number | string | null }>()
    )?.n

  it('a speaker’s link asks first too (a co-speaker, a file, a slot), with "back" to their own page', async () => {
    const w = await makeWorld()
    const made = await speakerSetup(w, { coSpeaker: true, file: true, slot: 'held', state: 'confirmed' })
    const t = made.token
    for (const path of [
      `/t/${t}/co-speakers/${made.coId}/remove`,
      `/t/${t}/files/${made.fileId}/remove`,
      `/t/${t}/slot/release`,
    ]) {
      const asked = await form(path, {})
      expect(asked.status, path).toBe(200)
      const html = await asked.text()
      expect(html).toContain('name="confirm" value="yes"')
      // No Referer from a page with a token in it: back to the speaker's page, not the home page.
      expect(html).toContain(`href="/t/${t}"`)
    }
    expect(await one('SELECT count(*) AS n FROM talk_speakers WHERE speaker_id = ?', made.coId)).toBe(1)
    expect(await one('SELECT current AS n FROM talk_files WHERE id = ?', made.fileId)).toBe(1)
    expect(await one('SELECT talk_id AS n FROM talk_slots WHERE id = ?', made.slotId)).toBe(made.talkId)
  })
})

import { env, SELF } from 'cloudflare:test'
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog, calls, programmeItems, releases, talks } from '../../../shared/db/schema'
import type { ReleaseSnapshot } from '../../../shared/domain/release-snapshot'
import { api, db, form, latestMailTo, mailedToken, page, url } from '../../../test/integration/helpers'
import { makeWorld } from '../../../test/integration/world'
import { mailsTo, openCall, stateOf, submitted } from './talks.fixtures.matrix'

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

describe('the team’s notes', () => {
  it('are saved on the version seen: a stale save is refused (409) and the page shows the newest notes', async () => {
    const w = await makeWorld()
    await openCall(w)
    const cookie = w.person.organiser.cookie
    const { talkId } = await submitted(w)
    const versionOf = async () =>
      (await db.select({ version: talks.version }).from(talks).where(eq(talks.id, talkId)))[0]!.version
    const seen = String(await versionOf())
    const saved = await form(`/talks/${talkId}/notes`, { internalNotes: 'Bellen', version: seen }, { cookie })
    expect(saved.status).toBe(303)
    // A second organiser saves over the version both saw: nothing is saved, the page shows what is there now.
    const stale = await form(`/talks/${talkId}/notes`, { internalNotes: 'Mailen', version: seen }, { cookie })
    expect(stale.status).toBe(409)
    expect(await stale.text()).toContain('Bellen')
    const viaApi = await api(`/api/talks/${talkId}/notes`, {
      cookie,
      method: 'PUT',
      body: { internalNotes: 'Mailen', version: Number(seen) },
    })
    expect(viaApi.status).toBe(409)
    const [kept] = await db.select({ notes: talks.internalNotes }).from(talks).where(eq(talks.id, talkId))
    expect(kept?.notes).toBe('Bellen')
    const logged = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, talkId), eq(auditLog.action, 'talk.notes')))
    expect(logged).toHaveLength(1)
    // Too long: the notes form again with the reason at the field, nothing saved.
    const long = await form(
      `/talks/${talkId}/notes`,
      { internalNotes: 'x'.repeat(5001), version: String(await versionOf()) },
      { cookie },
    )
    expect(long.status).toBe(422)
    expect(await long.text()).toContain('aria-invalid="true"')
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

describe('the call', () => {
  it('is logged exactly for the saves that won when two organisers save at once', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const settings = { open: true, durations: [10], languages: ['nl'] }
    const save = (body: Record<string, unknown>) =>
      api(`/api/visits/${w.visitA}/call`, { cookie, method: 'PUT', body: { ...settings, ...body } })
    expect((await save({})).status).toBe(200)
    // Without a version both start from the same call; the one that comes second may lose the race (409).
    const answers = await Promise.all(['Welkom', 'Hallo', 'Dag'].map((intro) => save({ intro })))
    const won = answers.filter((r) => r.status === 200).length
    expect(answers.every((r) => r.status === 200 || r.status === 409)).toBe(true)
    const updates = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, w.visitA), eq(auditLog.action, 'call.updated')))
    expect(updates).toHaveLength(won)
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

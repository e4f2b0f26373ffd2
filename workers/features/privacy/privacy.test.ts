import { env, SELF } from 'cloudflare:test'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog, erasureRequests, rsvps, visits } from '../../../shared/db/schema'
import {
  api,
  db,
  form,
  freshClient,
  latestMailTo,
  mailedToken,
  page,
  registrationBody,
  url,
} from '../../../test/integration/helpers'
import { makeWorld, type World } from '../../../test/integration/world'
import { retainRegistrations } from '../rsvps/personal-data'
import { ERASURE_GRACE_DAYS, runDueErasures } from './requests'

const DAY = 24 * 3600_000

/** A guest of the world's visit, registered through the public API. */
async function guestOf(w: World, name: string) {
  const email = `${name}-${w.teamA.slice(0, 8)}@example.nl`
  const res = await api(`/api/public/visits/${w.slugA}/rsvps`, {
    body: registrationBody(email, { name: `Gast ${name}`, dietaryNotes: `NOTE-${name}` }),
    headers: { 'cf-connecting-ip': freshClient() },
  })
  expect(res.status).toBe(202)
  return email
}

/** The privacy link mailed to an address (export or erase), as a path. */
async function mailedPrivacyLink(email: string, kind: 'export' | 'erase') {
  const mail = await latestMailTo(email)
  const match = mail?.text.match(new RegExp(`/privacy/${kind}/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}`))
  if (!match) throw new Error(`no ${kind} link mailed to ${email}`)
  return match[0]
}

const ask = (email: string, kind: string) =>
  SELF.fetch(url('/privacy/requests'), {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: new URL(url('/')).origin,
      'cf-connecting-ip': freshClient(),
    },
    body: new URLSearchParams({ email, kind }).toString(),
    redirect: 'manual',
  })

describe('the privacy page', () => {
  it('says what is kept, why, for how long and who sees it, in Dutch and English', async () => {
    const nl = await (await page('/privacy')).text()
    expect(nl).toContain('90 dagen na het bezoek')
    expect(nl).toContain('Wie de catering verzorgt ziet alleen aantallen')
    const en = await (await page('/privacy?lang=en')).text()
    expect(en).toContain('90 days after the visit')
  })
})

describe('seeing one’s data through a mailed link', () => {
  it('answers the same for known and unknown addresses, mails the link to the address only', async () => {
    const w = await makeWorld()
    const email = await guestOf(w, 'inzage')
    const known = await ask(email, 'export')
    const unknown = await ask(`niemand-${w.teamA.slice(0, 8)}@example.nl`, 'export')
    expect(known.status).toBe(303)
    expect(unknown.status).toBe(303)
    expect(known.headers.get('location')).toBe(unknown.headers.get('location'))
    const link = await mailedPrivacyLink(email, 'export')

    const shown = await page(link)
    expect(shown.status).toBe(200)
    expect(shown.headers.get('cache-control')).toContain('no-store')
    const html = await shown.text()
    expect(html).toContain('Gast inzage')
    expect(html).toContain('NOTE-inzage')
    const json = await page(`${link}/data.json`)
    expect(json.headers.get('content-disposition')).toBe('attachment; filename="rondgang-personal-data.json"')
    const document = (await json.json()) as { email: string; parts: { rsvps: { registrations: unknown[] } } }
    expect(document.email).toBe(email)
    expect(document.parts.rsvps.registrations).toHaveLength(1)
    expect(JSON.stringify(document)).not.toMatch(/token|hash/i)
  })

  it('refuses a forged, altered or other-purpose link with the page again (404), showing nothing', async () => {
    const w = await makeWorld()
    const email = await guestOf(w, 'vervalst')
    await ask(email, 'export')
    const link = await mailedPrivacyLink(email, 'export')
    const [payload, signature] = link.slice('/privacy/export/'.length).split('.')
    const other = btoa(JSON.stringify({ e: `ander-${w.teamA.slice(0, 8)}@example.nl`, x: Date.now() + DAY }))
      .replaceAll('=', '')
      .replaceAll('+', '-')
      .replaceAll('/', '_')
    for (const bad of [
      `/privacy/export/${other}.${signature}`,
      `/privacy/export/${payload}.${'A'.repeat(43)}`,
      `/privacy/erase/${payload}.${signature}`,
      '/privacy/export/kort',
    ]) {
      const res = await page(bad)
      expect(res.status, bad).toBe(404)
      expect(await res.text()).not.toContain('NOTE-vervalst')
    }
  })

  it('refuses a malformed address (422) and sends nothing', async () => {
    const res = await ask('geen-adres', 'export')
    expect(res.status).toBe(422)
    expect(await latestMailTo('geen-adres')).toBeNull()
    const problem = await api('/api/privacy/requests', { body: { email: 'x@example.nl', kind: 'alles' } })
    expect(problem.status).toBe(422)
    const ok = await api('/api/privacy/requests', {
      body: { email: 'x@example.nl', kind: 'export' },
      headers: { 'cf-connecting-ip': freshClient() },
    })
    expect(ok.status).toBe(202)
  })
})

describe('erasure', () => {
  it('is confirmed by the person, carried out after the grace period, and leaves the counts true', async () => {
    const w = await makeWorld()
    const email = await guestOf(w, 'wissen')
    await ask(email, 'erase')
    const link = await mailedPrivacyLink(email, 'erase')
    const review = await page(link)
    expect(review.status).toBe(200)
    expect(await review.text()).toContain('NOTE-wissen')
    // Opening the link erases nothing (mail scanners follow links); the button does.
    expect(await db.select().from(erasureRequests).where(eq(erasureRequests.email, email))).toEqual([])
    const confirmed = await form(link, {})
    expect(confirmed.status).toBe(200)
    expect(await confirmed.text()).toContain('Je verzoek is vastgelegd')
    await form(link, {}) // asking twice keeps one request
    const [request, ...more] = await db.select().from(erasureRequests).where(eq(erasureRequests.email, email))
    expect(more).toEqual([])
    expect(request?.status).toBe('pending')

    const now = new Date()
    expect(await runDueErasures(db, env.PHOTOS, now)).toBe(0)
    const later = new Date(now.getTime() + (ERASURE_GRACE_DAYS + 1) * DAY)
    expect(await runDueErasures(db, env.PHOTOS, later)).toBeGreaterThanOrEqual(1)
    expect(await db.select().from(rsvps).where(eq(rsvps.email, email))).toEqual([])
    const [anonymous] = await db.select().from(rsvps).where(eq(rsvps.visitId, w.visitA))
    expect(anonymous).toMatchObject({ name: '', status: 'confirmed', dietaryNotes: '' })
    const [done] = await db.select().from(erasureRequests).where(eq(erasureRequests.id, request!.id))
    expect(done).toMatchObject({ status: 'done', email: '' })
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.entityId, request!.id))
    expect(entry).toMatchObject({ action: 'privacy.erased', entityType: 'erasure_request', actorId: null })
    expect(JSON.stringify(entry)).not.toContain(email)
    // Running again is safe.
    expect(await runDueErasures(db, env.PHOTOS, later)).toBe(0)
  })

  it('can be asked through the guest’s own private link, and done sooner by an owner of the team', async () => {
    const w = await makeWorld()
    const email = await guestOf(w, 'eigen')
    const token = await mailedToken(email, '/r')
    const mine = await page(`/r/${token}/my-data`)
    expect(mine.status).toBe(200)
    expect(mine.headers.get('referrer-policy')).toBe('no-referrer')
    expect(await mine.text()).toContain('NOTE-eigen')
    expect((await form(`/r/${token}/my-data/erase`, {})).status).toBe(200)
    expect((await page(`/r/${'x'.repeat(43)}/my-data`)).status).toBe(404)

    // Owners see the request (it concerns their visit); organisers may not; other teams do not see it.
    const ownerPage = await (await page(`/teams/${w.teamA}/privacy`, w.person.owner.cookie)).text()
    expect(ownerPage).toContain(email)
    expect(ownerPage).toContain('Register van verwerkingen')
    expect((await page(`/teams/${w.teamA}/privacy`, w.person.organiser.cookie)).status).toBe(403)
    expect(await (await page(`/teams/${w.teamB}/privacy`, w.person.outsider.cookie)).text()).not.toContain(
      email,
    )
    const [request] = await db.select().from(erasureRequests).where(eq(erasureRequests.email, email))
    expect(
      (
        await form(
          `/teams/${w.teamB}/privacy/${request!.id}/erase`,
          { confirm: 'yes' },
          { cookie: w.person.outsider.cookie },
        )
      ).status,
    ).toBe(404)
    const erased = await form(
      `/teams/${w.teamA}/privacy/${request!.id}/erase`,
      { confirm: 'yes' },
      { cookie: w.person.owner.cookie },
    )
    expect(erased.status).toBe(303)
    expect(await db.select().from(rsvps).where(eq(rsvps.email, email))).toEqual([])
    expect((await page(`/r/${token}`)).status).toBe(404)
  })
})

describe('retention', () => {
  it('empties registrations of visits that ended more than 90 days ago, keeping their numbers', async () => {
    const w = await makeWorld()
    const email = await guestOf(w, 'bewaar')
    const now = new Date('2027-06-20T12:00:00Z')
    expect(await retainRegistrations(db, now)).toBe(0)
    const later = new Date('2027-09-20T12:00:00Z')
    expect(await retainRegistrations(db, later)).toBeGreaterThanOrEqual(1)
    const [row] = await db.select().from(rsvps).where(eq(rsvps.visitId, w.visitA))
    expect(row).toMatchObject({
      name: '',
      dietary: '{}',
      dietaryNotes: '',
      accessNeeds: '',
      status: 'confirmed',
    })
    expect(row?.email).not.toBe(email)
    expect(await retainRegistrations(db, later)).toBe(0)
  })

  it('leaves registrations of a visit that ended less than 90 days ago as they are', async () => {
    const w = await makeWorld()
    const email = await guestOf(w, 'recent')
    await db
      .update(visits)
      .set({ startDate: '2027-09-01', endDate: '2027-09-02' })
      .where(eq(visits.id, w.visitA))
    await retainRegistrations(db, new Date('2027-09-20T12:00:00Z'))
    const [row] = await db.select().from(rsvps).where(eq(rsvps.email, email))
    expect(row).toMatchObject({ name: 'Gast recent', dietaryNotes: 'NOTE-recent' })
  })
})

describe('a request the team starts', () => {
  it('can be started by an owner for someone who asked the team: the link goes to the person only', async () => {
    const w = await makeWorld()
    const email = await guestOf(w, 'belt')
    const before = await db.select().from(auditLog).where(eq(auditLog.teamId, w.teamA))
    const start = (teamId: string, fields: Record<string, string>, cookie = w.person.owner.cookie) =>
      form(`/teams/${teamId}/privacy/requests`, fields, { cookie })

    // An address the team holds nothing about: a clear message on the form, nothing mailed.
    const stranger = `vreemde-${w.teamA.slice(0, 8)}@example.nl`
    const refused = await start(w.teamA, { email: stranger, kind: 'export', lang: 'nl' })
    expect(refused.status).toBe(422)
    expect(await refused.text()).toContain('komt niet voor in de gegevens van jullie team')
    expect(await latestMailTo(stranger)).toBeNull()
    // Bad input changes nothing either.
    expect((await start(w.teamA, { email: 'geen-adres', kind: 'export', lang: 'nl' })).status).toBe(422)
    expect((await start(w.teamA, { email, kind: 'alles', lang: 'nl' })).status).toBe(422)
    // Organisers may not, and another team's owner cannot reach this team's guests.
    expect(
      (await start(w.teamA, { email, kind: 'export', lang: 'nl' }, w.person.organiser.cookie)).status,
    ).toBe(403)
    expect(
      (await start(w.teamB, { email, kind: 'export', lang: 'nl' }, w.person.outsider.cookie)).status,
    ).toBe(422)

    // The owner asks for an export on the guest's behalf, in English: the guest gets the link, the owner a notice.
    const sent = await start(w.teamA, { email: email.toUpperCase(), kind: 'export', lang: 'en' })
    expect(sent.status).toBe(303)
    expect(sent.headers.get('location')).toBe(`/teams/${w.teamA}/privacy?exportSent=1`)
    const mail = await latestMailTo(email)
    expect(mail?.kind).toBe('privacy_export')
    const link = await mailedPrivacyLink(email, 'export')
    const shown = await (await page(link)).text()
    expect(shown).toContain('NOTE-belt')
    expect(
      await (await page(sent.headers.get('location') ?? '', w.person.owner.cookie)).text(),
    ).not.toContain('NOTE-belt')
    // The log says a link was sent, never to whom.
    const after = await db.select().from(auditLog).where(eq(auditLog.teamId, w.teamA))
    const added = after.filter((a) => !before.some((b) => b.id === a.id))
    expect(added.map((a) => a.action)).toEqual(['privacy.export_link_sent'])
    expect(JSON.stringify(added)).not.toContain(email)

    // An erasure started by the owner still waits for the person's own confirmation.
    expect((await start(w.teamA, { email, kind: 'erase', lang: 'nl' })).status).toBe(303)
    expect((await latestMailTo(email))?.kind).toBe('privacy_erase')
    expect(await db.select().from(erasureRequests).where(eq(erasureRequests.email, email))).toEqual([])
  })
})

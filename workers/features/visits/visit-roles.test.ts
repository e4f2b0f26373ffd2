import { env } from 'cloudflare:test'
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog, programmeItems, visitRoles } from '../../../shared/db/schema'
import { api, db, form, page, signIn } from '../../../test/integration/helpers'
import { makeWorld, type World } from '../../../test/integration/world'
import { cateringSetup } from '../catering/catering.fixtures.matrix'

/** The role mails to an address, oldest first. */
async function roleMailsTo(to: string) {
  const rows = await env.DB.prepare(
    'SELECT subject, text, html FROM mail_outbox WHERE "to" = ? AND kind = \'visit_role\' ORDER BY rowid',
  )
    .bind(to)
    .all<{ subject: string; text: string; html: string }>()
  return rows.results
}

const grant = (w: World, body: Record<string, string>) =>
  api(`/api/visits/${w.visitA}/roles`, { cookie: w.person.organiser.cookie, body })

describe('a host or caterer is told of their role', () => {
  it('mails a new host once, with the visit and venue and the link to the visit', async () => {
    const w = await makeWorld()
    const email = `tuinier-${w.teamA.slice(0, 8)}@example.nl`
    expect((await grant(w, { role: 'host', email, venueId: w.venueA2 })).status).toBe(201)
    const [mail, ...more] = await roleMailsTo(email)
    expect(more).toEqual([])
    expect(mail?.subject).toContain('Buurthuis A2')
    expect(mail?.text).toMatch(/Team A \S+ heeft je gevraagd/)
    expect(mail?.text).toContain('gastheer of gastvrouw te zijn van Buurthuis A2')
    expect(mail?.text).toContain('zaterdag 12 juni 2027')
    expect(mail?.text).toContain(`/visits/${w.visitA}\n`)
    expect(mail?.text).toContain(email)
    // The private host contact of the venue is the team's; the mail does not carry it.
    expect(mail?.text).not.toContain('06-PRIVATE')

    // Given again: no second role, no second mail; the audit log has each grant.
    expect((await grant(w, { role: 'host', email, venueId: w.venueA2 })).status).toBe(201)
    expect(await roleMailsTo(email)).toHaveLength(1)
    const granted = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.teamId, w.teamA), eq(auditLog.action, 'visit_role.granted')))
    expect(granted).toHaveLength(2)
  })

  it('mails a caterer once even when given the role twice (a NULL venue is no duplicate guard)', async () => {
    const w = await makeWorld()
    const email = `kok-${w.teamA.slice(0, 8)}@example.nl`
    await grant(w, { role: 'caterer', email })
    await grant(w, { role: 'caterer', email })
    const mails = await roleMailsTo(email)
    expect(mails).toHaveLength(1)
    expect(mails[0]?.subject).toContain('catering')
    expect(mails[0]?.text).toContain('Namen van gasten zie je niet')
    const roles = await db
      .select()
      .from(visitRoles)
      .where(and(eq(visitRoles.visitId, w.visitA), eq(visitRoles.role, 'caterer')))
    expect(roles).toHaveLength(2) // the world's caterer and this one
  })

  it('writes a new person’s mail in the language the organiser uses', async () => {
    const w = await makeWorld()
    const email = `cook-${w.teamA.slice(0, 8)}@example.nl`
    await api(`/api/visits/${w.visitA}/roles`, {
      cookie: w.person.organiser.cookie,
      body: { role: 'caterer', email },
      headers: { 'accept-language': 'en' },
    })
    const [mail] = await roleMailsTo(email)
    expect(mail?.subject).toMatch(/^You are catering for/)
  })

  it('mails the resident whose host offer is accepted, only from the accept that claims it', async () => {
    const w = await makeWorld()
    const email = `karin-${w.slugA.replace('bezoek-', '')}@example.nl`
    const accept = () =>
      form(
        `/teams/${w.teamA}/host-offers/${w.offerA}/accept`,
        { visitId: w.visitA },
        {
          cookie: w.person.organiser.cookie,
        },
      )
    expect((await accept()).status).toBe(303)
    expect((await accept()).status).toBe(409)
    const mails = await roleMailsTo(email)
    expect(mails).toHaveLength(1)
    expect(mails[0]?.text).toMatch(/^Beste Karin,/)
    expect(mails[0]?.text).toContain('Tuin van Karin')
  })
})

describe('a host or caterer lands on their own visits', () => {
  it('shows a new host their visit and venue after sign-in, not "no team yet"', async () => {
    const w = await makeWorld()
    const email = `nieuw-${w.teamA.slice(0, 8)}@example.nl`
    await grant(w, { role: 'host', email, venueId: w.venueA2 })
    const cookie = await signIn(email)
    const res = await page('/teams', cookie)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<h1>Mijn bezoeken</h1>')
    expect(html).toContain(`href="/visits/${w.visitA}"`)
    expect(html).toContain(`href="/venues/${w.venueA2}"`)
    expect(html).toContain('Gastheer of gastvrouw van Buurthuis A2')
    expect(html).not.toContain('Je zit nog in geen enkel organisatieteam')
  })

  it('shows the caterer the way to their orders; a team member sees their teams as before', async () => {
    const w = await makeWorld()
    const caterer = await (await page('/teams', w.person.caterer.cookie)).text()
    expect(caterer).toContain(`href="/visits/${w.visitA}/catering"`)
    const organiser = await (await page('/teams', w.person.organiser.cookie)).text()
    expect(organiser).toContain('<h1>Mijn teams</h1>')
    expect(organiser).not.toContain('Jouw rol bij bezoeken')
  })

  it('shows a host the times and expected people at their venue, never a guest’s name', async () => {
    const w = await makeWorld()
    await cateringSetup(w)
    await db.insert(programmeItems).values({
      visitId: w.visitA,
      venueId: w.venueA1,
      kind: 'talk',
      title: 'Rondleiding door de tuin',
      startsAt: new Date('2027-06-12T14:00:00Z'),
      endsAt: new Date('2027-06-12T14:30:00Z'),
      expectedAttendance: 40,
    })
    const html = await (await page(`/visits/${w.visitA}`, w.person.host.cookie)).text()
    expect(html).toContain('Bij Tuin A1')
    expect(html).toMatch(
      /16:00<\/time>–<time[^>]*>16:30<\/time><\/td><td>Rondleiding door de tuin<\/td><td>40 personen/,
    )
    // The borrel for everyone: the company and the confirmed guests, counted, not named.
    expect(html).toMatch(/Borrel<\/td><td>\d+ personen/)
    // Not the other venue's items, nor guests' names.
    expect(html).not.toContain('Hapje en drankje')
    expect(html).not.toContain('Geheimnaam')
    // The team sees no such section.
    const team = await (await page(`/visits/${w.visitA}`, w.person.organiser.cookie)).text()
    expect(team).not.toContain('Bij Tuin A1')
  })
})

describe('the organisers give roles on a page', () => {
  it('lists the hosts and caterers, adds one (mailed), and says when the role was there already', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const list = await (await page(`/visits/${w.visitA}/roles`, cookie)).text()
    expect(list).toContain(w.person.host.email)
    expect(list).toContain('Gastheer of gastvrouw van Tuin A1')
    expect(list).toContain(w.person.caterer.email)
    const overview = await (await page(`/visits/${w.visitA}`, cookie)).text()
    expect(overview).toContain(`href="/visits/${w.visitA}/roles"`)

    const email = `buurvrouw-${w.teamA.slice(0, 8)}@example.nl`
    const fields = { role: 'host', venueId: w.venueA2, email }
    const res = await form(`/visits/${w.visitA}/roles`, fields, { cookie })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/visits/${w.visitA}/roles?done=granted`)
    expect(await roleMailsTo(email)).toHaveLength(1)
    const after = await (await page(`/visits/${w.visitA}/roles?done=granted`, cookie)).text()
    expect(after).toContain('Toegevoegd. Ze krijgen een mail')
    expect(after).toContain(email)

    const again = await form(`/visits/${w.visitA}/roles`, fields, { cookie })
    expect(again.headers.get('location')).toBe(`/visits/${w.visitA}/roles?done=already`)
    expect(await roleMailsTo(email)).toHaveLength(1)
  })

  it('refuses a host without a venue, or another team’s venue, at its field; keeps the form; gives nothing', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const email = `twijfel-${w.teamA.slice(0, 8)}@example.nl`
    for (const venueId of ['', w.venueB]) {
      const res = await form(`/visits/${w.visitA}/roles`, { role: 'host', venueId, email }, { cookie })
      expect(res.status).toBe(422)
      const html = await res.text()
      expect(html).toContain('id="field-venueId-error"')
      expect(html).toContain(`value="${email}"`)
    }
    const bad = await form(`/visits/${w.visitA}/roles`, { role: 'caterer', email: 'geen-adres' }, { cookie })
    expect(bad.status).toBe(422)
    expect(await bad.text()).toContain('id="field-email-error"')
    expect(await roleMailsTo(email)).toEqual([])
  })
})

describe('the organisers take a role back', () => {
  it('asks first on the page, then takes it back: the host no longer sees the visit; audited; no mail', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const [role] = await db
      .select({ id: visitRoles.id })
      .from(visitRoles)
      .where(and(eq(visitRoles.visitId, w.visitA), eq(visitRoles.personId, w.person.host.id)))
    const list = await (await page(`/visits/${w.visitA}/roles`, cookie)).text()
    expect(list).toContain(`action="/visits/${w.visitA}/roles/${role?.id}/remove"`)
    expect((await page(`/visits/${w.visitA}`, w.person.host.cookie)).status).toBe(200)

    // Without the confirmation nothing changes: a page asks first.
    const asked = await form(`/visits/${w.visitA}/roles/${role?.id}/remove`, {}, { cookie })
    expect(asked.status).toBe(200)
    expect(await asked.text()).toContain('Ja, trek de rol in')
    expect((await page(`/visits/${w.visitA}`, w.person.host.cookie)).status).toBe(200)

    const mailsBefore = await env.DB.prepare('SELECT count(*) AS n FROM mail_outbox').first<{ n: number }>()
    const res = await form(`/visits/${w.visitA}/roles/${role?.id}/remove`, { confirm: 'yes' }, { cookie })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/visits/${w.visitA}/roles?done=revoked`)
    const after = await (await page(`/visits/${w.visitA}/roles?done=revoked`, cookie)).text()
    expect(after).toContain('De rol is ingetrokken.')
    expect(after).not.toContain(w.person.host.email)
    // The host's very next request no longer opens the visit.
    expect((await page(`/visits/${w.visitA}`, w.person.host.cookie)).status).toBe(404)
    const revoked = await db
      .select({ before: auditLog.summary })
      .from(auditLog)
      .where(and(eq(auditLog.teamId, w.teamA), eq(auditLog.action, 'visit_role.revoked')))
    expect(revoked).toHaveLength(1)
    // What was taken back, with the address masked as the log does everywhere.
    expect(revoked[0]?.before).toContain('"role":"host"')
    expect(revoked[0]?.before).not.toContain(w.person.host.email)
    const mailsAfter = await env.DB.prepare('SELECT count(*) AS n FROM mail_outbox').first<{ n: number }>()
    expect(mailsAfter?.n).toBe(mailsBefore?.n)
    // Taken back twice: not found, nothing else changes.
    expect(
      (await form(`/visits/${w.visitA}/roles/${role?.id}/remove`, { confirm: 'yes' }, { cookie })).status,
    ).toBe(404)
  })

  it('in the API: 204, then 404; another visit’s role or a viewer is refused and nothing is removed', async () => {
    const w = await makeWorld()
    const [role] = await db
      .select({ id: visitRoles.id })
      .from(visitRoles)
      .where(and(eq(visitRoles.visitId, w.visitA), eq(visitRoles.personId, w.person.caterer.id)))
    const remove = (visitId: string, cookie: string) =>
      api(`/api/visits/${visitId}/roles/${role?.id}`, { method: 'DELETE', cookie })
    // The role named under another team's visit: that visit is not theirs to see (404), the role stays.
    expect((await remove(w.visitB, w.person.organiser.cookie)).status).toBe(404)
    expect((await remove(w.visitA, w.person.viewer.cookie)).status).toBe(403)
    const still = await db
      .select()
      .from(visitRoles)
      .where(eq(visitRoles.id, role?.id ?? ''))
    expect(still).toHaveLength(1)
    expect((await remove(w.visitA, w.person.organiser.cookie)).status).toBe(204)
    const gone = await remove(w.visitA, w.person.organiser.cookie)
    expect(gone.status).toBe(404)
    expect(gone.headers.get('content-type')).toContain('application/problem+json')
    expect((await page(`/visits/${w.visitA}/catering`, w.person.caterer.cookie)).status).toBe(404)
  })
})

describe('a resident or supplier added to the catering is mailed their link', () => {
  it('mails a named provider with an address at once; the link opens their page; none without one', async () => {
    const w = await makeWorld()
    const email = `bakker-${w.teamA.slice(0, 8)}@example.nl`
    const res = await api(`/api/visits/${w.visitA}/catering/providers`, {
      cookie: w.person.organiser.cookie,
      body: { kind: 'supplier', name: 'Bakkerij Noord', email },
    })
    expect(res.status).toBe(201)
    const mail = await env.DB.prepare(
      'SELECT subject, text FROM mail_outbox WHERE "to" = ? AND kind = \'catering_link\'',
    )
      .bind(email)
      .all<{ subject: string; text: string }>()
    expect(mail.results).toHaveLength(1)
    expect(mail.results[0]?.subject).toContain('catering')
    const token = /\/c\/([A-Za-z0-9_-]{43})/.exec(mail.results[0]?.text ?? '')?.[1]
    expect((await page(`/c/${token}`)).status).toBe(200)

    const before = await env.DB.prepare(
      "SELECT count(*) AS n FROM mail_outbox WHERE kind = 'catering_link'",
    ).first<{ n: number }>()
    const unnamed = await api(`/api/visits/${w.visitA}/catering/providers`, {
      cookie: w.person.organiser.cookie,
      body: { kind: 'resident', name: 'Buurman zonder mail' },
    })
    expect(unnamed.status).toBe(201)
    const after = await env.DB.prepare(
      "SELECT count(*) AS n FROM mail_outbox WHERE kind = 'catering_link'",
    ).first<{ n: number }>()
    expect(after?.n).toBe(before?.n)
  })
})

import { env } from 'cloudflare:test'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { rsvps, visits } from '../../../shared/db/schema'
import { d1Cost, db, form, latestMailTo, page } from '../../../test/integration/helpers'
import { makeWorld, type World } from '../../../test/integration/world'
import { hashToken, randomToken } from '../../platform/auth/tokens'

const statuses = ['confirmed', 'waitlisted', 'cancelled'] as const

/**
 * 120 registrations straight into D1: every fifth waits, every seventh is cancelled, parties of 1–3, every
 * third goes with group A, every fourth is vegetarian (one person) and every tenth wrote a note.
 */
async function crowd(w: World, n = 120) {
  const rows = Array.from({ length: n }, (_, i) => ({
    visitId: w.visitA,
    name: `Gast ${String(i + 1).padStart(3, '0')}`,
    email: `gast${i + 1}-${w.teamA.slice(0, 8)}@example.nl`,
    partySize: (i % 3) + 1,
    status:
      i % 7 === 6 ? ('cancelled' as const) : i % 5 === 4 ? ('waitlisted' as const) : ('confirmed' as const),
    groupIds: i % 3 === 0 ? JSON.stringify([w.groupA]) : '[]',
    dietary: i % 4 === 0 ? '{"vegetarian":1}' : '{}',
    dietaryNotes: i % 10 === 0 ? 'geen noten' : '',
    accessNeeds: i % 9 === 0 ? 'rolstoel' : '',
    tokenHash: `hash-${w.teamA}-${i}`,
    createdAt: new Date(Date.UTC(2026, 4, 1, 8, 0, i)),
  }))
  // D1 binds at most 100 values a statement: 6 rows of 15 columns.
  for (let i = 0; i < rows.length; i += 6) await db.insert(rsvps).values(rows.slice(i, i + 6))
  return rows
}

const names = (html: string) => [...html.matchAll(/<td>(Gast \d{3})<\/td>/g)].map((m) => m[1])

describe('the guest list: search, pages, totals from SQL', () => {
  it('shows 50 a page with totals over all registrations, pages by GET and searches by name or address', async () => {
    const w = await makeWorld()
    await db.update(visits).set({ rsvpCapacity: null }).where(eq(visits.id, w.visitA))
    const rows = await crowd(w)
    const cookie = w.person.organiser.cookie
    const res = await page(`/visits/${w.visitA}/rsvps`, cookie)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(names(html)).toHaveLength(50)
    expect(html).toContain('1–50 van 120 aanmeldingen · Pagina 1 van 3')
    // The figures are those of all 120, not of the page shown.
    const of = (s: (typeof statuses)[number]) => rows.filter((r) => r.status === s)
    const people = (list: typeof rows) => list.reduce((n, r) => n + r.partySize, 0)
    for (const s of statuses) {
      const label = { confirmed: 'Aangemeld', waitlisted: 'Op de wachtlijst', cancelled: 'Afgezegd' }[s]
      expect(html).toContain(`<th scope="row">${label}</th><td>${of(s).length}</td><td>${people(of(s))}</td>`)
    }
    expect(html).toContain(`<th scope="row">Aanmeldingen (alle)</th><td>120</td><td>${people(rows)}</td>`)
    const inA = of('confirmed').filter((r) => r.groupIds !== '[]')
    expect(html).toContain(`<th scope="row">Groep A</th><td>${inA.length}</td><td>${people(inA)}</td>`)
    // Vegetarians: one person per registration with the need, among the confirmed.
    const vegetarians = of('confirmed').filter((r) => r.dietary !== '{}').length
    expect(html).toMatch(new RegExp(`<th scope="row">Vegetarisch</th><td>${vegetarians}</td>`))
    // Confirmed first, then the waitlist, then the cancelled; the first page starts with the oldest confirmed.
    expect(names(html)[0]).toBe('Gast 001')
    // The list scrolls inside a named region a keyboard can reach.
    expect(html).toMatch(/<section class="tl-scroll" aria-label="[^"]+" tabindex="0">/)
    // The reads are a few statements, not one per guest, and the page reads no more rows than it needs to count.
    const cost = d1Cost(res)
    if (Number.isFinite(cost.queries)) expect(cost.queries).toBeLessThanOrEqual(12)

    const third = await (await page(`/visits/${w.visitA}/rsvps?page=3`, cookie)).text()
    expect(names(third)).toHaveLength(20)
    expect(third).toContain('101–120 van 120 aanmeldingen · Pagina 3 van 3')
    expect(third).toContain(`href="/visits/${w.visitA}/rsvps?page=2" rel="prev"`)
    expect(third).not.toContain('rel="next"')
    // Past the end: the last page.
    expect(names(await (await page(`/visits/${w.visitA}/rsvps?page=99`, cookie)).text())).toEqual(
      names(third),
    )

    // Search by part of a name, or of an address; % and _ are taken as they are.
    const found = await (await page(`/visits/${w.visitA}/rsvps?q=gast 01`, cookie)).text()
    expect(names(found).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `Gast ${String(10 + i).padStart(3, '0')}`),
    )
    const byMail = await (
      await page(`/visits/${w.visitA}/rsvps?q=${encodeURIComponent('gast7-')}`, cookie)
    ).text()
    expect(names(byMail)).toEqual(['Gast 007'])
    expect(names(await (await page(`/visits/${w.visitA}/rsvps?q=%25`, cookie)).text())).toEqual([])
    expect(await (await page(`/visits/${w.visitA}/rsvps?q=xyz`, cookie)).text()).toContain(
      'Geen aanmeldingen gevonden met ‘xyz’.',
    )
    // A status, and paging that keeps the search.
    const waiting = await (await page(`/visits/${w.visitA}/rsvps?status=waitlisted`, cookie)).text()
    expect(names(waiting)).toHaveLength(of('waitlisted').length)
    const gast = await (await page(`/visits/${w.visitA}/rsvps?q=gast&status=confirmed`, cookie)).text()
    expect(gast).toContain(
      `href="/visits/${w.visitA}/rsvps?q=gast&amp;status=confirmed&amp;page=2" rel="next"`,
    )

    // Viewers search names only: an address finds nobody (they do not see addresses).
    const viewer = w.person.viewer.cookie
    expect(names(await (await page(`/visits/${w.visitA}/rsvps?q=gast7-`, viewer)).text())).toEqual([])
    expect(names(await (await page(`/visits/${w.visitA}/rsvps?q=Gast 007`, viewer)).text())).toEqual([
      'Gast 007',
    ])

    // The CSV stays whole.
    const csv = await (await page(`/api/visits/${w.visitA}/rsvps.csv`, cookie)).text()
    expect(csv.trim().split('\n')).toHaveLength(121)
  })

  it('answers parameters it cannot read with 400 and a sentence above the whole list, never a 500', async () => {
    const w = await makeWorld()
    await crowd(w, 60)
    const cookie = w.person.organiser.cookie
    for (const query of [
      'page=abc',
      'page=0',
      'page=-1',
      'page=1e3',
      'status=gone',
      `q=${'x'.repeat(101)}`,
    ]) {
      const res = await page(`/visits/${w.visitA}/rsvps?${query}`, cookie)
      expect(res.status, query).toBe(400)
      const html = await res.text()
      expect(html).toContain('Die zoekopdracht kon niet worden gelezen')
      expect(names(html)).toHaveLength(50)
    }
  })
})

describe('the organisers cancel a registration', () => {
  async function guest(w: World, name: string, status: 'confirmed' | 'waitlisted', partySize = 2) {
    const [row] = await db
      .insert(rsvps)
      .values({
        visitId: w.visitA,
        name,
        email: `${name.toLowerCase()}-${w.teamA.slice(0, 8)}@example.nl`,
        partySize,
        status,
        tokenHash: await hashToken(randomToken()),
      })
      .returning()
    return row!
  }
  const statusOf = async (id: string) =>
    (await db.select({ status: rsvps.status }).from(rsvps).where(eq(rsvps.id, id)))[0]?.status

  it('asks first (nothing changes), then cancels, mails the guest by name and moves the waitlist up', async () => {
    const w = await makeWorld()
    await db.update(visits).set({ rsvpCapacity: 2 }).where(eq(visits.id, w.visitA))
    const anna = await guest(w, 'Anna', 'confirmed')
    const bert = await guest(w, 'Bert', 'waitlisted')
    const cookie = w.person.organiser.cookie
    const list = await (await page(`/visits/${w.visitA}/rsvps`, cookie)).text()
    expect(list).toContain(`action="/visits/${w.visitA}/rsvps/${anna.id}/cancel"`)

    const path = `/visits/${w.visitA}/rsvps/${anna.id}/cancel`
    const asked = await form(path, {}, { cookie })
    expect(asked.status).toBe(200)
    const question = await asked.text()
    expect(question).toContain('Je annuleert de aanmelding van deze gast.')
    expect(question).toContain('name="confirm" value="yes"')
    expect(await statusOf(anna.id)).toBe('confirmed')
    expect(await latestMailTo(anna.email)).toBeNull()

    // Viewers and hosts may not, confirmed or not.
    expect((await form(path, { confirm: 'yes' }, { cookie: w.person.viewer.cookie })).status).toBe(403)
    expect(await statusOf(anna.id)).toBe('confirmed')

    const done = await form(path, { confirm: 'yes' }, { cookie })
    expect(done.status).toBe(303)
    expect(done.headers.get('location')).toBe(`/visits/${w.visitA}/rsvps?done=cancelled`)
    expect(await statusOf(anna.id)).toBe('cancelled')
    expect(await statusOf(bert.id)).toBe('confirmed')
    const mail = await latestMailTo(anna.email)
    expect(mail?.kind).toBe('rsvp_cancelled_by_team')
    expect(mail?.text).toMatch(/^Beste Anna,/)
    expect((await latestMailTo(bert.email))?.text).toMatch(/^Beste Bert,/)
    const after = await (await page(`/visits/${w.visitA}/rsvps?done=cancelled`, cookie)).text()
    expect(after).toContain('De aanmelding is geannuleerd en de gast krijgt een mail.')
    // The team's log says so, without the guest's name.
    const logged = await env.DB.prepare(
      "SELECT summary FROM audit_log WHERE action = 'rsvp.cancelled' AND entity_id = ?",
    )
      .bind(anna.id)
      .first<{ summary: string }>()
    expect(logged?.summary).not.toContain('Anna')

    // Twice: nothing more happens, no second mail.
    expect((await form(path, { confirm: 'yes' }, { cookie })).status).toBe(303)
    const mails = await env.DB.prepare('SELECT count(*) AS n FROM mail_outbox WHERE "to" = ?')
      .bind(anna.email)
      .first<{ n: number }>()
    expect(mails?.n).toBe(1)
    // Another visit's registration through this visit's path: 404.
    expect(
      (await form(`/visits/${w.visitA}/rsvps/no-such-id/cancel`, { confirm: 'yes' }, { cookie })).status,
    ).toBe(404)
  })

  it("the guest's own cancel asks first too, without JavaScript", async () => {
    const w = await makeWorld()
    const token = randomToken()
    const [row] = await db
      .insert(rsvps)
      .values({
        visitId: w.visitA,
        name: 'Cor',
        email: `cor-${w.teamA.slice(0, 8)}@example.nl`,
        partySize: 1,
        status: 'confirmed',
        tokenHash: await hashToken(token),
      })
      .returning()
    const asked = await form(`/r/${token}/cancel`, {})
    expect(asked.status).toBe(200)
    expect(await asked.text()).toContain('Je zegt je aanmelding af.')
    expect(await statusOf(row!.id)).toBe('confirmed')
    expect((await form(`/r/${token}/cancel`, { confirm: 'yes' })).status).toBe(303)
    expect(await statusOf(row!.id)).toBe('cancelled')
  })
})

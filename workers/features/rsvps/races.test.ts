import { env } from 'cloudflare:test'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { groups, releases, visits } from '../../../shared/db/schema'
import { api, db, form, freshClient, mailedToken } from '../../../test/integration/helpers'
import { makeWorld, type World } from '../../../test/integration/world'
import { readConfig } from '../../platform/config'
import { openDatabase } from '../../platform/db/database'
import { promoteWaitlist } from './rsvps'

// D1 has no interactive transactions: each rule must hold inside one statement (a conditional INSERT …
// SELECT, a guarded UPDATE) or one batch. These tests send the requests at once and check what came out.

const guest = (w: World, name: string) => `${name}-${w.teamA.slice(0, 8)}@example.nl`

const register = (w: World, email: string, partySize: number, extra: Record<string, unknown> = {}) =>
  api(`/api/public/visits/${w.slugA}/rsvps`, {
    body: { name: 'Gast', email, partySize, ...extra },
    headers: { 'cf-connecting-ip': freshClient() },
  })

/** The registrations in the order they were stored, with their status. */
const stored = async (visitId: string) =>
  (
    await env.DB.prepare(
      'SELECT email, party_size AS size, status FROM rsvps WHERE visit_id = ? ORDER BY created_at, rowid',
    )
      .bind(visitId)
      .all<{ email: string; size: number; status: string }>()
  ).results

const confirmedPeople = async (visitId: string) =>
  (await stored(visitId)).filter((r) => r.status === 'confirmed').reduce((n, r) => n + r.size, 0)

const mails = async (to: string, kind: string) =>
  (
    await env.DB.prepare('SELECT count(*) AS n FROM mail_outbox WHERE "to" = ? AND kind = ?')
      .bind(to, kind)
      .first<{ n: number }>()
  )?.n

describe('registrations for the last places at once', () => {
  it('never go over the maximum, and the places go to the first to arrive', async () => {
    const w = await makeWorld()
    await db.update(visits).set({ rsvpCapacity: 5 }).where(eq(visits.id, w.visitA))
    const emails = Array.from({ length: 12 }, (_, i) => guest(w, `gast${i}`))
    const answers = await Promise.all(emails.map((e) => register(w, e, 1)))
    expect(answers.map((r) => r.status)).toEqual(emails.map(() => 202))
    const rows = await stored(w.visitA)
    expect(rows).toHaveLength(12)
    // In the order they were stored: five confirmed, then only waiting — nobody later took an earlier place.
    expect(rows.map((r) => r.status)).toEqual([...Array(5).fill('confirmed'), ...Array(7).fill('waitlisted')])
    const totals = await env.DB.prepare('SELECT confirmed_people AS n FROM rsvp_totals WHERE visit_id = ?')
      .bind(w.visitA)
      .first<{ n: number }>()
    expect(totals?.n).toBe(5)
  })

  it("never overfill a venue's places at one moment", async () => {
    const w = await makeWorld()
    const [release] = await db.select().from(releases).where(eq(releases.id, w.releaseA))
    const snapshot = JSON.parse(release!.snapshot)
    snapshot.groups = [{ id: w.groupA, name: 'Groep A' }]
    snapshot.venues = [{ id: w.venueA2, name: 'Keuken', capacity: 6 }]
    snapshot.items = [
      {
        id: 'keuken',
        title: 'In de keuken',
        start: Date.parse('2027-06-12T14:00:00Z'),
        end: Date.parse('2027-06-12T15:00:00Z'),
        venueId: w.venueA2,
        groupIds: [w.groupA],
        cancelled: false,
      },
    ]
    await db
      .update(releases)
      .set({ snapshot: JSON.stringify(snapshot) })
      .where(eq(releases.id, w.releaseA))
    await db.insert(groups).values({ id: crypto.randomUUID(), visitId: w.visitA, name: 'Leeg' })
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => register(w, guest(w, `keuken${i}`), 2, { groupIds: [w.groupA] })),
    )
    expect(answers.every((r) => r.status === 202)).toBe(true)
    // The mayor (group A) and two parties of two fill 5 of the 6 places; a third party of two does not fit.
    expect(await confirmedPeople(w.visitA)).toBe(4)
  })
})

describe('a cancellation racing a promotion and a new registration', () => {
  it('moves the waitlist up once, in order, before anyone new; one mail each', async () => {
    const w = await makeWorld()
    await db.update(visits).set({ rsvpCapacity: 3 }).where(eq(visits.id, w.visitA))
    const [anna, bert, cor, dirk] = ['anna', 'bert', 'cor', 'dirk'].map((n) => guest(w, n)) as [
      string,
      string,
      string,
      string,
    ]
    expect((await register(w, anna, 3)).status).toBe(202)
    expect((await register(w, bert, 2)).status).toBe(202)
    expect((await register(w, cor, 1)).status).toBe(202)
    const annaToken = await mailedToken(anna, '/r')
    const database = openDatabase(env.DB)
    const config = readConfig(env as unknown as Cloudflare.Env)
    // Anna cancels while the organisers' raise of nothing runs a promotion and Dirk registers for three.
    const [cancelled, , fresh] = await Promise.all([
      form(`/r/${annaToken}/cancel`, { confirm: 'yes' }),
      promoteWaitlist(database, config, w.visitA, new Date()),
      register(w, dirk, 3),
      promoteWaitlist(database, config, w.visitA, new Date()),
    ])
    expect(cancelled.status).toBe(303)
    expect(fresh.status).toBe(202)
    const status = new Map((await stored(w.visitA)).map((r) => [r.email, r.status]))
    expect(status.get(anna)).toBe('cancelled')
    expect(status.get(bert)).toBe('confirmed')
    expect(status.get(cor)).toBe('confirmed')
    // Dirk came while the visit was full, or after Bert and Cor had moved up: he waits either way.
    expect(status.get(dirk)).toBe('waitlisted')
    expect(await confirmedPeople(w.visitA)).toBe(3)
    expect(await mails(bert, 'rsvp_promoted')).toBe(1)
    expect(await mails(cor, 'rsvp_promoted')).toBe(1)
  })

  it('two cancellations and two promotions at once never overfill and mail each promotion once', async () => {
    const w = await makeWorld()
    await db.update(visits).set({ rsvpCapacity: 4 }).where(eq(visits.id, w.visitA))
    const names = ['a1', 'a2', 'w1', 'w2', 'w3'].map((n) => guest(w, n)) as string[]
    for (const [i, email] of names.entries())
      expect((await register(w, email, 2)).status).toBe(i < 5 ? 202 : 0)
    const [t1, t2] = [await mailedToken(names[0]!, '/r'), await mailedToken(names[1]!, '/r')]
    const database = openDatabase(env.DB)
    const config = readConfig(env as unknown as Cloudflare.Env)
    await Promise.all([
      form(`/r/${t1}/cancel`, { confirm: 'yes' }),
      form(`/r/${t2}/cancel`, { confirm: 'yes' }),
      promoteWaitlist(database, config, w.visitA, new Date()),
      promoteWaitlist(database, config, w.visitA, new Date()),
    ])
    const rows = await stored(w.visitA)
    expect(rows.map((r) => r.status)).toEqual([
      'cancelled',
      'cancelled',
      'confirmed',
      'confirmed',
      'waitlisted',
    ])
    expect(await confirmedPeople(w.visitA)).toBe(4)
    for (const email of names.slice(2, 4)) expect(await mails(email, 'rsvp_promoted')).toBe(1)
    expect(await mails(names[4]!, 'rsvp_promoted')).toBe(0)
  })
})

import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { api, freshClient } from '../../../test/integration/helpers'
import { makeWorld, type World } from '../../../test/integration/world'
import { cateringJob } from '../../jobs/catering'
import { cateringSetup, orderRow } from './catering.fixtures.matrix'

/** The catering mails to an address, oldest first. */
async function mailsTo(to: string) {
  const rows = await env.DB.prepare(
    'SELECT kind, subject, text FROM mail_outbox WHERE "to" = ? AND kind LIKE \'catering_%\' ORDER BY rowid',
  )
    .bind(to)
    .all<{ kind: string; subject: string; text: string }>()
  return rows.results
}

const supplierOf = (w: World) => `bakkerij-${w.teamA.slice(0, 8)}@example.nl`

describe('the catering job, with the clock given', () => {
  // The fixture: the borrel order (asked, 48 h reminder) is due on 10 June 10:00 UTC, the lunch (planned,
  // not asked yet, 24 h) on 9 June 10:00; the volunteers' snacks have no deadline.
  it('reminds the asked provider before the deadline, freezes and sends at it, once each', async () => {
    const w = await makeWorld()
    const m = await cateringSetup(w)
    const caterer = w.person.caterer.email

    expect(await cateringJob(env, new Date('2027-06-07T10:00:00Z'))).toEqual({ reminded: 0, sent: 0 })
    expect(await mailsTo(caterer)).toEqual([])

    // 8 June 10:30: 48 hours before the borrel. The lunch's supplier was not asked: no reminder for them.
    expect(await cateringJob(env, new Date('2027-06-08T10:30:00Z'))).toEqual({ reminded: 1, sent: 0 })
    const [reminder] = await mailsTo(caterer)
    expect(reminder?.kind).toBe('catering_reminder')
    expect(reminder?.text).toContain('worden de aantallen voor')
    expect(reminder?.text).toContain('11 personen → 3 flessen')
    expect((await orderRow(m.borrelOrder))?.reminderSentAt).toEqual(new Date('2027-06-08T10:30:00Z'))
    expect(await mailsTo(supplierOf(w))).toEqual([])

    // Five minutes later nothing is due again.
    expect(await cateringJob(env, new Date('2027-06-08T10:35:00Z'))).toEqual({ reminded: 0, sent: 0 })

    // 9 June 10:00: the lunch's deadline. Its numbers are frozen and sent, and the supplier is asked by that.
    expect(await cateringJob(env, new Date('2027-06-09T10:00:00Z'))).toEqual({ reminded: 0, sent: 1 })
    const lunch = await orderRow(m.lunchOrder)
    expect(lunch).toMatchObject({ status: 'requested', sentAt: new Date('2027-06-09T10:00:00Z') })
    expect(JSON.parse(lunch?.sentNumbers ?? '{}')).toMatchObject({ persons: 7, quantity: 7 })
    const [numbers] = await mailsTo(supplierOf(w))
    expect(numbers).toMatchObject({ kind: 'catering_numbers' })
    expect(numbers?.text).toContain('7 personen → 7 lunchpakketten')

    // 10 June 10:05: the borrel's numbers. After that the job has nothing left to do.
    expect(await cateringJob(env, new Date('2027-06-10T10:05:00Z'))).toEqual({ reminded: 0, sent: 1 })
    expect((await mailsTo(caterer)).map((x) => x.kind)).toEqual(['catering_reminder', 'catering_numbers'])
    expect(await cateringJob(env, new Date('2027-06-11T10:00:00Z'))).toEqual({ reminded: 0, sent: 0 })

    // A registration after the numbers went: the team sees the difference and sends again.
    const res = await api(`/api/public/visits/${w.slugA}/rsvps`, {
      body: { name: 'Laat', email: `laat-${w.teamA.slice(0, 8)}@example.nl`, partySize: 3, groupIds: [] },
      headers: { 'cf-connecting-ip': freshClient() },
    })
    expect(res.status).toBe(202)
    const order = await api(`/api/catering/orders/${m.borrelOrder}`, { cookie: w.person.organiser.cookie })
    const borrel = (await order.json()) as { version: number; difference: { persons: number } | null }
    expect(borrel.difference).toMatchObject({ persons: 3 })
    const again = await api(`/api/catering/orders/${m.borrelOrder}/send`, {
      cookie: w.person.organiser.cookie,
      body: { version: borrel.version },
    })
    expect(again.status).toBe(200)
    const latest = (await mailsTo(caterer)).at(-1)
    expect(latest?.kind).toBe('catering_numbers')
    expect(latest?.text).toContain('14 personen → 4 flessen')
    expect(latest?.text).toContain('Sinds de aantallen zijn doorgegeven: +3 personen, +1 flessen')
  })

  it('sends each provider one mail per run, also when two runs overlap', async () => {
    const w = await makeWorld()
    const m = await cateringSetup(w)
    const at = new Date('2027-06-10T12:00:00Z')
    const runs = await Promise.all([cateringJob(env, at), cateringJob(env, new Date(at.getTime() + 1))])
    expect(runs.reduce((n, r) => n + (r?.sent ?? 0), 0)).toBeGreaterThanOrEqual(2)
    expect((await mailsTo(w.person.caterer.email)).filter((x) => x.kind === 'catering_numbers')).toHaveLength(
      1,
    )
    expect((await mailsTo(supplierOf(w))).filter((x) => x.kind === 'catering_numbers')).toHaveLength(1)
    expect((await orderRow(m.borrelOrder))?.sentAt).not.toBeNull()
  })

  it('freezes an order without a provider, mails nobody, and leaves cancelled orders alone', async () => {
    const w = await makeWorld()
    const m = await cateringSetup(w)
    await api(`/api/catering/orders/${m.lunchOrder}`, {
      method: 'PATCH',
      cookie: w.person.organiser.cookie,
      body: { providerId: null, version: 1 },
    })
    await api(`/api/catering/orders/${m.borrelOrder}/status`, {
      cookie: w.person.organiser.cookie,
      body: { status: 'cancelled', version: 1 },
    })
    const cancelMail = (await mailsTo(w.person.caterer.email)).at(-1)
    expect(cancelMail?.kind).toBe('catering_cancelled')
    expect(await cateringJob(env, new Date('2027-06-11T12:00:00Z'))).toEqual({ reminded: 0, sent: 1 })
    expect((await orderRow(m.lunchOrder))?.sentAt).not.toBeNull()
    expect((await orderRow(m.borrelOrder))?.sentAt).toBeNull()
    expect(await mailsTo(supplierOf(w))).toEqual([])
  })
})

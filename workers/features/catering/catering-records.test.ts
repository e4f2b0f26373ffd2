import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog, rsvps } from '../../../shared/db/schema'
import { api, d1Cost, db, page } from '../../../test/integration/helpers'
import { makeWorld, type World } from '../../../test/integration/world'
import { cateringSetup, GUEST } from './catering.fixtures.matrix'
import { cateringPlan } from './catering-plan'
import { loadCatering } from './queries'

type Json = Record<string, unknown>

const organiser = (w: World) => w.person.organiser.cookie

// The catering feature's records and costs: the audit log, the plan shared while nothing changes, what a page
// costs in D1, and the API description (the headcount and bad-input tests are in catering.test.ts).

describe('the audit log', () => {
  it('records who created, changed, moved and sent an order and added a part, without any guest in it', async () => {
    const w = await makeWorld()
    const m = await cateringSetup(w)
    const created = await api(`/api/visits/${w.visitA}/catering/orders`, {
      cookie: organiser(w),
      body: {
        kind: 'coffee_tea',
        itemId: m.borrel,
        providerId: m.supplier,
        rule: 'per_person',
        amount: 1,
        unitCostCents: 150,
      },
    })
    expect(created.status, await created.clone().text()).toBe(201)
    const orderId = ((await created.json()) as { id: string }).id
    const steps: [string, string, Json][] = [
      [`/api/catering/orders/${orderId}`, 'PATCH', { amount: 2, version: 1 }],
      [`/api/catering/orders/${orderId}/status`, 'POST', { status: 'requested', version: 2 }],
      [`/api/catering/orders/${orderId}/send`, 'POST', { version: 3 }],
      [`/api/catering/orders/${orderId}/contributions`, 'POST', { description: 'koekjes', quantity: 10 }],
    ]
    for (const [path, method, body] of steps) {
      const res = await api(path, { method, cookie: organiser(w), body })
      expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBeLessThan(300)
    }
    const rows = await db.select().from(auditLog).where(eq(auditLog.teamId, w.teamA))
    const actions = rows.filter((r) => r.entityId === orderId || r.action.startsWith('catering_contribution'))
    expect(actions.map((r) => r.action).sort()).toEqual([
      'catering_contribution.created',
      'catering_order.created',
      'catering_order.numbers_sent',
      'catering_order.status',
      'catering_order.updated',
    ])
    for (const r of actions) expect(r.actorId).toBe(w.person.organiser.id)
    const written = JSON.stringify(rows)
    expect(written).not.toContain(GUEST.name)
    expect(written).not.toContain(GUEST.email)
    expect(written).not.toContain(GUEST.note)
  })
})

describe('the plan shared while nothing changes', () => {
  it('is worked out once per answer from D1 and per side of each deadline; a change makes a new one', async () => {
    const w = await makeWorld()
    const m = await cateringSetup(w)
    const before = new Date('2027-06-01T10:00:00Z')
    const rows = await loadCatering(db, { visitId: w.visitA })
    if (!rows) throw new Error('no catering')
    // The same answer again (named by an order this time) is the same rows, and the same plan.
    expect(await loadCatering(db, { orderId: m.borrelOrder })).toBe(rows)
    const plan = cateringPlan(rows, before)
    expect(cateringPlan(rows, new Date('2027-06-05T10:00:00Z'))).toBe(plan)
    const warnings = (p: typeof plan) => p.orders.find((o) => o.id === m.lunchOrder)?.warnings
    expect(warnings(plan)).not.toContain('deadline_passed')
    // Past the lunch's deadline (9 June) the warning shows; before it again it does not.
    const after = cateringPlan(rows, new Date('2027-06-09T10:00:01Z'))
    expect(after).not.toBe(plan)
    expect(warnings(after)).toContain('deadline_passed')
    expect(warnings(cateringPlan(rows, before))).not.toContain('deadline_passed')
    // A new registration is a new answer: new rows, and numbers that count it.
    const persons = plan.everyone.persons
    await db.insert(rsvps).values({
      visitId: w.visitA,
      name: 'Nieuw',
      email: `nieuw-${w.visitA.slice(0, 8)}@example.nl`,
      partySize: 2,
      status: 'confirmed',
      tokenHash: crypto.randomUUID(),
    })
    const changed = await loadCatering(db, { visitId: w.visitA })
    expect(changed).not.toBe(rows)
    if (!changed) throw new Error('no catering')
    expect(cateringPlan(changed, before).everyone.persons).toBe(persons + 2)
  })
})

describe('what a page costs in D1', () => {
  it('one round trip for the catering page, the session’s included; none more for the provider’s link', async () => {
    const w = await makeWorld()
    const m = await cateringSetup(w)
    // The page's read goes with the session lookup; the first read after a change stores the answer (one
    // round trip and one row more); then as stored.
    const first = await page(`/visits/${w.visitA}/catering`, organiser(w))
    expect(d1Cost(first)).toMatchObject({ queries: 2, rowsWritten: 1 })
    const team = await page(`/visits/${w.visitA}/catering`, organiser(w))
    expect(team.status).toBe(200)
    expect(d1Cost(team)).toMatchObject({ queries: 1, rowsWritten: 0 })
    const order = await page(`/catering/orders/${m.borrelOrder}`, organiser(w))
    expect(d1Cost(order).queries).toBe(2)
    const link = await page(`/c/${m.tokens.volunteer}`)
    expect(d1Cost(link)).toMatchObject({ queries: 1, rowsWritten: 0 })
    // The overview adds the catering's summary in one more round trip to its own.
    const overview = await page(`/visits/${w.visitA}`, organiser(w))
    expect(d1Cost(overview).queries).toBe(3)
  })
})

describe('the API description', () => {
  it('lists the catering routes with their schemas', async () => {
    const res = await api('/api/openapi.json')
    const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> }
    expect(doc.paths['/api/visits/{visitId}/catering/orders']?.post).toBeDefined()
    expect(doc.paths['/api/catering/orders/{orderId}']?.patch).toBeDefined()
    expect(JSON.stringify(doc.paths['/api/visits/{visitId}/catering/orders'])).toContain('unitCostCents')
  })
})

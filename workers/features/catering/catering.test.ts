import { env } from 'cloudflare:test'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import {
  cateringContributions,
  cateringOrders,
  cateringProviders,
  releases,
  rsvps,
} from '../../../shared/db/schema'
import type { ReleaseSnapshot } from '../../../shared/domain/release-snapshot'
import { api, db, form, freshClient, mailedToken, page } from '../../../test/integration/helpers'
import { makeWorld, type World } from '../../../test/integration/world'
import { type Catering, cateringSetup, orderRow } from './catering.fixtures.matrix'

type Json = Record<string, unknown>
type Numbers = { persons: number; quantity: number; costCents: number; dietary: Record<string, number> }
type OrderJson = Json & { numbers: Numbers; sent: Numbers | null; difference: Json | null; version: number }

const organiser = (w: World) => w.person.organiser.cookie

async function orderJson(w: World, orderId: string): Promise<OrderJson> {
  const res = await api(`/api/catering/orders/${orderId}`, { cookie: organiser(w) })
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as OrderJson
}

const persons = async (w: World, orderId: string) => (await orderJson(w, orderId)).numbers.persons

/** A guest registers through the public API; returns their private link's token from the mail. */
async function register(w: World, name: string, body: Json = {}) {
  const email = `${name}-${w.teamA.slice(0, 8)}@example.nl`
  const res = await api(`/api/public/visits/${w.slugA}/rsvps`, {
    body: { name, email, partySize: 2, groupIds: [], ...body },
    headers: { 'cf-connecting-ip': freshClient() },
  })
  expect(res.status, await res.clone().text()).toBe(202)
  return mailedToken(email, '/r')
}

/** A new release naming both groups, so guests may choose them. */
async function releaseWithGroups(w: World, m: Catering) {
  const snapshot: ReleaseSnapshot = {
    visit: {
      id: w.visitA,
      slug: w.slugA,
      title: 'Bezoek',
      kind: 'college_visit',
      description: '',
      meetingPoint: '',
      timeZone: 'Europe/Amsterdam',
      startDate: '2027-06-12',
      endDate: '2027-06-12',
      walkingSpeedKmh: 4.5,
    },
    venues: [],
    groups: [
      { id: w.groupA, name: 'Groep A' },
      { id: m.groupB, name: 'Groep B' },
    ],
    items: [],
  } as unknown as ReleaseSnapshot
  await db.insert(releases).values({
    visitId: w.visitA,
    number: 2,
    name: 'Versie 2',
    snapshot: JSON.stringify(snapshot),
    changes: '[]',
    publishedAt: new Date(),
  })
}

const countOrders = async (visitId: string) =>
  (await db.select().from(cateringOrders).where(eq(cateringOrders.visitId, visitId))).length

describe('the numbers follow the headcount', () => {
  it('counts confirmed guests by party size, the company, the team present — per group for a group item', async () => {
    const w = await makeWorld()
    const m = await cateringSetup(w)
    await db.insert(rsvps).values({
      visitId: w.visitA,
      name: 'Wachtend',
      email: `wacht-${w.teamA.slice(0, 8)}@example.nl`,
      partySize: 5,
      status: 'waitlisted',
      tokenHash: crypto.randomUUID(),
    })
    // Borrel, for everyone: guests 3 + 2 + 4 (the waitlisted and cancelled parties never count), the mayor
    // of the company, the organiser present = 11; one bottle per 4 people.
    const borrel = await orderJson(w, m.borrelOrder)
    expect(borrel.numbers).toMatchObject({ persons: 11, quantity: 3, costCents: 1950 })
    expect(borrel.numbers.dietary).toMatchObject({ vegetarian: 1, vegan: 1 })
    expect(borrel.count).toMatchObject({ guests: 9, registrations: 3, company: 1, team: 1, speakers: 0 })
    // Lunch for group A: the guest without a group follows the whole company (3), group A's party (2), the
    // mayor (group A), the organiser (whole company) = 7; group B's party is elsewhere.
    expect((await orderJson(w, m.lunchOrder)).numbers).toMatchObject({
      persons: 7,
      quantity: 7,
      costCents: 6265,
    })
  })

  it('moves with a new registration, a cancellation, a guest changing group and an item changing groups', async () => {
    const w = await makeWorld()
    const m = await cateringSetup(w)
    await releaseWithGroups(w, m)
    const token = await register(w, 'nieuw')
    expect(await persons(w, m.borrelOrder)).toBe(13)
    expect(await persons(w, m.lunchOrder)).toBe(9)

    // The guest chooses group B through their own link: not at group A's lunch any more.
    const own = await (await page(`/r/${token}`)).text()
    const version = own.match(/name="version" value="(\d+)"/)?.[1] ?? '1'
    const changed = await form(`/r/${token}`, { groupIds: m.groupB, version })
    expect(changed.status, await changed.clone().text()).toBe(303)
    expect(await persons(w, m.borrelOrder)).toBe(13)
    expect(await persons(w, m.lunchOrder)).toBe(7)

    // They cancel: the borrel is back to 11.
    const cancelled = await form(`/r/${token}/cancel`, { confirm: 'yes' })
    expect(cancelled.status).toBe(303)
    expect(await persons(w, m.borrelOrder)).toBe(11)

    // The lunch becomes group B's: the guest without a group, group B's party of 4, the organiser; the
    // mayor (group A) no longer.
    const item = await api(`/api/items/${m.lunch}`, { cookie: organiser(w) })
    const { item: row } = (await item.json()) as { item: { version: number } }
    const moved = await api(`/api/items/${m.lunch}`, {
      method: 'PATCH',
      cookie: organiser(w),
      body: { groupIds: [m.groupB], version: row.version },
    })
    expect(moved.status, await moved.clone().text()).toBe(200)
    expect(await persons(w, m.lunchOrder)).toBe(8)
  })

  it('counts a team member who also registered once, and adds the extra persons the team names', async () => {
    const w = await makeWorld()
    const m = await cateringSetup(w)
    await api(`/api/public/visits/${w.slugA}/rsvps`, {
      body: { name: 'Organisator', email: w.person.organiser.email, partySize: 1, groupIds: [] },
      headers: { 'cf-connecting-ip': freshClient() },
    })
    const borrel = await orderJson(w, m.borrelOrder)
    expect(borrel.count).toMatchObject({ guests: 10, team: 0, countedOnce: 1 })
    expect(borrel.numbers.persons).toBe(11)
    const patched = await api(`/api/catering/orders/${m.borrelOrder}`, {
      method: 'PATCH',
      cookie: organiser(w),
      body: { extraPersons: 3, version: borrel.version },
    })
    expect(patched.status).toBe(200)
    expect(((await patched.json()) as OrderJson).numbers.persons).toBe(14)
  })

  it('freezes the numbers when sent, shows what changed since, and sends them again', async () => {
    const w = await makeWorld()
    const m = await cateringSetup(w)
    const sent = await api(`/api/catering/orders/${m.lunchOrder}/send`, {
      cookie: organiser(w),
      body: { version: 1 },
    })
    expect(sent.status, await sent.clone().text()).toBe(200)
    const { mailed, order } = (await sent.json()) as { mailed: boolean; order: OrderJson }
    expect(mailed).toBe(true)
    expect(order).toMatchObject({ status: 'requested', sent: { persons: 7 }, difference: null })
    await register(w, 'later', { partySize: 3 })
    const after = await orderJson(w, m.lunchOrder)
    expect(after.difference).toMatchObject({ persons: 3, quantity: 3 })
    const pageText = await (await page(`/catering/orders/${m.lunchOrder}`, organiser(w))).text()
    expect(pageText).toContain('Sinds de aantallen zijn doorgegeven: +3 personen')
    const again = await form(
      `/catering/orders/${m.lunchOrder}/send`,
      { version: String(after.version) },
      {
        cookie: organiser(w),
      },
    )
    expect(again.status).toBe(303)
    const resent = await orderJson(w, m.lunchOrder)
    expect(resent).toMatchObject({ sent: { persons: 10 }, difference: null })
  })
})

describe('bad input is refused with a clear message, and nothing is saved', () => {
  const base = (m: Catering) => ({
    kind: 'lunch',
    itemId: m.lunch,
    rule: 'per_person',
    amount: 1,
    unitCostCents: 500,
  })
  const cases: [string, (w: World, m: Catering) => Json, string, string][] = [
    ['a negative amount', (_w, m) => ({ ...base(m), amount: -3 }), 'amount', 'Dit kan niet negatief zijn.'],
    [
      'a negative cost',
      (_w, m) => ({ ...base(m), unitCostCents: -100 }),
      'unitCostCents',
      'Dit kan niet negatief zijn.',
    ],
    [
      'nothing per person',
      (_w, m) => ({ ...base(m), amount: 0 }),
      'amount',
      'Vul minstens 1 in; alleen een vast aantal mag 0 zijn.',
    ],
    [
      'negative extra persons',
      (_w, m) => ({ ...base(m), extraPersons: -1 }),
      'extraPersons',
      'Dit kan niet negatief zijn.',
    ],
    [
      'an item that does not exist',
      (_w, m) => ({ ...base(m), itemId: crypto.randomUUID() }),
      'itemId',
      'Dit programmaonderdeel hoort niet bij dit bezoek.',
    ],
    [
      'an unknown provider',
      (_w, m) => ({ ...base(m), providerId: crypto.randomUUID() }),
      'providerId',
      'Deze leverancier of vrijwilliger kennen we niet bij dit bezoek.',
    ],
    [
      'a deadline after the item',
      (_w, m) => ({ ...base(m), deadline: { date: '2027-06-12', time: '12:30' } }),
      'deadline',
      'De deadline moet vóór het begin van het programmaonderdeel liggen.',
    ],
    [
      'a made-up time',
      (_w, m) => ({ ...base(m), deadline: { date: '2027-06-12', time: '25:00' } }),
      'deadline.time',
      'Vul een tijd in als 14:30.',
    ],
  ]
  for (const [what, body, field, message] of cases) {
    it(`API: ${what} answers 422 at the field`, async () => {
      const w = await makeWorld()
      const m = await cateringSetup(w)
      const before = await countOrders(w.visitA)
      const res = await api(`/api/visits/${w.visitA}/catering/orders`, {
        cookie: organiser(w),
        body: body(w, m),
      })
      expect(res.status).toBe(422)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      const problem = (await res.json()) as { errors: { field: string; message: string }[] }
      expect(problem.errors).toContainEqual({ field, message })
      expect(await countOrders(w.visitA)).toBe(before)
    })
  }

  it('API: an item of another team’s visit is not this visit’s (422), and a stale version answers 409', async () => {
    const w = await makeWorld()
    const m = await cateringSetup(w)
    const other = await makeWorld()
    const res = await api(`/api/visits/${w.visitA}/catering/orders`, {
      cookie: organiser(w),
      body: { ...base(m), itemId: other.itemA1 },
    })
    expect(res.status).toBe(422)
    const first = await api(`/api/catering/orders/${m.lunchOrder}`, {
      method: 'PATCH',
      cookie: organiser(w),
      body: { amount: 2, version: 1 },
    })
    expect(first.status).toBe(200)
    const stale = await api(`/api/catering/orders/${m.lunchOrder}`, {
      method: 'PATCH',
      cookie: organiser(w),
      body: { amount: 5, version: 1 },
    })
    expect(stale.status).toBe(409)
    expect(await stale.json()).toMatchObject({ code: 'conflict', reason: 'stale' })
    expect((await orderRow(m.lunchOrder))?.amount).toBe(2)
  })

  it('API: a step the status cannot take, and answering a cancelled order, answer 409', async () => {
    const w = await makeWorld()
    const m = await cateringSetup(w)
    const jump = await api(`/api/catering/orders/${m.lunchOrder}/status`, {
      cookie: organiser(w),
      body: { status: 'delivered', version: 1 },
    })
    expect(jump.status).toBe(409)
    expect(await jump.json()).toMatchObject({ reason: 'order_status' })
    await api(`/api/catering/orders/${m.borrelOrder}/status`, {
      cookie: organiser(w),
      body: { status: 'cancelled', version: 1 },
    })
    const answer = await api(`/api/catering/orders/${m.borrelOrder}/answer`, {
      cookie: w.person.caterer.cookie,
      body: { answer: 'confirm', version: 2 },
    })
    expect(answer.status).toBe(409)
    expect(await answer.json()).toMatchObject({ reason: 'order_closed' })
    expect((await orderRow(m.borrelOrder))?.status).toBe('cancelled')
  })

  it('API: a negative contribution, a stranger as volunteer, an unknown team member: 422', async () => {
    const w = await makeWorld()
    const m = await cateringSetup(w)
    const part = await api(`/api/catering/orders/${m.snacksOrder}/contributions`, {
      cookie: organiser(w),
      body: { description: 'taart', quantity: -4 },
    })
    expect(part.status).toBe(422)
    const stranger = await api(`/api/catering/orders/${m.snacksOrder}/contributions`, {
      cookie: organiser(w),
      body: { description: 'taart', providerId: crypto.randomUUID() },
    })
    expect(stranger.status).toBe(422)
    const person = await api(`/api/visits/${w.visitA}/catering/providers`, {
      cookie: organiser(w),
      body: { kind: 'team_member', personId: w.person.outsider.id },
    })
    expect(person.status).toBe(422)
    expect(await person.json()).toMatchObject({
      errors: [{ field: 'personId', message: 'Deze persoon hoort niet bij dit team of dit bezoek.' }],
    })
    const contributions = await db
      .select()
      .from(cateringContributions)
      .where(eq(cateringContributions.orderId, m.snacksOrder))
    expect(contributions).toHaveLength(3)
  })

  it('form: a deadline after the item and a price that is no amount are shown at their fields, as typed', async () => {
    const w = await makeWorld()
    const m = await cateringSetup(w)
    const before = await countOrders(w.visitA)
    const res = await form(
      `/visits/${w.visitA}/catering/orders`,
      {
        kind: 'lunch',
        itemId: m.lunch,
        rule: 'per_person',
        amount: '1',
        unit: 'broodjes',
        unitCost: 'twee euro',
        deadlineDate: '2027-06-12',
        deadlineTime: '13:00',
      },
      { cookie: organiser(w) },
    )
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('Vul een bedrag in euro in, zoals 2,50.')
    expect(html).toContain('value="twee euro"')
    // The price is checked first by the schema; with a good price the deadline is refused next.
    const second = await form(
      `/visits/${w.visitA}/catering/orders`,
      {
        kind: 'lunch',
        itemId: m.lunch,
        rule: 'per_person',
        amount: '1',
        unitCost: '2,50',
        deadlineDate: '2027-06-12',
        deadlineTime: '13:00',
      },
      { cookie: organiser(w) },
    )
    expect(second.status).toBe(422)
    const again = await second.text()
    expect(again).toContain('De deadline moet vóór het begin van het programmaonderdeel liggen.')
    expect(again).toContain('value="13:00"')
    expect(await countOrders(w.visitA)).toBe(before)
  })

  it('form: a stale version shows the newest order with the sentence, nothing saved (409)', async () => {
    const w = await makeWorld()
    const m = await cateringSetup(w)
    await api(`/api/catering/orders/${m.lunchOrder}`, {
      method: 'PATCH',
      cookie: organiser(w),
      body: { unit: 'broodjes', version: 1 },
    })
    const res = await form(
      `/catering/orders/${m.lunchOrder}`,
      { kind: 'lunch', itemId: m.lunch, rule: 'per_person', amount: '4', unitCost: '8,95', version: '1' },
      { cookie: organiser(w) },
    )
    expect(res.status).toBe(409)
    expect(await res.text()).toContain('Iemand anders heeft dit intussen gewijzigd.')
    expect(await orderRow(m.lunchOrder)).toMatchObject({ amount: 1, unit: 'broodjes' })
  })

  it('form: removing a provider needs the tick; without it nothing goes', async () => {
    const w = await makeWorld()
    const m = await cateringSetup(w)
    const res = await form(`/catering/providers/${m.volunteer}/remove`, {}, { cookie: organiser(w) })
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('Vink aan dat je het zeker weet')
    expect(
      await db.select().from(cateringProviders).where(eq(cateringProviders.id, m.volunteer)),
    ).toHaveLength(1)
  })
})

describe('the provider’s and the volunteer’s own view', () => {
  it('a volunteer confirms, takes an open part and ticks it off through their link; others’ parts do not exist', async () => {
    const w = await makeWorld()
    const m = await cateringSetup(w)
    const link = `/c/${m.tokens.volunteer}`
    const own = await page(link)
    expect(own.status).toBe(200)
    expect(own.headers.get('referrer-policy')).toBe('no-referrer')
    const html = await own.text()
    expect(html).toContain('Jouw catering, Hilde')
    expect(html).toContain('kaasblokjes')
    // The caterer's part of the same order is theirs, not Hilde's.
    expect(html).not.toContain('servetten')
    expect(
      (
        await form(`${link}/orders/${m.snacksOrder}`, {
          answer: 'confirm',
          note: 'Met plezier',
          version: '1',
        })
      ).status,
    ).toBe(303)
    expect(await orderRow(m.snacksOrder)).toMatchObject({ status: 'confirmed', providerNote: 'Met plezier' })
    expect((await form(`${link}/contributions/${m.open}`, { action: 'take', version: '1' })).status).toBe(303)
    expect((await form(`${link}/contributions/${m.open}`, { action: 'done', version: '2' })).status).toBe(303)
    const [part] = await db.select().from(cateringContributions).where(eq(cateringContributions.id, m.open))
    expect(part).toMatchObject({ providerId: m.volunteer })
    expect(part?.doneAt).not.toBeNull()
    // Taken twice (a stale page): 409, and the caterer's part is no business of Hilde's (404).
    expect((await form(`${link}/contributions/${m.open}`, { action: 'take', version: '1' })).status).toBe(409)
    expect(
      (await form(`${link}/contributions/${m.catererPart}`, { action: 'done', version: '1' })).status,
    ).toBe(404)
    // The lunch is the supplier's order, not Hilde's to answer.
    expect((await form(`${link}/orders/${m.lunchOrder}`, { answer: 'confirm', version: '1' })).status).toBe(
      404,
    )
  })

  it('a supplier cannot take volunteers’ parts; a replaced link stops working', async () => {
    const w = await makeWorld()
    const m = await cateringSetup(w)
    const supplier = `/c/${m.tokens.supplier}`
    expect((await form(`${supplier}/contributions/${m.open}`, { action: 'take', version: '1' })).status).toBe(
      404,
    )
    const made = await form(`/catering/providers/${m.volunteer}/link`, {}, { cookie: organiser(w) })
    expect(made.status).toBe(200)
    const fresh = (await made.text()).match(/\/c\/([A-Za-z0-9_-]{43})/)?.[1]
    expect(fresh).toBeDefined()
    const old = await page(`/c/${m.tokens.volunteer}`)
    expect(old.status).toBe(404)
    expect(await old.text()).toContain('Deze link werkt niet')
    expect((await page(`/c/${fresh}`)).status).toBe(200)
    expect((await page('/c/not-a-token')).status).toBe(404)
  })

  it('the caterer, signed in, sees and answers only their own order', async () => {
    const w = await makeWorld()
    const m = await cateringSetup(w)
    const mine = await (await page(`/visits/${w.visitA}/catering`, w.person.caterer.cookie)).text()
    expect(mine).toContain('Drankjes bij Borrel')
    expect(mine).not.toContain('Lunch bij Lunch groep A')
    expect(mine).toContain('servetten')
    const declined = await form(
      `/catering/orders/${m.borrelOrder}/answer`,
      { answer: 'decline', note: 'Die dag ben ik weg', version: '1' },
      { cookie: w.person.caterer.cookie },
    )
    expect(declined.status).toBe(303)
    expect(await orderRow(m.borrelOrder)).toMatchObject({
      status: 'planned',
      providerNote: 'Die dag ben ik weg',
    })
    const team = await (await page(`/catering/orders/${m.borrelOrder}`, organiser(w))).text()
    expect(team).toContain('De leverancier heeft afgezegd')
    expect(team).toContain('Die dag ben ik weg')
  })
})

describe('a caterer or volunteer never sees a guest’s name, address or who wrote a note', () => {
  it('not on their pages, in the API, in the CSV, on the order sheet, nor in the mails', async () => {
    const w = await makeWorld()
    const m = await cateringSetup(w)
    const caterer = w.person.caterer.cookie
    // Mails: the caterer is asked (their borrel order, sent again), the supplier gets the lunch numbers.
    await api(`/api/catering/orders/${m.borrelOrder}/send`, { cookie: organiser(w), body: { version: 1 } })
    await api(`/api/catering/orders/${m.lunchOrder}/status`, {
      cookie: organiser(w),
      body: { status: 'requested', version: 1 },
    })
    const answers = [
      await page(`/visits/${w.visitA}/catering`, caterer),
      await page(`/visits/${w.visitA}/catering/sheet`, caterer),
      await page(`/visits/${w.visitA}`, caterer),
      await api(`/api/visits/${w.visitA}/catering`, { cookie: caterer }),
      await api(`/api/catering/orders/${m.borrelOrder}`, { cookie: caterer }),
      await api(`/api/visits/${w.visitA}/catering/orders.csv`, { cookie: caterer }),
      await page(`/c/${m.tokens.volunteer}`),
      await page(`/c/${m.tokens.volunteer}/sheet`),
      await page(`/c/${m.tokens.volunteer}/orders.csv`),
    ]
    const texts: string[] = []
    for (const res of answers) {
      expect(res.status, res.url).toBe(200)
      texts.push(await res.text())
    }
    const mails = await env.DB.prepare(
      'SELECT subject, text, html FROM mail_outbox WHERE kind LIKE \'catering_%\' AND "to" IN (?, ?)',
    )
      .bind(w.person.caterer.email, `bakkerij-${w.teamA.slice(0, 8)}@example.nl`)
      .all<{ subject: string; text: string; html: string }>()
    expect(mails.results.length).toBe(2)
    for (const mail of mails.results) texts.push(mail.subject, mail.text, mail.html)
    for (const text of texts) {
      expect(text).not.toContain('Geheimnaam')
      expect(text).not.toContain('private-geheim-gast')
      // The company's member is counted, never named; the supplier's phone stays with the team.
      expect(text).not.toContain('De burgemeester')
      expect(text).not.toContain('06-PRIVATE-SUPPLIER-333')
      expect(text).not.toContain('06-PRIVATE-HOST-555')
    }
    // The note reaches the kitchen, without its author.
    expect(texts.join('\n')).toContain('Graag zonder koriander')
    expect(mails.results.find((x) => x.text.includes('Graag zonder koriander'))).toBeDefined()
  })
})

describe('the visit overview', () => {
  it('shows the team the catering summary, the caterer the way to their own orders', async () => {
    const w = await makeWorld()
    await cateringSetup(w)
    const team = await (await page(`/visits/${w.visitA}`, organiser(w))).text()
    expect(team).toContain('3 bestellingen')
    expect(team).toContain('Naar de catering')
    expect(team).not.toContain('Hier komt het overzicht')
    const caterer = await (await page(`/visits/${w.visitA}`, w.person.caterer.cookie)).text()
    expect(caterer).toContain('Jouw catering')
    expect(caterer).not.toContain('bestellingen:')
  })

  it('warns when the planned cost is over the budget', async () => {
    const w = await makeWorld()
    const m = await cateringSetup(w)
    await api(`/api/catering/orders/${m.lunchOrder}`, {
      method: 'PATCH',
      cookie: organiser(w),
      body: { unitCostCents: 100_000, version: 1 },
    })
    const res = await api(`/api/visits/${w.visitA}/catering`, { cookie: organiser(w) })
    const { budget } = (await res.json()) as { budget: { over: string; plannedCents: number } }
    expect(budget).toMatchObject({ over: 'planned', plannedCents: 1950 + 700_000 })
    const html = await (await page(`/visits/${w.visitA}/catering`, organiser(w))).text()
    expect(html).toContain('Let op: de geplande kosten zijn')
  })
})

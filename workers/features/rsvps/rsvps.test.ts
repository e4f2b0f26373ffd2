import { env } from 'cloudflare:test'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { rsvps, shareLinks, visits } from '../../../shared/db/schema'
import {
  api,
  db,
  form,
  freshClient,
  latestMailTo,
  mailedToken,
  page,
} from '../../../test/integration/helpers'
import { makeWorld, type World } from '../../../test/integration/world'
import { hashToken, randomToken } from '../../platform/auth/tokens'
import { readConfig } from '../../platform/config'
import { openDatabase } from '../../platform/db/database'
import { createRsvp } from './rsvps'

type Json = Record<string, unknown>

const rsvpCount = async (visitId: string) =>
  (
    await env.DB.prepare('SELECT count(*) AS n FROM rsvps WHERE visit_id = ?')
      .bind(visitId)
      .first<{ n: number }>()
  )?.n ?? -1
const mailCount = async (to: string, kind: string) =>
  (
    await env.DB.prepare('SELECT count(*) AS n FROM mail_outbox WHERE "to" = ? AND kind = ?')
      .bind(to, kind)
      .first<{
        n: number
      }>()
  )?.n ?? -1
const statusOf = async (email: string, visitId: string) =>
  (await db.select({ status: rsvps.status }).from(rsvps).where(eq(rsvps.email, email))).find(Boolean)
    ?.status ?? `none in ${visitId}`

/** A guest registering through the public API, from their own client address. */
async function register(w: World, body: Json) {
  return api(`/api/public/visits/${w.slugA}/rsvps`, {
    body: { name: 'Gast', partySize: 1, ...body },
    headers: { 'cf-connecting-ip': freshClient() },
  })
}

async function registered(w: World, email: string, partySize: number, extra: Json = {}) {
  const res = await register(w, { email, partySize, ...extra })
  expect(res.status, await res.clone().text()).toBe(202)
  return ((await res.json()) as { status: string }).status
}

const setCapacity = (w: World, capacity: number | null) =>
  db.update(visits).set({ rsvpCapacity: capacity }).where(eq(visits.id, w.visitA))

const guest = (w: World, name: string) => `${name}-${w.teamA.slice(0, 8)}@example.nl`

describe('registering', () => {
  it('confirms while there is room, then waitlists; a larger waiting party does not hold back one that fits', async () => {
    const w = await makeWorld()
    await setCapacity(w, 3)
    const [anna, bert, cor] = [guest(w, 'anna'), guest(w, 'bert'), guest(w, 'cor')]
    expect(await registered(w, anna, 2)).toBe('confirmed')
    expect(await registered(w, bert, 2)).toBe('waitlisted')
    // One place is free: Bert's two do not fit in it, Cor alone does.
    expect(await registered(w, cor, 1)).toBe('confirmed')
    expect((await latestMailTo(anna))?.kind).toBe('rsvp_confirmed')
    const waitMail = await latestMailTo(bert)
    expect(waitMail?.kind).toBe('rsvp_waitlisted')
    expect(waitMail?.text).toContain('wachtlijst')
    expect(await mailCount(bert, 'rsvp_confirmed')).toBe(0)
  })

  it('says so on the form when the visit is full, and the thank-you page says waitlist', async () => {
    const w = await makeWorld()
    await setCapacity(w, 1)
    await registered(w, guest(w, 'anna'), 1)
    const formPage = await (await page(`/v/${w.slugA}/rsvp`)).text()
    expect(formPage).toContain('op dit moment vol')
    const res = await form(`/v/${w.slugA}/rsvp`, { name: 'Bert', email: guest(w, 'bert'), partySize: '2' })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/v/${w.slugA}/rsvp?status=waitlisted`)
    const done = await (await page(res.headers.get('location') ?? '')).text()
    expect(done).toContain('Je staat op de wachtlijst')
  })

  it('uses no more than two D1 round trips, the capacity check and the insert in one batch', async () => {
    const w = await makeWorld()
    await setCapacity(w, 10)
    let trips = 0
    const counted = (target: object): object =>
      new Proxy(target, {
        get(obj, key, receiver) {
          const value = Reflect.get(obj, key, receiver)
          if (typeof value !== 'function') return value
          return (...args: unknown[]) => {
            if (['batch', 'all', 'raw', 'first', 'run'].includes(String(key))) trips++
            const out = value.apply(obj, args)
            // Statements are prepared and bound before they run; only running them costs a trip.
            return key === 'prepare' || key === 'bind' ? counted(out as object) : out
          }
        },
      })
    const countingDb = openDatabase(counted(env.DB) as D1Database)
    const config = readConfig(env as unknown as Cloudflare.Env)
    const input = {
      name: 'Anna',
      email: guest(w, 'budget'),
      partySize: 2,
      dietary: {},
      dietaryNotes: '',
      accessNeeds: '',
      groupIds: [],
    }
    expect(await createRsvp(countingDb, config, w.slugA, input, 'nl', new Date())).toBe('confirmed')
    expect(trips).toBe(2)
    trips = 0
    expect(await createRsvp(countingDb, config, w.slugA, input, 'nl', new Date())).toBe('confirmed')
    expect(trips).toBe(2)
  })

  it('mails an address that is already registered a renewal, answers as for a new one, and keeps its link', async () => {
    const w = await makeWorld()
    const anna = guest(w, 'anna')
    expect(await registered(w, anna, 2)).toBe('confirmed')
    const first = await mailedToken(anna, '/r')
    // Eight tries by someone else: one mail, the same answer as a first registration, nothing saved twice.
    for (let i = 0; i < 8; i++) {
      const again = await register(w, { email: anna.toUpperCase(), partySize: 5, name: 'Iemand anders' })
      expect(again.status).toBe(202)
      expect(await again.json()).toEqual({ status: 'confirmed' })
    }
    expect(await rsvpCount(w.visitA)).toBe(1)
    const renewals = await env.DB.prepare(
      `SELECT count(*) AS n FROM mail_outbox WHERE "to" = ? AND kind = 'rsvp_link'`,
    )
      .bind(anna)
      .first<{ n: number }>()
    expect(renewals?.n).toBe(1)
    // The guest's link keeps working: a stranger cannot end it.
    expect((await page(`/r/${first}`)).status).toBe(200)

    // The mailed renewal: the page asks (mail scanners erase nothing), the button gives a new link.
    const renewal = (await latestMailTo(anna))?.text.match(
      /\/r\/renew\/[A-Za-z0-9-]+\.\d{13}\.[A-Za-z0-9_-]{43}/,
    )?.[0]
    expect(renewal).toBeDefined()
    expect((await page(renewal!)).status).toBe(200)
    expect((await page(`/r/${first}`)).status).toBe(200)
    const renewed = await form(renewal!, {})
    expect(renewed.status).toBe(303)
    const second = renewed.headers.get('location')!.slice('/r/'.length)
    expect(second).not.toBe(first)
    expect((await page(`/r/${first}`)).status).toBe(404)
    const own = await page(`/r/${second}`)
    expect(own.status).toBe(200)
    expect(await own.text()).toContain('value="2"')
    // A renewal works once, and a forged one not at all.
    expect((await form(renewal!, {})).status).toBe(404)
    expect(
      (
        await form(
          renewal!.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A')),
          {},
        )
      ).status,
    ).toBe(404)
    expect((await page('/r/renew/nope')).status).toBe(404)
  })

  it('answers a known address on a full visit as it would answer a new one (waitlisted)', async () => {
    const w = await makeWorld()
    await setCapacity(w, 2)
    const anna = guest(w, 'vol')
    expect(await registered(w, anna, 2)).toBe('confirmed')
    const known = await register(w, { email: anna, partySize: 1 })
    const fresh = await register(w, { email: guest(w, 'nieuw'), partySize: 1 })
    expect(await known.json()).toEqual({ status: 'waitlisted' })
    expect(await fresh.json()).toEqual({ status: 'waitlisted' })
    // The known guest is still confirmed: the truth went to their address.
    expect((await db.select().from(rsvps).where(eq(rsvps.email, anna)))[0]?.status).toBe('confirmed')
  })

  it('refuses an archived visit with a clear message and saves nothing', async () => {
    const w = await makeWorld()
    await db.update(visits).set({ status: 'archived' }).where(eq(visits.id, w.visitA))
    const res = await register(w, { email: guest(w, 'laat'), partySize: 2 })
    expect(res.status).toBe(409)
    expect(await res.json()).toMatchObject({ code: 'conflict', detail: expect.stringContaining('archived') })
    const viaForm = await form(`/v/${w.slugA}/rsvp`, {
      name: 'Laat',
      email: guest(w, 'laat'),
      partySize: '2',
    })
    expect(viaForm.status).toBe(409)
    expect(await viaForm.text()).toContain('Aanmelden kan niet meer; er is niets opgeslagen.')
    expect(await (await page(`/v/${w.slugA}/rsvp`)).text()).toContain('Aanmelden kan niet meer')
    expect(await rsvpCount(w.visitA)).toBe(0)
    expect(await mailCount(guest(w, 'laat'), 'rsvp_confirmed')).toBe(0)
  })

  it('takes guests of an unlisted visit only through a live share link', async () => {
    const w = await makeWorld()
    await db.update(visits).set({ listed: false }).where(eq(visits.id, w.visitA))
    const k = randomToken()
    await db.insert(shareLinks).values({ visitId: w.visitA, tokenHash: await hashToken(k) })
    expect((await register(w, { email: guest(w, 'anna') })).status).toBe(404)
    expect((await page(`/v/${w.slugA}/rsvp`)).status).toBe(404)
    expect((await page(`/v/${w.slugA}/rsvp?k=${randomToken()}`)).status).toBe(404)
    const formPage = await page(`/v/${w.slugA}/rsvp?k=${k}`)
    expect(formPage.status).toBe(200)
    expect(await formPage.text()).toContain(`action="/v/${w.slugA}/rsvp?k=${k}"`)
    const res = await api(`/api/public/visits/${w.slugA}/rsvps?k=${k}`, {
      body: { name: 'Anna', email: guest(w, 'anna'), partySize: 1 },
      headers: { 'cf-connecting-ip': freshClient() },
    })
    expect(res.status).toBe(202)
    const viaForm = await form(`/v/${w.slugA}/rsvp?k=${k}`, {
      name: 'Bert',
      email: guest(w, 'bert'),
      partySize: '1',
    })
    expect(viaForm.headers.get('location'), await viaForm.clone().text()).toBe(
      `/v/${w.slugA}/rsvp?k=${k}&status=confirmed`,
    )
    expect(await rsvpCount(w.visitA)).toBe(2)
  })

  it('answers 404 for a draft or unknown visit', async () => {
    const w = await makeWorld()
    const draft = await api(`/api/public/visits/ander-${w.teamA.slice(0, 8)}/rsvps`, {
      body: { name: 'X', email: guest(w, 'x'), partySize: 1 },
      headers: { 'cf-connecting-ip': freshClient() },
    })
    expect(draft.status).toBe(404)
    expect((await page('/v/bestaat-niet/rsvp')).status).toBe(404)
  })

  it('refuses a party of 0 or 500, a malformed address and an unknown group per field, saving nothing', async () => {
    const w = await makeWorld()
    const cases: [Json, string, string][] = [
      [{ partySize: 0 }, 'partySize', 'Vul minstens 1 persoon in.'],
      [{ partySize: 500 }, 'partySize', 'Hoogstens 20 personen per aanmelding.'],
      [{ email: 'anna@@example' }, 'email', 'Vul een geldig e-mailadres in.'],
      [{ dietary: ['pizza'] }, 'dietary', 'Deze waarde klopt niet.'],
      [
        { dietary: { vegetarian: 3 } },
        'dietary.vegetarian',
        'Meer personen dan je gezelschap telt: het zijn er 2',
      ],
      [{ dietary: ['vegetarian'] }, 'dietary', 'Vul per wens in voor hoeveel personen die geldt.'],
      [{ groupIds: [w.groupA] }, 'groupIds.0', 'Deze groep hoort niet bij dit bezoek.'],
    ]
    for (const [body, field, message] of cases) {
      const res = await register(w, { email: guest(w, 'anna'), partySize: 2, ...body })
      expect(res.status, JSON.stringify(body)).toBe(422)
      const problem = (await res.json()) as { errors: { field: string; message: string }[] }
      expect(problem.errors[0]?.field).toBe(field)
      expect(problem.errors[0]?.message).toContain(message)
    }
    for (const partySize of ['0', '500', 'veel']) {
      const res = await form(`/v/${w.slugA}/rsvp`, { name: 'Anna', email: guest(w, 'anna'), partySize })
      expect(res.status).toBe(422)
      const html = await res.text()
      expect(html).toContain('class="field-error"')
      expect(html).toContain(`value="${partySize}"`)
    }
    const bad = await form(`/v/${w.slugA}/rsvp`, { name: 'Anna', email: 'geen-adres', partySize: '2' })
    expect(bad.status).toBe(422)
    expect(await bad.text()).toContain('Vul een geldig e-mailadres in.')
    expect(await rsvpCount(w.visitA)).toBe(0)
  })

  it('limits registrations per client with 429 and Retry-After', async () => {
    const w = await makeWorld()
    const client = freshClient()
    const statuses: number[] = []
    for (let i = 0; i < 31; i++) {
      const res = await api(`/api/public/visits/${w.slugA}/rsvps`, {
        body: { name: 'Script', email: `script-${i}-${w.teamA}@example.nl`, partySize: 1 },
        headers: { 'cf-connecting-ip': client },
      })
      statuses.push(res.status)
      if (res.status === 429) expect(res.headers.get('retry-after')).toBe('60')
    }
    expect(statuses.slice(0, 30).every((s) => s === 202)).toBe(true)
    expect(statuses[30]).toBe(429)
  })
})

describe('changing and cancelling through the private link', () => {
  it('moves up every waiting party that fits on a cancellation, with a mail each, and keeps their links', async () => {
    const w = await makeWorld()
    await setCapacity(w, 3)
    const [anna, bert, cor, dirk] = ['anna', 'bert', 'cor', 'dirk'].map((n) => guest(w, n)) as [
      string,
      string,
      string,
      string,
    ]
    expect(await registered(w, anna, 3)).toBe('confirmed')
    expect(await registered(w, bert, 2)).toBe('waitlisted')
    expect(await registered(w, cor, 1)).toBe('waitlisted')
    expect(await registered(w, dirk, 2)).toBe('waitlisted')
    const annaToken = await mailedToken(anna, '/r')
    const bertOld = await mailedToken(bert, '/r')
    const corToken = await mailedToken(cor, '/r')

    const own = await page(`/r/${annaToken}`)
    expect(own.headers.get('referrer-policy')).toBe('no-referrer')
    expect(own.headers.get('cache-control')).toContain('no-store')
    const cancelled = await form(`/r/${annaToken}/cancel`, { confirm: 'yes' })
    expect(cancelled.status).toBe(303)
    expect(await (await page(`/r/${annaToken}?cancelled=1`)).text()).toContain('Je hebt afgezegd')
    expect(await statusOf(anna, w.visitA)).toBe('cancelled')
    // Bert (2) and Cor (1) fill the 3 places; Dirk (2) still waits.
    expect(await statusOf(bert, w.visitA)).toBe('confirmed')
    expect(await statusOf(cor, w.visitA)).toBe('confirmed')
    expect(await statusOf(dirk, w.visitA)).toBe('waitlisted')
    expect((await latestMailTo(bert))?.kind).toBe('rsvp_promoted')
    expect(await mailCount(cor, 'rsvp_promoted')).toBe(1)
    expect(await mailCount(dirk, 'rsvp_promoted')).toBe(0)
    // The promotion does not replace Bert's link: the one from the waitlist mail keeps working, and the
    // promotion mail offers a renewal only (the guest's own choice).
    const promoted = await latestMailTo(bert)
    expect(promoted?.text).toContain('/r/renew/')
    expect(promoted?.text).toContain('blijft gewoon werken')
    const bertNew = bertOld
    expect((await page(`/r/${bertOld}`)).status).toBe(200)
    expect(await (await page(`/r/${bertNew}`)).text()).toContain('Aangemeld')

    // Cancelling twice changes nothing and sends nothing.
    expect((await form(`/r/${annaToken}/cancel`, { confirm: 'yes' })).status).toBe(303)
    expect(await mailCount(dirk, 'rsvp_promoted')).toBe(0)

    // Cor gives back a place: Dirk (2) fits now, with Bert's 2 → 4 > 3? No: 2 + 2 = 4 does not fit.
    await form(`/r/${corToken}/cancel`, { confirm: 'yes' })
    expect(await statusOf(dirk, w.visitA)).toBe('waitlisted')
    // Bert comes alone instead of with two: 1 + 2 = 3 fits, Dirk moves up.
    const smaller = await form(`/r/${bertNew}`, { version: '2', partySize: '1' })
    expect(smaller.status, await smaller.clone().text()).toBe(303)
    expect(await statusOf(dirk, w.visitA)).toBe('confirmed')
    expect((await latestMailTo(dirk))?.kind).toBe('rsvp_promoted')
  })

  it('refuses a larger party that no longer fits with a clear 409, and a stale version', async () => {
    const w = await makeWorld()
    await setCapacity(w, 4)
    const [anna, bert] = [guest(w, 'anna'), guest(w, 'bert')]
    await registered(w, anna, 2)
    await registered(w, bert, 1)
    const token = await mailedToken(anna, '/r')
    const tooMany = await form(`/r/${token}`, { version: '1', partySize: '4' })
    expect(tooMany.status).toBe(409)
    expect(await tooMany.text()).toContain('Er is niet genoeg plek voor een groter gezelschap')
    const row = (await db.select().from(rsvps).where(eq(rsvps.email, anna)))[0]
    expect(row).toMatchObject({ partySize: 2, version: 1, status: 'confirmed' })
    const fits = await form(`/r/${token}`, { version: '1', partySize: '3', dietaryNotes: 'Geen koriander' })
    expect(fits.status).toBe(303)
    expect(fits.headers.get('location')).toBe(`/r/${token}?saved=1`)
    const stale = await form(`/r/${token}`, { version: '1', partySize: '1' })
    expect(stale.status).toBe(409)
    expect(await stale.text()).toContain('intussen op een andere plek gewijzigd')
    const invalid = await form(`/r/${token}`, { version: '2', partySize: '0' })
    expect(invalid.status).toBe(422)
    expect((await db.select().from(rsvps).where(eq(rsvps.email, anna)))[0]).toMatchObject({
      partySize: 3,
      dietaryNotes: 'Geen koriander',
      version: 2,
    })
  })

  it('asks persons per dietary need, each at most the party, on the form and through the link', async () => {
    const w = await makeWorld()
    const anna = guest(w, 'dieet')
    const fields = { name: 'Anna', email: anna, partySize: '4' }
    // Five vegetarians in a party of four: refused at that field, kept as typed, nothing saved.
    const refused = await form(`/v/${w.slugA}/rsvp`, {
      ...fields,
      'dietary.vegetarian': '5',
      'dietary.vegan': '1',
    })
    expect(refused.status).toBe(422)
    const html = await refused.text()
    expect(html).toMatch(/id="field-dietary\.vegetarian"[^>]*aria-invalid="true"/)
    expect(html).toContain('Meer personen dan je gezelschap telt: het zijn er 4')
    expect(html).toMatch(/name="dietary\.vegetarian"[^>]*value="5"/)
    expect(await db.select().from(rsvps).where(eq(rsvps.email, anna))).toEqual([])
    // One vegetarian in a party of four counts one for the kitchen, not four.
    const saved = await form(`/v/${w.slugA}/rsvp`, {
      ...fields,
      'dietary.vegetarian': '1',
      'dietary.vegan': '',
    })
    expect(saved.status).toBe(303)
    const [row] = await db.select().from(rsvps).where(eq(rsvps.email, anna))
    expect(JSON.parse(row?.dietary ?? '')).toEqual({ vegetarian: 1 })
    const totals = await api(`/api/visits/${w.visitA}/rsvp-totals`, { cookie: w.person.caterer.cookie })
    expect(
      ((await totals.json()) as { dietary: { byOption: Record<string, number> } }).dietary.byOption,
    ).toMatchObject({ vegetarian: 1, vegan: 0 })
    // A smaller party than the needs it names: refused at the need, nothing changed.
    const token = await mailedToken(anna, '/r')
    const smaller = await form(`/r/${token}`, { version: '1', partySize: '2', 'dietary.vegetarian': '3' })
    expect(smaller.status).toBe(422)
    expect(await smaller.text()).toContain('Meer personen dan je gezelschap telt: het zijn er 2')
    expect((await db.select().from(rsvps).where(eq(rsvps.email, anna)))[0]).toMatchObject({
      partySize: 4,
      version: 1,
    })
  })

  it('turns the change mails off and on again through the opt-out link', async () => {
    const w = await makeWorld()
    const anna = guest(w, 'anna')
    await registered(w, anna, 1)
    const token = await mailedToken(anna, '/r')
    const optOut = await page(`/r/${token}/opt-out`)
    expect(optOut.status).toBe(200)
    expect(optOut.headers.get('referrer-policy')).toBe('no-referrer')
    expect(await optOut.text()).toContain('Stuur mij geen mails over wijzigingen')
    const off = await form(`/r/${token}/opt-out`, { notify: 'no' })
    expect(off.status).toBe(303)
    expect(off.headers.get('location')).toBe(`/r/${token}/opt-out?done=off`)
    expect((await db.select().from(rsvps).where(eq(rsvps.email, anna)))[0]?.notifyChanges).toBe(false)
    expect(await (await page(`/r/${token}/opt-out?done=off`)).text()).toContain(
      'Gedaan: je krijgt geen mails meer',
    )
    await form(`/r/${token}/opt-out`, { notify: 'yes' })
    expect((await db.select().from(rsvps).where(eq(rsvps.email, anna)))[0]?.notifyChanges).toBe(true)
    expect((await page(`/r/${'x'.repeat(43)}/opt-out`)).status).toBe(404)
    expect((await page('/r/kort')).status).toBe(404)
  })
})

describe('what the team and the caterers see', () => {
  async function guests(w: World) {
    await registered(w, guest(w, 'geheim'), 3, {
      name: 'Geheime Gast',
      dietary: { vegetarian: 1, nut_allergy: 3 },
      dietaryNotes: 'PRIVATE-NOTE-koriander',
      accessNeeds: 'PRIVATE-ACCESS-rolstoel',
    })
    await registered(w, guest(w, 'formule'), 1, {
      name: '=HYPERLINK("http://kwaad.example","klik")',
      dietary: ['vegan'],
    })
  }

  it('gives caterers counts and dietary totals, never names, addresses or notes', async () => {
    const w = await makeWorld()
    await guests(w)
    const cookie = w.person.caterer.cookie
    const res = await api(`/api/visits/${w.visitA}/rsvp-totals`, { cookie })
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(JSON.parse(text)).toMatchObject({
      confirmedParties: 2,
      confirmedPeople: 4,
      waitlistedPeople: 0,
      accessNeedsCount: 1,
      // Persons per need: one vegetarian in a party of three counts one.
      dietary: { byOption: { vegetarian: 1, nut_allergy: 3, vegan: 1, halal: 0 }, notes: 1 },
    })
    for (const secret of ['Geheime Gast', 'geheim-', 'PRIVATE-NOTE', 'PRIVATE-ACCESS', 'HYPERLINK']) {
      expect(text).not.toContain(secret)
    }
    expect((await api(`/api/visits/${w.visitA}/rsvps`, { cookie })).status).toBe(403)
    const html = await (await page(`/visits/${w.visitA}/rsvps`, cookie)).text()
    expect(html).toContain('Personen (aangemeld)')
    for (const secret of ['Geheime Gast', 'geheim-', 'PRIVATE-NOTE', 'PRIVATE-ACCESS'])
      expect(html).not.toContain(secret)
  })

  it('shows viewers the list without e-mail, dietary or access needs; organisers all of it', async () => {
    const w = await makeWorld()
    await guests(w)
    const viewer = await (
      await api(`/api/visits/${w.visitA}/rsvps`, { cookie: w.person.viewer.cookie })
    ).text()
    expect(viewer).toContain('Geheime Gast')
    for (const secret of ['geheim-', 'PRIVATE-NOTE', 'PRIVATE-ACCESS', 'vegetarian', 'tokenHash']) {
      expect(viewer).not.toContain(secret)
    }
    const viewerPage = await (await page(`/visits/${w.visitA}/rsvps`, w.person.viewer.cookie)).text()
    expect(viewerPage).toContain('Geheime Gast')
    expect(viewerPage).not.toContain('PRIVATE-NOTE')
    expect(viewerPage).not.toContain('rsvps.csv')
    const organiser = await (
      await api(`/api/visits/${w.visitA}/rsvps`, { cookie: w.person.organiser.cookie })
    ).text()
    for (const shown of ['geheim-', 'PRIVATE-NOTE', 'PRIVATE-ACCESS', 'vegetarian'])
      expect(organiser).toContain(shown)
    expect(organiser).not.toContain('tokenHash')
    expect(await (await page(`/visits/${w.visitA}/rsvps`, w.person.organiser.cookie)).text()).toContain(
      'rsvps.csv',
    )
  })

  it('exports CSV for organisers: BOM, header row, quoting, and formulas defused', async () => {
    const w = await makeWorld()
    await guests(w)
    const res = await api(`/api/visits/${w.visitA}/rsvps.csv`, { cookie: w.person.organiser.cookie })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="aanmeldingen-${w.slugA}.csv"`)
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n')
    expect(lines[0]).toBe(
      'Naam,E-mailadres,Aantal personen,Status,Dieetwensen,Andere dieetwensen,Toegankelijkheid,Groepen,Mails over wijzigingen,Aangemeld op',
    )
    expect(lines[1]).toMatch(
      new RegExp(
        `^Geheime Gast,${guest(w, 'geheim')},3,Aangemeld,Vegetarisch: 1; Notenallergie: 3,PRIVATE-NOTE-koriander,PRIVATE-ACCESS-rolstoel,,ja,\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}\\+0[12]:00$`,
      ),
    )
    expect(lines[2]).toMatch(/^"'=HYPERLINK\(""http:\/\/kwaad\.example"",""klik""\)",/)
    expect(lines).toHaveLength(4)
    expect(lines[3]).toBe('')
    expect((await api(`/api/visits/${w.visitA}/rsvps.csv`, { cookie: w.person.viewer.cookie })).status).toBe(
      403,
    )
  })
})

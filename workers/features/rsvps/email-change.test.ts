import { env } from 'cloudflare:test'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { rsvps } from '../../../shared/db/schema'
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
import { hashToken } from '../../platform/auth/tokens'

const guest = (w: World, name: string) => `${name}-${w.teamA.slice(0, 8)}@example.nl`

async function registered(w: World, email: string) {
  const res = await api(`/api/public/visits/${w.slugA}/rsvps`, {
    body: { name: 'Gast', email, partySize: 2 },
    headers: { 'cf-connecting-ip': freshClient() },
  })
  expect(res.status).toBe(202)
  return mailedToken(email, '/r')
}

const mails = async (to: string) =>
  (
    await env.DB.prepare('SELECT count(*) AS n FROM mail_outbox WHERE "to" = ?')
      .bind(to)
      .first<{ n: number }>()
  )?.n ?? -1

const confirmLinkIn = async (email: string) =>
  (await latestMailTo(email))?.text.match(/\/r\/email\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}/)?.[0]

describe('moving a registration to another address (hole 3)', () => {
  it('answers the same whether the new address is free or registered; the truth goes to that address', async () => {
    const w = await makeWorld()
    const anna = guest(w, 'anna')
    const bert = guest(w, 'bert')
    const annaToken = await registered(w, anna)
    await registered(w, bert)

    // Anna asks to move to Bert's address: the same answer as for a free one, nothing changes yet.
    const toTaken = await form(`/r/${annaToken}`, { version: '1', email: bert })
    const free = guest(w, 'nieuw')
    const annaRow = async () =>
      (
        await db
          .select()
          .from(rsvps)
          .where(eq(rsvps.tokenHash, await hashToken(annaToken)))
      )[0]
    expect(toTaken.status).toBe(303)
    expect(toTaken.headers.get('location')).toBe(`/r/${annaToken}?saved=1&email=1`)
    const notice = await (await page(toTaken.headers.get('location') ?? '')).text()
    expect(notice).toContain('Naar het nieuwe e-mailadres is een mail gestuurd')
    expect(notice).not.toContain('al aangemeld')
    expect((await annaRow())?.email).toBe(anna)
    // Bert hears of it, with a renewal of his own link, and nothing of his changes.
    const bertMail = await latestMailTo(bert)
    expect(bertMail?.kind).toBe('rsvp_email_taken')
    expect(bertMail?.text).toContain('/r/renew/')
    expect(await db.select().from(rsvps).where(eq(rsvps.email, bert))).toHaveLength(1)

    // A free address: the same answer; the mail there confirms the move.
    const toFree = await form(`/r/${annaToken}`, { version: '2', email: free })
    expect(toFree.status).toBe(303)
    expect(toFree.headers.get('location')).toBe(toTaken.headers.get('location'))
    expect((await latestMailTo(free))?.kind).toBe('rsvp_email_confirm')
    const link = await confirmLinkIn(free)
    expect(link).toBeDefined()
    const shown = await page(link!)
    expect(shown.status).toBe(200)
    expect(shown.headers.get('referrer-policy')).toBe('no-referrer')
    expect((await annaRow())?.email).toBe(anna)
    const done = await form(link!, {})
    expect(done.status).toBe(200)
    expect(await done.text()).toContain(free)
    const moved = await db.select().from(rsvps).where(eq(rsvps.email, free))
    expect(moved).toHaveLength(1)
    // The private link stays the same; the confirmation works once.
    expect((await page(`/r/${annaToken}`)).status).toBe(200)
    expect((await form(link!, {})).status).toBe(404)
  })

  it('mails nothing when the change itself is refused, refuses a forged link, and mails an address once per 10 minutes', async () => {
    const w = await makeWorld()
    const anna = guest(w, 'anna')
    const token = await registered(w, anna)
    const other = guest(w, 'ander')
    // A stale form: nothing saved, nothing mailed.
    expect((await form(`/r/${token}`, { version: '7', email: other })).status).toBe(409)
    expect(await mails(other)).toBe(0)
    // Bad input: 422, nothing mailed.
    expect((await form(`/r/${token}`, { version: '1', email: 'geen-adres' })).status).toBe(422)
    expect(await mails('geen-adres')).toBe(0)
    // Asked three times: one mail.
    for (let version = 1; version <= 3; version++) {
      expect((await form(`/r/${token}`, { version: String(version), email: other })).status).toBe(303)
    }
    expect(await mails(other)).toBe(1)
    const link = (await confirmLinkIn(other)) ?? ''
    const forged = `${link.slice(0, -4)}AAAA`
    expect((await page(forged)).status).toBe(404)
    expect((await form(forged, {})).status).toBe(404)
    expect((await page('/r/email/nonsense')).status).toBe(404)
    expect(await db.select().from(rsvps).where(eq(rsvps.email, anna))).toHaveLength(1)
  })
})

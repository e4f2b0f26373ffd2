import { env, SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import {
  api,
  form,
  freshClient,
  latestMailTo,
  registrationBody,
  url,
} from '../../../test/integration/helpers'
import { makeWorld, type World } from '../../../test/integration/world'
import { changeMailJob } from '../../jobs/change-mails'

const organiser = (w: World) => w.person.organiser.cookie
const mailsTo = async (to: string, kind: string) =>
  (
    await env.DB.prepare('SELECT count(*) AS n FROM mail_outbox WHERE "to" = ? AND kind = ?')
      .bind(to, kind)
      .first<{ n: number }>()
  )?.n ?? -1

/** The scheduled change-mail job, run until every release's mails are queued; the guests it looked at. */
async function runChangeMails(now = new Date()) {
  let guests = 0
  for (;;) {
    const run = await changeMailJob(env, now)
    if (!run || run.guests === 0) return guests
    guests += run.guests
  }
}

/** A published visit with two groups, an item for each and one for everyone; guests per group. */
async function setUp(w: World) {
  const slug = `wijzig-${w.teamA.slice(0, 8)}`
  const visit = (await (
    await api(`/api/teams/${w.teamA}/visits`, {
      cookie: organiser(w),
      body: {
        kind: 'college_visit',
        title: 'Wijkschouw',
        slug,
        startDate: '2027-06-12',
        endDate: '2027-06-12',
      },
    })
  ).json()) as { id: string }
  const group = async (name: string) =>
    (
      (await (
        await api(`/api/visits/${visit.id}/groups`, { cookie: organiser(w), body: { name } })
      ).json()) as { id: string }
    ).id
  const [a, b] = [await group('Noord'), await group('Zuid')]
  const item = async (title: string, start: string, groupIds: string[]) =>
    (
      (await (
        await api(`/api/visits/${visit.id}/items`, {
          cookie: organiser(w),
          body: {
            kind: 'tour',
            title,
            date: '2027-06-12',
            start,
            end: start.replace(/:\d\d$/, ':45'),
            groupIds,
          },
        })
      ).json()) as { item: { id: string } }
    ).item.id
  const north = await item('Ronde noord', '10:00', [a])
  const south = await item('Ronde zuid', '10:00', [b])
  const closing = await item('Afsluiting', '12:00', [])
  await api(`/api/visits/${visit.id}/releases`, { cookie: organiser(w), body: {} })
  const guest = async (email: string, groupIds: string[], lang = 'nl') => {
    const res = await api(`/api/public/visits/${slug}/rsvps`, {
      body: registrationBody(email, { groupIds }),
      headers: { 'cf-connecting-ip': freshClient(), 'accept-language': lang },
    })
    expect(res.status).toBe(202)
  }
  return { slug, visit, a, b, north, south, closing, guest }
}

describe('mails about changes after a release', () => {
  it('tells each guest only the changes for their groups, in their language, with a working opt-out', async () => {
    const w = await makeWorld()
    const { visit, a, b, north, guest } = await setUp(w)
    const n = w.teamA.slice(0, 8)
    const [northGuest, southGuest, everyone, english] = [
      `noord-${n}@example.nl`,
      `zuid-${n}@example.nl`,
      `iedereen-${n}@example.nl`,
      `english-${n}@example.nl`,
    ]
    await guest(northGuest, [a])
    await guest(southGuest, [b])
    await guest(everyone, [])
    await guest(english, [a], 'en')

    // Move the northern round: only those who follow Noord (or everything) hear of it.
    await api(`/api/items/${north}`, {
      cookie: organiser(w),
      method: 'PATCH',
      body: { version: 1, date: '2027-06-12', start: '10:15', end: '11:00' },
    })
    const published = await api(`/api/visits/${visit.id}/releases`, { cookie: organiser(w), body: {} })
    expect(published.status).toBe(201)
    // Publishing only records the work: the mails are queued by the scheduled job.
    expect(await mailsTo(northGuest, 'programme_changed')).toBe(0)
    expect(await changeMailJob(env, new Date())).toEqual({ guests: 4, mailed: 3, releasesDone: 1 })
    expect(await mailsTo(southGuest, 'programme_changed')).toBe(0)
    const nl = await latestMailTo(northGuest)
    expect(nl?.kind).toBe('programme_changed')
    expect(nl?.subject).toBe('Het programma van Wijkschouw is gewijzigd')
    expect(nl?.text).toContain('‘Ronde noord’ is verplaatst van 10:00 naar 10:15.')
    expect(nl?.text).not.toContain('Ronde zuid')
    expect((await latestMailTo(everyone))?.kind).toBe('programme_changed')
    expect((await latestMailTo(english))?.text).toContain('‘Ronde noord’ moved from')

    // The opt-out link: opening it changes nothing, the button does; no mail after that.
    const optOut = nl?.text.match(/https?:\/\/\S+\/unsubscribe\/\S+/)?.[0]
    expect(optOut).toBeTruthy()
    const path = new URL(optOut!).pathname
    expect((await SELF.fetch(url(path))).status).toBe(200)
    expect((await form(path, {})).status).toBe(200)
    await api(`/api/items/${north}`, {
      cookie: organiser(w),
      method: 'PATCH',
      body: { version: 2, title: 'Ronde noord (met koffie)' },
    })
    await api(`/api/visits/${visit.id}/releases`, { cookie: organiser(w), body: {} })
    await runChangeMails()
    expect(await mailsTo(northGuest, 'programme_changed')).toBe(1)
    expect(await mailsTo(english, 'programme_changed')).toBe(2)
  })

  it('refuses a forged or altered opt-out link', async () => {
    const w = await makeWorld()
    expect((await SELF.fetch(url(`/unsubscribe/${w.participantA}/${'A'.repeat(43)}`))).status).toBe(404)
    expect((await form(`/unsubscribe/${w.participantA}/short`, {})).status).toBe(404)
  })
})

describe('more room', () => {
  it('moves waiting guests up when the organiser raises the capacity', async () => {
    const w = await makeWorld()
    const { visit, guest } = await setUp(w)
    const n = w.teamA.slice(0, 8)
    await api(`/api/visits/${visit.id}`, {
      cookie: organiser(w),
      method: 'PATCH',
      body: { version: 1, rsvpCapacity: 1 },
    })
    await guest(`eerste-${n}@example.nl`, [])
    await guest(`tweede-${n}@example.nl`, [])
    const status = async (email: string) =>
      (
        await env.DB.prepare('SELECT status FROM rsvps WHERE email = ?')
          .bind(email)
          .first<{ status: string }>()
      )?.status
    expect(await status(`tweede-${n}@example.nl`)).toBe('waitlisted')
    const current = (await (await api(`/api/visits/${visit.id}`, { cookie: organiser(w) })).json()) as {
      visit: { version: number }
    }
    await api(`/api/visits/${visit.id}`, {
      cookie: organiser(w),
      method: 'PATCH',
      body: { version: current.visit.version, rsvpCapacity: 5 },
    })
    expect(await status(`tweede-${n}@example.nl`)).toBe('confirmed')
    expect((await latestMailTo(`tweede-${n}@example.nl`))?.kind).toBe('rsvp_promoted')
    // The one who was in already stays in; nobody is counted twice.
    expect(await status(`eerste-${n}@example.nl`)).toBe('confirmed')
  })
})

describe('guests of an unlisted visit', () => {
  it('reach the programme from their mails and private page with their own pass, while registered', async () => {
    const w = await makeWorld()
    const { slug, visit, closing } = await setUp(w)
    const cookie = organiser(w)
    await env.DB.prepare('UPDATE visits SET listed = 0 WHERE id = ?').bind(visit.id).run()
    const share = (await (
      await api(`/api/visits/${visit.id}/share-links`, { cookie, body: { label: 'bewoners' } })
    ).json()) as { id: string; url: string }
    const link = new URL(share.url)
    const guestMail = `besloten-${w.teamA.slice(0, 8)}@example.nl`
    const registered = await api(`/api/public/visits/${slug}/rsvps${link.search}`, {
      body: registrationBody(guestMail),
      headers: { 'cf-connecting-ip': freshClient() },
    })
    expect(registered.status).toBe(202)
    // The share link is withdrawn; the guest keeps their way in through their own mails.
    await api(`/api/share-links/${share.id}`, { cookie, method: 'DELETE' })
    expect((await SELF.fetch(url(`/v/${slug}${link.search}`))).status).toBe(404)

    // A change, released: the mail links to the changes with the guest's pass.
    await env.DB.prepare('UPDATE programme_items SET title = ? WHERE id = ?')
      .bind('Afsluiting met koffie', closing)
      .run()
    expect((await api(`/api/visits/${visit.id}/releases`, { cookie, body: {} })).status).toBe(201)
    await runChangeMails()
    const mail = await latestMailTo(guestMail)
    expect(mail?.kind).toBe('programme_changed')
    const changes = new URL(
      /https?:\/\/\S+\/changes\?g=[^\s)"]+/.exec(mail?.text ?? '')?.[0] ?? 'http://x/none',
    )
    const opened = await SELF.fetch(url(`${changes.pathname}${changes.search}`))
    expect(opened.status).toBe(200)
    const pass = changes.searchParams.get('g') ?? ''
    const programme = await (await SELF.fetch(url(`/v/${slug}?g=${pass}`))).text()
    expect(programme).toContain('Afsluiting met koffie')
    // Their pass opens the programme, not the form (they are registered), and the feeds too.
    expect(programme).not.toContain(`/v/${slug}/rsvp`)
    expect((await SELF.fetch(url(`/v/${slug}/schedule.ics?g=${pass}`))).status).toBe(200)

    // A pass with another signature, or for another visit, opens nothing.
    const at = pass.length - 10
    const forged = `${pass.slice(0, at)}${pass[at] === 'A' ? 'B' : 'A'}${pass.slice(at + 1)}`
    expect((await SELF.fetch(url(`/v/${slug}?g=${forged}`))).status).toBe(404)
    expect((await SELF.fetch(url(`/v/${w.slugA}?g=${pass}`))).status).toBe(200) // listed: open anyway
    // Unlisted by its team: a write, so this isolate forgets the release head it kept (HEAD_MEMORY_MS).
    const { version } = (await env.DB.prepare('SELECT version FROM visits WHERE id = ?')
      .bind(w.visitA)
      .first<{ version: number }>())!
    const unlisted = await api(`/api/visits/${w.visitA}`, {
      cookie,
      method: 'PATCH',
      body: { listed: false, version },
    })
    expect(unlisted.status).toBe(200)
    expect((await SELF.fetch(url(`/v/${w.slugA}?g=${pass}`))).status).toBe(404)

    // The private page links to the programme with the pass; after cancelling, the pass opens nothing.
    const rsvpMail = await env.DB.prepare(
      `SELECT text FROM mail_outbox WHERE "to" = ? AND kind = 'rsvp_confirmed'`,
    )
      .bind(guestMail)
      .first<{ text: string }>()
    const own = /\/r\/([A-Za-z0-9_-]{43})/.exec(rsvpMail?.text ?? '')?.[1]
    expect(own).toBeDefined()
    const ownPage = await (await SELF.fetch(url(`/r/${own}`))).text()
    expect(ownPage).toContain(`/v/${slug}?g=${pass}`)
    const cancelled = await form(`/r/${own}/cancel`, { confirm: 'yes' })
    expect(cancelled.status).toBe(303)
    expect((await SELF.fetch(url(`/v/${slug}?g=${pass}`))).status).toBe(404)
    expect((await SELF.fetch(url(`/v/${slug}/changes?g=${pass}`))).status).toBe(404)
  })
})

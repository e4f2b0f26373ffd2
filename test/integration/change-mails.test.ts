import { env, SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { api, form, freshClient, latestMailTo, url } from './helpers'
import { makeWorld, type World } from './world'

const organiser = (w: World) => w.person.organiser.cookie
const mailsTo = async (to: string, kind: string) =>
  (
    await env.DB.prepare('SELECT count(*) AS n FROM mail_outbox WHERE "to" = ? AND kind = ?')
      .bind(to, kind)
      .first<{ n: number }>()
  )?.n ?? -1

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
      body: { name: 'Gast', email, partySize: 1, groupIds },
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
    expect(((await published.json()) as { guestsMailed: number }).guestsMailed).toBe(3)
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

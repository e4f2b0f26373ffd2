import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { api, d1Cost, freshClient, registrationBody } from '../../../test/integration/helpers'
import { makeWorld, type World } from '../../../test/integration/world'

const publish = (w: World) =>
  api(`/api/visits/${w.visitA}/releases`, { cookie: w.person.organiser.cookie, body: {} })
const capacity = (w: World, n: number) =>
  env.DB.prepare('UPDATE venues SET capacity = ? WHERE id = ?').bind(n, w.venueA1).run()
const rename = (w: World, title: string) =>
  env.DB.prepare('UPDATE programme_items SET title = ? WHERE id = ?').bind(title, w.itemA1).run()
const status = async (email: string) =>
  (await env.DB.prepare('SELECT status FROM rsvps WHERE email = ?').bind(email).first<{ status: string }>())
    ?.status

describe('publishing, as cheap as it can be', () => {
  it('lets waiting guests in when a release gives more room, and checks nothing when it gives none', async () => {
    const w = await makeWorld()
    // Release 2: the welcome garden holds two, the company's member and one guest; the next guest waits.
    await capacity(w, 2)
    expect((await publish(w)).status).toBe(201)
    const [first, second] = ['eerste', 'tweede'].map((n) => `${n}-${w.teamA.slice(0, 8)}@example.nl`)
    for (const email of [first!, second!]) {
      const res = await api(`/api/public/visits/${w.slugA}/rsvps`, {
        body: registrationBody(email),
        headers: { 'cf-connecting-ip': freshClient() },
      })
      expect(res.status).toBe(202)
    }
    expect(await status(second!)).toBe('waitlisted')

    // More room in the draft counts once it is released.
    await capacity(w, 10)
    await rename(w, 'Welkom in de tuin')
    expect(await status(second!)).toBe('waitlisted')
    expect((await publish(w)).status).toBe(201)
    expect(await status(second!)).toBe('confirmed')

    // A new title gives nobody room: the session, one batch of reads and one of writes, nothing more.
    await rename(w, 'Welkom!')
    const titleOnly = await publish(w)
    expect(titleOnly.status).toBe(201)
    expect(d1Cost(titleOnly).queries).toBe(3)
  })
})

import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { speakers, talkSpeakers, talks } from '../../../shared/db/schema'
import { api, d1Cost, freshClient, registrationBody } from '../../../test/integration/helpers'
import { makeWorld, type World } from '../../../test/integration/world'
import { loadDemoData } from '../../dev/demo-load'
import { openDatabase } from '../../platform/db/database'
import { loadProgramme } from '../programme/queries'
import { readForPublish } from './publish-reads'
import { draftSnapshot } from './releases'

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

    // A new title gives nobody room: publishing's reads in the session's batch, one batch of writes, nothing
    // more.
    await rename(w, 'Welkom!')
    const titleOnly = await publish(w)
    expect(titleOnly.status).toBe(201)
    expect(d1Cost(titleOnly).queries).toBe(2)
  })
})

describe('what publishing reads', () => {
  it('makes the same snapshot as the programme the team’s pages load, for every demo visit', async () => {
    const db = openDatabase(env.DB)
    await loadDemoData(db)
    // And a visit with talks: confirmed ones with a consenting and a not consenting speaker, an accepted one.
    const w = await makeWorld()
    const [anna, bert, talkA, talkB, talkC] = [1, 2, 3, 4, 5].map(() => crypto.randomUUID())
    await db.batch([
      db.insert(speakers).values([
        { id: anna!, visitId: w.visitA, name: 'Anna', email: `anna-${anna}@example.nl`, consent: true },
        { id: bert!, visitId: w.visitA, name: 'Bert', email: `bert-${bert}@example.nl`, consent: false },
      ]),
      db.insert(talks).values([
        {
          id: talkA!,
          visitId: w.visitA,
          title: 'Bijen',
          durationMinutes: 15,
          state: 'confirmed',
          itemId: w.itemA1,
        },
        {
          id: talkB!,
          visitId: w.visitA,
          title: 'Wespen',
          durationMinutes: 15,
          state: 'confirmed',
          itemId: w.itemA1,
        },
        {
          id: talkC!,
          visitId: w.visitA,
          title: 'Mieren',
          durationMinutes: 15,
          state: 'accepted',
          itemId: w.itemA1,
        },
      ]),
      db.insert(talkSpeakers).values([
        { talkId: talkA!, speakerId: anna!, role: 'main', tokenHash: `a-${talkA}`, confirmedAt: new Date() },
        { talkId: talkA!, speakerId: bert!, role: 'co', tokenHash: `b-${talkA}`, confirmedAt: new Date() },
        { talkId: talkB!, speakerId: anna!, role: 'main', tokenHash: `a-${talkB}` },
        { talkId: talkC!, speakerId: anna!, role: 'main', tokenHash: `a-${talkC}`, confirmedAt: new Date() },
      ]),
    ])
    const visits = await env.DB.prepare('SELECT id FROM visits').all<{ id: string }>()
    let withSpeakers = 0
    for (const { id } of visits.results) {
      const [programme, read] = await Promise.all([loadProgramme(db, id), readForPublish(db, id)])
      expect(read?.visit.teamId).toBe(programme?.visit.teamId)
      const previous = read?.previous?.snapshot ?? null
      const snapshot = draftSnapshot(read!.source, previous)
      expect(snapshot).toEqual(draftSnapshot(programme!, previous))
      withSpeakers += snapshot.items.filter((i) => i.speakers.length > 0).length
    }
    // The comparison covers public speakers and talks (the demo has groups and rain venues).
    expect(withSpeakers).toBeGreaterThan(0)
  })
})

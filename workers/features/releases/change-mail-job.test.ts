import { env } from 'cloudflare:test'
import { beforeEach, describe, expect, it } from 'vitest'
import { interceptD1 } from '../../../test/integration/d1-spy'
import { api, freshClient, registrationBody } from '../../../test/integration/helpers'
import { makeWorld, type World } from '../../../test/integration/world'
import { changeMailJob } from '../../jobs/change-mails'

const organiser = (w: World) => w.person.organiser.cookie
const noBound = { guests: 1_000, text: 10_000_000 }

/** The change mails to an address, oldest first. */
async function changeMails(to: string) {
  const rows = await env.DB.prepare(
    `SELECT text FROM mail_outbox WHERE "to" = ? AND kind = 'programme_changed' ORDER BY rowid`,
  )
    .bind(to)
    .all<{ text: string }>()
  return rows.results.map((r) => r.text)
}

const runsLeft = async () =>
  (await env.DB.prepare('SELECT count(*) AS n FROM change_mail_runs').first<{ n: number }>())?.n ?? -1

/**
 * A published visit with two groups and an item for each, and guests: four who follow Noord, one Zuid, one
 * everything; the southern guest is untouched by a change to the northern round.
 */
async function setUp(w: World) {
  const cookie = organiser(w)
  const n = w.teamA.slice(0, 8)
  const slug = `job-${n}`
  const visit = (await (
    await api(`/api/teams/${w.teamA}/visits`, {
      cookie,
      body: { kind: 'college_visit', title: 'Schouw', slug, startDate: '2027-06-12', endDate: '2027-06-12' },
    })
  ).json()) as { id: string }
  const group = async (name: string) =>
    (
      (await (await api(`/api/visits/${visit.id}/groups`, { cookie, body: { name } })).json()) as {
        id: string
      }
    ).id
  const [north, south] = [await group('Noord'), await group('Zuid')]
  const item = async (title: string, start: string, groupIds: string[]) =>
    (
      (await (
        await api(`/api/visits/${visit.id}/items`, {
          cookie,
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
  const northRound = await item('Ronde noord', '10:00', [north])
  const closing = await item('Afsluiting', '12:00', [])
  await item('Ronde zuid', '10:00', [south])
  const publish = async () =>
    expect((await api(`/api/visits/${visit.id}/releases`, { cookie, body: {} })).status).toBe(201)
  await publish()
  const register = async (email: string, groupIds: string[]) =>
    expect(
      (
        await api(`/api/public/visits/${slug}/rsvps`, {
          body: registrationBody(email, { groupIds }),
          headers: { 'cf-connecting-ip': freshClient() },
        })
      ).status,
    ).toBe(202)
  const northGuests = [1, 2, 3, 4].map((i) => `noord${i}-${n}@example.nl`)
  for (const email of northGuests) await register(email, [north])
  const southGuest = `zuid-${n}@example.nl`
  const everyone = `iedereen-${n}@example.nl`
  await register(southGuest, [south])
  await register(everyone, [])
  let version = 1
  const moveNorth = async (start: string) => {
    const res = await api(`/api/items/${northRound}`, {
      cookie,
      method: 'PATCH',
      body: { version, date: '2027-06-12', start, end: start.replace(/:\d\d$/, ':50') },
    })
    expect(res.status).toBe(200)
    version++
  }
  const renameClosing = async (title: string) =>
    expect(
      (await api(`/api/items/${closing}`, { cookie, method: 'PATCH', body: { version: 1, title } })).status,
    ).toBe(200)
  return { visit, slug, northGuests, southGuest, everyone, register, publish, moveNorth, renameClosing }
}

/** Runs the job until no release has mails left to queue. */
async function drain(bound = noBound) {
  while (((await changeMailJob(env, new Date(), bound))?.guests ?? 0) > 0);
}

describe('the change-mail job, with the clock given', () => {
  // Storage is per file: each test starts with no release of another test still to mail.
  beforeEach(() => drain())

  it('queues a bounded page of guests per run, each concerned guest once, and stops when all are done', async () => {
    const w = await makeWorld()
    const s = await setUp(w)
    await s.moveNorth('10:15')
    await s.publish()
    const now = new Date()
    // Six guests, three per run (in id order, so which three is chance): the southern guest is looked at
    // but gets nothing. The third run finds nothing left.
    const bound = { guests: 3, text: 10_000_000 }
    const runs = [
      await changeMailJob(env, now, bound),
      await changeMailJob(env, now, bound),
      await changeMailJob(env, now, bound),
    ]
    expect(runs.map((r) => [r?.guests, r?.releasesDone])).toEqual([
      [3, 0],
      [3, 1],
      [0, 0],
    ])
    expect(runs.reduce((sum, r) => sum + (r?.mailed ?? 0), 0)).toBe(5)
    for (const to of [...s.northGuests, s.everyone]) {
      const mails = await changeMails(to)
      expect(mails).toHaveLength(1)
      expect(mails[0]).toContain('‘Ronde noord’ is verplaatst van 10:00–10:45 naar 10:15–10:50.')
    }
    expect(await changeMails(s.southGuest)).toEqual([])
    expect(await runsLeft()).toBe(0)
  })

  it('bounds the mail text of a run too, but always moves on by one guest', async () => {
    const w = await makeWorld()
    const s = await setUp(w)
    await s.moveNorth('10:20')
    await s.publish()
    const tiny = { guests: 100, text: 1 }
    const runs = []
    for (let i = 0; i < 8; i++) runs.push((await changeMailJob(env, new Date(), tiny))?.mailed ?? -1)
    // At most one mail per run, and the runs get through all five.
    expect(runs.every((n) => n === 0 || n === 1)).toBe(true)
    expect(runs.reduce((a, b) => a + b)).toBe(5)
    expect(runs.slice(-1)).toEqual([0])
    for (const to of [...s.northGuests, s.everyone]) expect(await changeMails(to)).toHaveLength(1)
  })

  it('resumes after a run that died halfway: no mail lost, none doubled', async () => {
    const w = await makeWorld()
    const s = await setUp(w)
    await s.moveNorth('10:30')
    await s.publish()
    const page = { guests: 2, text: 10_000_000 }
    const concerned = [...s.northGuests, s.everyone]
    const counts = async () => (await Promise.all(concerned.map(changeMails))).map((m) => m.length)
    const mark = async () =>
      (await env.DB.prepare('SELECT after FROM change_mail_runs').first<{ after: string }>())?.after
    // The first page goes well; the second run dies as it writes its mails (D1 gone): nothing of it stays.
    const first = await changeMailJob(env, new Date(), page)
    expect(first?.guests).toBe(2)
    const afterFirst = { counts: await counts(), mark: await mark() }
    const failing = interceptD1(env.DB, {
      around: (sql, call) =>
        sql.includes('INSERT INTO mail_outbox')
          ? Promise.reject(new Error('D1_ERROR: network lost'))
          : call(),
    })
    await expect(changeMailJob({ ...env, DB: failing }, new Date(), page)).rejects.toThrow('network lost')
    expect({ counts: await counts(), mark: await mark() }).toEqual(afterFirst)
    // The next run's batch is written but its answer is lost: the run dies after D1 did the work.
    const answerLost = interceptD1(env.DB, {
      around: async (sql, call) => {
        const result = await call()
        if (sql.includes('INSERT INTO mail_outbox')) throw new Error('D1_ERROR: answer lost')
        return result
      },
    })
    await expect(changeMailJob({ ...env, DB: answerLost }, new Date(), page)).rejects.toThrow('answer lost')
    expect(await mark()).not.toBe(afterFirst.mark)
    // Run again until done: every concerned guest has exactly one mail, the untouched one none.
    await drain(page)
    expect(await counts()).toEqual([1, 1, 1, 1, 1])
    expect(await changeMails(s.southGuest)).toEqual([])
    expect(await runsLeft()).toBe(0)
  })

  it('two runs at once queue each mail once', async () => {
    const w = await makeWorld()
    const s = await setUp(w)
    await s.moveNorth('10:40')
    await s.publish()
    const runs = await Promise.all([
      changeMailJob(env, new Date(), noBound),
      changeMailJob(env, new Date(), noBound),
    ])
    expect(runs.map((r) => r?.mailed ?? 0).reduce((a, b) => a + b)).toBe(5)
    for (const to of [...s.northGuests, s.everyone]) expect(await changeMails(to)).toHaveLength(1)
  })

  it('two releases before the first one’s mails went out: a mail for each, oldest first, each with its own changes', async () => {
    const w = await makeWorld()
    const s = await setUp(w)
    await s.moveNorth('10:15')
    await s.publish()
    await s.renameClosing('Afsluiting met koffie')
    await s.publish()
    await drain({ guests: 4, text: 10_000_000 })
    const [first, second, ...more] = await changeMails(s.northGuests[0]!)
    expect(more).toEqual([])
    expect(first).toContain('‘Ronde noord’ is verplaatst van 10:00–10:45 naar 10:15–10:50.')
    expect(first).not.toContain('koffie')
    expect(second).toContain('Afsluiting met koffie')
    expect(second).not.toContain('verplaatst')
    // The southern guest only hears of the closing, which is for everyone.
    const south = await changeMails(s.southGuest)
    expect(south).toHaveLength(1)
    expect(south[0]).toContain('Afsluiting met koffie')
  })

  it('a guest who registered after the release hears of the next one only', async () => {
    const w = await makeWorld()
    const s = await setUp(w)
    await s.moveNorth('10:15')
    await s.publish()
    const late = `laat-${w.teamA.slice(0, 8)}@example.nl`
    await s.register(late, [])
    await drain()
    expect(await changeMails(late)).toEqual([])
    expect(await changeMails(s.everyone)).toHaveLength(1)
    await s.renameClosing('Afsluiting buiten')
    await s.publish()
    await drain()
    expect(await changeMails(late)).toHaveLength(1)
  })
})

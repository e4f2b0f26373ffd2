import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import {
  groups,
  participants,
  programmeItemGroups,
  programmeItems,
  rsvps,
  speakers,
  talkSpeakers,
  talks,
  venues,
  visits,
  visitVenues,
} from '../../../shared/db/schema'
import { type Clash, findClashes } from '../../../shared/domain/clashes'
import { api, d1Cost, db } from '../../../test/integration/helpers'
import { makeWorld, type World } from '../../../test/integration/world'
import { toClashInput } from './programme'
import { loadProgramme } from './queries'

/** An instant of the visit's summer days in Amsterdam (UTC+2). */
const at = (date: string, time: string) => new Date(`${date}T${time}:00+02:00`)
const day1 = '2027-06-12'
const day2 = '2027-06-13'

type Item = typeof programmeItems.$inferInsert

/**
 * Visit A over two days, with a clash of every kind around a few items, at venues apart: a tour of group 1
 * at V1 (capacity 5, open from 10:30) whose group is elsewhere at the same time (V2), whose speaker speaks
 * elsewhere then too (V3), and who is not available; a walk of group 2 from V1 to V2 in two minutes; a bus
 * that leaves before the stop before it ends; a train on day 2 that arrives after its stop begins, the stop
 * before it on day 1; an item after the visit; and a cancelled item that clashes with nothing.
 */
async function conference(w: World) {
  const id = () => crypto.randomUUID()
  const v = { v1: id(), v2: id(), v3: id(), v4: id() }
  const g = { g1: id(), g2: id() }
  const i = {
    tour: id(),
    talkElsewhere: id(),
    sameGroup: id(),
    coffee: id(),
    beforeWalk: id(),
    afterWalk: id(),
    bus: id(),
    train: id(),
    after: id(),
    cancelled: id(),
  }
  const items: Item[] = []
  const add = (
    itemId: string,
    title: string,
    venueId: string | null,
    date: string,
    start: string,
    end: string,
    extra: Partial<Item> = {},
  ) =>
    items.push({
      id: itemId,
      visitId: w.visitA,
      venueId,
      kind: 'talk',
      title,
      startsAt: at(date, start),
      endsAt: at(date, end),
      ...extra,
    })
  add(i.tour, 'Rondleiding', v.v1, day1, '10:00', '11:00', { kind: 'tour' })
  add(i.talkElsewhere, 'Lezing', v.v3, day1, '10:15', '10:45')
  add(i.sameGroup, 'Buurtgesprek', v.v2, day1, '10:30', '11:30', { kind: 'discussion' })
  add(i.coffee, 'Koffie', v.v1, day1, '10:45', '11:15', { kind: 'catering' })
  add(i.beforeWalk, 'Tuin', v.v1, day1, '11:50', '11:58', { kind: 'tour' })
  add(i.afterWalk, 'Buurthuis', v.v2, day1, '12:00', '12:30', { kind: 'tour' })
  add(i.bus, 'Bus naar de haven', null, day1, '12:40', '13:00', {
    kind: 'travel',
    legMode: 'bus',
    legDepartsAt: at(day1, '12:20'),
    arrivalPlace: 'Haven',
  })
  add(i.train, 'Werkbezoek', v.v3, day2, '09:00', '10:00', {
    kind: 'tour',
    legMode: 'train',
    legArrivesAt: at(day2, '09:20'),
  })
  add(i.after, 'Nazit', v.v3, '2027-06-14', '10:00', '11:00', { kind: 'discussion' })
  add(i.cancelled, 'Afgelast', v.v1, day1, '10:00', '11:00', { cancelled: true })
  const s1 = id()
  const t1 = id()
  const t2 = id()
  const talk = (talkId: string, itemId: string, title: string) => ({
    id: talkId,
    visitId: w.visitA,
    title,
    durationMinutes: 30,
    state: 'confirmed' as const,
    itemId,
  })
  await db.batch([
    db.update(visits).set({ endDate: day2 }).where(eq(visits.id, w.visitA)),
    db.insert(venues).values([
      { id: v.v1, teamId: w.teamA, name: 'V1', kind: 'garden', lat: 52.16, lng: 4.49, capacity: 5 },
      { id: v.v2, teamId: w.teamA, name: 'V2', kind: 'garden', lat: 52.19, lng: 4.49 },
      { id: v.v3, teamId: w.teamA, name: 'V3', kind: 'garden', lat: 52.161, lng: 4.491 },
      { id: v.v4, teamId: w.teamA, name: 'V4 (geen plek op de kaart)', kind: 'other' },
    ]),
    db.insert(visitVenues).values({
      visitId: w.visitA,
      venueId: v.v1,
      opensAt: at(day1, '10:30'),
      closesAt: at(day1, '18:00'),
    }),
    db.insert(groups).values([
      { id: g.g1, visitId: w.visitA, name: 'Groep 1', position: 1 },
      { id: g.g2, visitId: w.visitA, name: 'Groep 2', position: 2 },
    ]),
    db
      .insert(participants)
      .values(Array.from({ length: 4 }, (_, n) => ({ visitId: w.visitA, name: `Lid ${n}`, groupId: g.g1 }))),
    db.insert(rsvps).values([
      {
        visitId: w.visitA,
        name: 'Gast',
        email: `gast-${id()}@example.nl`,
        partySize: 2,
        groupIds: JSON.stringify([g.g1]),
        status: 'confirmed',
        tokenHash: id(),
      },
      {
        visitId: w.visitA,
        name: 'Gast 2',
        email: `gast-${id()}@example.nl`,
        partySize: 3,
        status: 'confirmed',
        tokenHash: id(),
      },
    ]),
    // One insert per item: D1 takes at most 100 values in a statement.
    ...items.map((x) => db.insert(programmeItems).values(x)),
    db.insert(programmeItemGroups).values([
      ...[i.tour, i.sameGroup, i.train].map((itemId) => ({ itemId, groupId: g.g1 })),
      ...[i.talkElsewhere, i.beforeWalk, i.afterWalk, i.bus, i.after].map((itemId) => ({
        itemId,
        groupId: g.g2,
      })),
    ]),
    db.insert(speakers).values({
      id: s1,
      visitId: w.visitA,
      name: 'Spreker',
      email: `spreker-${id()}@example.nl`,
      availability: JSON.stringify([
        { start: at(day1, '12:00').getTime(), end: at(day1, '18:00').getTime() },
      ]),
    }),
    db.insert(talks).values([talk(t1, i.tour, 'Over de tuin'), talk(t2, i.talkElsewhere, 'Over de straat')]),
    db.insert(talkSpeakers).values([
      { talkId: t1, speakerId: s1, tokenHash: id() },
      { talkId: t2, speakerId: s1, tokenHash: id() },
    ]),
  ])
  return { v, g, i }
}

const cookieOf = (w: World) => w.person.organiser.cookie
const json = <T>(x: T): T => JSON.parse(JSON.stringify(x))

/** The clashes the whole programme has with an item, as the clash list finds them. */
async function wholeProgrammeClashes(visitId: string, itemId: string) {
  const p = await loadProgramme(db, visitId)
  return json(findClashes(toClashInput(p!)).filter((c) => c.itemIds.includes(itemId)))
}

/** Saves an item through the API (a new title, or what `change` says), with what the answer cost. */
async function save(w: World, itemId: string, change: Record<string, unknown> = {}) {
  const [row] = await db.select().from(programmeItems).where(eq(programmeItems.id, itemId))
  const res = await api(`/api/items/${itemId}`, {
    method: 'PATCH',
    body: { version: row!.version, title: `${row!.title}.`, ...change },
    cookie: cookieOf(w),
  })
  expect(res.status, await res.clone().text()).toBe(200)
  const body = (await res.json()) as { item: { id: string; version: number }; clashes: Clash[] }
  return { ...body, cost: d1Cost(res) }
}

/** The stored clash list (the clash API), as its clashes of one item, without what the list adds to each. */
async function listedClashes(w: World, itemId: string) {
  const res = await api(`/api/visits/${w.visitA}/clashes`, { cookie: cookieOf(w) })
  expect(res.status).toBe(200)
  const { clashes } = (await res.json()) as { clashes: (Clash & { day?: string; titles?: string[] })[] }
  return clashes.filter((c) => c.itemIds.includes(itemId)).map(({ day: _d, titles: _t, ...c }) => c)
}

/** Saves every item of visit A and compares each answer with the whole programme and the stored list. */
async function compareEverySave(w: World) {
  const ids = (
    await db
      .select({ id: programmeItems.id })
      .from(programmeItems)
      .where(eq(programmeItems.visitId, w.visitA))
  ).map((r) => r.id)
  const kinds = new Set<string>()
  for (const itemId of ids) {
    const answer = await save(w, itemId)
    expect(answer.clashes, itemId).toEqual(await wholeProgrammeClashes(w.visitA, itemId))
    expect(await listedClashes(w, itemId), itemId).toEqual(answer.clashes)
    for (const c of answer.clashes) kinds.add(c.kind)
  }
  return kinds
}

describe('a saved item answers with its clashes, read from only what can clash with it', () => {
  it('the same clashes as the whole programme has with it, for every item and every kind of clash', async () => {
    const w = await makeWorld()
    await conference(w)
    expect([...(await compareEverySave(w))].sort()).toEqual(
      [
        'group_double_booked',
        'leg_off_timetable',
        'outside_opening_window',
        'outside_speaker_availability',
        'outside_visit_dates',
        'over_capacity',
        'speaker_double_booked',
        'venue_double_booked',
        'walk_too_long',
      ].sort(),
    )
  })

  it('the same when an item spans the day, one is for everyone, and the groups are gone', async () => {
    const w = await makeWorld()
    const { v, g } = await conference(w)
    // Open all day at V4, for everyone: it overlaps everything of day 1, however early it starts.
    await db.insert(programmeItems).values({
      visitId: w.visitA,
      venueId: v.v4,
      kind: 'break',
      title: 'Informatiestand',
      startsAt: at(day1, '07:00'),
      endsAt: at(day1, '20:00'),
    })
    await compareEverySave(w)
    // Without groups at all, the company is one audience (the world's own group goes too).
    await db.delete(groups).where(eq(groups.visitId, w.visitA))
    expect(await db.select().from(groups).where(eq(groups.id, g.g1))).toEqual([])
    await compareEverySave(w)
  })

  it('the same after a move that makes and undoes clashes, and a change of groups and venue', async () => {
    const w = await makeWorld()
    const { v, g, i } = await conference(w)
    const moved = await save(w, i.talkElsewhere, { date: day1, start: '12:05', end: '12:25' })
    expect(moved.clashes).toEqual(await wholeProgrammeClashes(w.visitA, i.talkElsewhere))
    expect(await listedClashes(w, i.talkElsewhere)).toEqual(moved.clashes)
    // Its speaker no longer speaks at the tour's time: the tour's speaker clash is gone from the list too.
    const tour = await save(w, i.tour)
    expect(tour.clashes.map((c) => c.kind)).not.toContain('speaker_double_booked')
    const regrouped = await save(w, i.afterWalk, { groupIds: [g.g1], venueId: v.v3 })
    expect(regrouped.clashes).toEqual(await wholeProgrammeClashes(w.visitA, i.afterWalk))
    expect(await listedClashes(w, i.afterWalk)).toEqual(regrouped.clashes)
    const cancelled = await save(w, i.sameGroup, { cancelled: true })
    expect(cancelled.clashes).toEqual([])
    expect(await save(w, i.tour)).toMatchObject({
      clashes: await wholeProgrammeClashes(w.visitA, i.tour),
    })
  })

  it('finds what clashes with it at other venues, in other groups and on the day before', async () => {
    const w = await makeWorld()
    const { i } = await conference(w)
    const pairs = (clashes: Clash[]) => clashes.map((c) => [c.kind, ...c.itemIds].join(' '))
    // The tour at V1: its group at V2, its speaker at V3 (group 2's item), the coffee at V1 itself.
    expect(pairs((await save(w, i.tour)).clashes)).toEqual(
      expect.arrayContaining([
        `group_double_booked ${i.tour} ${i.sameGroup}`,
        `speaker_double_booked ${i.tour} ${i.talkElsewhere}`,
        `venue_double_booked ${i.tour} ${i.coffee}`,
      ]),
    )
    // The walk to V2 from V1, and the bus after it.
    expect(pairs((await save(w, i.afterWalk)).clashes)).toEqual([
      `walk_too_long ${i.beforeWalk} ${i.afterWalk}`,
      `leg_off_timetable ${i.afterWalk} ${i.bus}`,
    ])
    // The train of day 2 from group 1's last stop of day 1: the drinks for everyone at the world's A2.
    const [drinks] = await db.select().from(programmeItems).where(eq(programmeItems.venueId, w.venueA2))
    expect(pairs((await save(w, i.train)).clashes)).toEqual([`leg_off_timetable ${drinks!.id} ${i.train}`])
  })

  it('reads as many rows with a busy other day as without it: what it reads grows with its day', async () => {
    const w = await makeWorld()
    const { v, i } = await conference(w)
    const before = (await save(w, i.tour)).cost
    // 300 items for everyone on day 2, after the train (one insert each: D1's limit of values per statement).
    const busy = Array.from({ length: 300 }, (_, n) =>
      db.insert(programmeItems).values({
        visitId: w.visitA,
        venueId: v.v3,
        kind: 'talk',
        title: `Sessie ${n}`,
        startsAt: new Date(at(day2, '10:00').getTime() + n * 120_000),
        endsAt: new Date(at(day2, '10:00').getTime() + n * 120_000 + 60_000),
      }),
    )
    await db.batch(busy as [(typeof busy)[number], ...(typeof busy)[number][]])
    const after = await save(w, i.tour)
    expect(after.cost.queries).toBe(3)
    expect(after.cost.rowsRead).toBeLessThanOrEqual(before.rowsRead + 5)
    expect(after.clashes).toEqual(await wholeProgrammeClashes(w.visitA, i.tour))
  })
})

import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { programmeItems, releases, talkSlots, talks } from '../../../shared/db/schema'
import { api, db, form, latestMailTo, page } from '../../../test/integration/helpers'
import { makeWorld, type World } from '../../../test/integration/world'
import { type Json, mailsTo, openCall, submitted } from './talks.fixtures.matrix'

async function confirmedTalk(w: World, name: string, extra: Json = {}) {
  const s = await submitted(w, name, extra)
  const cookie = w.person.organiser.cookie
  await api(`/api/talks/${s.talkId}/state`, { cookie, body: { state: 'accepted', notify: false } })
  await api(`/api/talks/${s.talkId}/state`, { cookie, body: { state: 'confirmed', notify: false } })
  return s
}

/** A speaker who picked the 15:30 slot (their talk in English), and one placed in the 15:00 welcome item. */
async function talksOnTheDay() {
  const w = await makeWorld()
  await openCall(w, { selfScheduling: true })
  const cookie = w.person.organiser.cookie
  const slot = await api(`/api/visits/${w.visitA}/slots`, {
    cookie,
    body: { date: '2027-06-12', start: '15:30', end: '15:45' },
  })
  const { id: slotId } = (await slot.json()) as { id: string }
  const anna = await confirmedTalk(w, 'anna', { language: 'en', title: 'A new playground' })
  expect((await form(`/t/${anna.token}/slot`, { slotId })).status).toBe(303)
  const bert = await confirmedTalk(w, 'bert')
  await db.update(talks).set({ itemId: w.itemA1 }).where(eq(talks.id, bert.talkId))
  return { w, cookie, slotId, anna, bert }
}

const slotTimes = async (slotId: string) =>
  (await db.select().from(talkSlots).where(eq(talkSlots.id, slotId)))[0]

describe('running late moves the talks along', () => {
  it('moves the slots with their items, mails each moved speaker once in their language, and says when guests see it', async () => {
    const { w, cookie, slotId, anna, bert } = await talksOnTheDay()
    const mailsBefore = { anna: await mailsTo(anna.email), bert: await mailsTo(bert.email) }
    const res = await api(`/api/visits/${w.visitA}/running-late`, {
      cookie,
      body: { minutes: 20, from: { date: '2027-06-12', time: '14:00' } },
    })
    expect(res.status).toBe(200)
    const body = (await res.json()) as Json
    expect(body).toMatchObject({
      slotsMoved: 1,
      speakersMailed: 2,
      published: null,
      guestsSeeShift: 'after_next_publish',
    })
    // The slot and the item the pick made moved together: 15:30 became 15:50 (13:50 UTC).
    const slot = await slotTimes(slotId)
    expect(slot?.startsAt.toISOString()).toBe('2027-06-12T13:50:00.000Z')
    expect(slot?.endsAt.toISOString()).toBe('2027-06-12T14:05:00.000Z')
    const [talk] = await db.select().from(talks).where(eq(talks.id, anna.talkId))
    const [item] = await db.select().from(programmeItems).where(eq(programmeItems.id, talk!.itemId!))
    expect(item?.startsAt.getTime()).toBe(slot?.startsAt.getTime())
    // The speaker's page shows the one new time.
    const speakerPage = await (await page(`/t/${anna.token}`)).text()
    expect(speakerPage).toContain('15:50')
    expect(speakerPage).not.toContain('15:30')

    expect(await mailsTo(anna.email)).toBe(mailsBefore.anna + 1)
    expect(await mailsTo(bert.email)).toBe(mailsBefore.bert + 1)
    const annaMail = await latestMailTo(anna.email)
    expect(annaMail?.kind).toBe('talk_moved')
    expect(annaMail?.subject).toContain('Your talk')
    expect(annaMail?.text).toContain('‘A new playground’: now')
    expect(annaMail?.text).toContain('15:50–16:05 (was 15:30)')
    const bertMail = await latestMailTo(bert.email)
    expect(bertMail?.subject).toContain('Je voordracht')
    expect(bertMail?.text).toContain('15:20–15:35 (was 15:00)')
    // Nothing was published: the guests' release still has the old programme.
    expect(await db.select().from(releases).where(eq(releases.visitId, w.visitA))).toHaveLength(1)
  })

  it('mails nobody whose talk did not move, and publishes at once from the same form when asked', async () => {
    const { w, cookie, anna, bert } = await talksOnTheDay()
    const before = { anna: await mailsTo(anna.email), bert: await mailsTo(bert.email) }
    const res = await form(
      `/visits/${w.visitA}/running-late`,
      { minutes: '10', 'from.date': '2027-06-12', 'from.time': '15:15', publish: 'yes' },
      { cookie },
    )
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/visits/${w.visitA}/releases`)
    // Only the 15:30 talk moved; the 15:00 welcome did not.
    expect(await mailsTo(anna.email)).toBe(before.anna + 1)
    expect(await mailsTo(bert.email)).toBe(before.bert)
    const published = await db.select().from(releases).where(eq(releases.visitId, w.visitA))
    expect(published.map((r) => r.number).sort()).toEqual([1, 2])
  })

  it('tells the organiser on the form that guests see the shift after the next publish', async () => {
    const w = await makeWorld()
    const html = await (await page(`/visits/${w.visitA}/programme`, w.person.organiser.cookie)).text()
    expect(html).toContain('name="publish"')
    expect(html).toContain('pas na de volgende publicatie')
  })
})

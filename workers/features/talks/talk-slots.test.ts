import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog, programmeItems, talkSlots, talks } from '../../../shared/db/schema'
import { api, db, form } from '../../../test/integration/helpers'
import { makeWorld, type World } from '../../../test/integration/world'
import { type Json, openCall, submitted } from './talks.fixtures.matrix'

describe('self-scheduling', () => {
  async function confirmedTalk(w: World, name: string, extra: Json = {}) {
    const s = await submitted(w, name, extra)
    const cookie = w.person.organiser.cookie
    await api(`/api/talks/${s.talkId}/state`, { cookie, body: { state: 'accepted', notify: false } })
    await api(`/api/talks/${s.talkId}/state`, { cookie, body: { state: 'confirmed', notify: false } })
    return s
  }

  it('gives a slot to exactly one of two speakers picking it at once', async () => {
    const w = await makeWorld()
    await openCall(w, { selfScheduling: true })
    const cookie = w.person.organiser.cookie
    const slot = await api(`/api/visits/${w.visitA}/slots`, {
      cookie,
      body: { date: '2027-06-12', start: '15:30', end: '15:45' },
    })
    expect(slot.status).toBe(201)
    const { id: slotId } = (await slot.json()) as { id: string }
    const a = await confirmedTalk(w, 'anna')
    const b = await confirmedTalk(w, 'bert')
    const [ra, rb] = await Promise.all([
      form(`/t/${a.token}/slot`, { slotId }),
      form(`/t/${b.token}/slot`, { slotId }),
    ])
    expect([ra.status, rb.status].sort()).toEqual([303, 409])
    const loser = ra.status === 409 ? ra : rb
    expect(await loser.text()).toContain('Iemand anders was je net voor')
    const [taken] = await db.select().from(talkSlots).where(eq(talkSlots.id, slotId))
    const winner = ra.status === 303 ? a : b
    expect(taken!.talkId).toBe(winner.talkId)
    // The winner's talk is in a new programme item at the slot's time.
    const [talk] = await db.select().from(talks).where(eq(talks.id, winner.talkId))
    const [item] = await db.select().from(programmeItems).where(eq(programmeItems.id, talk!.itemId!))
    expect(item).toMatchObject({
      kind: 'talk',
      title: 'Het nieuwe speelveld',
      startsAt: new Date('2027-06-12T13:30:00Z'),
    })
    // Giving it back frees the slot and removes the item the pick made.
    expect((await form(`/t/${winner.token}/slot/release`, { confirm: 'yes' })).status).toBe(303)
    expect((await db.select().from(talkSlots).where(eq(talkSlots.id, slotId)))[0]?.talkId).toBeNull()
    expect(await db.select().from(programmeItems).where(eq(programmeItems.id, item!.id))).toEqual([])
  })

  it('refuses a pick that would clash, with the reason, and one by a talk that is not confirmed', async () => {
    const w = await makeWorld()
    await openCall(w, { selfScheduling: true })
    const cookie = w.person.organiser.cookie
    const slot = await api(`/api/visits/${w.visitA}/slots`, {
      cookie,
      body: { date: '2027-06-12', start: '18:00', end: '18:15' },
    })
    const { id: slotId } = (await slot.json()) as { id: string }
    const a = await confirmedTalk(w, 'anna')
    const refused = await form(`/t/${a.token}/slot`, { slotId })
    expect(refused.status).toBe(409)
    expect(await refused.text()).toContain('niet beschikbaar')
    const b = await submitted(w, 'bert')
    const early = await form(`/t/${b.token}/slot`, { slotId })
    expect(early.status).toBe(409)
    expect((await db.select().from(talkSlots).where(eq(talkSlots.id, slotId)))[0]?.talkId).toBeNull()
    // Opening a slot outside the visit is refused too.
    const outside = await api(`/api/visits/${w.visitA}/slots`, {
      cookie,
      body: { date: '2027-06-13', start: '10:00', end: '10:15' },
    })
    expect(outside.status).toBe(422)
  })
})

describe('the team’s slots', () => {
  it('log a removal exactly when the slot went: a taken slot stays, refused (409) and unlogged', async () => {
    const w = await makeWorld()
    await openCall(w, { selfScheduling: true })
    const cookie = w.person.organiser.cookie
    const open = async (start: string, end: string) => {
      const res = await api(`/api/visits/${w.visitA}/slots`, {
        cookie,
        body: { date: '2027-06-12', start, end },
      })
      return ((await res.json()) as { id: string }).id
    }
    const free = await open('15:30', '15:45')
    const taken = await open('16:00', '16:15')
    const { talkId } = await submitted(w)
    await db.update(talkSlots).set({ talkId }).where(eq(talkSlots.id, taken))
    const removals = async (slotId: string) =>
      (
        await db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.entityId, slotId), eq(auditLog.action, 'slot.deleted')))
      ).length
    expect((await api(`/api/slots/${taken}`, { cookie, method: 'DELETE' })).status).toBe(409)
    expect(await removals(taken)).toBe(0)
    expect((await api(`/api/slots/${free}`, { cookie, method: 'DELETE' })).status).toBe(204)
    expect(await removals(free)).toBe(1)
  })
})

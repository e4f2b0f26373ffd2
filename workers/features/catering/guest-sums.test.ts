import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { cateringGuestNotes, cateringGuestSums, rsvps } from '../../../shared/db/schema'
import { dietaryOptions } from '../../../shared/domain/diets'
import { db } from '../../../test/integration/helpers'
import { makeWorld } from '../../../test/integration/world'
import { dietaryTotals, parseDietary } from '../rsvps/rules'

type Registration = typeof rsvps.$inferInsert

/** What the sums should be: the visit's confirmed registrations added up in JS by rsvps' own rules. */
async function expected(visitId: string) {
  const rows = await db.select().from(rsvps).where(eq(rsvps.visitId, visitId))
  const sums = new Map<string, { registrations: number; persons: number; needs: Record<string, number> }>()
  const notes = new Map<string, number>()
  for (const r of rows.filter((x) => x.status === 'confirmed')) {
    const sum = sums.get(r.groupIds) ?? { registrations: 0, persons: 0, needs: {} }
    const needs = dietaryTotals([
      { partySize: r.partySize, dietary: parseDietary(r.dietary), dietaryNotes: '' },
    ])
    sum.registrations += 1
    sum.persons += r.partySize
    for (const o of dietaryOptions) sum.needs[o] = (sum.needs[o] ?? 0) + needs.byOption[o]
    sums.set(r.groupIds, sum)
    if (r.dietaryNotes !== '') {
      const key = `${r.groupIds} ${r.dietaryNotes}`
      notes.set(key, (notes.get(key) ?? 0) + 1)
    }
  }
  return { sums: Object.fromEntries(sums), notes: Object.fromEntries(notes) }
}

/** What the triggers keep (migration 0017), in the same shape. */
async function kept(visitId: string) {
  const sums = await db.select().from(cateringGuestSums).where(eq(cateringGuestSums.visitId, visitId))
  const notes = await db.select().from(cateringGuestNotes).where(eq(cateringGuestNotes.visitId, visitId))
  return {
    sums: Object.fromEntries(
      sums.map((s) => [
        s.groupIds,
        {
          registrations: s.registrations,
          persons: s.persons,
          needs: {
            vegetarian: s.vegetarian,
            vegan: s.vegan,
            halal: s.halal,
            kosher: s.kosher,
            gluten_free: s.glutenFree,
            lactose_free: s.lactoseFree,
            nut_allergy: s.nutAllergy,
          },
        },
      ]),
    ),
    notes: Object.fromEntries(notes.map((n) => [`${n.groupIds} ${n.note}`, n.registrations])),
  }
}

describe('the guest sums the catering headcount reads (kept by triggers on rsvps)', () => {
  it('equal rsvps’ own count after every insert, change and delete, whatever the stored needs look like', async () => {
    const w = await makeWorld()
    const a = JSON.stringify([w.groupA])
    const row = (n: number, fields: Partial<Registration>): Registration => ({
      visitId: w.visitA,
      name: `Gast ${n}`,
      email: `gast${n}-${w.visitA.slice(0, 8)}@example.nl`,
      partySize: 2,
      status: 'confirmed',
      tokenHash: crypto.randomUUID(),
      ...fields,
    })
    const ids = Array.from({ length: 12 }, () => crypto.randomUUID())
    const inserted = [
      row(0, { id: ids[0], dietary: '{"vegetarian":1,"vegan":2}', dietaryNotes: 'Graag zonder ui.' }),
      // More persons with a need than the party: never more than the party.
      row(1, { id: ids[1], partySize: 1, dietary: '{"halal":3}', groupIds: a }),
      // The legacy list of ticked needs, a name twice, an unknown one and a number among them.
      row(2, { id: ids[2], partySize: 3, dietary: '["kosher","kosher","unknown",5,"nut_allergy"]' }),
      // Not a need: zero, negative, a fraction, text, true; a whole number written as 2.0 counts.
      row(3, {
        id: ids[3],
        partySize: 4,
        dietary: '{"vegan":0,"halal":-1,"kosher":1.5,"gluten_free":"2","lactose_free":true,"vegetarian":2.0}',
        groupIds: a,
      }),
      // Unreadable, and not an object or a list: nothing.
      row(4, { id: ids[4], dietary: 'not json', dietaryNotes: 'Graag zonder ui.' }),
      row(5, { id: ids[5], dietary: '7' }),
      // Not confirmed: not counted.
      row(6, { id: ids[6], status: 'waitlisted', dietary: '{"vegan":1}', dietaryNotes: 'Wacht' }),
      row(7, { id: ids[7], status: 'cancelled', dietary: '{"vegan":1}' }),
      row(8, {
        id: ids[8],
        partySize: 5,
        dietary: '{"gluten_free":5}',
        groupIds: a,
        dietaryNotes: 'Coeliakie',
      }),
    ]
    // One statement each: D1 takes at most 100 values in one.
    await db.batch(inserted.map((r) => db.insert(rsvps).values(r)) as [never, ...never[]])
    expect(await kept(w.visitA)).toEqual(await expected(w.visitA))
    expect((await kept(w.visitA)).sums['[]']).toMatchObject({ registrations: 4, persons: 9 })

    // A guest from the waitlist is confirmed (in group A), one cancels, one changes group, one their party
    // and needs.
    await db
      .update(rsvps)
      .set({ status: 'confirmed', groupIds: a })
      .where(eq(rsvps.id, ids[6] as string))
    await db
      .update(rsvps)
      .set({ status: 'cancelled' })
      .where(eq(rsvps.id, ids[0] as string))
    await db
      .update(rsvps)
      .set({ groupIds: a })
      .where(eq(rsvps.id, ids[2] as string))
    await db
      .update(rsvps)
      .set({ partySize: 1, dietary: '{"gluten_free":1}', dietaryNotes: 'Alleen glutenvrij' })
      .where(eq(rsvps.id, ids[8] as string))
    // A change that is not of the counted fields keeps the sums as they are.
    await db
      .update(rsvps)
      .set({ name: 'Andere naam' })
      .where(eq(rsvps.id, ids[1] as string))
    expect(await kept(w.visitA)).toEqual(await expected(w.visitA))

    // Deleted registrations leave no sums or notes behind.
    await db.delete(rsvps).where(eq(rsvps.id, ids[4] as string))
    await db.delete(rsvps).where(eq(rsvps.id, ids[5] as string))
    const left = await kept(w.visitA)
    expect(left).toEqual(await expected(w.visitA))
    expect(Object.keys(left.sums)).not.toContain('[]')
    expect(Object.keys(left.notes).some((k) => k.endsWith('Graag zonder ui.'))).toBe(false)
  })
})

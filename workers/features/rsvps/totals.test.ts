import { env } from 'cloudflare:test'
import { eq } from 'drizzle-orm'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { rsvps, visits } from '../../../shared/db/schema'
import { api, db, freshClient } from '../../../test/integration/helpers'
import { makeWorld, type World } from '../../../test/integration/world'
import { hashToken, randomToken } from '../../platform/auth/tokens'

type Json = Record<string, unknown>

async function register(w: World, body: Json) {
  return api(`/api/public/visits/${w.slugA}/rsvps`, {
    body: { name: 'Gast', partySize: 1, ...body },
    headers: { 'cf-connecting-ip': freshClient() },
  })
}

async function registered(w: World, email: string, partySize: number, extra: Json = {}) {
  const res = await register(w, { email, partySize, ...extra })
  expect(res.status, await res.clone().text()).toBe(202)
  return ((await res.json()) as { status: string }).status
}

const setCapacity = (w: World, capacity: number | null) =>
  db.update(visits).set({ rsvpCapacity: capacity }).where(eq(visits.id, w.visitA))

const guest = (w: World, name: string) => `${name}-${w.teamA.slice(0, 8)}@example.nl`

describe('running totals (kept by triggers in D1)', () => {
  type Op =
    | { kind: 'insert'; status: 'confirmed' | 'waitlisted' | 'cancelled'; partySize: number }
    | { kind: 'status'; pick: number; status: 'confirmed' | 'waitlisted' | 'cancelled' }
    | { kind: 'size'; pick: number; partySize: number }
    | { kind: 'delete'; pick: number }
  const status = fc.constantFrom('confirmed' as const, 'waitlisted' as const, 'cancelled' as const)
  const size = fc.integer({ min: 1, max: 20 })
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('insert' as const), status, partySize: size }),
    fc.record({ kind: fc.constant('status' as const), pick: fc.nat(), status }),
    fc.record({ kind: fc.constant('size' as const), pick: fc.nat(), partySize: size }),
    fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  )

  /** The totals row of a visit, and the same figures added up from the registrations themselves. */
  async function totalsAndSums(visitId: string) {
    const kept = await env.DB.prepare(
      'SELECT confirmed_people AS confirmed, waitlisted FROM rsvp_totals WHERE visit_id = ?',
    )
      .bind(visitId)
      .first<{ confirmed: number; waitlisted: number }>()
    const summed = await env.DB.prepare(
      `SELECT coalesce(sum(CASE WHEN status = 'confirmed' THEN party_size END), 0) AS confirmed,
              count(CASE WHEN status = 'waitlisted' THEN 1 END) AS waitlisted
       FROM rsvps WHERE visit_id = ?`,
    )
      .bind(visitId)
      .first<{ confirmed: number; waitlisted: number }>()
    return { kept: kept ?? { confirmed: 0, waitlisted: 0 }, summed }
  }

  it('always equal the registrations added up, whatever is inserted, changed or deleted', async () => {
    const w = await makeWorld()
    let n = 0
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 12 }), async (ops) => {
        for (const o of ops) {
          const ids = (await db.select({ id: rsvps.id }).from(rsvps).where(eq(rsvps.visitId, w.visitA))).map(
            (r) => r.id,
          )
          const picked = 'pick' in o ? ids[o.pick % Math.max(ids.length, 1)] : undefined
          if (o.kind === 'insert') {
            n += 1
            await db.insert(rsvps).values({
              visitId: w.visitA,
              name: `Gast ${n}`,
              email: guest(w, `totaal${n}`),
              partySize: o.partySize,
              status: o.status,
              tokenHash: await hashToken(randomToken()),
            })
          } else if (picked && o.kind === 'status') {
            await db.update(rsvps).set({ status: o.status }).where(eq(rsvps.id, picked))
          } else if (picked && o.kind === 'size') {
            await db.update(rsvps).set({ partySize: o.partySize }).where(eq(rsvps.id, picked))
          } else if (picked && o.kind === 'delete') {
            await db.delete(rsvps).where(eq(rsvps.id, picked))
          }
          const { kept, summed } = await totalsAndSums(w.visitA)
          expect(kept).toEqual(summed)
        }
      }),
      { numRuns: 15 },
    )
    // Registrations through the API (capacity check, waitlist) keep them right too; deleting the visit
    // takes its totals along.
    await setCapacity(w, null)
    expect(await registered(w, guest(w, 'api'), 3)).toBe('confirmed')
    const { kept, summed } = await totalsAndSums(w.visitA)
    expect(kept).toEqual(summed)
    await db.delete(visits).where(eq(visits.id, w.visitA))
    expect(
      await env.DB.prepare('SELECT count(*) AS n FROM rsvp_totals WHERE visit_id = ?')
        .bind(w.visitA)
        .first('n'),
    ).toBe(0)
  })
})

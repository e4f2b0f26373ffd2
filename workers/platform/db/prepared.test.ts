import { env } from 'cloudflare:test'
import { asc, eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { teams, visits } from '../../../shared/db/schema'
import { db } from '../../../test/integration/helpers'
import { makeWorld } from '../../../test/integration/world'
import { batchPrepared, prepareOnce } from './prepared'

describe('prepared queries (built once, run in one batch)', () => {
  const queries = prepareOnce((b) => ({
    team: b
      .select()
      .from(teams)
      .where(eq(teams.id, sql.placeholder('teamId')))
      .prepare(),
    visits: b
      .select({ id: visits.id, startDate: visits.startDate, createdAt: visits.createdAt })
      .from(visits)
      .where(eq(visits.teamId, sql.placeholder('teamId')))
      .orderBy(asc(visits.id))
      .prepare(),
  }))

  it('fills the placeholders per call and maps rows as drizzle does, in one round trip', async () => {
    const w = await makeWorld()
    const q = queries()
    expect(queries()).toBe(q)
    const [teamA, visitsA] = await batchPrepared(db, [
      [q.team, { teamId: w.teamA }],
      [q.visits, { teamId: w.teamA }],
    ])
    const [teamB] = await batchPrepared(db, [[q.team, { teamId: w.teamB }]])
    expect(teamA.map((t) => t.id)).toEqual([w.teamA])
    expect(teamB.map((t) => t.id)).toEqual([w.teamB])
    const direct = await db
      .select({ id: visits.id, startDate: visits.startDate, createdAt: visits.createdAt })
      .from(visits)
      .where(eq(visits.teamId, w.teamA))
      .orderBy(asc(visits.id))
    expect(visitsA.length).toBeGreaterThan(0)
    expect(visitsA).toEqual(direct)
    expect(visitsA[0]?.createdAt).toBeInstanceOf(Date)
  })

  it('never runs a query through the client it was built with', async () => {
    const q = queries()
    // drizzle reports it as a failed query, with the refusal as its cause.
    await expect(q.team.all({ teamId: 'x' })).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/batchPrepared/) },
    })
    // The binding itself is untouched by a refused run.
    expect(await env.DB.prepare('SELECT 1 AS one').first('one')).toBe(1)
  })
})

import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { api } from '../../../test/integration/helpers'
import { makeWorld } from '../../../test/integration/world'

const releasesOf = async (visitId: string) =>
  (
    await env.DB.prepare('SELECT count(*) AS n FROM releases WHERE visit_id = ?')
      .bind(visitId)
      .first<{ n: number }>()
  )?.n ?? -1

describe('publishing through the API', () => {
  it('refuses a release that changes nothing with a 409 problem, as the page does; a change makes one', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const visit = (await (
      await api(`/api/teams/${w.teamA}/visits`, {
        cookie,
        body: {
          kind: 'other',
          title: 'Leeg',
          slug: `leeg-${w.teamA.slice(0, 8)}`,
          startDate: '2027-06-12',
          endDate: '2027-06-12',
        },
      })
    ).json()) as { id: string }
    const publish = () => api(`/api/visits/${visit.id}/releases`, { cookie, body: {} })

    // Nothing in the programme yet: nothing to publish.
    const first = await publish()
    expect(first.status).toBe(409)
    expect(first.headers.get('content-type')).toContain('application/problem+json')
    expect(await releasesOf(visit.id)).toBe(0)

    const item = await api(`/api/visits/${visit.id}/items`, {
      cookie,
      body: { kind: 'tour', title: 'Welkom', date: '2027-06-12', start: '10:00', end: '10:30' },
    })
    expect(item.status).toBe(201)
    expect((await publish()).status).toBe(201)

    // The same programme again: refused, and no "Version 2" appears.
    const again = await publish()
    expect(again.status).toBe(409)
    const problem = (await again.json()) as { status: number; detail: string }
    expect(problem.status).toBe(409)
    expect(problem.detail).toContain('Nothing changed since the last release')
    expect(await releasesOf(visit.id)).toBe(1)
  })
})

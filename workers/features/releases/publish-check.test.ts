import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { api, form, page } from '../../../test/integration/helpers'
import { makeWorld, type World } from '../../../test/integration/world'

const releasesOf = async (visitId: string) =>
  (
    await env.DB.prepare('SELECT count(*) AS n FROM releases WHERE visit_id = ?')
      .bind(visitId)
      .first<{ n: number }>()
  )?.n ?? -1

/** A new visit with two items for everyone that overlap: one open clash. */
async function clashingVisit(w: World) {
  const cookie = w.person.organiser.cookie
  const slug = `publiceer-${w.teamA.slice(0, 8)}`
  const visit = (await (
    await api(`/api/teams/${w.teamA}/visits`, {
      cookie,
      body: { kind: 'other', title: 'Buurtschouw', slug, startDate: '2027-06-12', endDate: '2027-06-12' },
    })
  ).json()) as { id: string }
  for (const [title, start, end] of [
    ['Welkom', '10:00', '10:45'],
    ['Rondleiding', '10:30', '11:15'],
  ] as const) {
    const res = await api(`/api/visits/${visit.id}/items`, {
      cookie,
      body: { kind: 'tour', title, date: '2027-06-12', start, end },
    })
    expect(res.status).toBe(201)
  }
  return { visitId: visit.id, slug, cookie }
}

const seenOf = (html: string) => /name="seen" value="([0-9a-f]{32})"/.exec(html)?.[1] ?? ''

describe('publishing from the releases page', () => {
  it('shows the changes and the clash first; without the tick nothing is published', async () => {
    const w = await makeWorld()
    const { visitId, cookie } = await clashingVisit(w)
    const html = await (await page(`/visits/${visitId}/releases`, cookie)).text()
    expect(html).toContain('Open conflicten: 1 conflict')
    expect(html).toContain('Ik heb de 1 conflict gezien en wil toch publiceren')
    expect(html).toMatch(/Publiceer \d+ wijzigingen/)

    const refused = await form(
      `/visits/${visitId}/releases`,
      { seen: seenOf(html), name: 'Eerste' },
      { cookie },
    )
    expect(refused.status).toBe(422)
    const again = await refused.text()
    expect(again).toContain('Publiceren ondanks conflicten: vink aan dat je de 1 conflict hebt gezien')
    expect(again).toContain('value="Eerste"')
    expect(await releasesOf(visitId)).toBe(0)
  })

  it('publishes once confirmed, says so with a link to the public schedule, and refuses an empty release', async () => {
    const w = await makeWorld()
    const { visitId, slug, cookie } = await clashingVisit(w)
    const html = await (await page(`/visits/${visitId}/releases`, cookie)).text()
    const res = await form(
      `/visits/${visitId}/releases`,
      { seen: seenOf(html), confirmClashes: 'yes' },
      { cookie },
    )
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/visits/${visitId}/releases?done=published#published`)
    expect(await releasesOf(visitId)).toBe(1)
    const done = await (await page(`/visits/${visitId}/releases?done=published`, cookie)).text()
    expect(done).toContain('Versie 1 is gepubliceerd.')
    expect(done).toContain(`href="/v/${slug}"`)
    // Nothing changed since: no publish button, and a bare POST is refused as an empty release.
    expect(done).toContain('Een lege versie publiceren kan niet.')
    expect(done).not.toContain('name="seen"')
    const empty = await form(`/visits/${visitId}/releases`, { confirmClashes: 'yes' }, { cookie })
    expect(empty.status).toBe(422)
    expect(await empty.text()).toContain('Er is niets veranderd sinds de laatste versie.')
    expect(await releasesOf(visitId)).toBe(1)
    // The English page names the release in English.
    const english = await (await page(`/visits/${visitId}/releases?lang=en`, cookie)).text()
    expect(english).toContain('Version 1')
    expect(english).not.toContain('Versie 1')
  })

  it('refuses a confirmation of a draft that changed after the page was shown', async () => {
    const w = await makeWorld()
    const { visitId, cookie } = await clashingVisit(w)
    const seen = seenOf(await (await page(`/visits/${visitId}/releases`, cookie)).text())
    await api(`/api/visits/${visitId}/items`, {
      cookie,
      body: { kind: 'break', title: 'Koffie', date: '2027-06-12', start: '12:00', end: '12:15' },
    })
    const res = await form(`/visits/${visitId}/releases`, { seen, confirmClashes: 'yes' }, { cookie })
    expect(res.status).toBe(409)
    expect(await res.text()).toContain('Het programma is veranderd terwijl je keek.')
    expect(await releasesOf(visitId)).toBe(0)
  })
})

import { describe, expect, it } from 'vitest'
import { api, page } from '../../../test/integration/helpers'
import { makeWorld } from '../../../test/integration/world'

/** The checklist's steps as (text, done) pairs. */
const stepsOf = (html: string) =>
  [
    ...(html.match(/<ol class="checklist-steps">[\s\S]*?<\/ol>/)?.[0] ?? '').matchAll(
      /<li( class="[^"]*")?>([\s\S]*?)<\/li>/g,
    ),
  ].map((m) => [/<a [^>]*>([^<]*)<\/a>/.exec(m[2] ?? '')?.[1], (m[1] ?? '').includes('done')] as const)

describe('a new visit shows what is left to do', () => {
  it('lists the steps in order and ticks them off as they are done', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const visit = (await (
      await api(`/api/teams/${w.teamA}/visits`, {
        cookie,
        body: {
          kind: 'other',
          title: 'Straatfeest',
          slug: `straat-${w.teamA.slice(0, 8)}`,
          startDate: '2027-06-12',
          endDate: '2027-06-12',
        },
      })
    ).json()) as { id: string }
    const before = await (await page(`/visits/${visit.id}`, cookie)).text()
    expect(before).toContain('Wat moet er nog gebeuren?')
    expect(before).toContain('Nog 5 stappen, in deze volgorde.')
    expect(stepsOf(before)).toEqual([
      ['Locaties met coördinaten (voor looptijden en de kaart)', false],
      ['Programmaonderdelen toevoegen', false],
      ['Sprekers uitnodigen en accepteren', false],
      ['Aanmelden voor gasten regelen', false],
      ['Het programma publiceren', false],
    ])
    // The venues are reachable from the visit.
    expect(before).toContain(`href="/teams/${w.teamA}/venues"`)

    // An item at a venue without coordinates: the programme is ticked, the venue step says what is missing.
    const item = await api(`/api/visits/${visit.id}/items`, {
      cookie,
      body: {
        kind: 'tour',
        title: 'Rondje',
        date: '2027-06-12',
        start: '10:00',
        end: '11:00',
        venueId: w.venueA1,
      },
    })
    expect(item.status).toBe(201)
    const after = await (await page(`/visits/${visit.id}`, cookie)).text()
    expect(stepsOf(after).map(([, done]) => done)).toEqual([false, true, false, false, false])
    expect(after).toContain('Nog 4 stappen, in deze volgorde.')
    expect(after).toContain('0 van 1 locaties hebben coördinaten')
    // The step leads straight to the venue that lacks them, from the visit (not only from the team).
    expect(after).toMatch(new RegExp(`<a href="/venues/${w.venueA1}"[^>]*>Locaties met coördinaten`))
    expect(after).toContain(`<a href="/venues/${w.venueA1}">Tuin A1</a>`)

    // Viewers of the team see no checklist.
    expect(await (await page(`/visits/${visit.id}`, w.person.viewer.cookie)).text()).not.toContain(
      'Wat moet er nog gebeuren?',
    )
  })
})

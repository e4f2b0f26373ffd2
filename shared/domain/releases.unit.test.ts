import { describe, expect, it } from 'vitest'
import {
  changesForGroups,
  describeChange,
  describeRelease,
  diffReleases,
  nextReleaseName,
  type ReleaseChange,
  type Snapshot,
  type SnapshotItem,
} from './releases'
import { zonedToUtc } from './time'

const zone = 'Europe/Amsterdam'
const day = '2017-09-19' // a Tuesday
const at = (time: string, date = day): number => zonedToUtc(date, time, zone)

function item(id: string, from: string, to: string, extra: Partial<SnapshotItem> = {}): SnapshotItem {
  return {
    id,
    title: id,
    kind: 'talk',
    start: at(from),
    end: at(to),
    venueId: null,
    venueName: null,
    groupIds: [],
    cancelled: false,
    description: '',
    ...extra,
  }
}

const snap = (...items: SnapshotItem[]): Snapshot => ({ items })
const kinds = (changes: readonly ReleaseChange[]): string[] => changes.map((c) => `${c.itemId}:${c.kind}`)
const garden = { venueId: 'garden', venueName: 'Tuin De Wit' }
const centre = { venueId: 'centre', venueName: 'Buurthuis De Stip' }

describe('diffReleases', () => {
  it('lists every item shown as new when there is no previous release', () => {
    const changes = diffReleases(
      null,
      snap(
        item('walk', '15:00', '15:30'),
        item('welcome', '14:00', '14:10', garden),
        item('gone', '14:30', '15:00', { cancelled: true }),
      ),
    )
    expect(changes).toEqual([
      {
        kind: 'new',
        itemId: 'welcome',
        title: 'welcome',
        start: at('14:00'),
        end: at('14:10'),
        groupIds: [],
        venueName: 'Tuin De Wit',
      },
      {
        kind: 'new',
        itemId: 'walk',
        title: 'walk',
        start: at('15:00'),
        end: at('15:30'),
        groupIds: [],
        venueName: null,
      },
    ])
  })

  it('finds nothing between equal snapshots', () => {
    const programme = snap(item('a', '14:00', '14:30', { ...garden, groupIds: ['x', 'y'], talkIds: ['t'] }))
    expect(diffReleases(programme, structuredClone(programme))).toEqual([])
  })

  it('reports an added item as new', () => {
    const changes = diffReleases(
      snap(item('a', '14:00', '14:30')),
      snap(item('a', '14:00', '14:30'), item('b', '15:00', '15:30')),
    )
    expect(kinds(changes)).toEqual(['b:new'])
  })

  it('reports a removed item and an item marked cancelled as cancelled, saying which', () => {
    const changes = diffReleases(
      snap(item('a', '14:00', '14:30'), item('b', '15:00', '15:30', { groupIds: ['g'] })),
      snap(item('b', '15:00', '15:30', { cancelled: true, groupIds: ['g'] })),
    )
    expect(changes).toEqual([
      expect.objectContaining({ kind: 'cancelled', itemId: 'a', reason: 'removed', start: at('14:00') }),
      expect.objectContaining({
        kind: 'cancelled',
        itemId: 'b',
        reason: 'cancelled',
        previousGroupIds: ['g'],
      }),
    ])
  })

  it('says nothing about items that stay cancelled, are removed once cancelled, or arrive cancelled', () => {
    const changes = diffReleases(
      snap(
        item('still', '14:00', '14:30', { cancelled: true }),
        item('dropped', '15:00', '15:30', { cancelled: true }),
      ),
      snap(
        item('still', '16:00', '16:30', { cancelled: true, title: 'renamed' }),
        item('born-cancelled', '17:00', '17:30', { cancelled: true }),
      ),
    )
    expect(changes).toEqual([])
  })

  it('reports only the cancellation when an item is cancelled and changed at once', () => {
    const changes = diffReleases(
      snap(item('a', '14:00', '14:30', garden)),
      snap(item('a', '15:00', '15:30', { ...centre, cancelled: true, title: 'b' })),
    )
    expect(kinds(changes)).toEqual(['a:cancelled'])
  })

  it('reports a move with the old and new start and end', () => {
    const changes = diffReleases(snap(item('a', '14:10', '14:40')), snap(item('a', '14:25', '14:55')))
    expect(changes).toEqual([
      {
        kind: 'moved',
        itemId: 'a',
        title: 'a',
        start: at('14:25'),
        end: at('14:55'),
        previousStart: at('14:10'),
        previousEnd: at('14:40'),
        groupIds: [],
        previousGroupIds: [],
      },
    ])
  })

  it('reports a change of end alone as a move', () => {
    const changes = diffReleases(snap(item('a', '14:10', '14:40')), snap(item('a', '14:10', '14:50')))
    expect(kinds(changes)).toEqual(['a:moved'])
  })

  it('reports a venue change with both names', () => {
    const changes = diffReleases(
      snap(item('a', '14:00', '14:30', garden)),
      snap(item('a', '14:00', '14:30', centre)),
    )
    expect(changes).toEqual([
      expect.objectContaining({
        kind: 'venue_changed',
        previousVenueId: 'garden',
        previousVenueName: 'Tuin De Wit',
        venueId: 'centre',
        venueName: 'Buurthuis De Stip',
      }),
    ])
  })

  it('reports a renamed venue as no change: the venue is the same', () => {
    const changes = diffReleases(
      snap(item('a', '14:00', '14:30', garden)),
      snap(item('a', '14:00', '14:30', { ...garden, venueName: 'Tuin van de familie De Wit' })),
    )
    expect(changes).toEqual([])
  })

  it('lists which fields changed', () => {
    const changes = diffReleases(
      snap(
        item('a', '14:00', '14:30', {
          title: 'Tour',
          description: 'x',
          kind: 'walk',
          groupIds: ['g'],
          talkIds: ['t1'],
        }),
      ),
      snap(
        item('a', '14:00', '14:30', {
          title: 'Rondleiding',
          description: 'y',
          kind: 'talk',
          groupIds: ['h'],
          talkIds: ['t2'],
        }),
      ),
    )
    expect(changes).toEqual([
      expect.objectContaining({
        kind: 'changed',
        title: 'Rondleiding',
        previousTitle: 'Tour',
        fields: ['title', 'description', 'kind', 'groups', 'talks'],
        groupIds: ['h'],
        previousGroupIds: ['g'],
      }),
    ])
  })

  it('ignores the order of groups and talks, and talks missing from an older snapshot', () => {
    const changes = diffReleases(
      snap(item('a', '14:00', '14:30', { groupIds: ['g', 'h'] })),
      snap(item('a', '14:00', '14:30', { groupIds: ['h', 'g'], talkIds: ['t'] })),
    )
    expect(changes).toEqual([])
  })

  it('gives an item with several changes one entry per change, in a fixed order', () => {
    const changes = diffReleases(
      snap(item('a', '14:00', '14:30', { ...garden, description: 'old' })),
      snap(item('a', '15:00', '15:30', { ...centre, description: 'new' })),
    )
    expect(kinds(changes)).toEqual(['a:moved', 'a:venue_changed', 'a:changed'])
  })

  it('reports an item no longer cancelled as reinstated, with what else changed', () => {
    const changes = diffReleases(
      snap(item('a', '14:00', '14:30', { cancelled: true })),
      snap(item('a', '14:30', '15:00', garden)),
    )
    expect(kinds(changes)).toEqual(['a:reinstated', 'a:moved', 'a:venue_changed'])
    expect(changes[0]).toEqual(expect.objectContaining({ venueName: 'Tuin De Wit', start: at('14:30') }))
  })

  it('sorts by new start, then kind, then item id, whatever the input order', () => {
    const previous = [
      item('moved', '09:00', '09:30'),
      item('gone', '14:00', '14:30'),
      item('b', '14:00', '14:30', garden),
      item('a', '14:00', '14:30', garden),
    ]
    const next = [
      item('moved', '14:00', '14:30'),
      item('b', '14:00', '14:30', centre),
      item('a', '14:00', '14:30', centre),
      item('added', '14:00', '14:30'),
      item('early', '10:00', '10:30'),
    ]
    const expected = [
      'early:new',
      'added:new',
      'moved:moved',
      'a:venue_changed',
      'b:venue_changed',
      'gone:cancelled',
    ]
    expect(kinds(diffReleases(snap(...previous), snap(...next)))).toEqual(expected)
    expect(kinds(diffReleases(snap(...previous.reverse()), snap(...next.reverse())))).toEqual(expected)
  })
})

describe('describeChange', () => {
  const one = (previous: SnapshotItem | null, next: SnapshotItem): ReleaseChange[] =>
    diffReleases(previous === null ? null : snap(previous), snap(next))
  const sentences = (changes: readonly ReleaseChange[], lang: 'nl' | 'en', multiDay = false): string[] =>
    changes.map((change) => describeChange(change, lang, zone, { multiDay }))

  it('describes a move, with the date for a visit of several days', () => {
    const [nl] = one(
      item('a', '14:10', '14:40', { title: 'Rondleiding' }),
      item('a', '14:25', '14:55', { title: 'Rondleiding' }),
    )
    const [en] = one(
      item('a', '14:10', '14:40', { title: 'Tour' }),
      item('a', '14:25', '14:55', { title: 'Tour' }),
    )
    expect(describeChange(nl!, 'nl', zone, { multiDay: true })).toBe(
      '‘Rondleiding’ is verplaatst van 14:10 naar 14:25 (dinsdag 19 september).',
    )
    expect(describeChange(en!, 'en', zone, { multiDay: true })).toBe(
      '‘Tour’ moved from 14:10 to 14:25 (Tuesday 19 September).',
    )
    expect(describeChange(nl!, 'nl', zone)).toBe('‘Rondleiding’ is verplaatst van 14:10 naar 14:25.')
    expect(describeChange(en!, 'en', zone)).toBe('‘Tour’ moved from 14:10 to 14:25.')
  })

  it('names both days when an item moves to another day', () => {
    const changes = one(
      item('Tour', '14:10', '14:40'),
      item('Tour', '09:00', '09:30', { start: at('09:00', '2017-09-20'), end: at('09:30', '2017-09-20') }),
    )
    expect(sentences(changes, 'nl')).toEqual([
      '‘Tour’ is verplaatst van dinsdag 19 september 14:10 naar woensdag 20 september 09:00.',
    ])
    expect(sentences(changes, 'en')).toEqual([
      '‘Tour’ moved from Tuesday 19 September 14:10 to Wednesday 20 September 09:00.',
    ])
  })

  it('shows both spans when the length changes, and only the end when the start stays', () => {
    const longer = one(item('Tour', '14:10', '14:40'), item('Tour', '14:25', '15:10'))
    expect(sentences(longer, 'nl')).toEqual(['‘Tour’ is verplaatst van 14:10–14:40 naar 14:25–15:10.'])
    expect(sentences(longer, 'en')).toEqual(['‘Tour’ moved from 14:10–14:40 to 14:25–15:10.'])
    const endOnly = one(item('Tour', '14:10', '14:40'), item('Tour', '14:10', '14:50'))
    expect(sentences(endOnly, 'nl')).toEqual(['‘Tour’ duurt nu tot 14:50 in plaats van tot 14:40.'])
    expect(sentences(endOnly, 'en')).toEqual(['‘Tour’ now ends at 14:50 instead of 14:40.'])
  })

  it('describes a new item, with and without venue and date', () => {
    const snack = item('s', '16:55', '17:30', {
      title: 'Hapje en drankje',
      venueId: 'g',
      venueName: 'Tuin van de familie De Wit',
    })
    const [change] = one(null, snack)
    expect(describeChange(change!, 'nl', zone)).toBe(
      'Nieuw: ‘Hapje en drankje’ om 16:55 in Tuin van de familie De Wit.',
    )
    expect(describeChange(change!, 'en', zone)).toBe(
      'New: ‘Hapje en drankje’ at 16:55 in Tuin van de familie De Wit.',
    )
    expect(describeChange(change!, 'nl', zone, { multiDay: true })).toBe(
      'Nieuw: ‘Hapje en drankje’ op dinsdag 19 september om 16:55 in Tuin van de familie De Wit.',
    )
    expect(sentences(one(null, item('Walk', '15:00', '15:30')), 'en', true)).toEqual([
      'New: ‘Walk’ on Tuesday 19 September at 15:00.',
    ])
  })

  it('describes a cancellation and a reinstatement', () => {
    const walk = item('w', '15:00', '15:30', { title: 'Wandeling', ...centre })
    const cancelled = diffReleases(snap(walk), snap())
    expect(sentences(cancelled, 'nl')).toEqual(['‘Wandeling’ gaat niet door.'])
    expect(sentences(cancelled, 'en')).toEqual(['‘Wandeling’ is cancelled.'])
    expect(sentences(cancelled, 'nl', true)).toEqual(['‘Wandeling’ gaat niet door (dinsdag 19 september).'])
    const back = one({ ...walk, cancelled: true }, walk)
    expect(sentences(back, 'nl')).toEqual(['‘Wandeling’ gaat toch door: om 15:00 in Buurthuis De Stip.'])
    expect(sentences(back, 'en')).toEqual(['‘Wandeling’ is back on: at 15:00 in Buurthuis De Stip.'])
  })

  it('describes a venue change, also to or from no venue', () => {
    const welcome = item('w', '14:00', '14:10', { title: 'Welkom' })
    const [both] = one({ ...welcome, ...garden }, { ...welcome, ...centre })
    expect(describeChange(both!, 'nl', zone)).toBe(
      '‘Welkom’ is verplaatst van ‘Tuin De Wit’ naar ‘Buurthuis De Stip’.',
    )
    expect(describeChange(both!, 'en', zone)).toBe(
      '‘Welkom’ moved from ‘Tuin De Wit’ to ‘Buurthuis De Stip’.',
    )
    expect(describeChange(both!, 'en', zone, { multiDay: true })).toBe(
      '‘Welkom’ moved from ‘Tuin De Wit’ to ‘Buurthuis De Stip’ (Tuesday 19 September).',
    )
    expect(sentences(one(welcome, { ...welcome, ...centre }), 'nl')).toEqual([
      '‘Welkom’ is nu in ‘Buurthuis De Stip’.',
    ])
    expect(sentences(one(welcome, { ...welcome, ...centre }), 'en')).toEqual([
      '‘Welkom’ is now at ‘Buurthuis De Stip’.',
    ])
    expect(sentences(one({ ...welcome, ...garden }, welcome), 'nl')).toEqual([
      '‘Welkom’ is niet meer in ‘Tuin De Wit’.',
    ])
    expect(sentences(one({ ...welcome, ...garden }, welcome), 'en')).toEqual([
      '‘Welkom’ is no longer at ‘Tuin De Wit’.',
    ])
  })

  it('describes edited fields, naming a new title', () => {
    const tour = item('t', '14:00', '14:30', { title: 'Tour' })
    const renamed = one(tour, { ...tour, title: 'Rondleiding' })
    expect(sentences(renamed, 'nl')).toEqual(['‘Tour’ heet nu ‘Rondleiding’.'])
    expect(sentences(renamed, 'en')).toEqual(['‘Tour’ is now called ‘Rondleiding’.'])
    const more = one(tour, { ...tour, title: 'Rondleiding', description: 'x', groupIds: ['g'] })
    expect(sentences(more, 'nl')).toEqual([
      '‘Tour’ heet nu ‘Rondleiding’; ook de beschrijving en de groepen zijn gewijzigd.',
    ])
    expect(sentences(more, 'en')).toEqual([
      '‘Tour’ is now called ‘Rondleiding’; its description and groups have changed too.',
    ])
    const text = one(tour, { ...tour, description: 'x' })
    expect(sentences(text, 'nl')).toEqual(['Bij ‘Tour’ is de beschrijving gewijzigd.'])
    expect(sentences(text, 'en')).toEqual(['The description of ‘Tour’ has changed.'])
    const kind = one(tour, { ...tour, kind: 'walk', talkIds: [] })
    expect(sentences(kind, 'nl', true)).toEqual([
      'Bij ‘Tour’ is het soort onderdeel gewijzigd (dinsdag 19 september).',
    ])
  })

  it('shows local times around the autumn clock change in Amsterdam', () => {
    const dst = '2026-10-25' // clocks go from 03:00 CEST back to 02:00 CET
    const night = (time: string): number => zonedToUtc(dst, time, zone)
    const base = item('n', '00:00', '00:30', { title: 'Nachtwandeling' })
    // 01:30 CEST is 23:30 UTC the day before; 03:30 CET is 02:30 UTC: three hours later, two on the clock.
    const moved = one(
      { ...base, start: night('01:30'), end: night('02:00') },
      { ...base, start: night('03:30'), end: night('04:00') },
    )
    expect(moved[0]).toEqual(expect.objectContaining({ start: Date.UTC(2026, 9, 25, 2, 30) }))
    expect(sentences(moved, 'nl', true)).toEqual([
      '‘Nachtwandeling’ is verplaatst van 01:30 naar 03:30 (zondag 25 oktober).',
    ])
    expect(sentences(moved, 'en', true)).toEqual([
      '‘Nachtwandeling’ moved from 01:30 to 03:30 (Sunday 25 October).',
    ])
    // 02:30 happens twice that night; the offsets tell the two apart.
    const first = night('02:30')
    const twice = one(
      { ...base, start: first, end: first + 1_800_000 },
      { ...base, start: first + 3_600_000, end: first + 5_400_000 },
    )
    expect(sentences(twice, 'nl')).toEqual([
      '‘Nachtwandeling’ is verplaatst van 02:30 (+02:00) naar 02:30 (+01:00).',
    ])
    expect(
      sentences(
        one(null, { ...base, start: Date.UTC(2026, 9, 25, 1, 15), end: Date.UTC(2026, 9, 25, 2) }),
        'en',
      ),
    ).toEqual(['New: ‘Nachtwandeling’ at 02:15.'])
  })
})

describe('describeRelease', () => {
  const previous = snap(
    item('w', '14:00', '14:10', { title: 'Welkom', ...garden }),
    item('r', '14:10', '14:40', { title: 'Rondleiding' }),
    item('l', '15:00', '15:30', { title: 'Wandeling' }),
  )
  const next = snap(
    item('w', '14:00', '14:10', { title: 'Welkom', ...centre }),
    item('r', '14:25', '14:55', { title: 'Rondleiding' }),
    item('h', '16:55', '17:30', {
      title: 'Hapje en drankje',
      venueId: 'g',
      venueName: 'Tuin van de familie De Wit',
    }),
  )

  it('writes a heading with counts and one line per change', () => {
    const changes = diffReleases(previous, next)
    expect(describeRelease(changes, 'nl', zone)).toBe(
      [
        'Wijzigingen in het programma: 1 nieuw, 1 verplaatst, 1 andere locatie, 1 gaat niet door.',
        '- ‘Welkom’ is verplaatst van ‘Tuin De Wit’ naar ‘Buurthuis De Stip’.',
        '- ‘Rondleiding’ is verplaatst van 14:10 naar 14:25.',
        '- ‘Wandeling’ gaat niet door.',
        '- Nieuw: ‘Hapje en drankje’ om 16:55 in Tuin van de familie De Wit.',
      ].join('\n'),
    )
    expect(describeRelease(changes, 'en', zone).split('\n')[0]).toBe(
      'Changes to the programme: 1 new, 1 moved, 1 new venue, 1 cancelled.',
    )
  })

  it('adds dates when the changes fall on several days, or when told the visit spans several', () => {
    const later = item('x', '10:00', '10:30', {
      title: 'Ontbijt',
      start: at('10:00', '2017-09-20'),
      end: at('10:30', '2017-09-20'),
    })
    const lines = describeRelease(
      diffReleases(null, snap(item('r', '14:10', '14:40', { title: 'Rondleiding' }), later)),
      'nl',
      zone,
    )
    expect(lines).toBe(
      [
        'Wijzigingen in het programma: 2 nieuw.',
        '- Nieuw: ‘Rondleiding’ op dinsdag 19 september om 14:10.',
        '- Nieuw: ‘Ontbijt’ op woensdag 20 september om 10:00.',
      ].join('\n'),
    )
    const told = describeRelease(diffReleases(null, snap(later)), 'en', zone, { multiDay: true })
    expect(told).toBe(
      'Changes to the programme: 1 new.\n- New: ‘Ontbijt’ on Wednesday 20 September at 10:00.',
    )
  })

  it('says so when nothing changed', () => {
    expect(describeRelease([], 'nl', zone)).toBe('Geen wijzigingen in het programma.')
    expect(describeRelease([], 'en', zone)).toBe('No changes to the programme.')
  })
})

describe('changesForGroups', () => {
  // The college splits: group 'north' and group 'south' each visit their own garden, then all meet again.
  const previous = snap(
    item('north-visit', '14:00', '15:00', { groupIds: ['north'] }),
    item('south-visit', '14:00', '15:00', { groupIds: ['south'] }),
    item('swap', '15:00', '15:30', { groupIds: ['north'] }),
    item('drop', '15:30', '16:00', { groupIds: ['south'] }),
    item('all', '16:00', '17:00'),
  )
  const next = snap(
    item('north-visit', '14:10', '15:10', { groupIds: ['north'] }),
    item('south-visit', '14:00', '15:00', { groupIds: ['south'], ...garden }),
    item('swap', '15:00', '15:30', { groupIds: ['south'] }),
    item('all', '16:15', '17:00'),
    item('extra', '17:00', '17:30', { groupIds: ['north', 'press'] }),
  )
  const changes = diffReleases(previous, next)
  const ids = (list: readonly ReleaseChange[]): string[] => list.map((c) => `${c.itemId}:${c.kind}`)

  it('keeps changes for everyone and for the guest’s groups, using old and new groups', () => {
    expect(ids(changesForGroups(changes, ['north']))).toEqual([
      'north-visit:moved',
      'swap:changed',
      'all:moved',
      'extra:new',
    ])
    expect(ids(changesForGroups(changes, ['south']))).toEqual([
      'south-visit:venue_changed',
      'swap:changed',
      'drop:cancelled',
      'all:moved',
    ])
    expect(ids(changesForGroups(changes, ['press', 'south']))).toEqual([
      'south-visit:venue_changed',
      'swap:changed',
      'drop:cancelled',
      'all:moved',
      'extra:new',
    ])
  })

  it('gives a guest following no group only the changes for everyone, and null every change', () => {
    expect(ids(changesForGroups(changes, []))).toEqual(['all:moved'])
    expect(changesForGroups(changes, null)).toEqual(changes)
  })
})

describe('nextReleaseName', () => {
  it('counts on from the releases so far', () => {
    expect(nextReleaseName([], 'nl')).toBe('Versie 1')
    expect(nextReleaseName(['Versie 1', 'Versie 2'], 'nl')).toBe('Versie 3')
    expect(nextReleaseName(['Version 1'], 'en')).toBe('Version 2')
  })

  it('skips a name already taken', () => {
    expect(nextReleaseName(['Versie 2', 'Versie 3'], 'nl')).toBe('Versie 4')
    expect(nextReleaseName(['Opening', 'Versie 2'], 'nl')).toBe('Versie 3')
  })
})

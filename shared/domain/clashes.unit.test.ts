import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findClashes, summariseClashes } from './clashes'
import { at, centre, corner, day, garden, item, kinds, programme, span, zone } from './test-clash-fixture'

describe('findClashes on a sound programme', () => {
  it('finds nothing in an empty programme', () => {
    expect(findClashes(programme())).toEqual([])
  })

  it('finds nothing when every check passes', () => {
    const input = programme({
      visit: { startDate: day, endDate: day, timeZone: zone, walkingSpeedKmh: 4.5, expectedGuests: 40 },
      venues: [{ ...garden, openingWindow: span('13:00', '17:00') }, centre],
      groups: [
        { id: 'college', name: 'College', size: 7 },
        { id: 'team', name: 'Wijkteam', size: 12 },
      ],
      items: [
        item('welcome', '14:00', '14:30', { venueId: 'garden' }),
        item('walk', '14:30', '14:48', { kind: 'walk' }),
        item('talks', '14:48', '15:30', { venueId: 'centre' }),
        item('split-a', '15:30', '16:00', { venueId: 'centre', groupIds: ['college'] }),
        item('split-b', '15:30', '16:00', { venueId: 'corner', groupIds: ['team'] }),
      ],
      speakers: [{ id: 'els', name: 'Els', availability: [span('14:00', '15:00'), span('15:00', '16:00')] }],
      talks: [{ id: 'water', title: 'Wateroverlast', itemId: 'talks', speakerIds: ['els'] }],
    })
    expect(findClashes(input)).toEqual([])
  })
})

describe('venue_double_booked', () => {
  it('warns when two items overlap at one venue, with the overlap in minutes', () => {
    const clashes = findClashes(
      programme({
        items: [
          item('Thee', '15:00', '15:40', { venueId: 'garden', groupIds: ['a'] }),
          item('Koffie', '14:50', '15:30', { venueId: 'garden', groupIds: ['a'] }),
        ],
      }),
    )
    expect(clashes).toEqual([
      {
        kind: 'venue_double_booked',
        itemIds: ['Koffie', 'Thee'],
        venueIds: ['garden'],
        message: {
          nl:
            '‘Tuin van Els’ is dubbel geboekt: ‘Koffie’ (14:50–15:30) en ‘Thee’ (15:00–15:40) overlappen 30 ' +
            'minuten. Verschuif een van beide onderdelen of kies voor een ervan een andere locatie.',
          en:
            '‘Tuin van Els’ is double-booked: ‘Koffie’ (14:50–15:30) and ‘Thee’ (15:00–15:40) overlap by 30 ' +
            'minutes. Move one of the two items or choose another venue for one of them.',
        },
        details: { overlapMinutes: 30 },
      },
    ])
  })

  it('also warns for items of different groups at the same venue', () => {
    const clashes = findClashes(
      programme({
        items: [
          item('a', '14:00', '15:00', { venueId: 'garden', groupIds: ['x'] }),
          item('b', '14:59', '16:00', { venueId: 'garden', groupIds: ['y'] }),
        ],
      }),
    )
    expect(kinds(clashes)).toEqual(['venue_double_booked'])
    expect(clashes[0]?.details).toEqual({ overlapMinutes: 1 })
  })

  it('does not warn for touching items, items elsewhere or cancelled items', () => {
    const clashes = findClashes(
      programme({
        items: [
          item('a', '14:00', '15:00', { venueId: 'garden', groupIds: ['x'] }),
          item('b', '15:00', '16:00', { venueId: 'garden', groupIds: ['x'] }),
          item('c', '14:30', '15:30', { venueId: 'garden', groupIds: ['y'], cancelled: true }),
          item('d', '14:00', '15:00', { venueId: 'centre', groupIds: ['y'] }),
        ],
      }),
    )
    expect(clashes).toEqual([])
  })
})

describe('group_double_booked', () => {
  it('warns when an item for everyone overlaps an item of a group at another venue', () => {
    const clashes = findClashes(
      programme({
        groups: [
          { id: 'college', name: 'Wethouders' },
          { id: 'team', name: 'Ambtenaren' },
        ],
        items: [
          item('Rondleiding', '14:10', '15:10', { venueId: 'centre' }),
          item('Thee', '15:00', '15:40', { venueId: 'garden', groupIds: ['college'] }),
        ],
      }),
    )
    expect(clashes).toEqual([
      {
        kind: 'group_double_booked',
        itemIds: ['Rondleiding', 'Thee'],
        venueIds: ['centre', 'garden'],
        groupIds: ['college'],
        message: {
          nl:
            'De groep ‘Wethouders’ staat tegelijk ingepland bij ‘Rondleiding’ (14:10–15:10, Buurthuis De Stip) ' +
            'en ‘Thee’ (15:00–15:40, Tuin van Els). Verschuif een van beide onderdelen of verdeel ze over ' +
            'verschillende groepen.',
          en:
            'The group ‘Wethouders’ is scheduled for ‘Rondleiding’ (14:10–15:10, Buurthuis De Stip) and ‘Thee’ ' +
            '(15:00–15:40, Tuin van Els) at the same time. Move one of the two items or assign them to different ' +
            'groups.',
        },
        details: { overlapMinutes: 10 },
      },
    ])
  })

  it('speaks of the whole company when both items are for everyone', () => {
    const clashes = findClashes(
      programme({
        items: [
          item('a', '14:00', '15:00', { venueId: 'garden' }),
          item('b', '14:30', '15:30', { venueId: 'centre' }),
        ],
      }),
    )
    expect(kinds(clashes)).toEqual(['group_double_booked'])
    expect(clashes[0]?.groupIds).toBeUndefined()
    expect(clashes[0]?.message.nl).toMatch(/^Het hele gezelschap staat tegelijk ingepland bij ‘a’/)
    expect(clashes[0]?.message.en).toMatch(/^The whole company is scheduled for ‘a’/)
  })

  it('names only the groups the two items share', () => {
    const clashes = findClashes(
      programme({
        groups: [
          { id: 'x', name: 'X' },
          { id: 'y', name: 'Y' },
          { id: 'z', name: 'Z' },
        ],
        items: [
          item('a', '14:00', '15:00', { venueId: 'garden', groupIds: ['x', 'y', 'z'] }),
          item('b', '14:30', '15:30', { venueId: 'centre', groupIds: ['z', 'y'] }),
        ],
      }),
    )
    expect(clashes.map((c) => c.groupIds)).toEqual([['y', 'z']])
    expect(clashes[0]?.message.nl).toMatch(/^De groepen ‘Y’ en ‘Z’ staan tegelijk/)
    expect(clashes[0]?.message.en).toMatch(/^The groups ‘Y’ and ‘Z’ are scheduled/)
  })

  it('warns when the overlapping item has no venue, such as a walk', () => {
    const clashes = findClashes(
      programme({
        items: [item('talk', '14:00', '15:00', { venueId: 'garden' }), item('walk', '14:45', '15:15')],
      }),
    )
    expect(kinds(clashes)).toEqual(['group_double_booked'])
    expect(clashes[0]?.venueIds).toEqual(['garden'])
  })

  it('does not warn for a split: disjoint groups at the same time', () => {
    const clashes = findClashes(
      programme({
        items: [
          item('a', '14:00', '15:00', { venueId: 'garden', groupIds: ['x'] }),
          item('b', '14:00', '15:00', { venueId: 'centre', groupIds: ['y', 'z'] }),
        ],
      }),
    )
    expect(clashes).toEqual([])
  })

  it('does not warn for touching items of one group', () => {
    const clashes = findClashes(
      programme({
        items: [
          item('talk', '14:00', '15:00', { venueId: 'garden', groupIds: ['x'] }),
          item('walk', '15:00', '15:20', { groupIds: ['x'] }),
        ],
      }),
    )
    expect(clashes).toEqual([])
  })
})

describe('speaker_double_booked', () => {
  const speakers = [{ id: 'els', name: 'Els de Vries', availability: null }]

  it('warns when a speaker has talks in two overlapping items', () => {
    const clashes = findClashes(
      programme({
        items: [
          item('Rondleiding', '14:10', '15:10', { venueId: 'centre', groupIds: ['a'] }),
          item('Koffie', '14:50', '15:30', { venueId: 'garden', groupIds: ['b'] }),
        ],
        speakers,
        talks: [
          { id: 'groen', title: 'Groen', itemId: 'Koffie', speakerIds: ['els'] },
          { id: 'water', title: 'Wateroverlast', itemId: 'Rondleiding', speakerIds: ['jan', 'els'] },
        ],
      }),
    )
    expect(clashes).toEqual([
      {
        kind: 'speaker_double_booked',
        itemIds: ['Rondleiding', 'Koffie'],
        talkIds: ['water', 'groen'],
        speakerIds: ['els'],
        message: {
          nl:
            '‘Els de Vries’ moet tegelijk spreken bij ‘Rondleiding’ (14:10–15:10) en ‘Koffie’ (14:50–15:30). ' +
            'Verschuif een van beide onderdelen of laat iemand anders een van de voordrachten geven.',
          en:
            '‘Els de Vries’ is due to speak at ‘Rondleiding’ (14:10–15:10) and ‘Koffie’ (14:50–15:30) at the same ' +
            'time. Move one of the two items or ask someone else to give one of the talks.',
        },
        details: { overlapMinutes: 20 },
      },
    ])
  })

  it('does not warn for touching items, two talks in one item, or a cancelled item', () => {
    const clashes = findClashes(
      programme({
        items: [
          item('a', '14:00', '15:00', { venueId: 'garden' }),
          item('b', '15:00', '16:00', { venueId: 'garden' }),
          item('c', '14:30', '15:30', { venueId: 'centre', cancelled: true }),
        ],
        speakers,
        talks: [
          { id: 't1', title: 'T1', itemId: 'a', speakerIds: ['els'] },
          { id: 't2', title: 'T2', itemId: 'a', speakerIds: ['els'] },
          { id: 't3', title: 'T3', itemId: 'b', speakerIds: ['els'] },
          { id: 't4', title: 'T4', itemId: 'c', speakerIds: ['els'] },
          { id: 't5', title: 'T5', itemId: null, speakerIds: ['els'] },
        ],
      }),
    )
    expect(clashes).toEqual([])
  })
})

describe('the list of clashes', () => {
  const busy = programme({
    visit: { ...programme().visit, expectedGuests: 70 },
    venues: [{ ...garden, openingWindow: span('13:00', '15:00') }, centre],
    items: [
      item('borrel', '23:30', '23:45', { venueId: 'centre', end: at('00:30', '2026-09-20') }),
      item('thee', '15:00', '15:40', { venueId: 'garden', groupIds: ['a'], expectedAttendance: 70 }),
      item('koffie', '14:50', '15:30', { venueId: 'garden', groupIds: ['a'], expectedAttendance: 70 }),
      item('welkom', '14:00', '14:05', { venueId: 'garden' }),
      item('rondleiding', '14:10', '14:40', { venueId: 'centre' }),
    ],
  })

  it('is sorted by the start of the first item, then by kind', () => {
    expect(findClashes(busy).map((c) => [c.kind, c.itemIds.join(' ')])).toEqual([
      ['walk_too_long', 'welkom rondleiding'],
      ['over_capacity', 'welkom'],
      ['walk_too_long', 'rondleiding koffie'],
      ['venue_double_booked', 'koffie thee'],
      ['over_capacity', 'koffie'],
      ['outside_opening_window', 'koffie'],
      ['over_capacity', 'thee'],
      ['outside_opening_window', 'thee'],
      ['outside_visit_dates', 'borrel'],
    ])
  })

  it('does not depend on the order of the input', () => {
    const expected = findClashes(busy)
    fc.assert(
      fc.property(fc.shuffledSubarray([...busy.items], { minLength: 5, maxLength: 5 }), (items) => {
        expect(findClashes({ ...busy, items })).toEqual(expected)
      }),
    )
  })

  it('is summarised as a count per kind, every kind included', () => {
    expect(summariseClashes(findClashes(busy))).toEqual({
      venue_double_booked: 1,
      group_double_booked: 0,
      speaker_double_booked: 0,
      walk_too_long: 2,
      leg_off_timetable: 0,
      over_capacity: 3,
      outside_opening_window: 2,
      outside_speaker_availability: 0,
      outside_visit_dates: 1,
    })
    expect(Object.values(summariseClashes([])).every((n) => n === 0)).toBe(true)
  })
})

describe('double bookings by sweep, as the pairwise definition finds them', () => {
  /** Every pair of items that share an instant, checked one by one: what the sweeps must find. */
  function pairwise(items: ReturnType<typeof item>[]) {
    const live = items.filter((i) => !i.cancelled)
    const venue: string[] = []
    const group: string[] = []
    for (const a of live) {
      for (const b of live) {
        if (a === b || !(a.start < b.end && b.start < a.end)) continue
        const [first, second] = [a, b].sort(
          (x, y) => x.start - y.start || x.end - y.end || (x.id < y.id ? -1 : 1),
        )
        const key = `${first!.id} ${second!.id}`
        if (a.venueId !== null && a.venueId === b.venueId) venue.push(key)
        else if (
          a.groupIds.length === 0 ||
          b.groupIds.length === 0 ||
          a.groupIds.some((g) => b.groupIds.includes(g))
        )
          group.push(key)
      }
    }
    return { venue: [...new Set(venue)].sort(), group: [...new Set(group)].sort() }
  }

  it('finds the same venue and group double bookings in random programmes', () => {
    const slot = fc.record({
      start: fc.integer({ min: 0, max: 40 }),
      length: fc.integer({ min: 1, max: 12 }),
      venue: fc.constantFrom(null, 'garden', 'centre', 'corner'),
      groups: fc.subarray(['a', 'b', 'c']),
      cancelled: fc.boolean(),
    })
    fc.assert(
      fc.property(fc.array(slot, { maxLength: 40 }), fc.boolean(), (slots, withGroups) => {
        const items = slots.map((s, i) => ({
          ...item(`i${String(i).padStart(2, '0')}`, '09:00', '09:05'),
          start: at('09:00') + s.start * 15 * 60_000,
          end: at('09:00') + (s.start + s.length) * 15 * 60_000,
          venueId: s.venue,
          groupIds: withGroups ? s.groups : [],
          cancelled: s.cancelled,
        }))
        const groups = withGroups ? ['a', 'b', 'c'].map((id) => ({ id, name: id })) : []
        const clashes = findClashes(programme({ items, groups, venues: [garden, centre, corner] }))
        const found = (kind: string) =>
          clashes
            .filter((c) => c.kind === kind)
            .map((c) => c.itemIds.join(' '))
            .sort()
        const expected = pairwise(items)
        expect(found('venue_double_booked')).toEqual(expected.venue)
        expect(found('group_double_booked')).toEqual(expected.group)
      }),
      { seed: 19, numRuns: 300 },
    )
  })

  it('finds the few double bookings among 3,000 items of 25 groups in parallel', () => {
    const groups = Array.from({ length: 25 }, (_, g) => ({ id: `g${g}`, name: `Groep ${g}` }))
    const base = at('08:00')
    const minutes = (n: number) => base + n * 60_000
    const items = groups.flatMap((g, n) =>
      Array.from({ length: 120 }, (_, k) => ({
        id: `${g.id}-${k}`,
        title: `${g.id}-${k}`,
        kind: 'other',
        start: minutes(k * 5),
        // Every 40th item of group 0 overlaps the next one by a minute: the only double bookings.
        end: minutes((k + 1) * 5 + (n === 0 && k % 40 === 0 ? 1 : 0)),
        venueId: null,
        groupIds: [g.id],
      })),
    )
    // 25 items at once all day: 36,000 pairs at the same time, of which only three share an audience.
    const clashes = findClashes(programme({ items, groups }))
    expect(clashes.map((c) => c.itemIds.join(' '))).toEqual(['g0-0 g0-1', 'g0-40 g0-41', 'g0-80 g0-81'])
  })
})

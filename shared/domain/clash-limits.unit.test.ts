import { describe, expect, it } from 'vitest'
import { type ClashInput, type ClashItem, findClashes } from './clashes'
import { at, centre, garden, item, kinds, ofKind, programme, span } from './test-clash-fixture'

describe('walk_too_long', () => {
  const welcomeThenTour = (tourStart: string, extra: Partial<ClashItem> = {}): ClashInput =>
    programme({
      items: [
        item('Welkom', '14:00', '14:05', { venueId: 'garden' }),
        item('Rondleiding', tourStart, '16:00', { venueId: 'centre', ...extra }),
      ],
    })

  it('warns when the walk takes longer than the gap, saying by how much to move the next item', () => {
    expect(findClashes(welcomeThenTour('14:10'))).toEqual([
      {
        kind: 'walk_too_long',
        itemIds: ['Welkom', 'Rondleiding'],
        venueIds: ['garden', 'centre'],
        message: {
          nl:
            'De wandeling van ‘Tuin van Els’ naar ‘Buurthuis De Stip’ duurt ongeveer 18 minuten (1,0 km ' +
            'hemelsbreed, plus 30% omweg voor de straten), maar er zitten maar 5 minuten tussen ‘Welkom’ ' +
            '(eindigt 14:05) en ‘Rondleiding’ (begint 14:10). Schuif ‘Rondleiding’ minstens 13 minuten op of ' +
            'kies een dichterbij gelegen locatie.',
          en:
            'The walk from ‘Tuin van Els’ to ‘Buurthuis De Stip’ takes about 18 minutes (1.0 km as the crow ' +
            'flies, plus 30% detour for the streets), but there are only 5 minutes between ‘Welkom’ (ends 14:05) ' +
            'and ‘Rondleiding’ (starts 14:10). Move ‘Rondleiding’ at least 13 minutes later or choose a venue ' +
            'closer by.',
        },
        details: { distanceMetres: 1001, neededMinutes: 18, gapMinutes: 5, shortMinutes: 13 },
      },
    ])
  })

  it('does not warn when the walk takes exactly the gap, and warns one minute short of it', () => {
    expect(findClashes(welcomeThenTour('14:23'))).toEqual([])
    const short = findClashes(welcomeThenTour('14:22'))
    expect(short.map((c) => c.details)).toEqual([
      { distanceMetres: 1001, neededMinutes: 18, gapMinutes: 17, shortMinutes: 1 },
    ])
    expect(short[0]?.message.nl).toContain('er zitten maar 17 minuten tussen')
    expect(short[0]?.message.nl).toContain('minstens 1 minuut op')
    expect(short[0]?.message.en).toContain('at least 1 minute later')
  })

  it('says so when there is no time at all between the items', () => {
    const clashes = findClashes(welcomeThenTour('14:05'))
    expect(clashes[0]?.details).toEqual({
      distanceMetres: 1001,
      neededMinutes: 18,
      gapMinutes: 0,
      shortMinutes: 18,
    })
    expect(clashes[0]?.message.nl).toContain('maar er zit geen tijd tussen ‘Welkom’')
    expect(clashes[0]?.message.en).toContain('but there is no time between ‘Welkom’')
  })

  it('uses the later item’s way of travelling', () => {
    const byBike = findClashes(welcomeThenTour('14:10', { legMode: 'cycle' }))
    expect(byBike.map((c) => c.details.neededMinutes)).toEqual([6])
    expect(byBike[0]?.message.nl).toMatch(/^De fietstocht van ‘Tuin van Els’/)
    expect(byBike[0]?.message.en).toMatch(/^The bike ride from ‘Tuin van Els’/)
    expect(findClashes(welcomeThenTour('14:11', { legMode: 'cycle' }))).toEqual([])
    const byBus = findClashes(welcomeThenTour('14:08', { legMode: 'bus' }))
    expect(byBus.map((c) => c.details.neededMinutes)).toEqual([4])
    expect(byBus[0]?.message.nl).toMatch(/^De busrit/)
    expect(findClashes(welcomeThenTour('14:09', { legMode: 'bus' }))).toEqual([])
  })

  it('uses the visit’s walking speed and the given detour factor', () => {
    const brisk = (tourStart: string): ClashInput => ({
      ...welcomeThenTour(tourStart),
      visit: { ...programme().visit, walkingSpeedKmh: 6 },
    })
    // 1301 m of street at 100 m a minute: 13.01, so 14 minutes.
    expect(findClashes(brisk('14:19'))).toEqual([])
    expect(findClashes(brisk('14:18')).map((c) => c.details.neededMinutes)).toEqual([14])
    expect(
      findClashes(welcomeThenTour('14:18'), { detourFactor: 1 }).map((c) => c.details.neededMinutes),
    ).toEqual([14])
  })

  it('measures the gap between venues across items without a venue, such as a walk', () => {
    const clashes = findClashes(
      programme({
        items: [
          item('Welkom', '14:00', '14:30', { venueId: 'garden' }),
          item('Wandeling', '14:30', '14:40'),
          item('Rondleiding', '14:40', '15:00', { venueId: 'centre' }),
        ],
      }),
    )
    expect(clashes.map((c) => [c.itemIds, c.details.gapMinutes])).toEqual([[['Welkom', 'Rondleiding'], 10]])
  })

  it('does not check venues without coordinates, or the same venue twice', () => {
    const clashes = findClashes(
      programme({
        items: [
          item('a', '14:00', '14:05', { venueId: 'garden' }),
          item('b', '14:05', '14:10', { venueId: 'garden' }),
          item('c', '14:10', '14:15', { venueId: 'corner' }),
          item('d', '14:15', '14:20', { venueId: 'centre' }),
        ],
      }),
    )
    expect(clashes).toEqual([])
  })

  it('follows each group on its own: no walk between items of different groups', () => {
    const clashes = findClashes(
      programme({
        groups: [
          { id: 'x', name: 'X' },
          { id: 'y', name: 'Y' },
        ],
        items: [
          item('x-garden', '14:00', '14:30', { venueId: 'garden', groupIds: ['x'] }),
          item('y-centre', '14:35', '15:00', { venueId: 'centre', groupIds: ['y'] }),
        ],
      }),
    )
    expect(clashes).toEqual([])
  })

  it('counts items for everyone in every group, reporting a shared leg once', () => {
    const clashes = findClashes(
      programme({
        groups: [
          { id: 'x', name: 'X' },
          { id: 'y', name: 'Y' },
        ],
        items: [
          item('all-garden', '14:00', '14:30', { venueId: 'garden' }),
          item('all-centre', '14:35', '15:00', { venueId: 'centre' }),
          item('x-garden', '15:05', '15:30', { venueId: 'garden', groupIds: ['x'] }),
          item('y-centre', '15:05', '15:30', { venueId: 'centre', groupIds: ['y'] }),
        ],
      }),
    )
    expect(clashes.map((c) => c.itemIds)).toEqual([
      ['all-garden', 'all-centre'],
      ['all-centre', 'x-garden'],
    ])
  })

  it('leaves overlapping items at different venues to the double-booking check', () => {
    const clashes = findClashes(
      programme({
        items: [
          item('a', '14:00', '14:30', { venueId: 'garden' }),
          item('b', '14:20', '15:00', { venueId: 'centre' }),
        ],
      }),
    )
    expect(kinds(clashes)).toEqual(['group_double_booked'])
  })
})

describe('over_capacity', () => {
  it('warns when more people are expected than the venue holds', () => {
    const clashes = findClashes(
      programme({
        items: [item('Welkom', '14:00', '14:05', { venueId: 'garden', expectedAttendance: 70 })],
      }),
    )
    expect(clashes).toEqual([
      {
        kind: 'over_capacity',
        itemIds: ['Welkom'],
        venueIds: ['garden'],
        message: {
          nl:
            'Bij ‘Welkom’ (14:00–14:05) worden 70 mensen verwacht (het aantal dat bij het onderdeel is ingevuld), ' +
            'maar ‘Tuin van Els’ heeft plaats voor 60 mensen. Kies een grotere locatie, verdeel het gezelschap over ' +
            'groepen of beperk het aantal deelnemers. Klopt het aantal niet, vul dan bij het onderdeel in hoeveel ' +
            'mensen je verwacht.',
          en:
            '70 people are expected at ‘Welkom’ (14:00–14:05; the number entered for the item), but ‘Tuin van Els’ ' +
            'has room for 60 people. Choose a larger venue, split the company into groups or limit the number of ' +
            'participants. If the number is wrong, enter how many people you expect at the item.',
        },
        details: { attendance: 70, capacity: 60, excess: 10 },
      },
    ])
  })

  it('does not warn when the venue is exactly full', () => {
    const input = programme({
      items: [item('a', '14:00', '15:00', { venueId: 'garden', expectedAttendance: 60 })],
    })
    expect(findClashes(input)).toEqual([])
  })

  it("without registrations known: an item's group sizes, and the visit's expected guests for everyone", () => {
    const input = programme({
      visit: { ...programme().visit, expectedGuests: 61 },
      groups: [
        { id: 'x', name: 'X', size: 35 },
        { id: 'y', name: 'Y', size: 30 },
        { id: 'z', name: 'Z', size: null },
      ],
      items: [
        item('all', '10:00', '11:00', { venueId: 'garden' }),
        item('x-and-y', '11:00', '12:00', { venueId: 'garden', groupIds: ['x', 'y'] }),
        item('x', '12:00', '13:00', { venueId: 'garden', groupIds: ['x'] }),
        item('z', '13:00', '14:00', { venueId: 'garden', groupIds: ['z'] }),
        item('told', '14:00', '15:00', { venueId: 'garden', groupIds: ['x', 'y'], expectedAttendance: 20 }),
      ],
    })
    expect(
      ofKind(findClashes(input), 'over_capacity').map((c) => [c.itemIds[0], c.details.attendance]),
    ).toEqual([
      ['all', 61],
      ['x-and-y', 65],
    ])
  })

  it("derives an item's attendance from its groups: company members plus the guests who go with them", () => {
    const input = {
      ...programme({
        visit: { ...programme().visit, expectedGuests: 20 },
        groups: [
          { id: 'x', name: 'X', size: 8 },
          { id: 'z', name: 'Z', size: null },
        ],
        items: [
          item('all', '10:00', '11:00', { venueId: 'garden' }),
          item('x', '11:00', '12:00', { venueId: 'garden', groupIds: ['x'] }),
          // A group whose members are not entered yet counts its guests only, not the visit's expected guests.
          item('z', '12:00', '13:00', { venueId: 'garden', groupIds: ['z'] }),
        ],
      }),
      attendance: {
        members: 12,
        guests: [
          { groupIds: ['x'], people: 50 },
          { groupIds: ['x', 'z'], people: 3 },
          { groupIds: [], people: 4 },
        ],
      },
    }
    const clashes = ofKind(findClashes(input), 'over_capacity')
    // Everyone: 12 of the company and all 57 registered guests (more than the 20 expected) = 69 > 60.
    // Group X: 8 members and 53 guests = 61 > 60. Group Z: 0 members and 3 guests.
    expect(clashes.map((c) => [c.itemIds[0], c.details])).toEqual([
      ['all', { attendance: 69, capacity: 60, excess: 9, members: 12, guests: 57 }],
      ['x', { attendance: 61, capacity: 60, excess: 1, members: 8, guests: 53 }],
    ])
    expect(clashes[0]?.message.nl).toContain('(het hele gezelschap (12) en alle aangemelde gasten (57))')
    expect(clashes[1]?.message.nl).toContain('(8 van het gezelschap en 53 aangemelde gasten van ‘X’)')
    expect(clashes[1]?.message.en).toContain('8 from the company and 53 registered guests of ‘X’')
  })

  it("uses the visit's expected guests for an item for everyone while fewer have registered", () => {
    const input = {
      ...programme({
        visit: { ...programme().visit, expectedGuests: 55 },
        items: [item('all', '10:00', '11:00', { venueId: 'garden' })],
      }),
      attendance: { members: 10, guests: [{ groupIds: [], people: 5 }] },
    }
    const [clash] = ofKind(findClashes(input), 'over_capacity')
    expect(clash?.details).toMatchObject({ attendance: 65, members: 10, guests: 55 })
    expect(clash?.message.en).toContain(
      "the whole company (10) and the visit's expected number of guests (55)",
    )
  })

  it('does not check without a capacity or without any head count', () => {
    const input = programme({
      venues: [{ ...garden, capacity: null }, centre],
      items: [
        item('a', '10:00', '11:00', { venueId: 'garden', expectedAttendance: 500 }),
        item('b', '12:00', '13:00', { venueId: 'centre' }),
      ],
    })
    expect(findClashes(input)).toEqual([])
  })
})

describe('outside_opening_window', () => {
  const venues = [{ ...garden, openingWindow: span('13:00', '15:00') }, centre]

  it('warns when an item runs past the opening window, by how much', () => {
    const clashes = findClashes(
      programme({ venues, items: [item('Koffie', '14:50', '15:30', { venueId: 'garden' })] }),
    )
    expect(clashes).toEqual([
      {
        kind: 'outside_opening_window',
        itemIds: ['Koffie'],
        venueIds: ['garden'],
        message: {
          nl:
            '‘Koffie’ (14:50–15:30) valt buiten de openingstijden van ‘Tuin van Els’ (13:00–15:00). Verplaats ' +
            '‘Koffie’ binnen die tijden of vraag de gastheer of gastvrouw van ‘Tuin van Els’ om ruimere ' +
            'openingstijden.',
          en:
            '‘Koffie’ (14:50–15:30) falls outside the opening hours of ‘Tuin van Els’ (13:00–15:00). Move ‘Koffie’ ' +
            'within those hours or ask the host of ‘Tuin van Els’ to open for longer.',
        },
        details: { minutesEarly: 0, minutesLate: 30 },
      },
    ])
  })

  it('warns when an item starts before the venue opens', () => {
    const clashes = findClashes(
      programme({ venues, items: [item('a', '12:45', '13:30', { venueId: 'garden' })] }),
    )
    expect(clashes.map((c) => [c.kind, c.details])).toEqual([
      ['outside_opening_window', { minutesEarly: 15, minutesLate: 0 }],
    ])
  })

  it('does not warn for an item filling the window exactly, or at a venue without a window', () => {
    const input = programme({
      venues,
      items: [
        item('a', '13:00', '15:00', { venueId: 'garden' }),
        item('b', '20:00', '23:00', { venueId: 'centre' }),
      ],
    })
    expect(findClashes(input)).toEqual([])
  })
})

describe('outside_speaker_availability', () => {
  const talkIn = (speakerIds: string[]) => [
    { id: 'water', title: 'Wateroverlast', itemId: 'Rondleiding', speakerIds },
  ]
  const items = [item('Rondleiding', '14:00', '14:30', { venueId: 'centre' })]

  it('warns when the speaker is not available during the item', () => {
    const clashes = findClashes(
      programme({
        items,
        speakers: [{ id: 'els', name: 'Els de Vries', availability: [span('13:00', '14:00')] }],
        talks: talkIn(['els']),
      }),
    )
    expect(clashes).toEqual([
      {
        kind: 'outside_speaker_availability',
        itemIds: ['Rondleiding'],
        talkIds: ['water'],
        speakerIds: ['els'],
        message: {
          nl:
            'De voordracht ‘Wateroverlast’ staat in ‘Rondleiding’ (14:00–14:30), maar ‘Els de Vries’ is dan niet ' +
            'beschikbaar. Verplaats ‘Rondleiding’ naar een moment waarop ‘Els de Vries’ kan, of vraag om de ' +
            'beschikbaarheid bij te werken.',
          en:
            'The talk ‘Wateroverlast’ is in ‘Rondleiding’ (14:00–14:30), but ‘Els de Vries’ is not available then. ' +
            'Move ‘Rondleiding’ to a time when ‘Els de Vries’ is available, or ask for the availability to be updated.',
        },
        details: { itemMinutes: 30, coveredMinutes: 0 },
      },
    ])
  })

  it('does not warn when the availability covers the item exactly, even in two touching ranges', () => {
    const speakers = [
      { id: 'els', name: 'Els', availability: [span('14:00', '14:30')] },
      { id: 'jan', name: 'Jan', availability: [span('14:15', '15:00'), span('09:00', '14:15')] },
    ]
    expect(findClashes(programme({ items, speakers, talks: talkIn(['els', 'jan']) }))).toEqual([])
  })

  it('checks the intersection of several speakers, naming only who cannot', () => {
    const speakers = [
      { id: 'els', name: 'Els', availability: [span('13:00', '15:00')] },
      { id: 'jan', name: 'Jan', availability: [span('14:15', '16:00')] },
      { id: 'kim', name: 'Kim', availability: [span('14:00', '14:20')] },
    ]
    const clashes = findClashes(programme({ items, speakers, talks: talkIn(['els', 'jan', 'kim']) }))
    expect(clashes.map((c) => [c.speakerIds, c.details])).toEqual([
      [['jan', 'kim'], { itemMinutes: 30, coveredMinutes: 5 }],
    ])
    expect(clashes[0]?.message.nl).toContain('maar ‘Jan’ en ‘Kim’ zijn dan niet beschikbaar')
    expect(clashes[0]?.message.en).toContain('when ‘Jan’ and ‘Kim’ are available')
  })

  it('skips speakers whose availability is unknown, and talks not placed in an item', () => {
    const speakers = [
      { id: 'els', name: 'Els', availability: null },
      { id: 'jan', name: 'Jan', availability: [span('14:00', '14:30')] },
      { id: 'kim', name: 'Kim', availability: [span('09:00', '10:00')] },
    ]
    const talks = [
      ...talkIn(['els', 'jan']),
      { id: 'loose', title: 'Los', itemId: null, speakerIds: ['kim'] },
      { id: 'only-unknown', title: 'Onbekend', itemId: 'Rondleiding', speakerIds: ['els'] },
    ]
    expect(findClashes(programme({ items, speakers, talks }))).toEqual([])
  })
})

describe('outside_visit_dates', () => {
  it('warns for an item running past midnight on the last day', () => {
    const clashes = findClashes(
      programme({ items: [{ ...item('Borrel', '23:30', '23:59'), end: at('00:30', '2026-09-20') }] }),
    )
    expect(clashes).toEqual([
      {
        kind: 'outside_visit_dates',
        itemIds: ['Borrel'],
        message: {
          nl:
            '‘Borrel’ loopt van 19 september 2026 23:30 tot 20 september 2026 00:30, maar het bezoek is op ' +
            '19 september 2026. Verplaats ‘Borrel’ naar een moment binnen het bezoek of pas de data van het ' +
            'bezoek aan.',
          en:
            '‘Borrel’ runs from 19 September 2026 23:30 to 20 September 2026 00:30, but the visit is on ' +
            '19 September 2026. Move ‘Borrel’ to a time within the visit or change the dates of the visit.',
        },
        details: { minutesBefore: 0, minutesAfter: 30 },
      },
    ])
  })

  it('does not warn for an item ending exactly at midnight after the last day', () => {
    const input = programme({
      items: [{ ...item('Borrel', '23:00', '23:59'), end: at('00:00', '2026-09-20') }],
    })
    expect(findClashes(input)).toEqual([])
  })

  it('does not warn for an item crossing midnight inside a visit of several days', () => {
    const input = programme({
      visit: { ...programme().visit, startDate: '2026-09-18', endDate: '2026-09-20' },
      items: [{ ...item('Nacht', '23:30', '23:59'), end: at('00:30', '2026-09-20') }],
    })
    expect(findClashes(input)).toEqual([])
  })

  it('warns for an item before the first day, naming both days of the visit', () => {
    const input = programme({
      visit: { ...programme().visit, endDate: '2026-09-20' },
      items: [{ ...item('Voorbereiding', '00:00', '00:15'), start: at('23:00', '2026-09-18') }],
    })
    const clashes = findClashes(input)
    expect(clashes.map((c) => c.details)).toEqual([{ minutesBefore: 60, minutesAfter: 0 }])
    expect(clashes[0]?.message.nl).toContain(
      'maar het bezoek duurt van 19 september 2026 tot en met 20 september 2026.',
    )
    expect(clashes[0]?.message.en).toContain(
      'but the visit runs from 19 September 2026 to 20 September 2026 inclusive.',
    )
  })

  it('uses the 25-hour day when the clocks go back (2026-10-25)', () => {
    const visit = { ...programme().visit, startDate: '2026-10-25', endDate: '2026-10-25' }
    // 22:30–23:30 local is 21:30–22:30 UTC: past 24 hours after local midnight, but still the same day.
    const late = {
      ...item('Laat', '00:00', '00:00'),
      start: at('22:30', '2026-10-25'),
      end: at('23:30', '2026-10-25'),
    }
    expect(findClashes(programme({ visit, items: [late] }))).toEqual([])
    const early = { ...late, id: 'Vroeg', start: at('23:59', '2026-10-24'), end: at('01:00', '2026-10-25') }
    expect(findClashes(programme({ visit, items: [early] })).map((c) => c.details)).toEqual([
      { minutesBefore: 1, minutesAfter: 0 },
    ])
  })

  it('uses the 23-hour day when the clocks go forward (2026-03-29)', () => {
    const visit = { ...programme().visit, startDate: '2026-03-29', endDate: '2026-03-29' }
    const last = {
      ...item('Laatste', '00:00', '00:00'),
      start: at('23:00', '2026-03-29'),
      end: at('00:00', '2026-03-30'),
    }
    expect(findClashes(programme({ visit, items: [last] }))).toEqual([])
    const over = { ...last, end: at('00:01', '2026-03-30') }
    expect(findClashes(programme({ visit, items: [over] })).map((c) => c.details)).toEqual([
      { minutesBefore: 0, minutesAfter: 1 },
    ])
  })
})

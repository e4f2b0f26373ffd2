import { describe, expect, it } from 'vitest'
import { durationEn, durationNl } from './clash-travel'
import { type ClashVenue, findClashes } from './clashes'
import { at, item, programme } from './test-clash-fixture'
import { greatCircleMetres, isScheduledLeg, legMinutes } from './walking'

// Amsterdam Centraal and Eindhoven Centraal: about 111 km apart in a straight line.
const amsterdam: ClashVenue = {
  id: 'ams',
  name: 'Stadhuis Amsterdam',
  lat: 52.3791,
  lng: 4.9003,
  capacity: null,
}
const eindhoven: ClashVenue = {
  id: 'ehv',
  name: 'Stadhuis Eindhoven',
  lat: 51.4433,
  lng: 5.4814,
  capacity: null,
}

/** A morning in Amsterdam, then by train (or `extra`'s way) to an afternoon in Eindhoven. */
const trip = (extra: Parameters<typeof item>[3]) =>
  programme({
    venues: [amsterdam, eindhoven],
    items: [
      item('Ochtend', '09:00', '10:30', { venueId: 'ams' }),
      item('Middag', '12:15', '14:00', { venueId: 'ehv', ...extra }),
    ],
  })

describe('travel modes', () => {
  it('a train is no bus: without its times it gets no speed check (111 km is not 435 minutes by bus)', () => {
    expect(greatCircleMetres({ lat: 52.3791, lng: 4.9003 }, { lat: 51.4433, lng: 5.4814 })).toBeGreaterThan(
      110_000,
    )
    expect(findClashes(trip({ legMode: 'train' }))).toEqual([])
  })

  it('a train is checked against the departure and arrival the organiser entered', () => {
    const fits = trip({ legMode: 'train', legDepartsAt: at('10:52'), legArrivesAt: at('12:05') })
    expect(findClashes(fits)).toEqual([])

    const clashes = findClashes(
      trip({ legMode: 'train', legDepartsAt: at('10:22'), legArrivesAt: at('12:35') }),
    )
    expect(clashes).toEqual([
      {
        kind: 'leg_off_timetable',
        itemIds: ['Ochtend', 'Middag'],
        venueIds: ['ehv'],
        message: {
          nl:
            'De trein naar ‘Stadhuis Eindhoven’ vertrekt om 10:22, 8 minuten vóór het einde van ‘Ochtend’ ' +
            '(10:30): laat ‘Ochtend’ eerder eindigen of neem een latere verbinding. De trein komt om 12:35 aan, ' +
            '20 minuten na het begin van ‘Middag’ (12:15): schuif ‘Middag’ minstens 20 minuten op of neem een ' +
            'eerdere verbinding.',
          en:
            'The train to ‘Stadhuis Eindhoven’ leaves at 10:22, 8 minutes before ‘Ochtend’ ends (10:30): end ' +
            '‘Ochtend’ earlier or take a later connection. The train arrives at 12:35, 20 minutes after ‘Middag’ ' +
            'starts (12:15): move ‘Middag’ at least 20 minutes later or take an earlier connection.',
        },
        details: { departsEarlyMinutes: 8, arrivesLateMinutes: 20 },
      },
    ])
  })

  it('a bus with a timetable is checked like a train; without one at a city bus’s speed', () => {
    expect(isScheduledLeg('bus', true)).toBe(true)
    expect(isScheduledLeg('bus', false)).toBe(false)
    expect(isScheduledLeg('train', false)).toBe(true)
    const timetabled = findClashes(trip({ legMode: 'bus', legArrivesAt: at('12:25') }))
    expect(timetabled.map((c) => [c.kind, c.details])).toEqual([
      ['leg_off_timetable', { departsEarlyMinutes: 0, arrivesLateMinutes: 10 }],
    ])
    expect(timetabled[0]?.message.en).toMatch(/^The bus arrives at 12:25/)
    const bySpeed = findClashes(trip({ legMode: 'bus' }))
    expect(bySpeed.map((c) => c.kind)).toEqual(['walk_too_long'])
  })

  it('a car drives at a car’s speed, and long legs read in hours and minutes', () => {
    // 111.4 km × 1.3 at 60 km/h: 145 minutes, where the gap is 105.
    const [drive] = findClashes(trip({ legMode: 'car' }))
    expect(drive?.details).toMatchObject({ neededMinutes: 145, gapMinutes: 105, shortMinutes: 40 })
    expect(drive?.message.nl).toContain(
      'De autorit van ‘Stadhuis Amsterdam’ naar ‘Stadhuis Eindhoven’ duurt ongeveer 2 uur en 25 minuten',
    )
    expect(drive?.message.nl).toContain('plus 30% omweg voor de straten')
    expect(drive?.message.nl).toContain('er zitten maar 1 uur en 45 minuten tussen')
    expect(drive?.message.en).toContain(
      'The drive from ‘Stadhuis Amsterdam’ to ‘Stadhuis Eindhoven’ takes about 2 hours 25 minutes',
    )
    expect(drive?.message.en).toContain('there are only 1 hour 45 minutes between')
    expect(findClashes(trip({ legMode: 'car' }), { carSpeedKmh: 100 })).toEqual([])
  })

  it('a bike rides at 15 km/h and a car at 60 km/h by default', () => {
    expect(legMinutes(15_000, 'cycle', { detourFactor: 1 })).toBe(60)
    expect(legMinutes(60_000, 'car', { detourFactor: 1 })).toBe(60)
  })
})

describe('durations', () => {
  it('read as minutes under an hour, as hours and minutes from an hour', () => {
    expect([1, 45, 60, 61, 447].map(durationNl)).toEqual([
      '1 minuut',
      '45 minuten',
      '1 uur',
      '1 uur en 1 minuut',
      '7 uur en 27 minuten',
    ])
    expect([1, 45, 60, 61, 120, 447].map(durationEn)).toEqual([
      '1 minute',
      '45 minutes',
      '1 hour',
      '1 hour 1 minute',
      '2 hours',
      '7 hours 27 minutes',
    ])
  })
})

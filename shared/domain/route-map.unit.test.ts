import { describe, expect, it } from 'vitest'
import { nowAndNext, routeMap } from './route-map'

const venues = [
  { id: 'tuin', name: 'Tuin', lat: 52.1519, lng: 4.5053 },
  { id: 'stip', name: 'De Stip', lat: 52.1616, lng: 4.4916 },
  { id: 'plein', name: 'Plein', lat: 52.1519, lng: 4.4916 },
  { id: 'nowhere', name: 'Zonder coördinaten', lat: null, lng: null },
]
const item = (
  venueId: string | null,
  start: number,
  extra: Partial<{ cancelled: boolean; groupIds: string[] }> = {},
) => ({
  venueId,
  start,
  cancelled: false,
  groupIds: [] as string[],
  ...extra,
})

describe('routeMap', () => {
  it('places venues inside the canvas, north up and west left, numbered in visiting order', () => {
    const map = routeMap(venues, [item('tuin', 1), item('stip', 2), item('plein', 3)], {
      width: 600,
      height: 400,
      margin: 40,
    })
    expect(map.points.map((p) => [p.id, p.number])).toEqual([
      ['tuin', 1],
      ['stip', 2],
      ['plein', 3],
    ])
    for (const p of map.points) {
      expect(p.x).toBeGreaterThanOrEqual(40)
      expect(p.x).toBeLessThanOrEqual(560)
      expect(p.y).toBeGreaterThanOrEqual(40)
      expect(p.y).toBeLessThanOrEqual(360)
    }
    const [tuin, stip, plein] = map.points
    expect(stip!.y).toBeLessThan(tuin!.y) // De Stip is further north
    expect(plein!.x).toBeLessThan(tuin!.x) // Plein is further west
    expect(plein!.y).toBe(tuin!.y) // same latitude
  })

  it('measures each leg and its walking time at the visit speed', () => {
    const map = routeMap(venues, [item('tuin', 1), item('stip', 2)], { walkingSpeedKmh: 4.5 })
    expect(map.legs).toHaveLength(1)
    const leg = map.legs[0]!
    expect(leg.metres).toBeGreaterThan(1300)
    expect(leg.metres).toBeLessThan(1500)
    // 1.4 km × 1.3 detour at 4.5 km/h is about 24 minutes.
    expect(leg.walkMinutes).toBeGreaterThanOrEqual(23)
    expect(leg.walkMinutes).toBeLessThanOrEqual(25)
  })

  it('breaks the route at a train ride: no walking leg across it', () => {
    const map = routeMap(venues, [
      item('tuin', 1),
      { ...item('stip', 2), kind: 'travel' },
      item('plein', 3),
      item('stip', 4),
    ])
    expect(map.points.map((p) => p.id)).toEqual(['tuin', 'plein', 'stip'])
    expect(map.legs.map((l) => [l.from, l.to])).toEqual([['plein', 'stip']])
  })

  it('draws and lists a stretch once, however often it is walked and in which direction', () => {
    const map = routeMap(venues, [
      item('tuin', 1),
      item('stip', 2),
      item('tuin', 3),
      item('plein', 4),
      item('stip', 5),
      item('plein', 6),
    ])
    expect(map.legs.map((l) => [l.from, l.to])).toEqual([
      ['tuin', 'stip'],
      ['tuin', 'plein'],
      ['plein', 'stip'],
    ])
  })

  it('skips cancelled items, other groups, venues without coordinates and staying in place', () => {
    const map = routeMap(
      venues,
      [
        item('tuin', 1),
        item('tuin', 2),
        item('nowhere', 3),
        item('stip', 4, { cancelled: true }),
        item('plein', 5, { groupIds: ['b'] }),
      ],
      { groupId: 'a' },
    )
    expect(map.points.map((p) => p.id)).toEqual(['tuin'])
    expect(map.legs).toEqual([])
    expect(map.points[0]).toMatchObject({ x: 300, y: 200 })
  })
})

describe('nowAndNext', () => {
  const items = [
    { id: 'a', start: 10, end: 20, cancelled: false },
    { id: 'b', start: 20, end: 30, cancelled: false },
    { id: 'c', start: 20, end: 25, cancelled: false },
    { id: 'd', start: 15, end: 40, cancelled: true },
  ]
  it('knows what runs now and what starts next (touching items do not overlap)', () => {
    expect(nowAndNext(items, 10)).toMatchObject({ current: [{ id: 'a' }], next: [{ id: 'b' }, { id: 'c' }] })
    expect(nowAndNext(items, 20).current.map((i) => i.id)).toEqual(['b', 'c'])
    expect(nowAndNext(items, 5)).toMatchObject({ current: [], next: [{ id: 'a' }] })
    expect(nowAndNext(items, 99)).toEqual({ current: [], next: [] })
  })
})

describe('routeMap for everyone, when the company splits into groups', () => {
  const groups = [
    { id: 'noord', name: 'Groep Noord' },
    { id: 'zuid', name: 'Groep Zuid' },
  ]
  // Together in the garden, then apart at the same time (north to De Stip, south to the square), then the
  // south group joins the north group at De Stip.
  const split = [
    item('tuin', 1),
    item('stip', 2, { groupIds: ['noord'] }),
    item('plein', 2, { groupIds: ['zuid'] }),
    item('stip', 3, { groupIds: ['zuid'] }),
  ]

  it('draws each group’s path and never a leg between places no group moves between', () => {
    const map = routeMap(venues, split, { groups })
    expect(map.paths.map((p) => [p.mark, p.names, p.legs.map((l) => `${l.from}-${l.to}`)])).toEqual([
      ['A', ['Groep Noord'], ['tuin-stip']],
      ['B', ['Groep Zuid'], ['tuin-plein', 'plein-stip']],
    ])
    // The old chain in time order had De Stip → Plein, a walk nobody makes.
    const walked = map.legs.map((l) => [l.from, l.to].sort().join('-'))
    expect(walked.sort()).toEqual(['plein-stip', 'plein-tuin', 'stip-tuin'])
    expect(map.legs.find((l) => l.from === 'tuin' && l.to === 'stip')?.groupIds).toEqual(['noord'])
  })

  it('lets groups that go the same way share one path, and sets shared stretches side by side', () => {
    const together = routeMap(venues, [item('tuin', 1), item('stip', 2)], { groups })
    expect(together.paths.map((p) => p.names)).toEqual([['Groep Noord', 'Groep Zuid']])
    const apart = routeMap(
      venues,
      [
        item('tuin', 1),
        item('stip', 2, { groupIds: ['noord'] }),
        item('stip', 2, { groupIds: ['zuid'] }),
        item('plein', 3, { groupIds: ['zuid'] }),
      ],
      { groups },
    )
    const [a, b] = apart.paths
    const first = (p: typeof a) => p!.legs[0]!
    expect(first(a).from).toBe('tuin')
    expect(first(b).from).toBe('tuin')
    // The same stretch, drawn apart so both paths show.
    expect(first(a).x1 !== first(b).x1 || first(a).y1 !== first(b).y1).toBe(true)
  })

  it('shows a single group its own path only', () => {
    const map = routeMap(venues, split, { groups, groupId: 'zuid' })
    expect(map.paths.map((p) => p.legs.map((l) => `${l.from}-${l.to}`))).toEqual([
      ['tuin-plein', 'plein-stip'],
    ])
    expect(map.points.map((p) => p.id)).toEqual(['tuin', 'plein', 'stip'])
  })
})

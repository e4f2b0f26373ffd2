import { describe, expect, it } from 'vitest'
import { type ReleaseItem, type ReleaseSnapshot, snapshotFromRows, snapshotRows } from './release-snapshot'

const item = (n: number): ReleaseItem => ({
  id: `item-${n}`,
  title: `Onderdeel ${n} — één café`,
  kind: 'talk',
  start: 1_800_000_000_000 + n * 60_000,
  end: 1_800_000_000_000 + n * 60_000 + 30_000,
  venueId: null,
  venueName: null,
  groupIds: [],
  cancelled: false,
  description: 'x'.repeat(n % 7),
  legMode: 'walk',
  departurePlace: null,
  arrivalPlace: null,
  sequence: 0,
  speakers: [],
  talkIds: [],
})

const snapshot = (count: number): ReleaseSnapshot => ({
  visit: {
    id: 'v',
    slug: 'v',
    title: 'Bezoek',
    kind: 'other',
    description: '',
    meetingPoint: '',
    timeZone: 'Europe/Amsterdam',
    startDate: '2027-01-01',
    endDate: '2027-01-01',
    walkingSpeedKmh: 4.5,
  },
  venues: [],
  groups: [{ id: 'g', name: 'Groep' }],
  items: Array.from({ length: count }, (_, n) => item(n)),
})

describe('a snapshot stored in parts', () => {
  it('stays one row while it fits', () => {
    const s = snapshot(3)
    const { row, itemParts } = snapshotRows(s)
    expect(itemParts).toEqual([])
    expect(JSON.parse(row)).toEqual(s)
    expect(snapshotFromRows(row, [])).toEqual(s)
  })

  it('keeps visit, venues and groups in the row and the items in parts of at most the size given', () => {
    const s = snapshot(500)
    const { row, itemParts } = snapshotRows(s, 5_000)
    expect(itemParts.length).toBeGreaterThan(10)
    for (const part of itemParts) expect(part.length).toBeLessThanOrEqual(5_000)
    const head = JSON.parse(row) as ReleaseSnapshot
    expect(head.items).toEqual([])
    expect(head.groups).toEqual(s.groups)
    expect(head.itemParts).toBe(itemParts.length)
    expect(snapshotFromRows(row, itemParts)).toEqual(s)
  })

  it('refuses to put a snapshot together from missing parts', () => {
    const { row, itemParts } = snapshotRows(snapshot(500), 5_000)
    expect(() => snapshotFromRows(row, itemParts.slice(1))).toThrow(/item parts/)
  })
})

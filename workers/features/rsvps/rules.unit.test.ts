import fc from 'fast-check'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import type { ReleaseItem, SnapshotVenue } from '../../../shared/domain/release-snapshot'
import { csvCell, toCsv } from '../../../shared/exports/csv'
import {
  type DietaryOption,
  describeDietary,
  dietaryTotals,
  effectiveCapacity,
  needsAboveParty,
  parseDietary,
  parseIds,
  promotions,
} from './rules'
import { rsvpSchema, rsvpUpdateSchema } from './schemas'

const venue = (id: string, capacity: number | null): SnapshotVenue => ({
  id,
  name: id,
  kind: 'garden',
  address: '',
  lat: null,
  lng: null,
  capacity,
  stepFree: null,
  toilet: null,
  shelter: null,
  notes: '',
  rainVenueId: null,
})

const item = (id: string, venueId: string | null, groupIds: string[] = [], cancelled = false) =>
  ({ id, venueId, groupIds, cancelled }) as ReleaseItem

describe('effectiveCapacity', () => {
  const venues = [venue('tuin', 40), venue('buurthuis', 25), venue('plein', null), venue('bus', 12)]

  it('is null when nothing limits', () => {
    expect(effectiveCapacity(null, { venues: [], items: [] }, [])).toBeNull()
    expect(effectiveCapacity(null, { venues, items: [item('a', 'plein'), item('b', null)] }, [])).toBeNull()
  })

  it("takes the smallest of the visit's limit and the venues the guest goes to", () => {
    const items = [item('a', 'tuin'), item('b', 'buurthuis')]
    expect(effectiveCapacity(null, { venues, items }, [])).toBe(25)
    expect(effectiveCapacity(30, { venues, items }, [])).toBe(25)
    expect(effectiveCapacity(10, { venues, items }, [])).toBe(10)
  })

  it("counts a group's venue only for guests of that group, and ignores cancelled items", () => {
    const items = [item('a', 'tuin'), item('b', 'bus', ['groep-a']), item('c', 'buurthuis', [], true)]
    expect(effectiveCapacity(null, { venues, items }, [])).toBe(40)
    expect(effectiveCapacity(null, { venues, items }, ['groep-b'])).toBe(40)
    expect(effectiveCapacity(null, { venues, items }, ['groep-a'])).toBe(12)
  })

  it('ignores items at a venue the snapshot does not know', () => {
    expect(effectiveCapacity(50, { venues, items: [item('a', 'weg')] }, [])).toBe(50)
  })
})

describe('promotions', () => {
  const w = (id: string, partySize: number, capacity?: number | null) =>
    capacity === undefined ? { id, partySize } : { id, partySize, capacity }

  it('takes everyone when there is no limit', () => {
    expect(promotions([w('a', 5), w('b', 20)], 1000, null)).toEqual(['a', 'b'])
  })

  it('takes the waitlist in order while it fits', () => {
    expect(promotions([w('a', 2), w('b', 3), w('c', 1)], 4, 10)).toEqual(['a', 'b', 'c'])
    expect(promotions([w('a', 2), w('b', 3), w('c', 1)], 6, 10)).toEqual(['a'])
  })

  it('stops at the first that does not fit, so a smaller party behind never jumps the queue', () => {
    expect(promotions([w('big', 4), w('small', 1)], 8, 10)).toEqual([])
  })

  it("uses an entry's own capacity when it has one", () => {
    expect(promotions([w('a', 2, 5), w('b', 2, null)], 4, 100)).toEqual([])
    expect(promotions([w('a', 2, 6), w('b', 2, null)], 4, 0)).toEqual(['a', 'b'])
  })

  it('never takes more than fits, and always a prefix of the waitlist', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 20 }), { maxLength: 30 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 120 }),
        (sizes, confirmed, capacity) => {
          const list = sizes.map((s, i) => w(String(i), s))
          const got = promotions(list, confirmed, capacity)
          expect(got).toEqual(list.slice(0, got.length).map((e) => e.id))
          const added = list.slice(0, got.length).reduce((sum, e) => sum + e.partySize, 0)
          if (got.length > 0) expect(confirmed + added).toBeLessThanOrEqual(capacity)
          const next = list[got.length]
          if (next) expect(confirmed + added + next.partySize).toBeGreaterThan(capacity)
        },
      ),
    )
  })
})

describe('dietaryTotals', () => {
  it('adds up persons per need (not whole parties) and counts notes, never their text', () => {
    const totals = dietaryTotals([
      // A party of four with one vegetarian counts one, not four.
      { partySize: 4, dietary: { vegetarian: 1, nut_allergy: 2 }, dietaryNotes: 'geen koriander' },
      { partySize: 1, dietary: { vegetarian: 1 }, dietaryNotes: '  ' },
      { partySize: 2, dietary: {}, dietaryNotes: 'halal graag' },
      // Never more than the party: a party made smaller keeps no phantom vegans.
      { partySize: 2, dietary: { vegan: 5 }, dietaryNotes: '' },
    ])
    expect(totals.byOption).toEqual({
      vegetarian: 2,
      vegan: 2,
      halal: 0,
      kosher: 0,
      gluten_free: 0,
      lactose_free: 0,
      nut_allergy: 2,
    })
    expect(totals.notes).toBe(2)
    expect(JSON.stringify(totals)).not.toContain('koriander')
  })

  it('counts an entry that stands for several alike registrations as many times, capped per registration', () => {
    const grouped = dietaryTotals([
      { partySize: 2, dietary: { vegan: 5, halal: 1 }, dietaryNotes: '', registrations: 3 },
      { partySize: 1, dietary: { halal: 1 }, dietaryNotes: 'x', registrations: 2 },
    ])
    expect(grouped.byOption).toMatchObject({ vegan: 6, halal: 5 })
    expect(grouped.notes).toBe(2)
  })

  it('names the needs above the party, and describes a registration in words', () => {
    expect(needsAboveParty({ vegetarian: 3, vegan: 1 }, 2)).toEqual(['vegetarian'])
    expect(needsAboveParty({ vegetarian: 2 }, 2)).toEqual([])
    const labels = { vegetarian: 'Vegetarisch', vegan: 'Veganistisch' } as Record<DietaryOption, string>
    expect(describeDietary({ vegan: 2, vegetarian: 1 }, labels)).toEqual([
      'Vegetarisch: 1',
      'Veganistisch: 2',
    ])
  })
})

describe('stored lists', () => {
  it('read back only what is valid; a list of ticks from before persons were asked is one person each', () => {
    expect(parseDietary('{"vegan":2,"halal":0,"pizza":3,"kosher":1.5,"vegetarian":-1}')).toEqual({ vegan: 2 })
    expect(parseDietary('["vegan","pizza",3]')).toEqual({ vegan: 1 })
    expect(parseDietary('not json')).toEqual({})
    expect(parseDietary('null')).toEqual({})
    expect(parseIds('["a",1,"b"]')).toEqual(['a', 'b'])
    expect(parseIds('{}')).toEqual([])
  })
})

describe('rsvp schema', () => {
  const ok = { name: 'Anna', email: ' Anna@Example.NL ', partySize: 2 }

  it('fills in defaults and normalises the address', () => {
    expect(v.parse(rsvpSchema, ok)).toEqual({
      name: 'Anna',
      email: 'anna@example.nl',
      partySize: 2,
      dietary: {},
      dietaryNotes: '',
      accessNeeds: '',
      groupIds: [],
    })
  })

  it('refuses a party of 0 or 500, an odd option and a malformed address, with dictionary keys', () => {
    const messages = (input: unknown) =>
      v.safeParse(rsvpSchema, input).issues?.map((i) => [v.getDotPath(i), i.message]) ?? []
    expect(messages({ ...ok, partySize: 0 })).toEqual([['partySize', 'rsvp.validation.partySizeMin']])
    expect(messages({ ...ok, partySize: 500 })).toEqual([['partySize', 'rsvp.validation.partySizeMax']])
    expect(messages({ ...ok, partySize: 1.5 })).toEqual([['partySize', 'invalid']])
    expect(messages({ ...ok, email: 'anna@' })).toEqual([['email', 'email']])
    expect(messages({ ...ok, dietary: ['pizza'] })).toEqual([['dietary', 'invalid']])
    expect(messages({ ...ok, dietary: { vegan: -1 } })[0]?.[0]).toBe('dietary')
    expect(messages({ ...ok, dietary: { vegan: 3, halal: 2 } })).toEqual([
      ['dietary.vegan', 'rsvp.validation.dietaryAboveParty:2'],
    ])
    // Ticks: exact for a party of one, a question for a larger party.
    expect(messages({ ...ok, dietary: ['vegan'] })).toEqual([['dietary', 'rsvp.validation.dietaryHowMany']])
    expect(v.parse(rsvpSchema, { ...ok, partySize: 1, dietary: ['vegan', 'vegan'] }).dietary).toEqual({
      vegan: 1,
    })
    expect(v.parse(rsvpSchema, { ...ok, dietary: { vegan: 2, halal: 0 } }).dietary).toEqual({ vegan: 2 })
    expect(messages({ ...ok, status: 'confirmed' })[0]?.[0]).toBe('status')
  })

  it('takes a partial change with its version', () => {
    expect(v.parse(rsvpUpdateSchema, { version: 3, partySize: 4 })).toEqual({ version: 3, partySize: 4 })
    expect(v.safeParse(rsvpUpdateSchema, { partySize: 4 }).success).toBe(false)
  })
})

describe('CSV', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvCell('Anna')).toBe('Anna')
    expect(csvCell('de Vries, Anna')).toBe('"de Vries, Anna"')
    expect(csvCell('zegt "hoi"')).toBe('"zegt ""hoi"""')
    expect(csvCell('regel 1\nregel 2')).toBe('"regel 1\nregel 2"')
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`)
    for (const start of ['+', '-', '@', '\t']) expect(csvCell(`${start}1`)).toBe(`'${start}1`)
    expect(csvCell(-3)).toBe('-3')
    expect(csvCell(null)).toBe('')
    expect(csvCell(true)).toBe('true')
  })

  it('writes a BOM, a header row and CRLF lines', () => {
    expect(toCsv(['naam', 'aantal'], [['Zoë', 2]])).toBe('\uFEFFnaam,aantal\r\nZoë,2\r\n')
  })
})

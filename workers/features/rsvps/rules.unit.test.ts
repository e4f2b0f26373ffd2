import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { csvCell, toCsv } from '../../../shared/exports/csv'
import {
  type DietaryOption,
  describeDietary,
  dietaryTotals,
  needsAboveParty,
  parseDietary,
  parseIds,
} from './rules'
import { rsvpSchema, rsvpUpdateSchema } from './schemas'

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

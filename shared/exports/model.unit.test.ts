import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { itemGuid, kindLabel, positiveIds, speakerGuid, venueGuid } from './model'
import { dnsNamespace, positiveIdOf, sha1, urlNamespace, uuidV5 } from './uuid'

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('sha1', () => {
  it('agrees with node:crypto around the padding boundaries and for multi-byte text', () => {
    for (const text of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'é😀'.repeat(100)]) {
      const ours = Buffer.from(sha1(new TextEncoder().encode(text))).toString('hex')
      expect(ours).toBe(createHash('sha1').update(text).digest('hex'))
    }
  })

  it('agrees with node:crypto for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const ours = Buffer.from(sha1(new TextEncoder().encode(text))).toString('hex')
        return ours === createHash('sha1').update(text).digest('hex')
      }),
      { numRuns: 50 },
    )
    // Generous: fast-check's binary strings are slow to make on a busy machine, and a timeout is no finding.
  }, 30_000)
})

describe('uuidV5', () => {
  it('gives the published version 5 UUIDs (Python uuid.uuid5)', () => {
    expect(uuidV5(dnsNamespace, 'python.org')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d')
    expect(uuidV5(urlNamespace, 'https://www.example.com/')).toBe('3d3ed9d2-aa3d-5fa6-90e8-ed662e90f559')
  })
})

describe('itemGuid', () => {
  it('is a version 5 UUID that never changes for the same visit and item', () => {
    const guid = itemGuid('visit-vreewijk', 'item-summer')
    expect(guid).toMatch(uuidPattern)
    expect(itemGuid('visit-vreewijk', 'item-summer')).toBe(guid)
    // Pinned: calendars and apps recognise items by this value across deploys, so it must never drift.
    expect(guid).toBe('e51fc12d-1786-5aa4-856f-cb282d7576ac')
  })

  it('differs between items, visits, venues and speakers', () => {
    const guids = [
      itemGuid('v1', 'a'),
      itemGuid('v1', 'b'),
      itemGuid('v2', 'a'),
      venueGuid('v1', 'a'),
      venueGuid('v1', null),
      speakerGuid('a'),
    ]
    for (const guid of guids) expect(guid).toMatch(uuidPattern)
    expect(new Set(guids).size).toBe(guids.length)
  })
})

describe('positiveIds', () => {
  it('gives every key its own whole number from 1 to 2^31 - 1, the same for the same keys', () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `visit/v/item/${i}`)
    const ids = positiveIds(keys)
    const values = [...ids.values()]
    expect(ids.size).toBe(2000)
    expect(new Set(values).size).toBe(2000)
    for (const id of values) {
      expect(Number.isInteger(id)).toBe(true)
      expect(id).toBeGreaterThanOrEqual(1)
      expect(id).toBeLessThanOrEqual(0x7fffffff)
    }
    expect(positiveIds([...keys].reverse())).toEqual(ids)
    expect(ids.get('visit/v/item/7')).toBe(positiveIdOf('visit/v/item/7'))
  })
})

describe('kindLabel', () => {
  it('names known kinds in the language asked for and passes unknown kinds through', () => {
    expect(kindLabel('talk', 'nl')).toBe('Voordracht')
    expect(kindLabel('talk', 'en')).toBe('Talk')
    expect(kindLabel('karaoke', 'nl')).toBe('karaoke')
  })
})

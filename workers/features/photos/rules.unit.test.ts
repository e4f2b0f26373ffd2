import { describe, expect, it } from 'vitest'
import { makeJpeg } from '../../dev/demo-photos'
import { imageDimensions, looksLikeHeic, metadataBlocks } from '../../platform/files/image-facts'
import {
  isPublic,
  MiB,
  partCount,
  partLength,
  partVerdict,
  roomLeft,
  takenAtFromExif,
  zipEntryNames,
} from './rules'
import { readOriginalHead } from './variants'

describe('photo rules', () => {
  it('cut a file into equal parts of 8 MiB and a last one', () => {
    expect(partCount(1)).toBe(1)
    expect(partCount(8 * MiB)).toBe(1)
    expect(partCount(20 * MiB)).toBe(3)
    expect([1, 2, 3].map((n) => partLength(20 * MiB, n))).toEqual([8 * MiB, 8 * MiB, 4 * MiB])
    expect(partLength(20 * MiB, 4)).toBe(0)
  })

  it('take parts in order, once, one at a time', () => {
    const now = 1_000_000
    const done = (n: number) => ({ partNumber: n, done: true, claimedAt: 0 })
    expect(partVerdict(1, 3, [], now)).toBeNull()
    expect(partVerdict(2, 3, [], now)).toBe('part_out_of_order')
    expect(partVerdict(1, 3, [done(1)], now)).toBe('part_repeated')
    expect(partVerdict(2, 3, [done(1)], now)).toBeNull()
    expect(partVerdict(4, 3, [], now)).toBe('part_unknown')
    expect(partVerdict(0, 3, [], now)).toBe('part_unknown')
    expect(partVerdict(2, 3, [done(1), { partNumber: 2, done: false, claimedAt: now - 1000 }], now)).toBe(
      'part_in_flight',
    )
    // A claim from a request cut off long ago is free again.
    expect(
      partVerdict(2, 3, [done(1), { partNumber: 2, done: false, claimedAt: now - 3600_000 }], now),
    ).toBeNull()
    expect(roomLeft(100, 30, 50)).toBe(20)
    expect(roomLeft(100, 80, 50)).toBe(0)
  })

  it('show a photo only when approved with consent settled', () => {
    expect(isPublic({ approved: true, consent: 'none' })).toBe(true)
    expect(isPublic({ approved: true, consent: 'given' })).toBe(true)
    expect(isPublic({ approved: true, consent: 'asked' })).toBe(false)
    expect(isPublic({ approved: false, consent: 'given' })).toBe(false)
  })

  it("read EXIF's camera clock in the visit's zone, or with the offset the camera wrote", () => {
    expect(takenAtFromExif('2017:09:19 15:42:07', undefined, 'Europe/Amsterdam')?.toISOString()).toBe(
      '2017-09-19T13:42:07.000Z',
    )
    expect(takenAtFromExif('2017:09:19 15:42:07', '+01:00', 'Europe/Amsterdam')?.toISOString()).toBe(
      '2017-09-19T14:42:07.000Z',
    )
    expect(takenAtFromExif('0000:00:00 00:00:00', undefined, 'Europe/Amsterdam')).toBeNull()
    expect(takenAtFromExif(42, undefined, 'Europe/Amsterdam')).toBeNull()
  })

  it('name the ZIP entries in order, with the caption', () => {
    expect(zipEntryNames([{ caption: 'Wethouder in de tuin!' }, { caption: '' }])).toEqual([
      '01-wethouder-in-de-tuin.webp',
      '02.webp',
    ])
  })
})

describe('image facts by structure', () => {
  it('find EXIF in a phone JPEG, and its size and taken-at', async () => {
    const jpeg = makeJpeg({
      width: 64,
      height: 48,
      exif: { gps: { latitude: 52, longitude: 4 }, takenAt: '2017:09:22 10:05:00' },
    })
    expect(metadataBlocks(jpeg, 'image/jpeg')).toEqual(['exif'])
    expect(imageDimensions(jpeg, 'image/jpeg')).toEqual({ width: 64, height: 48 })
    const head = await readOriginalHead(jpeg, 'image/jpeg', 'Europe/Amsterdam')
    expect(head.takenAt?.toISOString()).toBe('2017-09-22T08:05:00.000Z')
    expect(metadataBlocks(makeJpeg({ width: 16, height: 16 }), 'image/jpeg')).toEqual([])
  })

  it('find EXIF and XMP chunks in a WebP, also when only the header announces them', () => {
    const chunk = (type: string, data: number[]) => [
      ...new TextEncoder().encode(type),
      data.length,
      0,
      0,
      0,
      ...data,
      ...(data.length % 2 ? [0] : []),
    ]
    const webp = (...chunks: number[][]) => {
      const body = [...new TextEncoder().encode('WEBP'), ...chunks.flat()]
      return new Uint8Array([
        ...new TextEncoder().encode('RIFF'),
        body.length & 255,
        body.length >> 8,
        0,
        0,
        ...body,
      ])
    }
    const vp8x = (flags: number) => chunk('VP8X', [flags, 0, 0, 0, 99, 0, 0, 49, 0, 0])
    expect(metadataBlocks(webp(vp8x(0)), 'image/webp')).toEqual([])
    expect(imageDimensions(webp(vp8x(0)), 'image/webp')).toEqual({ width: 100, height: 50 })
    expect(metadataBlocks(webp(vp8x(0b1000), chunk('EXIF', [0x49, 0x49, 0x2a, 0])), 'image/webp')).toEqual([
      'exif',
    ])
    expect(metadataBlocks(webp(vp8x(0b0100)), 'image/webp')).toEqual(['xmp'])
    expect(metadataBlocks(webp(vp8x(0), chunk('XMP ', [60])), 'image/webp')).toEqual(['xmp'])
  })

  it("know an iPhone's HEIC by its ftyp box", () => {
    const heic = new Uint8Array([
      0,
      0,
      0,
      0x18,
      ...new TextEncoder().encode('ftypheic'),
      0,
      0,
      0,
      0,
      ...new TextEncoder().encode('mif1heic'),
    ])
    expect(looksLikeHeic(heic)).toBe(true)
    expect(looksLikeHeic(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0, 0, 0, 0, 0]))).toBe(false)
  })
})

describe('public variants are checked on the server, whatever made them', () => {
  it('refuses a variant that kept EXIF (as a binding that passed metadata through would make)', async () => {
    const { checkPublicVariant } = await import('./variants')
    const withExif = new Uint8Array([
      ...new TextEncoder().encode('RIFF'),
      34,
      0,
      0,
      0,
      ...new TextEncoder().encode('WEBPVP8X'),
      10,
      0,
      0,
      0,
      0b1000,
      0,
      0,
      0,
      99,
      0,
      0,
      49,
      0,
      0,
      ...new TextEncoder().encode('EXIF'),
      4,
      0,
      0,
      0,
      0x49,
      0x49,
      0x2a,
      0,
    ])
    expect(() => checkPublicVariant(withExif)).toThrow(/location-safe/)
    expect(() => checkPublicVariant(makeJpeg({ width: 16, height: 16 }))).toThrow(/location-safe/)
  })
})

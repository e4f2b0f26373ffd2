import { describe, expect, it } from 'vitest'
import { asciiJson } from './ascii-json'

describe('asciiJson', () => {
  it('writes every character past ASCII as an escape, and reads back as the same value', () => {
    const value = {
      kind: 'walk_too_long',
      text: 'De wandeling van ‘Plek 5’ – 4 min ⚠ café, 𝄞 "quoted" \\ back\nslash',
      ids: ['a', 'b'],
      n: 1.5,
      none: null,
    }
    const json = asciiJson(value)
    expect(/[\u0080-\uffff]/.test(json)).toBe(false)
    expect(json).toContain('\\u2018Plek 5\\u2019 \\u2013')
    expect(json).toContain('caf\\u00e9')
    // A character outside the BMP as its two surrogates.
    expect(json).toContain('\\ud834\\udd1e')
    expect(JSON.parse(json)).toEqual(value)
  })

  it('is JSON.stringify itself for a value in ASCII', () => {
    const value = ['plain', { a: 1, b: 'x"y' }]
    expect(asciiJson(value)).toBe(JSON.stringify(value))
  })
})

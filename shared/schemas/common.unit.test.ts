import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { nextPathSchema } from './common'

const next = (path: string) => {
  const result = v.safeParse(nextPathSchema, path)
  return result.success ? result.output : null
}

describe('nextPathSchema (where sign-in returns to)', () => {
  it('keeps local paths, encoded as a Location header can carry them', () => {
    expect(next('/teams')).toBe('/teams')
    expect(next('/v/café?x=1#a')).toBe('/v/caf%C3%A9?x=1#a')
    expect(next('/v/✓')).toBe('/v/%E2%9C%93')
  })

  it('refuses control and format characters (they made a 500 or a broken Location)', () => {
    for (const bad of ['/a\x00b', '/a\x01', '/a\x7f', '/a\u202egnp.exe', '/a\u200b', '/a\tb', '/a b']) {
      expect(next(bad), JSON.stringify(bad)).toBeNull()
    }
  })

  it('refuses other sites, also when dot segments would make one', () => {
    for (const bad of [
      '//evil.com',
      '/\\evil.com',
      'https://evil.com',
      'evil',
      '/.//evil.com',
      '/a/../..//evil',
    ]) {
      expect(next(bad), bad).toBeNull()
    }
  })
})

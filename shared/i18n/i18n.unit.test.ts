import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { codeToStatus, errorCodes } from '../errors'
import { itemKindsIn, languages, loadMessages, localeOf, toLang } from './'
import { en } from './en'
import { formatLocalDate, formatLongDate, formatTime } from './format'
import { nl } from './nl'

/** All leaf paths of a dictionary, to compare the two languages. */
function leaves(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
  }
  return [prefix]
}

describe('dictionaries', () => {
  it('have the same keys in Dutch and English, and no empty texts', () => {
    expect(leaves(en).sort()).toEqual(leaves(nl).sort())
    for (const dict of [nl, en]) {
      for (const path of leaves(dict)) {
        const value = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], dict)
        if (typeof value === 'string') expect(value.trim(), path).not.toBe('')
      }
    }
  })

  it('explain every error code in both languages', () => {
    for (const code of errorCodes) {
      expect(nl.errors.byCode[code]).toBeTruthy()
      expect(en.errors.byCode[code]).toBeTruthy()
      expect(codeToStatus(code)).toBeGreaterThanOrEqual(400)
    }
  })

  it('fall back to Dutch', async () => {
    expect(toLang('fr')).toBe('nl')
    expect(toLang('en')).toBe('en')
    expect(await loadMessages(undefined)).toBe(nl)
    expect(await loadMessages('fr')).toBe(nl)
    expect(await loadMessages('en')).toBe(en)
  })

  it('are loaded once per isolate, and the same dictionary every time', async () => {
    const [first, again] = await Promise.all([loadMessages('en'), loadMessages('en')])
    expect(first).toBe(again)
    expect(await loadMessages('en')).toBe(first)
  })

  it('give the locale and the item kinds that the dictionary of each language has, without loading it', async () => {
    for (const lang of languages) {
      const t = await loadMessages(lang)
      expect(t.lang).toBe(lang)
      expect(localeOf(lang)).toBe(t.locale)
      expect(itemKindsIn(lang)).toBe(t.itemKinds)
    }
  })
})

describe('formatting in the visit zone', () => {
  it('shows Amsterdam summer and winter time, whatever the server zone', () => {
    expect(formatTime(Date.UTC(2017, 8, 19, 13, 30), 'Europe/Amsterdam', 'nl-NL')).toBe('15:30')
    expect(formatTime(Date.UTC(2026, 11, 1, 13, 30), 'Europe/Amsterdam', 'nl-NL')).toBe('14:30')
    // Just after midnight local time is still the previous day in UTC.
    expect(formatTime(Date.UTC(2026, 5, 30, 22, 5), 'Europe/Amsterdam', 'en-GB')).toBe('00:05')
  })

  it('writes long dates as Intl does, also when asked again for the same day', () => {
    const zones = ['Europe/Amsterdam', 'America/New_York', 'Pacific/Auckland', 'UTC']
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom(...zones),
        fc.constantFrom('nl-NL', 'en-GB'),
        (ms, zone, locale) => {
          const intl = new Intl.DateTimeFormat(locale, {
            timeZone: zone,
            weekday: 'long',
            day: 'numeric',
            month: 'long',
            year: 'numeric',
          })
          expect(formatLongDate(ms, zone, locale)).toBe(intl.format(ms))
          expect(formatLongDate(new Date(ms + 60_000), zone, locale)).toBe(intl.format(ms + 60_000))
        },
      ),
    )
  })

  it('writes times as Intl does in both interface languages', () => {
    const zones = ['Europe/Amsterdam', 'Europe/London', 'America/New_York', 'Asia/Kolkata', 'UTC']
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom(...zones),
        fc.constantFrom('nl-NL', 'en-GB'),
        (ms, zone, locale) => {
          const intl = new Intl.DateTimeFormat(locale, {
            timeZone: zone,
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
          })
          expect(formatTime(ms, zone, locale)).toBe(intl.format(ms))
        },
      ),
    )
  })

  it('writes a local date out in Dutch and English', () => {
    expect(formatLocalDate('2017-09-19', 'nl-NL')).toBe('dinsdag 19 september 2017')
    expect(formatLocalDate('2017-09-22', 'en-GB')).toBe('Friday, 22 September 2017')
  })
})

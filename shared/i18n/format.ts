import { dateTimeFormat } from '../domain/intl'
import { utcToZoned } from '../domain/time'

/** Date and time formatting for people, always in the visit's own time zone (never the server's). */

/**
 * '14:05' in the given zone. Both interface languages (nl-NL, en-GB) write times as 24-hour HH:MM, so the
 * wall-clock time is used as it is: utcToZoned keeps its answers, and a programme page shows hundreds.
 */
export function formatTime(at: Date | number, timeZone: string, _locale: string): string {
  return utcToZoned(typeof at === 'number' ? at : at.getTime(), timeZone).time
}

/**
 * 'dinsdag 19 september 2017' in the given zone. A list of registrations or releases names the same days
 * over and over: each day's words are looked up in Intl once and kept (bounded).
 */
export function formatLongDate(at: Date | number, timeZone: string, locale: string): string {
  const ms = typeof at === 'number' ? at : at.getTime()
  const key = `${locale} ${timeZone} ${utcToZoned(ms, timeZone).date}`
  let words = longDates.get(key)
  if (words === undefined) {
    words = dateTimeFormat(locale, {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(ms)
    if (longDates.size >= 5_000) longDates.clear()
    longDates.set(key, words)
  }
  return words
}
const longDates = new Map<string, string>()

/** A local calendar date 'YYYY-MM-DD' written out for people; the date is a day, not an instant. */
export function formatLocalDate(date: string, locale: string): string {
  const [y, m, d] = date.split('-').map(Number)
  // Noon UTC of that day: the weekday and date are the same in every zone of Europe.
  return formatLongDate(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12), 'UTC', locale)
}

/** Machine-readable instant (UTC), for <time datetime>; a programme page writes hundreds, mostly the same. */
export function isoInstant(at: Date | number): string {
  const ms = typeof at === 'number' ? at : at.getTime()
  let iso = isoWritten.get(ms)
  if (iso === undefined) {
    iso = new Date(ms).toISOString()
    if (isoWritten.size >= 20_000) isoWritten.clear()
    isoWritten.set(ms, iso)
  }
  return iso
}
const isoWritten = new Map<number, string>()

import * as v from 'valibot'
import { canonicalTimeZone, isValidTimeZone, parseLocalDate } from '../domain/time'

/**
 * Messages in these schemas are keys of the `validation` dictionary (shared/i18n), so the same schema gives
 * Dutch or English errors on forms and in the API.
 */
export const msg = {
  required: 'required',
  invalid: 'invalid',
  email: 'email',
  notAllowed: 'notAllowed',
  tooLong: (max: number) => `tooLong:${max}`,
  tooShort: (min: number) => `tooShort:${min}`,
  /** A message key of its own, for a domain rule (e.g. `endBeforeStart`). */
  key: (name: string) => name,
} as const

/** An e-mail address as people type it: trimmed and lower-cased. */
export const emailSchema = v.pipe(
  v.string(msg.required),
  v.trim(),
  v.toLowerCase(),
  v.nonEmpty(msg.required),
  v.maxLength(254, msg.tooLong(254)),
  v.email(msg.email),
)

/** A required single line of text. */
export const lineSchema = (max: number) =>
  v.pipe(v.string(msg.required), v.trim(), v.nonEmpty(msg.required), v.maxLength(max, msg.tooLong(max)))

/**
 * A local path to return to after signing in: same site only, never `//host` or a full URL, no control or
 * format characters (a NUL or a right-to-left override), and percent-encoded as a Location header needs it.
 */
export const nextPathSchema = v.optional(
  v.pipe(
    v.string(),
    v.maxLength(500, msg.tooLong(500)),
    v.regex(/^\/(?![/\\])[^\s\p{Cc}\p{Cf}]*$/u, msg.invalid),
    // The URL parser resolves dot segments and encodes what a header cannot carry; what it makes must still
    // be a path on this site (`/.//host` would become `//host`).
    v.transform((path) => {
      const url = new URL(path, 'http://local.invalid')
      return `${url.pathname}${url.search}${url.hash}`
    }),
    v.check((path) => path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\'), msg.invalid),
  ),
)

/** An id made by us (a UUID), in a path or a body. */
export const idSchema = v.pipe(v.string(msg.required), v.regex(/^[A-Za-z0-9-]{1,64}$/, msg.invalid))

/** Optional free text: trimmed, at most `max` characters. */
export const textSchema = (max: number) =>
  v.pipe(v.string(msg.invalid), v.trim(), v.maxLength(max, msg.tooLong(max)))

/** A whole number from 0 to `max`. */
export const countSchema = (max: number) =>
  v.pipe(
    v.number(msg.invalid),
    v.integer(msg.invalid),
    v.minValue(0, msg.invalid),
    v.maxValue(max, msg.invalid),
  )

/** The version a change was based on: a stale one answers 409. */
export const versionSchema = v.pipe(
  v.number(msg.required),
  v.integer(msg.invalid),
  v.minValue(1, msg.invalid),
)

/** 'YYYY-MM-DD' that is a real calendar date. */
export const localDateSchema = v.pipe(
  v.string(msg.required),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, msg.key('date')),
  v.check((d) => {
    try {
      parseLocalDate(d)
      return true
    } catch {
      return false
    }
  }, msg.key('date')),
)

/** 'HH:MM', 24-hour clock. */
export const localTimeSchema = v.pipe(
  v.string(msg.required),
  v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, msg.key('time')),
)

/** An IANA time zone the runtime knows, stored in its own spelling ('europe/amsterdam' → 'Europe/Amsterdam'). */
export const timeZoneSchema = v.pipe(
  v.string(msg.required),
  v.trim(),
  v.check(isValidTimeZone, msg.key('timeZone')),
  v.transform((name) => canonicalTimeZone(name) ?? name),
)

/**
 * A URL slug: lower-case words joined by hyphens, 3 to 80 characters; a visit's is stable once published.
 * As it stands in a path; a form trims and lower-cases what people type before checking it.
 */
export const slugSchema = v.pipe(
  v.string(msg.required),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, msg.key('slug')),
  v.minLength(3, msg.tooShort(3)),
  v.maxLength(80, msg.tooLong(80)),
)

import * as v from 'valibot'

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

/** A UUID made by us, in a path parameter. */
export const idSchema = v.pipe(v.string(), v.maxLength(64), v.regex(/^[A-Za-z0-9-]+$/))

/**
 * Intl.DateTimeFormat objects are expensive to make (tens of microseconds each) and a programme page formats
 * thousands of times; one per locale and options is kept and reused. They are immutable, so sharing them is
 * safe; the cache only grows with the few zones and locales in use.
 */
const formats = new Map<string, Intl.DateTimeFormat>()

/** A shared Intl.DateTimeFormat for these locale and options. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options)
    formats.set(key, format)
  }
  return format
}

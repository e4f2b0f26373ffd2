import type { RawForm } from './validation'

/** Turning form strings into the shapes the shared schemas expect, so forms and the API share one schema. */

const one = (value: RawForm[string] | undefined): string | undefined => {
  const v = Array.isArray(value) ? value[0] : value
  return typeof v === 'string' ? v : undefined
}

/** A text field; absent stays absent (the schema's default applies). */
export const text = (form: RawForm, name: string) => one(form[name])

/** A text field whose empty value means "not given". */
export const optionalText = (form: RawForm, name: string) => {
  const v = one(form[name])?.trim()
  return v ? v : undefined
}

/** A number field: empty → null; '1,5' (Dutch decimal comma) → 1.5; not a number → NaN (the schema refuses it). */
export const numberOrNull = (form: RawForm, name: string): number | null | undefined => {
  const v = one(form[name])
  if (v === undefined) return undefined
  const trimmed = v.trim().replace(',', '.')
  return trimmed === '' ? null : Number(trimmed)
}

/** A required number field: empty → undefined, so the schema says "required". */
export const requiredNumber = (form: RawForm, name: string): number | undefined => {
  const n = numberOrNull(form, name)
  return n === null ? undefined : n
}

/** A checkbox: present → true, absent → false. */
export const checkbox = (form: RawForm, name: string) => one(form[name]) !== undefined

/** A yes/no/unknown select: 'yes' → true, 'no' → false, '' → null. */
export const yesNo = (form: RawForm, name: string): boolean | null | undefined => {
  const v = one(form[name])
  if (v === undefined) return undefined
  return v === 'yes' ? true : v === 'no' ? false : null
}

/** A select whose empty option means null. */
export const idOrNull = (form: RawForm, name: string): string | null | undefined => {
  const v = one(form[name])
  if (v === undefined) return undefined
  return v === '' ? null : v
}

/** All values of a repeated field (checkbox groups). */
export const list = (form: RawForm, name: string): string[] => {
  const v = form[name] ?? form[`${name}[]`]
  if (v === undefined) return []
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && x !== '')
}

/** Drops undefined values, so optional fields fall back to their schema defaults. */
export const defined = <T extends Record<string, unknown>>(obj: T) =>
  Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>

import {
  defined,
  list,
  numberOrNull,
  optionalText,
  requiredNumber,
  text,
} from '../../platform/http/form-values'
import type { RawForm } from '../../platform/http/validation'

// --- reading forms into the shared schemas' shapes -----------------------------------------------------------

/** A checkbox drawn by form.tsx's Checkbox: a hidden `no` and the box's `yes`; absent when not in the form. */
export const yesOrNo = (form: RawForm, name: string) => {
  const values = list(form, name)
  return values.length === 0 ? undefined : values.includes('yes')
}

/**
 * Euros as people type them ('1500', '1.250,50', '1,250.50', '€ 50.000') → cents; empty → null; anything
 * else → NaN, which the schema refuses.
 */
export const euroCents = (form: RawForm, name: string): number | null | undefined => {
  const raw = text(form, name)
  if (raw === undefined) return undefined
  let s = raw.replace(/[€\s]/g, '')
  if (s === '') return null
  const comma = s.lastIndexOf(',')
  const dot = s.lastIndexOf('.')
  // The last separator is the decimal one; a lone dot before three digits groups thousands, as in Dutch.
  if (comma > dot) s = s.replace(/\./g, '').replace(',', '.')
  else if (comma >= 0) s = s.replace(/,/g, '')
  else if (/^\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, '')
  const euros = Number(s)
  return Number.isFinite(euros) && s !== '' ? Math.round(euros * 100) : Number.NaN
}

export const visitForm = (form: RawForm) =>
  defined({
    kind: text(form, 'kind'),
    title: text(form, 'title'),
    slug: optionalText(form, 'slug'),
    startDate: text(form, 'startDate'),
    endDate: text(form, 'endDate'),
    timeZone: optionalText(form, 'timeZone'),
    description: text(form, 'description'),
    meetingPoint: text(form, 'meetingPoint'),
    expectedGuests: numberOrNull(form, 'expectedGuests'),
    budgetCents: euroCents(form, 'budgetCents'),
    walkingSpeedKmh: requiredNumber(form, 'walkingSpeedKmh'),
    listed: yesOrNo(form, 'listed'),
  })

export const withVersion = (form: RawForm) => ({ version: requiredNumber(form, 'version') })

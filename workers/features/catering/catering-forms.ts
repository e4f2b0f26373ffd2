import type { FieldError } from '../../../shared/errors'
import type { Messages } from '../../../shared/i18n'
import { defined, idOrNull, numberOrNull, requiredNumber, text } from '../../platform/http/form-values'
import type { RawForm } from '../../platform/http/validation'
import { euroCents, withVersion } from '../visits/visit-form'

/** Reading the catering forms into the shapes of the schemas the API uses too. */

/** A deadline's two fields: both empty is no deadline; one of them alone fails the schema (date or time). */
function deadlineFrom(form: RawForm) {
  const date = text(form, 'deadlineDate')?.trim()
  const time = text(form, 'deadlineTime')?.trim()
  if (date === undefined && time === undefined) return undefined
  if (!date && !time) return null
  return { date: date ?? '', time: time ?? '' }
}

/** An order form (new or edit). */
export const orderFromForm = (form: RawForm) =>
  defined({
    kind: text(form, 'kind'),
    description: text(form, 'description'),
    itemId: text(form, 'itemId'),
    providerId: idOrNull(form, 'providerId'),
    rule: text(form, 'rule'),
    amount: requiredNumber(form, 'amount'),
    unit: text(form, 'unit'),
    unitCostCents: euroCents(form, 'unitCost') ?? undefined,
    extraPersons: numberOrNull(form, 'extraPersons') ?? undefined,
    deadline: deadlineFrom(form),
    reminderHours: numberOrNull(form, 'reminderHours') ?? undefined,
    notes: text(form, 'notes'),
  })

/**
 * Errors of the schema's fields pointed at the form's fields: the deadline's date and time, and the price
 * typed in euros (a price that is not an amount says so, not "required").
 */
export function orderFormErrors(errors: readonly FieldError[], t: Messages): FieldError[] {
  return errors.map((e) => {
    if (e.field === 'deadline.date') return { ...e, field: 'deadlineDate' }
    if (e.field === 'deadline.time') return { ...e, field: 'deadlineTime' }
    if (e.field === 'unitCostCents')
      return {
        field: 'unitCost',
        message: e.message === t.validation.required ? t.catering.validation.euros : e.message,
      }
    return e
  })
}

/** A provider form; `kind` only when adding one. */
export const providerFromForm = (form: RawForm) =>
  defined({
    kind: text(form, 'kind'),
    personId: idOrNull(form, 'personId'),
    name: text(form, 'name'),
    contactName: text(form, 'contactName'),
    email: text(form, 'email'),
    contactPhone: text(form, 'contactPhone'),
    address: text(form, 'address'),
    notes: text(form, 'notes'),
    lang: text(form, 'lang'),
  })

/** A new contribution. */
export const contributionFromForm = (form: RawForm) =>
  defined({
    description: text(form, 'description'),
    quantity: numberOrNull(form, 'quantity'),
    providerId: idOrNull(form, 'providerId'),
  })

/** A change to a contribution: who brings it, done or not. */
export const contributionChangeFromForm = (form: RawForm) =>
  defined({
    providerId: idOrNull(form, 'providerId'),
    done: text(form, 'done') === undefined ? undefined : text(form, 'done') === 'yes',
    ...withVersion(form),
  })

/** The team-present form: one select per member (`absent`, '' for the whole company, or a group). */
export function teamFromForm(form: RawForm) {
  const members: { personId: string; groupId: string | null }[] = []
  for (let i = 0; i < 500; i++) {
    const personId = text(form, `members.${i}.personId`)
    if (personId === undefined) break
    const choice = text(form, `members.${i}.groupId`) ?? 'absent'
    if (choice !== 'absent') members.push({ personId, groupId: choice === '' ? null : choice })
  }
  return { members }
}

/** A provider's answer: which button, the note, the version. */
export const answerFromForm = (form: RawForm) =>
  defined({ answer: text(form, 'answer'), note: text(form, 'note'), ...withVersion(form) })

/** A volunteer's action on a contribution: which button, the version. */
export const actionFromForm = (form: RawForm) =>
  defined({ action: text(form, 'action'), ...withVersion(form) })

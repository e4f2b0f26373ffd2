import type { FieldError } from '../../../shared/errors'
import type { Messages } from '../../../shared/i18n'

/** What a form page gets back after a failed submit: the values as typed and the errors per field. */
export type FormState = { values?: Record<string, unknown>; errors?: FieldError[] }

const submittedValue = (state: FormState | undefined, name: string) => {
  const v = state?.values?.[name]
  return typeof v === 'string' ? v : undefined
}
const errorOf = (state: FormState | undefined, name: string) =>
  state?.errors?.find((e) => e.field === name)?.message

/** The ids a control is described by: its hint and its error, when there are any. */
const describedBy = (id: string, hint: string | undefined, error: string | undefined) =>
  [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined

/** The hint under a label, referred to by the control's aria-describedby. */
function Hint({ id, hint }: { id: string; hint?: string | undefined }) {
  return hint ? (
    <p class="muted" id={`${id}-hint`}>
      {hint}
    </p>
  ) : null
}

/** The error at a field, referred to by the control's aria-describedby. */
function ErrorText({ id, error }: { id: string; error?: string | undefined }) {
  return error ? (
    <p class="field-error" id={`${id}-error`}>
      {error}
    </p>
  ) : null
}

/**
 * A summary line names its field ("Eindtijd: ligt vóór het begin"), so three "required" lines still say which
 * field each is about; fields the dictionary does not name keep the message alone.
 */
function namedMessage(t: Messages, field: string, message: string): string {
  const base = field.replace(/\.\d+$/, '').replace(/^.*\./, '')
  const label = (t.organiser.fieldLabels as Record<string, string | undefined>)[base]
  return label && !message.startsWith(label) ? `${label}: ${lowerFirst(message)}` : message
}

/** "Dit veld is verplicht." reads as "Eindtijd: dit veld is verplicht." after a label. */
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s)

/**
 * The list of problems at the top of a form, linking to each field (GOV.UK pattern). A page with several
 * forms gives each its own `idPrefix`, the same its fields' ids start with.
 */
export function ErrorSummary({
  t,
  state,
  idPrefix = 'field',
}: {
  t: Messages
  state?: FormState | undefined
  idPrefix?: string
}) {
  if (!state?.errors?.length) return null
  return (
    // Focused on load (autofocus), which also scrolls the failed form into view on a long page.
    <div
      class="error-summary"
      role="alert"
      aria-labelledby={`${idPrefix}-error-summary-title`}
      tabindex={-1}
      autofocus
    >
      <h2 id={`${idPrefix}-error-summary-title`}>{t.errors.formHasErrors}</h2>
      <ul>
        {state.errors.map((e) => (
          <li>
            {/* `groupIds.1` points at its checkbox group, whose fieldset carries the id. */}
            <a href={`#${idPrefix}-${e.field.replace(/\.\d+$/, '')}`}>
              {namedMessage(t, e.field, e.message)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}

type FieldProps = {
  name: string
  /** When one page has several forms with the same field names; defaults to `field-{name}`. */
  id?: string | undefined
  label: string
  state?: FormState | undefined
  type?: 'text' | 'email' | 'number' | 'date' | 'time' | 'url' | 'tel'
  value?: string | undefined
  hint?: string | undefined
  required?: boolean
  autocomplete?: string
  inputmode?: 'text' | 'decimal' | 'numeric' | 'email' | 'tel' | 'url'
  /** Bounds of a number field (the server checks them again). */
  min?: number
  max?: number
}

/** A labelled input with its hint and error, wired up for screen readers. */
export function Field({
  name,
  id: givenId,
  label,
  state,
  type = 'text',
  value,
  hint,
  required,
  autocomplete,
  inputmode,
  min,
  max,
}: FieldProps) {
  const id = givenId ?? `field-${name}`
  const error = errorOf(state, name)
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <Hint id={id} hint={hint} />
      <input
        id={id}
        name={name}
        type={type}
        value={submittedValue(state, name) ?? value ?? ''}
        required={required}
        autocomplete={autocomplete}
        inputmode={inputmode}
        min={min}
        max={max}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
      <ErrorText id={id} error={error} />
    </div>
  )
}

type SelectProps = {
  name: string
  /** When one page has several forms with the same field names; defaults to `field-{name}`. */
  id?: string | undefined
  label: string
  options: readonly { value: string; label: string }[]
  state?: FormState | undefined
  value?: string | undefined
}

/** A labelled select with its error. */
export function Select({ name, id: givenId, label, options, state, value }: SelectProps) {
  const id = givenId ?? `field-${name}`
  const error = errorOf(state, name)
  const selected = submittedValue(state, name) ?? value
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        name={name}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, undefined, error)}
      >
        {options.map((o) => (
          <option value={o.value} selected={o.value === selected}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorText id={id} error={error} />
    </div>
  )
}

type TextareaProps = {
  name: string
  /** When one page has several forms with the same field names; defaults to `field-{name}`. */
  id?: string | undefined
  label: string
  state?: FormState | undefined
  value?: string | undefined
  hint?: string | undefined
  rows?: number
}

/** A labelled multi-line text field with its hint and error. */
export function Textarea({ name, id: givenId, label, state, value, hint, rows = 4 }: TextareaProps) {
  const id = givenId ?? `field-${name}`
  const error = errorOf(state, name)
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <Hint id={id} hint={hint} />
      <textarea
        id={id}
        name={name}
        rows={rows}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {submittedValue(state, name) ?? value ?? ''}
      </textarea>
      <ErrorText id={id} error={error} />
    </div>
  )
}

/** The submitted values of a repeated field (checkboxes), or undefined when the form was not submitted. */
const submittedList = (state: FormState | undefined, name: string): string[] | undefined => {
  if (!state?.values) return undefined
  const v = state.values[name] ?? state.values[`${name}[]`]
  if (v === undefined) return []
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string')
}

/**
 * One checkbox that always says yes or no: a hidden `no` goes first and the box adds `yes`, so an unticked
 * box is told apart from a field the form did not have (read it with `yesOrNo` in form-values terms).
 */
export function Checkbox({
  name,
  label,
  state,
  checked,
  hint,
}: {
  name: string
  label: string
  state?: FormState | undefined
  checked?: boolean | undefined
  hint?: string | undefined
}) {
  const id = `field-${name}`
  const submitted = submittedList(state, name)
  const on = submitted ? submitted.includes('yes') : (checked ?? false)
  const error = errorOf(state, name)
  return (
    <div class="field checkbox-field">
      <input type="hidden" name={name} value="no" />
      <input
        id={id}
        type="checkbox"
        name={name}
        value="yes"
        checked={on}
        aria-describedby={describedBy(id, hint, error)}
      />
      <label for={id}>{label}</label>
      <Hint id={id} hint={hint} />
      <ErrorText id={id} error={error} />
    </div>
  )
}

/**
 * A group of checkboxes in a fieldset with its legend. An empty hidden value goes first, so "none ticked" is
 * told apart from a form without the group (a partial change leaves it alone).
 */
export function Checkboxes({
  name,
  legend,
  options,
  state,
  values,
  hint,
}: {
  name: string
  legend: string
  options: readonly { value: string; label: string }[]
  state?: FormState | undefined
  values?: readonly string[] | undefined
  hint?: string | undefined
}) {
  const id = `field-${name}`
  const chosen = submittedList(state, name) ?? values ?? []
  // Errors of single entries come as `groupIds.0`; they belong to the group.
  const error = state?.errors?.find((e) => e.field === name || e.field.startsWith(`${name}.`))?.message
  return (
    <fieldset class="field checkboxes" id={id} aria-describedby={describedBy(id, hint, error)}>
      <legend>{legend}</legend>
      <Hint id={id} hint={hint} />
      <input type="hidden" name={name} value="" />
      {options.map((o, i) => (
        <div class="checkbox-field">
          <input
            id={`${id}-${i}`}
            type="checkbox"
            name={name}
            value={o.value}
            checked={chosen.includes(o.value)}
          />
          <label for={`${id}-${i}`}>{o.label}</label>
        </div>
      ))}
      <ErrorText id={id} error={error} />
    </fieldset>
  )
}

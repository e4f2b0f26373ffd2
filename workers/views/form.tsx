import type { FieldError } from '../../shared/errors'
import type { Messages } from '../../shared/i18n'

/** What a form page gets back after a failed submit: the values as typed and the errors per field. */
export type FormState = { values?: Record<string, unknown>; errors?: FieldError[] }

const submittedValue = (state: FormState | undefined, name: string) => {
  const v = state?.values?.[name]
  return typeof v === 'string' ? v : undefined
}
const errorOf = (state: FormState | undefined, name: string) =>
  state?.errors?.find((e) => e.field === name)?.message

/** The list of problems at the top of a form, linking to each field (GOV.UK pattern). */
export function ErrorSummary({ t, state }: { t: Messages; state?: FormState | undefined }) {
  if (!state?.errors?.length) return null
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{t.errors.formHasErrors}</h2>
      <ul>
        {state.errors.map((e) => (
          <li>
            <a href={`#field-${e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}

type FieldProps = {
  name: string
  label: string
  state?: FormState | undefined
  type?: 'text' | 'email' | 'number' | 'date' | 'time' | 'url' | 'tel'
  value?: string | undefined
  hint?: string
  required?: boolean
  autocomplete?: string
  inputmode?: string
}

/** A labelled input with its hint and error, wired up for screen readers. */
export function Field({
  name,
  label,
  state,
  type = 'text',
  value,
  hint,
  required,
  autocomplete,
}: FieldProps) {
  const id = `field-${name}`
  const error = errorOf(state, name)
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ')
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint ? (
        <p class="muted" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type={type}
        value={submittedValue(state, name) ?? value ?? ''}
        required={required}
        autocomplete={autocomplete}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      />
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  )
}

type SelectProps = {
  name: string
  label: string
  options: readonly { value: string; label: string }[]
  state?: FormState | undefined
  value?: string | undefined
}

/** A labelled select with its error. */
export function Select({ name, label, options, state, value }: SelectProps) {
  const id = `field-${name}`
  const error = errorOf(state, name)
  const selected = submittedValue(state, name) ?? value
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        name={name}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {options.map((o) => (
          <option value={o.value} selected={o.value === selected}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  )
}

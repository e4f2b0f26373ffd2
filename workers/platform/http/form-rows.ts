import type { FieldError } from '../../../shared/errors'
import { text } from './form-values'
import type { RawForm } from './validation'

/**
 * Repeated rows in a form (`availability.2.start`): a page shows a few spare rows, so empty ones are left
 * out before validation, and errors about the rows that remain are pointed back at the rows as shown.
 */

/** Which fields make a row count as filled in, per repeated group (a preset select does not). */
const decisive: Record<string, readonly string[]> = {
  availability: ['start', 'end'],
  coSpeakers: ['name', 'email'],
  questions: ['label'],
}

/** The indexes of the rows of a group that have anything filled in, in order. */
export function filledRows(form: RawForm, prefix: string): number[] {
  const fields = decisive[prefix] ?? []
  const rows = new Set<number>()
  for (const key of Object.keys(form)) {
    const match = /^([A-Za-z]+)\.(\d{1,2})\.([A-Za-z]+)$/.exec(key)
    if (!match || match[1] !== prefix || !fields.includes(match[3] ?? '')) continue
    if ((text(form, key) ?? '').trim() !== '') rows.add(Number(match[2]))
  }
  return [...rows].sort((a, b) => a - b)
}

/** The filled rows of a group as objects of trimmed strings. */
export function rowsOf<K extends string>(form: RawForm, prefix: string, fields: readonly K[]) {
  return filledRows(form, prefix).map(
    (i) =>
      Object.fromEntries(fields.map((f) => [f, text(form, `${prefix}.${i}.${f}`)?.trim() ?? ''])) as Record<
        K,
        string
      >,
  )
}

/** Errors about compacted rows, pointed back at the rows as the page showed them. */
export function remapRows(errors: readonly FieldError[], form: Record<string, unknown>): FieldError[] {
  return errors.map((e) => {
    const match = /^([A-Za-z]+)\.(\d+)(.*)$/.exec(e.field)
    if (!match || !(match[1]! in decisive)) return e
    const original = filledRows(form as RawForm, match[1]!)[Number(match[2])]
    return original === undefined ? e : { ...e, field: `${match[1]}.${original}${match[3]}` }
  })
}

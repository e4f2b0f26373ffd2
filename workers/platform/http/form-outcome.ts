import type { Context } from 'hono'
import { DomainError, type FieldError } from '../../../shared/errors'
import type { AppEnv } from '../env'
import type { FormState } from '../ui/form'
import { translateMessage } from './validation'

type C = Context<AppEnv>

/** The field errors a service refused a form with, in the reader's language; null for any other failure. */
export function serviceFieldErrors(c: C, error: unknown): FieldError[] | null {
  if (!(error instanceof DomainError) || error.code !== 'validation_failed' || !error.extra.errors)
    return null
  return error.extra.errors.map((e) => ({ field: e.field, message: translateMessage(c.var.t, e.message) }))
}

/** True when a write was based on a version someone else has since replaced. */
export const isStale = (error: unknown) => error instanceof DomainError && error.code === 'conflict'

/**
 * The one write path of every form. Runs the write; when the service refuses the input (422) the form is
 * shown again as typed, with the errors at the fields; when the write was refused as a conflict (409: a stale
 * version, an archived visit, the last owner, …) `onConflict` shows the page as it is now, choosing its
 * sentence by `error.reason`. Nothing is saved in either case; any other failure goes to the error handler.
 */
export async function saveOrShowAgain(
  c: C,
  save: () => Promise<Response>,
  onInvalid: (state: FormState) => Response | Promise<Response>,
  onConflict?: (error: DomainError, values: Record<string, unknown>) => Response | Promise<Response>,
): Promise<Response> {
  try {
    return await save()
  } catch (error) {
    const errors = serviceFieldErrors(c, error)
    const conflict = onConflict && error instanceof DomainError && isStale(error) ? error : null
    if (!errors && !conflict) throw error
    // The body was read by the validator; Hono keeps it, so the raw fields can be read again.
    const values = (await c.req.parseBody({ all: true })) as Record<string, unknown>
    if (errors) {
      c.status(422)
      return onInvalid({ errors, values })
    }
    if (conflict && onConflict) {
      c.status(409)
      return onConflict(conflict, values)
    }
    throw error
  }
}

import { vValidator } from '@hono/valibot-validator'
import type { Context, MiddlewareHandler } from 'hono'
import * as v from 'valibot'
import { DomainError, type FieldError } from '../../shared/errors'
import type { Messages } from '../../shared/i18n'
import type { AppEnv } from '../env'

type Schema = v.GenericSchema | v.GenericSchemaAsync

/** A schema message is a key of the `validation` dictionary; anything else is shown as it is. */
export function translateIssue(t: Messages, issue: v.BaseIssue<unknown>): string {
  const entry = (t.validation as Record<string, unknown>)[issue.message]
  if (typeof entry === 'string') return entry
  if (typeof entry === 'function') return String(entry(issue.requirement))
  // valibot's own messages (wrong type, missing key) become the plain "invalid" or "required".
  return issue.input === undefined ? t.validation.required : t.validation.invalid
}

/** Turns valibot issues into one message per field (the first), with dotted paths for nested input. */
export function fieldErrors(issues: readonly v.BaseIssue<unknown>[], t: Messages): FieldError[] {
  const seen = new Map<string, string>()
  for (const issue of issues) {
    const field = v.getDotPath(issue) ?? ''
    if (!seen.has(field)) seen.set(field, translateIssue(t, issue))
  }
  return [...seen].map(([field, message]) => ({ field, message }))
}

/**
 * Validates a JSON body; a failure answers 422 problem+json with the errors per field.
 * The JSON API accepts only `application/json` bodies (see requireJson).
 */
export const jsonBody = <S extends Schema>(schema: S) =>
  vValidator('json', schema, (result, c) => {
    if (!result.success)
      throw new DomainError('validation_failed', undefined, { errors: fieldErrors(result.issues, c.var.t) })
  })

/** Validates query parameters the same way. */
export const queryParams = <S extends Schema>(schema: S) =>
  vValidator('query', schema, (result, c) => {
    if (!result.success)
      throw new DomainError('validation_failed', undefined, { errors: fieldErrors(result.issues, c.var.t) })
  })

/**
 * Validates a submitted form. On failure the page's own renderer shows the form again, filled in, with the
 * errors at the fields and status 422; nothing is saved.
 */
export const formBody = <S extends Schema>(
  schema: S,
  rerender: (
    c: Context<AppEnv>,
    errors: FieldError[],
    submitted: Record<string, unknown>,
  ) => Response | Promise<Response>,
) =>
  vValidator('form', schema, async (result, c) => {
    if (!result.success) {
      const submitted = (await c.req.parseBody({ all: true })) as Record<string, unknown>
      const ctx = c as unknown as Context<AppEnv>
      ctx.status(422)
      return rerender(ctx, fieldErrors(result.issues, ctx.var.t), submitted)
    }
  })

const bodyMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** The API takes JSON only: any other body type is refused before it is read (415). */
export const requireJson = (): MiddlewareHandler<AppEnv> =>
  async function requireJson(c, next) {
    if (bodyMethods.has(c.req.method)) {
      const length = c.req.header('content-length')
      const hasBody =
        (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined
      const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase()
      if (hasBody && type !== 'application/json') {
        throw new DomainError('unsupported_media_type', 'Send the body as application/json.')
      }
    }
    await next()
  }

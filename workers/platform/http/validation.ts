import { vValidator } from '@hono/valibot-validator'
import type { Context, MiddlewareHandler } from 'hono'
import { validator } from 'hono/validator'
import * as v from 'valibot'
import { DomainError, type FieldError } from '../../../shared/errors'
import type { Messages } from '../../../shared/i18n'
import type { AppEnv } from '../env'
import { takesFileBody } from '../middleware/body-limit'
import { describes } from './openapi'

type Schema = v.GenericSchema | v.GenericSchemaAsync

/** The entry at a dotted path of the dictionary (`talks.validation.consent`), if there is one. */
const lookUp = (t: Messages, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (at, k) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[k] : undefined),
      t,
    )

/**
 * A schema message is a key of the `validation` dictionary, optionally with an argument (`tooLong:120`), or a
 * dotted path into the whole dictionary for a feature's own messages (`talks.validation.consent`);
 * valibot's own messages (wrong type, unknown key) become the plain "invalid".
 */
export function translateMessage(t: Messages, message: string): string {
  const [key = '', arg] = message.split(':')
  const entry = key.includes('.') ? lookUp(t, key) : (t.validation as Record<string, unknown>)[key]
  if (typeof entry === 'string') return entry
  if (typeof entry === 'function') return String(entry(Number(arg)))
  if (message.startsWith('Invalid key')) return t.validation.notAllowed
  if (message.startsWith('Invalid ')) return t.validation.invalid
  // Already a sentence (translated earlier): leave it.
  return message
}

type AnyIssue = {
  message: string
  path?: readonly (PropertyKey | { key: PropertyKey } | { key: unknown })[] | undefined
}

/** The dotted path of an issue (valibot's own or a Standard Schema one): `items.0.start`. */
function pathOf(issue: AnyIssue): string {
  return (issue.path ?? [])
    .map((p) => String(typeof p === 'object' && p !== null && 'key' in p ? p.key : p))
    .join('.')
}

/** Turns validation issues into one message per field (the first), with dotted paths for nested input. */
export function fieldErrors(issues: readonly AnyIssue[], t: Messages): FieldError[] {
  const seen = new Map<string, string>()
  for (const issue of issues) {
    const field = pathOf(issue)
    if (!seen.has(field)) seen.set(field, translateMessage(t, issue.message))
  }
  return [...seen].map(([field, message]) => ({ field, message }))
}

/** A failed check throws validation_failed: 422 problem+json with one message per field. */
const refuse = (result: { success: boolean; issues?: readonly AnyIssue[] }, c: Context<AppEnv>) => {
  if (!result.success) {
    throw new DomainError('validation_failed', undefined, {
      errors: fieldErrors(result.issues ?? [], c.var.t),
    })
  }
}

/**
 * Validates a JSON body; a failure answers 422 problem+json with the errors per field.
 * The JSON API accepts only `application/json` bodies (see requireJson). The schema is also recorded for the
 * OpenAPI document (/api/openapi.json).
 */
export const jsonBody = <S extends Schema>(schema: S) =>
  describes(
    vValidator('json', schema, (result, c) => refuse(result, c as Context<AppEnv>)),
    { kind: 'input', target: 'json', schema },
  )

/** Validates query parameters the same way. */
export const queryParams = <S extends Schema>(schema: S) =>
  describes(
    vValidator('query', schema, (result, c) => refuse(result, c as Context<AppEnv>)),
    { kind: 'input', target: 'query', schema },
  )

/** Raw form fields as Hono parses them: repeated names become arrays. */
export type RawForm = Record<string, string | File | (string | File)[]>

/**
 * Validates a submitted form with the same schema as the API. `coerce` turns the strings of the form into the
 * schema's shape (numbers, booleans, lists; see form-values.ts). On failure the page's own renderer shows the
 * form again, filled in as typed, with the errors at the fields and status 422; nothing is saved.
 */
export const formBody = <S extends Schema>(
  schema: S,
  rerender: (
    c: Context<AppEnv>,
    errors: FieldError[],
    submitted: Record<string, unknown>,
  ) => Response | Promise<Response>,
  coerce: (form: RawForm) => unknown = (form) => form,
) =>
  validator('form', async (value, c) => {
    const result = await v.safeParseAsync(schema, coerce(value as RawForm))
    if (!result.success) {
      c.status(422)
      return rerender(
        c as Context<AppEnv>,
        fieldErrors(result.issues, c.var.t),
        value as Record<string, unknown>,
      )
    }
    return result.output as v.InferOutput<S>
  })

const bodyMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * The API takes JSON only: any other body type is refused before it is read (415). A route that takes a file
 * declares it with uploadLimit (a part of a photo upload), and gets its bytes as they are.
 */
export const requireJson = (): MiddlewareHandler<AppEnv> =>
  async function requireJson(c, next) {
    if (bodyMethods.has(c.req.method) && !takesFileBody(c)) {
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

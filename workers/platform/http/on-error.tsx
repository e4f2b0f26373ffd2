import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { raw } from 'hono/html'
import { HTTPException } from 'hono/http-exception'
import { DomainError, type ErrorCode } from '../../../shared/errors'
import { messagesFor } from '../../../shared/i18n'
import type { AppEnv } from '../env'
import { RedirectToSignIn } from '../middleware/session'
import { ErrorPage } from '../ui/error-page'
import { problemResponse, wantsProblemJson } from './problem'
import { translateMessage } from './validation'

/** Hono's own exceptions carry only a status; name the code for it. */
function codeForStatus(status: number, message: string): ErrorCode {
  if (status === 400 && /json/i.test(message)) return 'malformed_json'
  switch (status) {
    case 400:
      return 'bad_request'
    case 401:
      return 'unauthenticated'
    case 403:
      return 'forbidden'
    case 404:
      return 'not_found'
    case 405:
      return 'method_not_allowed'
    case 409:
      return 'conflict'
    case 413:
      return 'payload_too_large'
    case 415:
      return 'unsupported_media_type'
    case 422:
      return 'validation_failed'
    case 429:
      return 'rate_limited'
    default:
      return 'internal'
  }
}

/** One answer for every failure: problem+json for the API, a friendly page for people. */
export function respondWithError(c: Context<AppEnv>, error: DomainError): Response | Promise<Response> {
  const t = c.var.t ?? messagesFor('nl')
  // Services name field problems by dictionary key; people and clients get them in their language.
  const errors = error.extra.errors?.map((e) => ({ field: e.field, message: translateMessage(t, e.message) }))
  const headers: Record<string, string> = { 'cache-control': 'no-store' }
  if (error.extra.retryAfterSeconds !== undefined)
    headers['retry-after'] = String(error.extra.retryAfterSeconds)
  if (error.extra.allow) headers.allow = error.extra.allow.join(', ')
  if (wantsProblemJson(c)) {
    const detail =
      error.message === error.code ? (c.var.t ?? messagesFor('nl')).errors.byCode[error.code] : error.message
    return problemResponse(c, {
      code: error.code,
      detail,
      ...(errors ? { errors } : {}),
      ...(error.reason ? { reason: error.reason } : {}),
      headers,
    })
  }
  for (const [k, v] of Object.entries(headers)) c.header(k, v)
  return c.html(
    <>
      {raw('<!DOCTYPE html>')}
      <ErrorPage
        t={t}
        code={error.code}
        status={error.status}
        requestId={c.var.requestId ?? ''}
        currentUrl={new URL(c.req.url).pathname}
      />
    </>,
    error.status,
  )
}

/** Maps any thrown value to a response. Unknown errors are logged with their stack and never shown. */
export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof RedirectToSignIn) {
    return c.redirect(`/sign-in?next=${encodeURIComponent(err.next)}`, 303)
  }
  if (err instanceof DomainError) return respondWithError(c, err)
  if (err instanceof HTTPException && err.status < 500) {
    return respondWithError(c, new DomainError(codeForStatus(err.status, err.message)))
  }
  console.error(
    JSON.stringify({
      level: 'error',
      requestId: c.var.requestId,
      method: c.req.method,
      path: c.req.path,
      error: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err),
    }),
  )
  return respondWithError(c, new DomainError('internal'))
}

/** Unknown routes answer like every other error. */
export const notFound: NotFoundHandler<AppEnv> = (c) => respondWithError(c, new DomainError('not_found'))

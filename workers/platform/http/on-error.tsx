import { type Context, type ErrorHandler, Hono, type NotFoundHandler } from 'hono'
import { raw } from 'hono/html'
import { HTTPException } from 'hono/http-exception'
import { codeToStatus, DomainError, type ErrorCode, errorCodes } from '../../../shared/errors'
import { loadMessages } from '../../../shared/i18n'
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
export async function respondWithError(c: Context<AppEnv>, error: DomainError): Promise<Response> {
  // No language yet when the failure came before the i18n middleware: Dutch, the default.
  const t = c.var.t ?? (await loadMessages('nl'))
  // Services name field problems by dictionary key; people and clients get them in their language.
  const errors = error.extra.errors?.map((e) => ({ field: e.field, message: translateMessage(t, e.message) }))
  const headers: Record<string, string> = { 'cache-control': 'no-store' }
  if (error.extra.retryAfterSeconds !== undefined)
    headers['retry-after'] = String(error.extra.retryAfterSeconds)
  if (error.extra.allow) headers.allow = error.extra.allow.join(', ')
  if (wantsProblemJson(c)) {
    const detail = error.message === error.code ? t.errors.byCode[error.code] : error.message
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

/**
 * D1's own words for a failure that passes (Cloudflare lists them as safe to retry): the connection dropped,
 * the database object was reset or overloaded, a storage operation timed out. A SQL error is no such thing.
 */
const transientD1 =
  /D1_ERROR.*(network connection lost|reset|overloaded|timed? ?out|transient)|D1 DB (is overloaded|storage|.*transient)|cannot resolve D1|Network connection lost/i

/** Seconds a client should wait after a D1 hiccup before trying again. */
export const D1_RETRY_AFTER_SECONDS = 5

/** True when the error (or what it wraps: drizzle wraps the driver's error as `cause`) is a passing D1 failure. */
export function isD1Unavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (transientD1.test(e.message)) return true
  }
  return false
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
  const unavailable = isD1Unavailable(err)
  // One JSON line per failure with the request id; the path's ids are kept, never a body, query or address.
  console.error(
    JSON.stringify({
      level: unavailable ? 'warn' : 'error',
      event: unavailable ? 'd1_unavailable' : 'unhandled_error',
      requestId: c.var.requestId,
      method: c.req.method,
      path: c.req.path,
      error: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err),
    }),
  )
  if (unavailable) {
    return respondWithError(
      c,
      new DomainError('unavailable', undefined, { retryAfterSeconds: D1_RETRY_AFTER_SECONDS }),
    )
  }
  return respondWithError(c, new DomainError('internal'))
}

/** Unknown routes answer like every other error. */
export const notFound: NotFoundHandler<AppEnv> = (c) => respondWithError(c, new DomainError('not_found'))

const slugOf = (code: ErrorCode) => code.replaceAll('_', '-')

/**
 * The pages a problem's `type` points at (`/problems/visit-full` style, one per closed code), and their index:
 * what the code means, its status, and in the user's language what to do.
 */
export const problemPages = new Hono<AppEnv>()
  .get('/problems', (c) =>
    c.render(
      <section aria-labelledby="problems-title">
        <h1 id="problems-title">Problem types</h1>
        <p class="lead">
          Every error of the API is an RFC 9457 problem document whose <code>type</code> is one of these
          pages; clients branch on <code>code</code>.
        </p>
        <ul>
          {errorCodes.map((code) => (
            <li>
              <a href={`/problems/${slugOf(code)}`}>
                <code>{code}</code>
              </a>{' '}
              ({codeToStatus(code)}) — {c.var.t.errors.byCode[code]}
            </li>
          ))}
        </ul>
      </section>,
      { title: 'Problem types' },
    ),
  )
  .get('/problems/:slug', (c) => {
    const code = errorCodes.find((k) => slugOf(k) === c.req.param('slug'))
    if (!code) throw new DomainError('not_found')
    return c.render(
      <section aria-labelledby="problem-title">
        <h1 id="problem-title">
          <code>{code}</code> ({codeToStatus(code)})
        </h1>
        <p class="lead">{c.var.t.errors.byCode[code]}</p>
        {code === 'unavailable' || code === 'rate_limited' ? (
          <p>
            Wait the seconds of the <code>Retry-After</code> header, then send the same request again.
          </p>
        ) : null}
        {code === 'conflict' ? (
          <p>
            Read the resource again and send the change with its new <code>version</code> (or{' '}
            <code>If-Match</code>); <code>reason</code> says why when it is not a stale version.
          </p>
        ) : null}
        {code === 'validation_failed' ? (
          <p>
            <code>errors</code> lists one message per field, by its dotted path.
          </p>
        ) : null}
        <p>
          <a href="/problems">All problem types</a> · <a href="/api/docs">API reference</a>
        </p>
      </section>,
      { title: code },
    )
  })

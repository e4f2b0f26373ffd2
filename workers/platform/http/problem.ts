import type { Context } from 'hono'
import { codeToStatus, type ErrorCode, type ErrorReason, type FieldError } from '../../../shared/errors'
import type { AppEnv } from '../env'

/** True for the JSON API's paths. */
export const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/')

/** Requests under /api/ (and those that ask for JSON only) get problem+json; people get a page. */
export function wantsProblemJson(c: Context<AppEnv>): boolean {
  if (isApiPath(c.req.path)) return true
  const accept = c.req.header('accept') ?? ''
  return accept.includes('application/json') && !accept.includes('text/html')
}

export type ProblemInput = {
  code: ErrorCode
  detail: string
  errors?: FieldError[]
  /** The typed reason when the code alone does not say enough (a client picks its sentence by it). */
  reason?: ErrorReason
  headers?: Record<string, string>
}

/** The page that explains a code, on this deployment's own address (`/problems/visit-full`…). */
export const problemTypeUrl = (publicUrl: string, code: ErrorCode) =>
  `${publicUrl.replace(/\/+$/, '')}/problems/${code.replaceAll('_', '-')}`

/** An RFC 9457 problem document. `type` names the code, so clients can branch on it. */
export function problemResponse(c: Context<AppEnv>, p: ProblemInput): Response {
  const status = codeToStatus(p.code)
  const publicUrl = c.var.config?.publicUrl ?? new URL(c.req.url).origin
  const body = {
    type: problemTypeUrl(publicUrl, p.code),
    title: c.var.t?.errors.byCode[p.code] ?? p.code,
    status,
    detail: p.detail,
    instance: c.req.path,
    code: p.code,
    requestId: c.var.requestId,
    ...(p.errors?.length ? { errors: p.errors } : {}),
    ...(p.reason ? { reason: p.reason } : {}),
  }
  // c.body (not new Response) keeps the headers middleware already set, such as X-Request-Id.
  return c.body(JSON.stringify(body), status, {
    'content-type': 'application/problem+json; charset=utf-8',
    ...p.headers,
  })
}

import type { MiddlewareHandler } from 'hono'
import type * as v from 'valibot'

export type Schema = v.GenericSchema | v.GenericSchemaAsync

/**
 * Who may call an operation: the session cookie, anyone, the holder of a photo link, or either of the last two.
 * Without a word from the route it follows from the path: `/api/public/…` and everything outside `/api/` (the
 * feeds) is public, `/api/photo-link/…` takes the link, `/api/photo-uploads/…` either; the rest a session.
 */
export type Access = 'session' | 'public' | 'photo-link' | 'session-or-photo-link'

/** The success answer of an operation, as the route declares it beside itself. */
export type Success = {
  status: number
  description: string
  /** The valibot schema of the body (application/json unless `type` says otherwise). */
  schema?: Schema
  /** A media type other than JSON: text/csv, text/calendar, application/xml. */
  type?: string
  /** Who may call it (default: a signed-in person). */
  access?: Access
  /** The operation takes `If-Match: "vN"` (the version it was based on). */
  ifMatch?: boolean
  /** The answer carries an ETag `"vN"`. */
  etag?: boolean
  /** Problem statuses this route gives beyond those its kind of route always lists (a streamed body: 411…). */
  problems?: number[]
}

/** What a middleware tells the generator about its route. */
export type Part =
  | { kind: 'operation'; tag: string; summary: string; ok: Success }
  | { kind: 'input'; target: 'json' | 'query'; schema: Schema }

const PART = Symbol('openapi part')
type Documented = { [PART]?: Part }

/** Marks a middleware with what it says about its route (read by openApiDocument, never at request time). */
export function describes<M extends MiddlewareHandler>(middleware: M, part: Part): M {
  return Object.assign(middleware, { [PART]: part })
}

/** Describes an API route for the OpenAPI document; the problems every route can answer are added. */
export const doc = (tag: string, summary: string, ok: Success): MiddlewareHandler =>
  describes(
    async function documented(_c, next) {
      await next()
    },
    { kind: 'operation', tag, summary, ok },
  )

/** The version an update or delete was based on: the body's `version`, or If-Match: "vN". */
export function versionFrom(ifMatch: string | undefined, query: string | undefined): number | null {
  const fromHeader = ifMatch?.match(/^(?:W\/)?"v(\d+)"$/)?.[1]
  const raw = fromHeader ?? query
  if (!raw || !/^\d{1,9}$/.test(raw)) return null
  const n = Number(raw)
  return n >= 1 ? n : null
}

/** The middleware a route holds, through Hono's wrapper for sub-apps with their own error handler. */
export function partOf(handler: unknown): Part | undefined {
  type Handler = ((...args: never[]) => unknown) & Documented & { __COMPOSED_HANDLER?: unknown }
  let h = handler as Handler | undefined
  while (typeof h === 'function') {
    const part = h[PART]
    if (part) return part
    h = h.__COMPOSED_HANDLER as typeof h
  }
  return undefined
}

import type { Context, MiddlewareHandler } from 'hono'
import { matchedRoutes } from 'hono/route'
import { type SignedIn, sessionStatement, signedInFrom } from '../auth/session'
import { batchSql } from '../db/prepared'
import type { AppEnv, Database } from '../env'

/**
 * A hot read sent in the same D1 batch as the session lookup, so a signed-in page costs one round trip
 * instead of two (a local round trip is ~1.6 ms of the bench's CPU; in production it is the wait).
 *
 * A route marks itself with `read.middleware`, and says which plain SQL statements it will need (from its
 * params and query, before anyone knows who asks). The session middleware finds the mark among the routes
 * of the request, sends those statements with the session's, and sets `actor` and `signedIn` as it always
 * does; the rows are kept for the route only when the session is valid. The route takes them (`read.take`)
 * after its own access check has passed with that actor and renders nothing before: an anonymous, forged,
 * expired or denied actor gets exactly the answer it got without the batch, and the rows are dropped.
 * Without a session cookie nothing is read ahead. When the batch fails, the session is looked up alone and
 * the route reads for itself (a route's read can never make the sign-in fail).
 */

/** A plain SQL statement with its values, as batchSql sends it. */
export type Statement = readonly [sql: string, values: readonly unknown[]]
/** The rows of each statement of a plan, in their order. */
export type Results = Record<string, unknown>[][]
/** What a route will read: its statements, with whatever it needs to read their rows afterwards. */
export type ReadPlan = { readonly statements: readonly Statement[] }

type Planner = (c: Context<AppEnv>) => ReadPlan
const planner = Symbol('reads with the session')
type Marked = MiddlewareHandler<AppEnv> & { [planner]?: Planner }

export type SessionRead<P extends ReadPlan> = {
  /** Put on the route, before its handler: it marks the route and does nothing else. */
  readonly middleware: MiddlewareHandler<AppEnv>
  /** The plan and its rows read with the session, once; undefined when they were not (read them yourself). */
  take(c: Context<AppEnv>): { plan: P; results: Results } | undefined
}

/** Declares a route's read to send with the session lookup; `plan` must be cheap and read nothing itself. */
export function readWithSession<P extends ReadPlan>(plan: (c: Context<AppEnv>) => P): SessionRead<P> {
  const middleware: Marked = async function readsWithSession(_c, next) {
    await next()
  }
  middleware[planner] = plan
  return {
    middleware,
    take(c) {
      const read = c.var.sessionRead
      if (!read || read.by !== middleware) return undefined
      c.set('sessionRead', undefined)
      return { plan: read.plan as P, results: read.results }
    },
  }
}

/** The plan of the marked route this request goes to, built with that route's params; null for any other. */
function plannedRead(c: Context<AppEnv>): { by: object; plan: ReadPlan } | null {
  const routes = matchedRoutes(c)
  for (let i = 0; i < routes.length; i++) {
    const handler = routes[i]?.handler as Marked | undefined
    const plan = handler?.[planner]
    if (!handler || !plan) continue
    // c.req.param() answers for the route at routeIndex: this middleware's own has no params.
    const was = c.req.routeIndex
    c.req.routeIndex = i
    try {
      return { by: handler, plan: plan(c) }
    } catch {
      return null
    } finally {
      c.req.routeIndex = was
    }
  }
  return null
}

/**
 * The session of a cookie's id hash, with the reads of the route this request goes to in the same batch
 * (kept on the context only for a valid session). One D1 round trip.
 */
export async function sessionWithReads(
  c: Context<AppEnv>,
  db: Database,
  idHash: string,
  now: Date,
): Promise<SignedIn | null> {
  const planned = plannedRead(c)
  if (planned && planned.plan.statements.length > 0) {
    let answer: Results | undefined
    try {
      answer = await batchSql(db, [sessionStatement(idHash), ...planned.plan.statements])
    } catch (error) {
      console.error('session-reads: the batch with the route failed; the session alone', error)
    }
    if (answer) {
      const [sessionRows, ...results] = answer
      const signedIn = signedInFrom(sessionRows, idHash, now)
      if (signedIn) c.set('sessionRead', { by: planned.by, plan: planned.plan, results })
      return signedIn
    }
  }
  const [rows] = await batchSql(db, [sessionStatement(idHash)])
  return signedInFrom(rows, idHash, now)
}

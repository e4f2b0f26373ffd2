import type { Context, MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { anonymous } from '../../../shared/domain/access'
import { DomainError } from '../../../shared/errors'
import { SESSION_ABSOLUTE_MS, SESSION_COOKIE, sessionIdHash, touchSession } from '../auth/session'
import type { AppEnv } from '../env'
import { wantsProblemJson } from '../http/problem'
import { sessionWithReads } from './session-reads'

/**
 * Reads the session cookie and puts the actor (anonymous or a person with roles) on the context, before any
 * route runs. A route marked with readWithSession gets its own reads in the same D1 round trip.
 */
export const session = (): MiddlewareHandler<AppEnv> =>
  async function session(c, next) {
    c.set('actor', anonymous)
    c.set('signedIn', null)
    const id = getCookie(c, SESSION_COOKIE)
    if (id) {
      const now = new Date()
      const idHash = await sessionIdHash(id)
      const signedIn = idHash ? await sessionWithReads(c, c.var.db, idHash, now) : null
      if (signedIn) {
        c.set('signedIn', signedIn)
        c.set('actor', signedIn.actor)
        if (signedIn.needsTouch) c.executionCtx.waitUntil(touchSession(c.var.db, signedIn.sessionIdHash, now))
      } else {
        // A forged, ended or expired cookie: forget it and carry on as anonymous.
        deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true })
      }
    }
    await next()
  }

/** Sets the session cookie: __Host- prefix, HttpOnly, Secure, SameSite=Lax. */
export function setSessionCookie(c: Context<AppEnv>, sessionId: string) {
  setCookie(c, SESSION_COOKIE, sessionId, {
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'Lax',
    maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  })
}

export function clearSessionCookie(c: Context<AppEnv>) {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true })
}

/**
 * The signed-in person, or: a 401 problem for the API, a redirect to the sign-in page (coming back here
 * afterwards) for pages.
 */
export function requirePerson(c: Context<AppEnv>) {
  const signedIn = c.var.signedIn
  if (signedIn) return signedIn
  if (wantsProblemJson(c) || c.req.method !== 'GET') throw new DomainError('unauthenticated')
  const url = new URL(c.req.url)
  throw new RedirectToSignIn(`${url.pathname}${url.search}`)
}

/** Thrown by requirePerson on a page; the error handler answers with a redirect. */
export class RedirectToSignIn extends Error {
  constructor(readonly next: string) {
    super('sign in first')
  }
}

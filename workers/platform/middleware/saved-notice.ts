import type { MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { AppEnv } from '../env'

/** A one-time mark that the last form was saved: set with the redirect, spent by the page it leads to. */
export const SAVED_COOKIE = '__Host-rondgang_saved'

/** The team's pages (never a public, cached one): where a "saved" notice may be shown. */
const teamPage =
  /^\/(?:teams|visits|venues|items|groups|participants|talks|slots|catering|follow-ups|account)(?:[/?#]|$)/

/**
 * "Saved" after each change on the organisers' forms, post/redirect/get: a signed-in form post that succeeds
 * and redirects (303) to a team page without saying anything itself (no query of its own, as `?done=…` or
 * `?saved=1`) leaves a one-minute cookie; the next page that renders shows the notice and spends it. Public
 * pages never show it, so no notice ends up in an edge cache.
 */
export const savedNotice = (): MiddlewareHandler<AppEnv> =>
  async function savedNotice(c, next) {
    const path = c.req.path
    if (c.req.method === 'GET' && getCookie(c, SAVED_COOKIE) && c.var.signedIn && teamPage.test(path)) {
      c.set('savedNotice', true)
      deleteCookie(c, SAVED_COOKIE, { path: '/', secure: true })
    }
    await next()
    if (c.req.method !== 'POST' || !c.var.signedIn || path.startsWith('/api/') || c.res.status !== 303) return
    const location = c.res.headers.get('location') ?? ''
    if (!teamPage.test(location) || location.includes('?')) return
    setCookie(c, SAVED_COOKIE, '1', {
      path: '/',
      secure: true,
      httpOnly: true,
      sameSite: 'Lax',
      maxAge: 60,
    })
  }

import type { MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { AppEnv } from '../env'

/**
 * A one-time mark that the last form was saved ("1") or took something away ("removed"): set with the
 * redirect, spent by the page it leads to.
 */
export const SAVED_COOKIE = '__Host-rondgang_saved'

/** Forms that take something away: their notice says what was done ("Deleted."), not "your change is saved". */
const removal = /\/(delete|remove|archive|revoke|cancel|decline|erase)$/
export type SavedNotice =
  | 'saved'
  | 'delete'
  | 'remove'
  | 'archive'
  | 'revoke'
  | 'cancel'
  | 'decline'
  | 'erase'
const kinds = new Set<string>(['delete', 'remove', 'archive', 'revoke', 'cancel', 'decline', 'erase'])

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
    const mark = c.req.method === 'GET' ? getCookie(c, SAVED_COOKIE) : undefined
    if (mark && c.var.signedIn && teamPage.test(path)) {
      c.set('savedNotice', kinds.has(mark) ? (mark as SavedNotice) : 'saved')
      deleteCookie(c, SAVED_COOKIE, { path: '/', secure: true })
    }
    await next()
    if (c.req.method !== 'POST' || !c.var.signedIn || path.startsWith('/api/') || c.res.status !== 303) return
    const location = c.res.headers.get('location') ?? ''
    if (!teamPage.test(location) || location.includes('?')) return
    setCookie(c, SAVED_COOKIE, removal.exec(path)?.[1] ?? '1', {
      path: '/',
      secure: true,
      httpOnly: true,
      sameSite: 'Lax',
      maxAge: 60,
    })
  }

import type { MiddlewareHandler } from 'hono'
import { DomainError } from '../../../shared/errors'
import type { AppEnv } from '../env'

/** Control characters (NUL to US, DEL and the C1 range), once percent-decoding is undone. */
const CONTROL = /\p{Cc}/u

/**
 * No route takes a control character in its path: `/visits/%00/participants/…/delete` used to run the change
 * and then fail on the redirect that carried the NUL (a 500 after a commit). Refused before anything runs,
 * as a 404 — no route has such an address. An undecodable path (a lone `%`) is refused the same way.
 */
export const safePath = (): MiddlewareHandler<AppEnv> =>
  async function safePath(c, next) {
    let decoded: string
    try {
      decoded = decodeURIComponent(new URL(c.req.url).pathname)
    } catch {
      throw new DomainError('not_found')
    }
    if (CONTROL.test(decoded)) throw new DomainError('not_found')
    await next()
  }

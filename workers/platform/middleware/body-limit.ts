import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { matchedRoutes } from 'hono/route'
import { DomainError } from '../../../shared/errors'
import type { AppEnv } from '../env'

/** Bodies of forms and JSON are small; a route that takes uploads declares its own limit with uploadLimit. */
export const MAX_BODY_BYTES = 256 * 1024

const tooLarge = (max: number) => () => {
  throw new DomainError('payload_too_large', `Bodies may be at most ${Math.round(max / 1024)} KiB here.`)
}

/** The handlers made by uploadLimit: the app-wide limit steps aside on the routes that carry one. */
const declaredLimits = new WeakSet<object>()

/**
 * A route's own body limit, for the routes that take files: `.post('/t/:token/files', uploadLimit(20 MiB), …)`.
 * Counted while the body streams (also without Content-Length); past the limit 413, nothing read further.
 */
export const uploadLimit = (maxBytes: number): MiddlewareHandler<AppEnv> => {
  const limit = bodyLimit({ maxSize: maxBytes, onError: tooLarge(maxBytes) })
  const handler: MiddlewareHandler<AppEnv> = async function uploadLimit(c, next) {
    return limit(c, next)
  }
  declaredLimits.add(handler)
  return handler
}

/** True when the matched route takes a file body (it declares uploadLimit): raw bytes, not a form or JSON. */
export const takesFileBody = (c: Context<AppEnv>) =>
  matchedRoutes(c).some((route) => declaredLimits.has(route.handler))

/** The app-wide limit (256 KiB) for every route that does not declare its own with uploadLimit. */
export const bodyLimits = (): MiddlewareHandler<AppEnv> => {
  const small = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge(MAX_BODY_BYTES) })
  return async function bodyLimits(c, next) {
    if (takesFileBody(c)) return next()
    return small(c, next)
  }
}

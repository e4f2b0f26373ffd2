import { Hono } from 'hono'
import { csrf } from 'hono/csrf'
import { methodNotAllowed } from 'hono/method-not-allowed'
import { requestId } from 'hono/request-id'
import { NONCE, secureHeaders } from 'hono/secure-headers'
import { DomainError } from '../shared/errors'
import type { AppEnv } from './platform/env'
import { pagePolicy } from './platform/http/csp'
import { notFound, onError } from './platform/http/on-error'
import { isApiPath } from './platform/http/problem'
import { forgetOnWrites } from './platform/http/public-cache'
import { requireJson } from './platform/http/validation'
import { bodyLimits } from './platform/middleware/body-limit'
import { database } from './platform/middleware/db'
import { i18n } from './platform/middleware/i18n'
import { idempotency } from './platform/middleware/idempotency'
import { renderer } from './platform/middleware/renderer'
import { safePath } from './platform/middleware/safe-path'
import { sameOriginWrites } from './platform/middleware/same-origin'
import { savedNotice } from './platform/middleware/saved-notice'
import { session } from './platform/middleware/session'

/** Mounts routes on an app that already has every middleware in place. */
export type Mount = (app: Hono<AppEnv>) => void

/**
 * Builds an application around some routes: every middleware in order, then the routes, then one error
 * mapping. The whole app (createApp) and each audience's app (workers/audiences) are built here, so the
 * middleware order has one source of truth.
 */
export function composeApp(mount: Mount) {
  const app = new Hono<AppEnv>()

  app.use(requestId())
  app.use(forgetOnWrites)
  app.use(
    secureHeaders({
      contentSecurityPolicy: { ...pagePolicy, scriptSrc: [...pagePolicy.scriptSrc, NONCE] },
      // Framing is governed by CSP frame-ancestors alone ('none' here, '*' on the embed page).
      xFrameOptions: false,
      // A route may set a stricter header of its own (no-referrer on pages that carry a token).
      overwrite: false,
      referrerPolicy: 'strict-origin-when-cross-origin',
      crossOriginResourcePolicy: 'same-origin',
      permissionsPolicy: { camera: [], microphone: [], geolocation: ['self'] },
    }),
  )
  app.use(i18n())
  app.use(database())
  // Forms and JSON are small; a route that takes files declares its own limit (uploadLimit).
  app.use(bodyLimits())
  app.use('/api/*', requireJson())
  app.use(safePath())
  app.use(sameOriginWrites())
  const csrfCheck = csrf()
  app.use(async function csrfForPages(c, next) {
    return isApiPath(c.req.path) ? next() : csrfCheck(c, next)
  })
  // A form sent twice, or an API call repeated with its Idempotency-Key, makes one record.
  app.use(idempotency())
  app.use(session())
  app.use(savedNotice())
  app.use(renderer())
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (_c, allow) => {
        throw new DomainError('method_not_allowed', undefined, { allow })
      },
    }),
  )

  mount(app)

  app.onError(onError)
  app.notFound(notFound)
  return app
}

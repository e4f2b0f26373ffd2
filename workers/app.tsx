import { Hono } from 'hono'
import { csrf } from 'hono/csrf'
import { methodNotAllowed } from 'hono/method-not-allowed'
import { requestId } from 'hono/request-id'
import { NONCE, secureHeaders } from 'hono/secure-headers'
import { DomainError } from '../shared/errors'
import { devRoutes } from './dev/routes'
import { accounts } from './features/accounts'
import { catering } from './features/catering'
import { photos } from './features/photos'
import { portability } from './features/portability'
import { privacy } from './features/privacy'
import { programme } from './features/programme'
import { releases } from './features/releases'
import { reports } from './features/reports'
import { rsvps } from './features/rsvps'
import { talks } from './features/talks'
import { visits } from './features/visits'
import { assetRoutes } from './platform/assets/routes'
import type { AppEnv } from './platform/env'
import { ApiReferencePage, openApiDocument } from './platform/http/api-docs'
import { pagePolicy } from './platform/http/csp'
import { healthRoutes } from './platform/http/health'
import { notFound, onError, problemPages } from './platform/http/on-error'
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

/** Builds the application: middleware in order, one route() per feature, one error mapping. */
export function createApp() {
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

  app.route('/', healthRoutes)
  app.route('/', problemPages)
  app.route('/', assetRoutes)
  // One route() per feature, in the direction they depend on each other.
  app.route('/', accounts)
  app.route('/', visits)
  app.route('/', programme)
  app.route('/', releases)
  app.route('/', rsvps)
  app.route('/', talks)
  app.route('/', catering)
  app.route('/', photos)
  app.route('/', reports)
  app.route('/', privacy)
  app.route('/', portability)
  app.route('/dev', devRoutes)

  // The API's own description, generated from the routes and their schemas (never written by hand).
  app.get('/api/openapi.json', (c) => c.json(openApiDocument(app, new URL(c.req.url).origin)))
  app.get('/api/docs', (c) =>
    c.render(<ApiReferencePage spec={openApiDocument(app, new URL(c.req.url).origin)} />, { title: 'API' }),
  )

  app.onError(onError)
  app.notFound(notFound)
  return app
}

export type App = ReturnType<typeof createApp>

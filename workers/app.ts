import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { csrf } from 'hono/csrf'
import { methodNotAllowed } from 'hono/method-not-allowed'
import { requestId } from 'hono/request-id'
import { NONCE, secureHeaders } from 'hono/secure-headers'
import { DomainError } from '../shared/errors'
import type { AppEnv } from './env'
import { notFound, onError } from './http/on-error'
import { isApiPath } from './http/problem'
import { requireJson } from './http/validation'
import { database } from './middleware/db'
import { i18n } from './middleware/i18n'
import { renderer } from './middleware/renderer'
import { session } from './middleware/session'
import { authApi } from './routes/api/auth'
import { teamsApi } from './routes/api/teams'
import { visitsApi } from './routes/api/visits'
import { assetRoutes } from './routes/assets'
import { devRoutes } from './routes/dev'
import { healthRoutes } from './routes/health'
import { authPages } from './routes/pages/auth'
import { homeRoutes } from './routes/pages/home'
import { teamPages } from './routes/pages/teams'
import { publicVisitRoutes } from './routes/public/visit'

/** Bodies of forms and JSON are small; uploads (later) get their own, larger limit on their own routes. */
export const MAX_BODY_BYTES = 256 * 1024

/** Builds the application: middleware in order, one route() per resource, one error mapping. */
export function createApp() {
  const app = new Hono<AppEnv>()

  app.use(requestId())
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", NONCE],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      xFrameOptions: 'DENY',
      // A route may set a stricter header of its own (no-referrer on pages that carry a token).
      overwrite: false,
      referrerPolicy: 'strict-origin-when-cross-origin',
      crossOriginResourcePolicy: 'same-origin',
      permissionsPolicy: { camera: [], microphone: [], geolocation: ['self'] },
    }),
  )
  app.use(i18n())
  app.use(database())
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new DomainError('payload_too_large', `Bodies may be at most ${MAX_BODY_BYTES / 1024} KiB.`)
      },
    }),
  )
  // The API takes JSON only (and DELETE/PATCH): a cross-site page cannot send those with credentials
  // without a CORS preflight, which we never grant. Forms must come from our own pages (Origin or
  // Sec-Fetch-Site), which hono/csrf checks for every other path.
  app.use('/api/*', requireJson())
  const csrfCheck = csrf()
  app.use(async function csrfForPages(c, next) {
    return isApiPath(c.req.path) ? next() : csrfCheck(c, next)
  })
  app.use(session())
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
  app.route('/', assetRoutes)
  app.route('/', homeRoutes)
  app.route('/v', publicVisitRoutes)
  app.route('/', authPages)
  app.route('/', teamPages)
  app.route('/api', authApi)
  app.route('/api', teamsApi)
  app.route('/api', visitsApi)
  app.route('/dev', devRoutes)

  app.onError(onError)
  app.notFound(notFound)
  return app
}

export type App = ReturnType<typeof createApp>

import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { methodNotAllowed } from 'hono/method-not-allowed'
import { requestId } from 'hono/request-id'
import { NONCE, secureHeaders } from 'hono/secure-headers'
import { DomainError } from '../shared/errors'
import type { AppEnv } from './env'
import { notFound, onError } from './http/on-error'
import { requireJson } from './http/validation'
import { database } from './middleware/db'
import { i18n } from './middleware/i18n'
import { renderer } from './middleware/renderer'
import { assetRoutes } from './routes/assets'
import { devRoutes } from './routes/dev'
import { healthRoutes } from './routes/health'
import { homeRoutes } from './routes/pages/home'
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
  app.use('/api/*', requireJson())
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
  app.route('/dev', devRoutes)

  app.onError(onError)
  app.notFound(notFound)
  return app
}

export type App = ReturnType<typeof createApp>

import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { csrf } from 'hono/csrf'
import { methodNotAllowed } from 'hono/method-not-allowed'
import { requestId } from 'hono/request-id'
import { NONCE, secureHeaders } from 'hono/secure-headers'
import { DomainError } from '../shared/errors'
import { devRoutes } from './dev/routes'
import { teamsApi } from './features/accounts/api'
import { teamPages } from './features/accounts/pages'
import { authApi } from './features/accounts/sign-in-api'
import { authPages } from './features/accounts/sign-in-pages'
import { programmeApi } from './features/programme/api'
import { feedRoutes } from './features/releases/feeds'
import { publicVisitRoutes } from './features/releases/public'
import { scheduleAssetRoutes } from './features/releases/schedule-asset-routes'
import { unsubscribeRoutes } from './features/releases/unsubscribe'
import { rsvpsApi } from './features/rsvps/api'
import { rsvpPages } from './features/rsvps/pages'
import { rsvpPublicRoutes } from './features/rsvps/public'
import { talksApi } from './features/talks/api'
import { talkPages } from './features/talks/pages'
import { talkPublicRoutes } from './features/talks/public'
import { visitsApi } from './features/visits/api'
import { homeRoutes } from './features/visits/home'
import { hostOfferPages } from './features/visits/host-offer-pages'
import { visitPages } from './features/visits/pages'
import { venuePages } from './features/visits/venue-pages'
import { assetRoutes } from './platform/assets/routes'
import type { AppEnv } from './platform/env'
import { ApiReferencePage, openApiDocument } from './platform/http/api-docs'
import { healthRoutes } from './platform/http/health'
import { notFound, onError } from './platform/http/on-error'
import { isApiPath } from './platform/http/problem'
import { requireJson } from './platform/http/validation'
import { database } from './platform/middleware/db'
import { i18n } from './platform/middleware/i18n'
import { renderer } from './platform/middleware/renderer'
import { session } from './platform/middleware/session'

/** Bodies of forms and JSON are small; uploads get their own, larger limit on their own routes. */
export const MAX_BODY_BYTES = 256 * 1024
/** Slides and handouts. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024
/** The routes that take uploads (a speaker's slides through their private link). */
const UPLOAD_PATH = /^\/t\/[A-Za-z0-9_-]{43}\/files$/

const tooLarge = (max: number) => () => {
  throw new DomainError('payload_too_large', `Bodies may be at most ${Math.round(max / 1024)} KiB here.`)
}

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
  // Forms and JSON are small; a speaker's slides (PDF) may be 20 MB on their own upload route only.
  const smallBodies = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge(MAX_BODY_BYTES) })
  const uploads = bodyLimit({ maxSize: MAX_UPLOAD_BYTES, onError: tooLarge(MAX_UPLOAD_BYTES) })
  app.use(async function bodyLimits(c, next) {
    return UPLOAD_PATH.test(c.req.path) ? uploads(c, next) : smallBodies(c, next)
  })
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
  app.route('/', scheduleAssetRoutes)
  app.route('/v', feedRoutes)
  app.route('/v', publicVisitRoutes)
  app.route('/', authPages)
  app.route('/', teamPages)
  app.route('/', visitPages)
  app.route('/', venuePages)
  app.route('/', hostOfferPages)
  app.route('/', rsvpPublicRoutes)
  app.route('/', unsubscribeRoutes)
  app.route('/', rsvpPages)
  app.route('/', talkPublicRoutes)
  app.route('/', talkPages)
  app.route('/api', authApi)
  app.route('/api', teamsApi)
  app.route('/api', visitsApi)
  app.route('/api', programmeApi)
  app.route('/api', rsvpsApi)
  app.route('/api', talksApi)
  app.route('/dev', devRoutes)

  // The API's own description, generated from the routes and their schemas (never written by hand).
  app.get('/api/openapi.json', async (c) => c.json(await openApiDocument(app, new URL(c.req.url).origin)))
  app.get('/api/docs', async (c) =>
    c.render(<ApiReferencePage spec={await openApiDocument(app, new URL(c.req.url).origin)} />, {
      title: 'API',
    }),
  )

  app.onError(onError)
  app.notFound(notFound)
  return app
}

export type App = ReturnType<typeof createApp>

import { feedRoutes } from '../features/releases/feeds'
import { publicVisitRoutes } from '../features/releases/public'
import { scheduleAssetRoutes } from '../features/releases/schedule-asset-routes'
import { unsubscribeRoutes } from '../features/releases/unsubscribe'
import { rsvpPublicRoutes } from '../features/rsvps/public'
import { homeRoutes } from '../features/visits/home'
import { assetRoutes } from '../platform/assets/routes'
import { healthRoutes } from '../platform/http/health'
import { problemPages } from '../platform/http/on-error'
import { composeApp } from '../shell'

/**
 * Readers: the public schedule with its feeds and exports, the RSVP form and a guest's own link, the unsubscribe
 * link; and the assets and health check every audience uses.
 */
export const app = composeApp((app) => {
  app.route('/', healthRoutes)
  app.route('/', problemPages)
  app.route('/', assetRoutes)
  app.route('/', homeRoutes)
  app.route('/', scheduleAssetRoutes)
  app.route('/v', feedRoutes)
  app.route('/v', publicVisitRoutes)
  app.route('/', unsubscribeRoutes)
  app.route('/', rsvpPublicRoutes)
})

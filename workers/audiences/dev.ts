import { devRoutes } from '../dev/routes'
import { composeApp } from '../shell'

/** Development only: the outbox and the demo data under /dev. */
export const app = composeApp((app) => {
  app.route('/dev', devRoutes)
})

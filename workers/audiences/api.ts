import { teamsApi } from '../features/accounts/api'
import { authApi } from '../features/accounts/sign-in-api'
import '../features/catering'
import { cateringApi } from '../features/catering/api'
import { photosApi } from '../features/photos/api'
import { portability } from '../features/portability'
import { privacyApi } from '../features/privacy/public'
import { programmeApi } from '../features/programme/api'
import { releasesApi } from '../features/releases/api'
import { reportsApi } from '../features/reports/api'
import { rsvpsApi } from '../features/rsvps/api'
import '../features/talks'
import { talksApi } from '../features/talks/api'
import { visitsApi } from '../features/visits/api'
import { composeApp } from '../shell'

/** The JSON API under /api (its description is the whole app's: audiences/description.ts). */
export const app = composeApp((app) => {
  app.route('/api', authApi)
  app.route('/api', teamsApi)
  app.route('/api', visitsApi)
  app.route('/api', programmeApi)
  app.route('/api', releasesApi)
  app.route('/api', rsvpsApi)
  app.route('/api', talksApi)
  app.route('/api', cateringApi)
  app.route('/api', photosApi)
  app.route('/api', reportsApi)
  app.route('/api', privacyApi)
  app.route('/', portability)
})

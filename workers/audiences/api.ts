import { teamsApi } from '../features/accounts/api'
import { authApi } from '../features/accounts/sign-in-api'
import { portability } from '../features/portability'
import { privacyApi } from '../features/privacy/public'
import { releasesApi } from '../features/releases/api'
import { visitsApi } from '../features/visits/api'
import { composeApp } from '../shell'

/**
 * The JSON API under /api that no area claims: signing in, teams, visits, releases, privacy,
 * a visit's document (the areas: api-<area>.ts; the description: description.ts).
 */
export const app = composeApp((app) => {
  app.route('/api', authApi)
  app.route('/api', teamsApi)
  app.route('/api', visitsApi)
  app.route('/api', releasesApi)
  app.route('/api', privacyApi)
  app.route('/', portability)
})

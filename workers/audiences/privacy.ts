import { privacyPublicRoutes } from '../features/privacy/public'
import { composeApp } from '../shell'

/** Anyone's personal-data rights: the privacy statement, export and erasure links, a guest's own data. */
export const app = composeApp((app) => {
  app.route('/', privacyPublicRoutes)
})

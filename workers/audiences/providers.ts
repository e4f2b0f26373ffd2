import { cateringPublicRoutes } from '../features/catering/public'
import { composeApp } from '../shell'

/** Catering providers: their private link with the orders, the order sheet and its CSV. */
export const app = composeApp((app) => {
  app.route('/', cateringPublicRoutes)
})

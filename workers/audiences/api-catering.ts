import { cateringApi } from '../features/catering/api'
import { composeApp } from '../shell'

/** The API of catering: orders, providers, volunteers, the sheet. */
export const app = composeApp((app) => {
  app.route('/api', cateringApi)
})

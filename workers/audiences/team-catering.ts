import { cateringPages } from '../features/catering/pages'
import { composeApp } from '../shell'

/** The team's pages of catering: orders, providers, volunteers, the sheet. */
export const app = composeApp((app) => {
  app.route('/', cateringPages)
})

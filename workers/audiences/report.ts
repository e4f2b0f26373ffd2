import { reportPublicRoutes } from '../features/reports/public'
import { composeApp } from '../shell'

/** Readers of a report and the team's news: the only public pages that render Markdown. */
export const app = composeApp((app) => {
  app.route('/', reportPublicRoutes)
})

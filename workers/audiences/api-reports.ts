import { reportsApi } from '../features/reports/api'
import { composeApp } from '../shell'

/** The API of reports: the write-up, its comments, follow-ups. */
export const app = composeApp((app) => {
  app.route('/api', reportsApi)
})

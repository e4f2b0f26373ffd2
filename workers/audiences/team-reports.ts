import { reportPages } from '../features/reports/pages'
import { composeApp } from '../shell'

/** The team's pages of reports: the write-up, its comments, follow-ups. */
export const app = composeApp((app) => {
  app.route('/', reportPages)
})

import { rsvpsApi } from '../features/rsvps/api'
import { composeApp } from '../shell'

/** The API of guests: registrations, their totals and CSV, the public registration call. */
export const app = composeApp((app) => {
  app.route('/api', rsvpsApi)
})

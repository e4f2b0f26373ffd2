import { programmeApi } from '../features/programme/api'
import '../features/talks/sign-ups'
import { composeApp } from '../shell'

/** The API of programme: items, groups, participants, clashes, running late. */
export const app = composeApp((app) => {
  app.route('/api', programmeApi)
})

import { programmePages } from '../features/programme/pages'
import '../features/talks/sign-ups'
import { composeApp } from '../shell'

/** The team's pages of programme: items, groups, participants, clashes, running late. */
export const app = composeApp((app) => {
  app.route('/', programmePages)
})

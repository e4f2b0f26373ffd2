import { talkPublicRoutes } from '../features/talks/public'
import { composeApp } from '../shell'

/** Speakers: the call for talks, the speakers' public pages and their private links. */
export const app = composeApp((app) => {
  app.route('/', talkPublicRoutes)
})

import { talkPages } from '../features/talks/pages'
import { composeApp } from '../shell'

/** The team's pages of talks: the call, review, slots and mail templates. */
export const app = composeApp((app) => {
  app.route('/', talkPages)
})

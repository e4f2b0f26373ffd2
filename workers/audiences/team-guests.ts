import { rsvpPages } from '../features/rsvps/pages'
import { composeApp } from '../shell'

/** The team's pages of guests: the guest list, its limits and waiting list, cancelling a registration. */
export const app = composeApp((app) => {
  app.route('/', rsvpPages)
})

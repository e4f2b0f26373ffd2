import { teamPages } from '../features/accounts/pages'
import { authPages } from '../features/accounts/sign-in-pages'
import '../features/catering/sign-ups'
import { privacyPages } from '../features/privacy/pages'
import { visitOverviewPages } from '../features/programme/visit-overview-pages'
import { releasePages } from '../features/releases/pages'
import { hostOfferPages } from '../features/visits/host-offer-pages'
import { visitPages } from '../features/visits/pages'
import { rolePages } from '../features/visits/role-pages'
import { venuePages } from '../features/visits/venue-pages'
import { composeApp } from '../shell'

/**
 * The team's pages that no area below claims: signing in, teams, visits and their overview, venues, host
 * offers, roles, releases, privacy requests (the areas: team-<area>.ts).
 */
export const app = composeApp((app) => {
  app.route('/', authPages)
  app.route('/', teamPages)
  app.route('/', visitPages)
  app.route('/', venuePages)
  app.route('/', hostOfferPages)
  app.route('/', rolePages)
  app.route('/', visitOverviewPages)
  app.route('/', releasePages)
  app.route('/', privacyPages)
})

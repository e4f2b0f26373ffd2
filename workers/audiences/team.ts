import { teamPages } from '../features/accounts/pages'
import { authPages } from '../features/accounts/sign-in-pages'
import '../features/catering'
import { cateringPages } from '../features/catering/pages'
import { photoPages } from '../features/photos/pages'
import { privacyPages } from '../features/privacy/pages'
import { programmePages } from '../features/programme/pages'
import { visitOverviewPages } from '../features/programme/visit-overview-pages'
import { releasePages } from '../features/releases/pages'
import { reportPages } from '../features/reports/pages'
import { rsvpPages } from '../features/rsvps/pages'
import '../features/talks'
import { talkPages } from '../features/talks/pages'
import { hostOfferPages } from '../features/visits/host-offer-pages'
import { visitPages } from '../features/visits/pages'
import { rolePages } from '../features/visits/role-pages'
import { venuePages } from '../features/visits/venue-pages'
import { composeApp } from '../shell'

/** The team's pages: signing in, visits, programme, releases, guests, talks, catering, photos, reports. */
export const app = composeApp((app) => {
  app.route('/', authPages)
  app.route('/', teamPages)
  app.route('/', visitPages)
  app.route('/', venuePages)
  app.route('/', hostOfferPages)
  app.route('/', rolePages)
  app.route('/', visitOverviewPages)
  app.route('/', programmePages)
  app.route('/', releasePages)
  app.route('/', rsvpPages)
  app.route('/', talkPages)
  app.route('/', cateringPages)
  app.route('/', photoPages)
  app.route('/', reportPages)
  app.route('/', privacyPages)
})

import { Hono } from 'hono'
import type { AppEnv } from '../../platform/env'
import { doc } from '../../platform/http/openapi'
import { jsonBody } from '../../platform/http/validation'
import { deliverSoon } from '../../platform/mail/outbox'
import { requirePerson } from '../../platform/middleware/session'
import { visitRoleSchema } from '../accounts/schemas'
import { acceptHostOffer, declineHostOffer, listHostOffers, renewHostSignupLink } from './host-offers'
import {
  hostOfferAcceptPostResponse,
  teamHostOffersResponse,
  teamHostSignupLinkPostResponse,
  teamVenuesResponse,
  teamVisitsPostResponse,
  teamVisitsResponse,
  venueResponse,
  visitPatchResponse,
  visitResponse,
  visitRestorePostResponse,
  visitRolesPostResponse,
  visitShareLinksPostResponse,
  visitShareLinksResponse,
  visitVenuePutResponse,
} from './responses'
import {
  hostOfferDecisionSchema,
  shareLinkSchema,
  venueCreateSchema,
  venueUpdateSchema,
  visitCreateSchema,
  visitDuplicateSchema,
  visitUpdateSchema,
  visitVenueSchema,
} from './schemas'
import { createShareLink, listShareLinks, revokeShareLink } from './share-links'
import { createVenue, getVenue, listVenues, updateVenue } from './venues'
import { grantVisitRole, revokeVisitRole } from './visit-roles'
import { setVisitVenue } from './visit-venues'
import {
  createVisit,
  duplicateVisit,
  getVisit,
  listTeamVisits,
  restoreVisit,
  setVisitStatus,
  updateVisit,
} from './visits'

const etagOf = (version: number) => `"v${version}"`

/** Visits, venues, share links and host offers as JSON. Every route checks access in its service. */
export const visitsApi = new Hono<AppEnv>()
  .get(
    '/teams/:teamId/visits',
    doc('visits', 'The visits of a team', { status: 200, description: 'Visits', schema: teamVisitsResponse }),
    async (c) => {
      const signedIn = requirePerson(c)
      return c.json({ visits: await listTeamVisits(c.var.db, signedIn.actor, c.req.param('teamId')) })
    },
  )
  .post(
    '/teams/:teamId/visits',
    doc('visits', 'Create a draft visit', {
      status: 201,
      description: 'The visit',
      schema: teamVisitsPostResponse,
    }),
    jsonBody(visitCreateSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const visit = await createVisit(
        c.var.db,
        signedIn.actor,
        c.req.param('teamId'),
        c.req.valid('json'),
        new Date(),
      )
      c.header('etag', etagOf(visit.version))
      return c.json(visit, 201, { location: `/api/visits/${visit.id}` })
    },
  )
  .get(
    '/visits/:visitId',
    doc('visits', 'A visit as your role may see it', {
      status: 200,
      description: 'The visit',
      schema: visitResponse,
    }),
    async (c) => {
      const signedIn = requirePerson(c)
      const data = await getVisit(c.var.db, signedIn.actor, c.req.param('visitId'))
      c.header('etag', etagOf(data.visit.version))
      return c.json(data)
    },
  )
  .patch(
    '/visits/:visitId',
    doc('visits', 'Change a visit (with the version it was based on)', {
      status: 200,
      description: 'The visit',
      schema: visitPatchResponse,
    }),
    jsonBody(visitUpdateSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const visit = await updateVisit(
        c.var.db,
        c.var.config,
        signedIn.actor,
        c.req.param('visitId'),
        c.req.valid('json'),
        new Date(),
      )
      deliverSoon(c.executionCtx, c.var.db, c.var.config)
      c.header('etag', etagOf(visit.version))
      return c.json(visit)
    },
  )
  .post(
    '/visits/:visitId/duplicate',
    doc('visits', 'Duplicate a visit as a template for the next one', {
      status: 201,
      description: 'The new draft',
      schema: teamVisitsPostResponse,
    }),
    jsonBody(visitDuplicateSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const visit = await duplicateVisit(
        c.var.db,
        signedIn.actor,
        c.req.param('visitId'),
        c.req.valid('json'),
        new Date(),
      )
      return c.json(visit, 201, { location: `/api/visits/${visit.id}` })
    },
  )
  .post(
    '/visits/:visitId/archive',
    doc('visits', 'Archive a visit', { status: 204, description: 'Archived' }),
    async (c) => {
      const signedIn = requirePerson(c)
      await setVisitStatus(c.var.db, signedIn.actor, c.req.param('visitId'), 'archived', new Date())
      return c.body(null, 204)
    },
  )
  .post(
    '/visits/:visitId/restore',
    doc('visits', 'Restore an archived visit: published again when it has a release, otherwise a draft', {
      status: 200,
      description: '{ status }',
      schema: visitRestorePostResponse,
    }),
    async (c) => {
      const signedIn = requirePerson(c)
      const status = await restoreVisit(c.var.db, signedIn.actor, c.req.param('visitId'), new Date())
      return c.json({ status })
    },
  )
  .post(
    '/visits/:visitId/roles',
    doc('visits', 'Give someone a role for this visit (host of a venue, caterer)', {
      status: 201,
      description: 'Given',
      schema: visitRolesPostResponse,
    }),
    jsonBody(visitRoleSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const granted = await grantVisitRole(
        c.var.db,
        c.var.config,
        signedIn.actor,
        c.req.param('visitId'),
        c.req.valid('json'),
        c.var.lang,
        new Date(),
      )
      deliverSoon(c.executionCtx, c.var.db, c.var.config)
      return c.json(granted, 201)
    },
  )
  .delete(
    '/visits/:visitId/roles/:roleId',
    doc('visits', 'Take a role back: the host or caterer no longer sees the visit', {
      status: 204,
      description: 'Taken back',
    }),
    async (c) => {
      const signedIn = requirePerson(c)
      const { visitId, roleId } = c.req.param()
      await revokeVisitRole(c.var.db, signedIn.actor, visitId, roleId, new Date())
      return c.body(null, 204)
    },
  )
  .put(
    '/visits/:visitId/venues/:venueId',
    doc('venues', "A venue's opening window and rain alternative for this visit", {
      status: 200,
      description: 'Set',
      schema: visitVenuePutResponse,
    }),
    jsonBody(visitVenueSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const { visitId, venueId } = c.req.param()
      return c.json(
        await setVisitVenue(c.var.db, signedIn.actor, visitId, venueId, c.req.valid('json'), new Date()),
      )
    },
  )
  .get(
    '/teams/:teamId/venues',
    doc('venues', "The team's venues", { status: 200, description: 'Venues', schema: teamVenuesResponse }),
    async (c) => {
      const signedIn = requirePerson(c)
      return c.json({ venues: await listVenues(c.var.db, signedIn.actor, c.req.param('teamId')) })
    },
  )
  .post(
    '/teams/:teamId/venues',
    doc('venues', 'Add a venue to the team', {
      status: 201,
      description: 'The venue',
      schema: venueResponse,
    }),
    jsonBody(venueCreateSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const venue = await createVenue(
        c.var.db,
        signedIn.actor,
        c.req.param('teamId'),
        c.req.valid('json'),
        new Date(),
      )
      c.header('etag', etagOf(venue.version))
      return c.json(venue, 201, { location: `/api/venues/${venue.id}` })
    },
  )
  .get(
    '/venues/:venueId',
    doc('venues', 'A venue as your role may see it', {
      status: 200,
      description: 'The venue',
      schema: venueResponse,
    }),
    async (c) => {
      const signedIn = requirePerson(c)
      const { venue } = await getVenue(c.var.db, signedIn.actor, c.req.param('venueId'))
      c.header('etag', etagOf(venue.version))
      return c.json(venue)
    },
  )
  .patch(
    '/venues/:venueId',
    doc('venues', 'Change a venue (hosts: only the practical fields)', {
      status: 200,
      description: 'The venue',
      schema: venueResponse,
    }),
    jsonBody(venueUpdateSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const venue = await updateVenue(
        c.var.db,
        signedIn.actor,
        c.req.param('venueId'),
        c.req.valid('json'),
        new Date(),
      )
      c.header('etag', etagOf(venue.version))
      return c.json(venue)
    },
  )
  .get(
    '/visits/:visitId/share-links',
    doc('visits', 'Share links of an unlisted visit', {
      status: 200,
      description: 'Links',
      schema: visitShareLinksResponse,
    }),
    async (c) => {
      const signedIn = requirePerson(c)
      return c.json({ links: await listShareLinks(c.var.db, signedIn.actor, c.req.param('visitId')) })
    },
  )
  .post(
    '/visits/:visitId/share-links',
    doc('visits', 'Make a share link (the token is shown once)', {
      status: 201,
      description: 'The link',
      schema: visitShareLinksPostResponse,
    }),
    jsonBody(shareLinkSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const { label } = c.req.valid('json')
      return c.json(
        await createShareLink(
          c.var.db,
          c.var.config,
          signedIn.actor,
          c.req.param('visitId'),
          label,
          new Date(),
        ),
        201,
      )
    },
  )
  .delete(
    '/share-links/:linkId',
    doc('visits', 'Revoke a share link', { status: 204, description: 'Revoked' }),
    async (c) => {
      const signedIn = requirePerson(c)
      await revokeShareLink(c.var.db, signedIn.actor, c.req.param('linkId'), new Date())
      return c.body(null, 204)
    },
  )
  .post(
    '/teams/:teamId/host-signup-link',
    doc('hosts', 'Make a new host sign-up link (the old one stops working)', {
      status: 201,
      description: 'The link',
      schema: teamHostSignupLinkPostResponse,
    }),
    async (c) => {
      const signedIn = requirePerson(c)
      return c.json(
        await renewHostSignupLink(c.var.db, c.var.config, signedIn.actor, c.req.param('teamId'), new Date()),
        201,
      )
    },
  )
  .get(
    '/teams/:teamId/host-offers',
    doc('hosts', 'Offers of gardens and spaces', {
      status: 200,
      description: 'Offers',
      schema: teamHostOffersResponse,
    }),
    async (c) => {
      const signedIn = requirePerson(c)
      return c.json({ offers: await listHostOffers(c.var.db, signedIn.actor, c.req.param('teamId')) })
    },
  )
  .post(
    '/host-offers/:offerId/accept',
    doc('hosts', 'Accept an offer: the venue is made, the resident hosts it', {
      status: 200,
      description: 'Accepted',
      schema: hostOfferAcceptPostResponse,
    }),
    jsonBody(hostOfferDecisionSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const { visitId } = c.req.valid('json')
      const accepted = await acceptHostOffer(
        c.var.db,
        c.var.config,
        signedIn.actor,
        c.req.param('offerId'),
        visitId,
        c.var.lang,
        new Date(),
      )
      deliverSoon(c.executionCtx, c.var.db, c.var.config)
      return c.json(accepted)
    },
  )
  .post(
    '/host-offers/:offerId/decline',
    doc('hosts', 'Decline an offer', { status: 204, description: 'Declined' }),
    async (c) => {
      const signedIn = requirePerson(c)
      await declineHostOffer(c.var.db, signedIn.actor, c.req.param('offerId'), new Date())
      return c.body(null, 204)
    },
  )

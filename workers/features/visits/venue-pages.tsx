import type { Context } from 'hono'
import { Hono } from 'hono'
import { canOrganise } from '../../../shared/domain/access'
import type { AppEnv } from '../../platform/env'
import { saveOrShowAgain } from '../../platform/http/form-outcome'
import { defined, idOrNull, numberOrNull, requiredNumber, text, yesNo } from '../../platform/http/form-values'
import { formBody, type RawForm } from '../../platform/http/validation'
import { requirePerson } from '../../platform/middleware/session'
import type { FormState } from '../../platform/ui/form'
import { coordinatesOfAddress, fromMapLink, mapLinkFirst } from './coordinates'
import { venueCreateSchema, venueUpdateSchema, visitVenueSchema } from './schemas'
import { createVenue, getVenue, listVenues, updateVenue, venueVisits } from './venues'
import { VenuePage, VenuesPage } from './views/venue-pages'
import { setVisitVenue } from './visit-venues'

type C = Context<AppEnv>

/** The venue fields a form sent; a host's form has only the practical ones, so only those are sent on. */
const venueForm = (form: RawForm) =>
  defined({
    name: text(form, 'name'),
    kind: text(form, 'kind'),
    address: text(form, 'address'),
    // A pasted map link fills the coordinates (checked by mapLinkFirst before this runs).
    lat: fromMapLink(form)?.lat ?? numberOrNull(form, 'lat'),
    lng: fromMapLink(form)?.lng ?? numberOrNull(form, 'lng'),
    capacity: numberOrNull(form, 'capacity'),
    stepFree: yesNo(form, 'stepFree'),
    toilet: yesNo(form, 'toilet'),
    shelter: yesNo(form, 'shelter'),
    notes: text(form, 'notes'),
    hostName: text(form, 'hostName'),
    hostContact: text(form, 'hostContact'),
  })

/** A field whose empty value means "not set" (times, the day, the rain venue). */
const orNull = idOrNull

async function renderVenues(c: C, teamId: string, state?: FormState) {
  const signedIn = requirePerson(c)
  const venues = await listVenues(c.var.db, signedIn.actor, teamId)
  return c.render(
    <VenuesPage
      t={c.var.t}
      teamId={teamId}
      venues={venues}
      canOrganise={canOrganise(signedIn.actor, teamId)}
      state={state}
      lookup={c.var.config.addressLookup !== null}
    />,
    { title: c.var.t.venues.title },
  )
}

async function renderVenue(
  c: C,
  venueId: string,
  extra: {
    notice?: string
    editState?: FormState
    windowState?: { visitId: string; state: FormState }
    /** Just made from a host's offer: say so, and say when its coordinates are still missing. */
    accepted?: boolean
  } = {},
) {
  const signedIn = requirePerson(c)
  const { venue, access, teamId } = await getVenue(c.var.db, signedIn.actor, venueId)
  const { accepted, ...shown } = extra
  if (accepted) {
    const words = c.var.t.organiser
    shown.notice =
      venue.lat === null || venue.lng === null
        ? `${words.hostOffer.accepted} ${words.mapLink.noCoordinatesAccepted}`
        : words.hostOffer.accepted
  }
  const visits = await venueVisits(c.var.db, signedIn.actor, venueId)
  // A host sees their own venue only, never the team's list.
  const rainOptions = access === 'host' ? [] : await listVenues(c.var.db, signedIn.actor, teamId)
  return c.render(
    <VenuePage
      t={c.var.t}
      teamId={teamId}
      venue={venue}
      access={access}
      visits={visits}
      rainOptions={rainOptions}
      lookup={c.var.config.addressLookup !== null}
      {...shown}
    />,
    { title: venue.name },
  )
}

const param = (c: C, name: string) => c.req.param(name) ?? ''

/** Venue pages: the team's list and new-venue form, one venue with its edit form and per-visit windows. */
export const venuePages = new Hono<AppEnv>()
  .get('/teams/:teamId/venues', (c) => renderVenues(c, c.req.param('teamId')))
  .post(
    '/teams/:teamId/venues',
    mapLinkFirst((c, state) => renderVenues(c, param(c, 'teamId'), state)),
    formBody(
      venueCreateSchema,
      (c, errors, values) => renderVenues(c, param(c, 'teamId'), { errors, values }),
      venueForm,
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const teamId = c.req.param('teamId')
      return saveOrShowAgain(
        c,
        async () => {
          const input = c.req.valid('form')
          const looked = await coordinatesOfAddress(c, input, (c, state) => renderVenues(c, teamId, state))
          if (looked instanceof Response) return looked
          const venue = await createVenue(
            c.var.db,
            signedIn.actor,
            teamId,
            { ...input, ...looked },
            new Date(),
          )
          return c.redirect(`/venues/${venue.id}${'lat' in looked ? '?done=located' : ''}`, 303)
        },
        (state) => renderVenues(c, teamId, state),
      )
    },
  )
  .get('/venues/:venueId', (c) => {
    const done = c.req.query('done')
    return renderVenue(c, c.req.param('venueId'), {
      accepted: done === 'accepted',
      ...(done === 'located' ? { notice: c.var.t.roles.lookup.located } : {}),
    })
  })
  .post(
    '/venues/:venueId',
    mapLinkFirst((c, editState) => renderVenue(c, param(c, 'venueId'), { editState })),
    formBody(
      venueUpdateSchema,
      (c, errors, values) => renderVenue(c, param(c, 'venueId'), { editState: { errors, values } }),
      (form) => ({ ...venueForm(form), version: requiredNumber(form, 'version') }),
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const venueId = c.req.param('venueId')
      return saveOrShowAgain(
        c,
        async () => {
          const input = c.req.valid('form')
          const looked = await coordinatesOfAddress(c, input, (c, editState) =>
            renderVenue(c, venueId, { editState }),
          )
          if (looked instanceof Response) return looked
          await updateVenue(c.var.db, signedIn.actor, venueId, { ...input, ...looked }, new Date())
          return c.redirect(`/venues/${venueId}${'lat' in looked ? '?done=located' : ''}`, 303)
        },
        (editState) => renderVenue(c, venueId, { editState }),
        () => renderVenue(c, venueId, { notice: c.var.t.visits.stale }),
      )
    },
  )
  .post(
    '/visits/:visitId/venues/:venueId',
    formBody(
      visitVenueSchema,
      (c, errors, values) =>
        renderVenue(c, param(c, 'venueId'), {
          windowState: { visitId: param(c, 'visitId'), state: { errors, values } },
        }),
      (form) =>
        defined({
          opensDate: orNull(form, 'opensDate'),
          opensAt: orNull(form, 'opensAt'),
          closesAt: orNull(form, 'closesAt'),
          rainVenueId: orNull(form, 'rainVenueId'),
        }),
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const { visitId, venueId } = c.req.param()
      return saveOrShowAgain(
        c,
        async () => {
          await setVisitVenue(c.var.db, signedIn.actor, visitId, venueId, c.req.valid('form'), new Date())
          return c.redirect(`/venues/${venueId}`, 303)
        },
        (state) => renderVenue(c, venueId, { windowState: { visitId, state } }),
      )
    },
  )

import type { Context } from 'hono'
import { Hono } from 'hono'
import type { AppEnv } from '../../platform/env'
import { confirmFirst } from '../../platform/http/confirm'
import { saveOrShowAgain } from '../../platform/http/form-outcome'
import { defined, numberOrNull, text, yesNo } from '../../platform/http/form-values'
import { formBody } from '../../platform/http/validation'
import { deliverSoon } from '../../platform/mail/outbox'
import { rateLimit } from '../../platform/middleware/rate-limit'
import { requirePerson } from '../../platform/middleware/session'
import type { FormState } from '../../platform/ui/form'
import { coordinatesOfAddress, fromMapLink, mapLinkFirst } from './coordinates'
import {
  acceptHostOffer,
  currentHostSignupLink,
  declineHostOffer,
  listHostOffers,
  renewHostSignupLink,
  submitHostOffer,
  teamOfSignupLink,
} from './host-offers'
import { hostOfferDecisionSchema, hostOfferSchema } from './schemas'
import {
  HostOfferFormPage,
  HostOfferInvalidPage,
  HostOffersPage,
  HostOfferThanksPage,
} from './views/host-offer-pages'
import { listTeamVisits } from './visits'

type C = Context<AppEnv>

async function renderOffers(
  c: C,
  teamId: string,
  extra: { justMade?: boolean; notice?: string; acceptState?: { offerId: string; state: FormState } } = {},
) {
  const signedIn = requirePerson(c)
  const offers = await listHostOffers(c.var.db, signedIn.actor, teamId)
  const [visits, link] = await Promise.all([
    listTeamVisits(c.var.db, signedIn.actor, teamId).then((all) =>
      all.filter((v) => v.status !== 'archived'),
    ),
    currentHostSignupLink(c.var.db, c.var.config, signedIn.actor, teamId),
  ])
  if (link) {
    // The page shows a working link: not cached, and the address does not travel on to other sites.
    c.header('cache-control', 'no-store')
    c.header('referrer-policy', 'no-referrer')
  }
  const page = (
    <HostOffersPage t={c.var.t} teamId={teamId} offers={offers} visits={visits} link={link} {...extra} />
  )
  return c.render(page, {
    title: c.var.t.hostOffers.title,
  })
}

/** The public form, or the friendly 404 page for an unknown or replaced link. */
async function renderOfferForm(c: C, token: string, state?: FormState) {
  // The token is in the address: it must not travel on to other sites.
  c.header('referrer-policy', 'no-referrer')
  c.header('cache-control', 'no-store')
  const team = await teamOfSignupLink(c.var.db, token)
  if (!team) {
    c.status(404)
    return c.render(<HostOfferInvalidPage t={c.var.t} />, { title: c.var.t.hostOffers.invalidTitle })
  }
  const page = (
    <HostOfferFormPage
      t={c.var.t}
      token={token}
      teamName={team.name}
      state={state}
      lookup={c.var.config.addressLookup !== null}
    />
  )
  return c.render(page, { title: c.var.t.hostOffers.formTitle })
}

const param = (c: C, name: string) => c.req.param(name) ?? ''

/**
 * Host sign-up: organisers see the offers residents made and accept (for a visit) or decline them, and make a
 * new sign-up link; residents use that link, without an account, to offer their garden or space.
 */
export const hostOfferPages = new Hono<AppEnv>()
  .get('/teams/:teamId/host-offers', (c) =>
    renderOffers(c, c.req.param('teamId'), { justMade: c.req.query('done') === 'link' }),
  )
  // Post, then redirect to the page that shows the current link: a reload shows the same link again.
  .post('/teams/:teamId/host-offers/link', async (c) => {
    const signedIn = requirePerson(c)
    const teamId = c.req.param('teamId')
    await renewHostSignupLink(c.var.db, c.var.config, signedIn.actor, teamId, new Date())
    return c.redirect(`/teams/${teamId}/host-offers?done=link#signup-link`, 303)
  })
  .post(
    '/teams/:teamId/host-offers/:offerId/accept',
    formBody(hostOfferDecisionSchema, (c, errors, values) =>
      renderOffers(c, param(c, 'teamId'), {
        acceptState: { offerId: param(c, 'offerId'), state: { errors, values } },
      }),
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const { teamId, offerId } = c.req.param()
      return saveOrShowAgain(
        c,
        async () => {
          const { visitId } = c.req.valid('form')
          const { venueId } = await acceptHostOffer(
            c.var.db,
            c.var.config,
            signedIn.actor,
            offerId,
            visitId,
            c.var.lang,
            new Date(),
          )
          deliverSoon(c.executionCtx, c.var.db, c.var.config)
          return c.redirect(`/venues/${venueId}?done=accepted`, 303)
        },
        (state) => renderOffers(c, teamId, { acceptState: { offerId, state } }),
        () => renderOffers(c, teamId, { notice: c.var.t.hostOffers.alreadyDecided }),
      )
    },
  )
  .post('/teams/:teamId/host-offers/:offerId/decline', confirmFirst('declineHostOffer'), async (c) => {
    const signedIn = requirePerson(c)
    const { teamId, offerId } = c.req.param()
    return saveOrShowAgain(
      c,
      async () => {
        await declineHostOffer(c.var.db, signedIn.actor, offerId, new Date())
        return c.redirect(`/teams/${teamId}/host-offers`, 303)
      },
      // Declining takes no input, so there is no form to show again; decided already: the list as it is.
      () => renderOffers(c, teamId),
      () => renderOffers(c, teamId, { notice: c.var.t.hostOffers.alreadyDecided }),
    )
  })
  .get('/host-offer/:token', (c) => renderOfferForm(c, c.req.param('token')))
  .post(
    '/host-offer/:token',
    // Anyone with the link may post, without an account: a per-client limit keeps floods out.
    rateLimit('host-offer'),
    mapLinkFirst((c, state) => renderOfferForm(c, param(c, 'token'), state)),
    formBody(
      hostOfferSchema,
      (c, errors, values) => renderOfferForm(c, param(c, 'token'), { errors, values }),
      (form) =>
        defined({
          hostName: text(form, 'hostName'),
          hostEmail: text(form, 'hostEmail'),
          hostPhone: text(form, 'hostPhone'),
          venueName: text(form, 'venueName'),
          venueKind: text(form, 'venueKind'),
          address: text(form, 'address'),
          // A pasted map link fills the coordinates, as on the team's venue form.
          lat: fromMapLink(form)?.lat ?? numberOrNull(form, 'lat'),
          lng: fromMapLink(form)?.lng ?? numberOrNull(form, 'lng'),
          capacity: numberOrNull(form, 'capacity'),
          stepFree: yesNo(form, 'stepFree'),
          toilet: yesNo(form, 'toilet'),
          shelter: yesNo(form, 'shelter'),
          notes: text(form, 'notes'),
        }),
    ),
    async (c) => {
      const token = c.req.param('token')
      c.header('referrer-policy', 'no-referrer')
      return saveOrShowAgain(
        c,
        async () => {
          const input = c.req.valid('form')
          const looked = await coordinatesOfAddress(c, input, (c, state) => renderOfferForm(c, token, state))
          if (looked instanceof Response) return looked
          const offer = await submitHostOffer(c.var.db, token, { ...input, ...looked }, new Date())
          // A link replaced since the form was opened: the page that says it no longer works (404).
          if (!offer) return renderOfferForm(c, token)
          return c.render(<HostOfferThanksPage t={c.var.t} teamName={offer.teamName} />, {
            title: c.var.t.hostOffers.thanksTitle,
          })
        },
        (state) => renderOfferForm(c, token, state),
      )
    },
  )

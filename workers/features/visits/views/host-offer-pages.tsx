import type { Messages } from '../../../../shared/i18n'
import { formatLocalDate, formatLongDate } from '../../../../shared/i18n/format'
import { ErrorSummary, Field, type FormState, Select } from '../../../platform/ui/form'
import type { listHostOffers } from '../host-offers'
import type { VisitRow } from '../queries'
import { PlaceFields, PracticalFields } from './venue-pages'
import { Notice } from './visit-parts'

type Offer = Awaited<ReturnType<typeof listHostOffers>>[number]

/**
 * The offers residents made through the team's sign-up link (organisers): accept one for a visit, or decline
 * it; and a button that makes a new link, shown once.
 */
export function HostOffersPage({
  t,
  teamId,
  offers,
  visits,
  link,
  justMade,
  notice,
  acceptState,
}: {
  t: Messages
  teamId: string
  offers: Offer[]
  visits: Pick<VisitRow, 'id' | 'title' | 'startDate'>[]
  /** The team's current sign-up link, shown every time (made again from the secret, never stored). */
  link?: string | null | undefined
  justMade?: boolean | undefined
  notice?: string | undefined
  acceptState?: { offerId: string; state: FormState } | undefined
}) {
  const pending = offers.filter((o) => o.status === 'pending')
  const decided = offers.filter((o) => o.status !== 'pending')
  const base = `/teams/${teamId}/host-offers`
  // Dates as people read them, not ISO.
  const visitOptions = visits.map((v) => ({
    value: v.id,
    label: `${v.title} (${formatLocalDate(v.startDate, t.locale)})`,
  }))
  return (
    <>
      <p>
        <a href={`/teams/${teamId}`}>{t.visits.backToTeam}</a>
      </p>
      <h1>{t.hostOffers.title}</h1>
      <p class="lead">{t.hostOffers.intro}</p>
      <Notice text={notice} />
      <section aria-labelledby="signup-link">
        <h2 id="signup-link">{t.hostOffers.link}</h2>
        <p class="muted">{t.hostOffers.linkIntro}</p>
        {link ? (
          <div class="notice" role={justMade ? 'status' : undefined}>
            {justMade ? <p>{t.organiser.hostLink.made}</p> : null}
            <p>{t.hostOffers.linkShownOnce}</p>
            <p class="link-box">
              <a href={link}>{link}</a>
            </p>
          </div>
        ) : null}
        <form method="post" action={`${base}/link`}>
          <button type="submit" class="secondary">
            {t.hostOffers.newLink}
          </button>
        </form>
      </section>
      <section aria-labelledby="pending-offers">
        <h2 id="pending-offers">{t.hostOffers.pending}</h2>
        {pending.length === 0 ? <p class="muted">{t.hostOffers.none}</p> : null}
        {pending.length > 0 && visits.length === 0 ? <p class="notice">{t.hostOffers.noVisitsYet}</p> : null}
        {pending.map((o) => {
          const state = acceptState?.offerId === o.id ? acceptState.state : undefined
          return (
            <article class="card offer" aria-labelledby={`offer-${o.id}`}>
              <span class="tag">{t.venues.kinds[o.venueKind]}</span>
              <h3 id={`offer-${o.id}`} class="card-title">
                {o.venueName}
              </h3>
              <p>{o.address}</p>
              <dl class="details">
                <dt>{t.venues.hostName}</dt>
                <dd>{o.hostName}</dd>
                <dt>{t.venues.hostContact}</dt>
                <dd>{[o.hostEmail, o.hostPhone].filter(Boolean).join(' · ')}</dd>
                <dt>{t.venues.capacity}</dt>
                <dd>{o.capacity ?? t.visits.notSet}</dd>
              </dl>
              {o.notes ? <p class="prewrap">{o.notes}</p> : null}
              <p class="muted">{formatLongDate(o.createdAt, 'Europe/Amsterdam', t.locale)}</p>
              {visits.length > 0 ? (
                <>
                  <ErrorSummary t={t} state={state} />
                  <form method="post" action={`${base}/${o.id}/accept`} class="inline-form">
                    <Select
                      name="visitId"
                      id={`field-visitId-${o.id}`}
                      label={t.hostOffers.visit}
                      options={visitOptions}
                      state={state}
                    />
                    <button type="submit">{t.hostOffers.accept}</button>
                  </form>
                </>
              ) : null}
              <form method="post" action={`${base}/${o.id}/decline`} class="inline-form">
                <button type="submit" class="secondary">
                  {t.hostOffers.decline}
                </button>
              </form>
            </article>
          )
        })}
      </section>
      {decided.length > 0 ? (
        <section aria-labelledby="decided-offers">
          <h2 id="decided-offers">{t.hostOffers.decided}</h2>
          <ul>
            {decided.map((o) => (
              <li>
                {o.venueName} ({o.hostName}) — {t.hostOffers.statuses[o.status]}
                {o.venueId ? (
                  <>
                    {' · '}
                    <a href={`/venues/${o.venueId}`}>{t.hostOffers.viewVenue}</a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  )
}

/** The public form a resident fills in to offer a garden or space; no account needed. */
export function HostOfferFormPage({
  t,
  token,
  teamName,
  state,
  lookup,
}: {
  t: Messages
  token: string
  teamName: string
  state?: FormState | undefined
  /** The address lookup is on. */
  lookup?: boolean | undefined
}) {
  return (
    <section class="narrow">
      <h1>{t.hostOffers.formTitle}</h1>
      <p class="lead">{t.hostOffers.formIntro(teamName)}</p>
      <ErrorSummary t={t} state={state} />
      <form method="post" action={`/host-offer/${token}`} novalidate>
        <fieldset class="plain">
          <legend>{t.hostOffers.you}</legend>
          <Field name="hostName" label={t.hostOffers.hostName} state={state} autocomplete="name" required />
          <Field
            name="hostEmail"
            type="email"
            label={t.hostOffers.hostEmail}
            state={state}
            autocomplete="email"
            required
          />
          <Field
            name="hostPhone"
            type="tel"
            label={t.hostOffers.hostPhone}
            state={state}
            autocomplete="tel"
          />
        </fieldset>
        <fieldset class="plain">
          <legend>{t.hostOffers.place}</legend>
          <PlaceFields
            t={t}
            state={state}
            names={{ name: 'venueName', kind: 'venueKind' }}
            nameLabel={t.hostOffers.venueName}
            nameHint={t.hostOffers.venueNameHint}
            lookup={lookup}
          />
          <PracticalFields t={t} state={state} />
        </fieldset>
        <p class="muted">{t.hostOffers.privacy}</p>
        <button type="submit">{t.hostOffers.submit}</button>
      </form>
    </section>
  )
}

/** After a resident sent an offer. */
export function HostOfferThanksPage({ t, teamName }: { t: Messages; teamName: string }) {
  return (
    <section class="narrow">
      <h1>{t.hostOffers.thanksTitle}</h1>
      <p class="lead">{t.hostOffers.thanks(teamName)}</p>
    </section>
  )
}

/** An unknown or replaced sign-up link. */
export function HostOfferInvalidPage({ t }: { t: Messages }) {
  return (
    <section class="narrow">
      <h1>{t.hostOffers.invalidTitle}</h1>
      <p class="notice">{t.hostOffers.invalid}</p>
    </section>
  )
}

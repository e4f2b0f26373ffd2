import { utcToZoned } from '../../../../shared/domain/time'
import { venueKinds } from '../../../../shared/domain/visits'
import type { Messages } from '../../../../shared/i18n'
import { formatLocalDate } from '../../../../shared/i18n/format'
import { Checkbox, ErrorSummary, Field, type FormState, Select, Textarea } from '../../../platform/ui/form'
import type { getVenue, listVenues, venueVisits } from '../venues'
import { Notice, VisitDates } from './visit-parts'

type Venue = Awaited<ReturnType<typeof getVenue>>['venue']
type VenueListItem = Awaited<ReturnType<typeof listVenues>>[number]
type VenueVisit = Awaited<ReturnType<typeof venueVisits>>[number]
type Access = Awaited<ReturnType<typeof getVenue>>['access']

/** 'yes' / 'no' / '' for a yes-no-unknown field. */
const yesNoValue = (v: boolean | null | undefined) => (v === true ? 'yes' : v === false ? 'no' : '')
const yesNoOptions = (t: Messages) => [
  { value: '', label: t.venues.unknown },
  { value: 'yes', label: t.venues.yes },
  { value: 'no', label: t.venues.no },
]
/** A coordinate as typed back into the form, with the reader's decimal sign. */
const decimal = (n: number | null | undefined, t: Messages) =>
  n === null || n === undefined ? '' : t.lang === 'nl' ? String(n).replace('.', ',') : String(n)

/** Capacity, access and notes: the practical fields a host may change too. */
export function PracticalFields({
  t,
  state,
  venue,
}: {
  t: Messages
  state?: FormState | undefined
  venue?: Partial<Venue> | undefined
}) {
  return (
    <>
      <Field
        name="capacity"
        type="number"
        label={t.venues.capacity}
        value={venue?.capacity == null ? '' : String(venue.capacity)}
        state={state}
      />
      <Select
        name="stepFree"
        label={t.venues.stepFree}
        options={yesNoOptions(t)}
        value={yesNoValue(venue?.stepFree)}
        state={state}
      />
      <Select
        name="toilet"
        label={t.venues.toilet}
        options={yesNoOptions(t)}
        value={yesNoValue(venue?.toilet)}
        state={state}
      />
      <Select
        name="shelter"
        label={t.venues.shelter}
        options={yesNoOptions(t)}
        value={yesNoValue(venue?.shelter)}
        state={state}
      />
      <Textarea
        name="notes"
        label={t.venues.notes}
        hint={t.venues.notesHint}
        value={venue?.notes}
        state={state}
      />
    </>
  )
}

/** Name, kind, address and coordinates: the fields only organisers (or a resident offering it) set. */
export function PlaceFields({
  t,
  state,
  venue,
  names = { name: 'name', kind: 'kind' },
  nameLabel,
  nameHint,
  lookup = false,
}: {
  t: Messages
  state?: FormState | undefined
  venue?: Partial<Venue> | undefined
  /** The field names; a resident's offer calls them venueName and venueKind. */
  names?: { name: string; kind: string }
  nameLabel?: string | undefined
  nameHint?: string | undefined
  /** The address lookup is on here: offer to look the address up (ticked while there are no coordinates). */
  lookup?: boolean | undefined
}) {
  return (
    <>
      <Field
        name={names.name}
        label={nameLabel ?? t.venues.name}
        hint={nameHint}
        value={venue?.name}
        state={state}
        required
      />
      <Select
        name={names.kind}
        label={t.venues.kind}
        options={venueKinds.map((k) => ({ value: k, label: t.venues.kinds[k] }))}
        value={venue?.kind ?? 'garden'}
        state={state}
      />
      <Field name="address" label={t.venues.address} value={venue?.address} state={state} />
      {lookup ? (
        <Checkbox
          name="lookupAddress"
          label={t.roles.lookup.label}
          hint={t.roles.lookup.hint}
          checked={venue?.lat === null || venue?.lat === undefined}
          state={state}
        />
      ) : null}
      <p class="muted" id="coordinates-hint">
        {t.venues.coordinatesHint}
      </p>
      <Field
        name="mapLink"
        label={t.organiser.mapLink.label}
        hint={t.organiser.mapLink.hint}
        inputmode="url"
        state={state}
      />
      <div class="field-row">
        <Field
          name="lat"
          label={t.venues.lat}
          inputmode="decimal"
          value={decimal(venue?.lat, t)}
          state={state}
        />
        <Field
          name="lng"
          label={t.venues.lng}
          inputmode="decimal"
          value={decimal(venue?.lng, t)}
          state={state}
        />
      </div>
    </>
  )
}

function HostFields({
  t,
  state,
  venue,
}: {
  t: Messages
  state?: FormState | undefined
  venue?: { hostName?: string; hostContact?: string } | undefined
}) {
  return (
    <>
      <Field name="hostName" label={t.venues.hostName} value={venue?.hostName} state={state} />
      <Field
        name="hostContact"
        label={t.venues.hostContact}
        hint={t.venues.hostContactHint}
        value={venue?.hostContact}
        state={state}
      />
    </>
  )
}

/** The team's venues, and (organisers) a form to add one. */
export function VenuesPage({
  t,
  teamId,
  venues,
  canOrganise,
  state,
  lookup,
}: {
  t: Messages
  teamId: string
  venues: VenueListItem[]
  canOrganise: boolean
  state?: FormState | undefined
  /** The address lookup is on. */
  lookup?: boolean | undefined
}) {
  return (
    <>
      <p>
        <a href={`/teams/${teamId}`}>{t.visits.backToTeam}</a>
      </p>
      <h1>{t.venues.title}</h1>
      <p class="lead">{t.venues.intro}</p>
      {venues.length === 0 ? <p class="notice">{t.venues.none}</p> : null}
      <ul class="venue-list">
        {venues.map((v) => (
          <li class="card">
            <span class="tag">{t.venues.kinds[v.kind]}</span>
            <h2 class="card-title">
              <a href={`/venues/${v.id}`}>{v.name}</a>
            </h2>
            {v.address ? <p class="muted">{v.address}</p> : null}
            {'hostContact' in v && (v.hostName || v.hostContact) ? (
              <p>
                {t.visits.hostContact}: {[v.hostName, v.hostContact].filter(Boolean).join(' · ')}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      {canOrganise ? (
        <section aria-labelledby="create-venue">
          <h2 id="create-venue">{t.venues.create}</h2>
          <ErrorSummary t={t} state={state} />
          <form method="post" action={`/teams/${teamId}/venues`} novalidate>
            <PlaceFields t={t} state={state} lookup={lookup} />
            <PracticalFields t={t} state={state} />
            <HostFields t={t} state={state} />
            <button type="submit">{t.venues.createButton}</button>
          </form>
        </section>
      ) : null}
    </>
  )
}

/** The local days of a visit, for the opening window's day. */
function visitDays(visit: Pick<VenueVisit, 'startDate' | 'endDate'>): string[] {
  const days: string[] = []
  const d = new Date(`${visit.startDate}T12:00:00Z`)
  while (days.length < 31) {
    const day = d.toISOString().slice(0, 10)
    if (day > visit.endDate) break
    days.push(day)
    d.setUTCDate(d.getUTCDate() + 1)
  }
  return days
}

/**
 * A venue: its details (host contact only for organisers and its host), the edit form (hosts get the
 * practical fields only), and per visit its opening window and rain alternative.
 */
export function VenuePage({
  t,
  teamId,
  venue,
  access,
  visits,
  rainOptions,
  notice,
  editState,
  windowState,
  lookup,
}: {
  t: Messages
  teamId: string
  venue: Venue
  access: Access
  /** The address lookup is on. */
  lookup?: boolean | undefined
  visits: VenueVisit[]
  /** Other venues of the team for the rain alternative; empty for a host, who does not see them. */
  rainOptions: { id: string; name: string }[]
  notice?: string | undefined
  editState?: FormState | undefined
  windowState?: { visitId: string; state: FormState } | undefined
}) {
  const canEdit = access === 'organise' || access === 'host'
  return (
    <>
      {access !== 'host' ? (
        <p>
          <a href={`/teams/${teamId}/venues`}>{t.venues.backToVenues}</a>
        </p>
      ) : null}
      <span class="tag">{t.venues.kinds[venue.kind]}</span>
      <h1>{venue.name}</h1>
      {venue.address ? <p class="lead">{venue.address}</p> : null}
      <Notice text={notice} />
      {!canEdit ? <p class="muted">{t.venues.readOnly}</p> : null}
      <dl class="details">
        <dt>{t.venues.capacity}</dt>
        <dd>{venue.capacity ?? t.visits.notSet}</dd>
        <dt>{t.venues.stepFree}</dt>
        <dd>{venue.stepFree === null ? t.venues.unknown : venue.stepFree ? t.venues.yes : t.venues.no}</dd>
        <dt>{t.venues.toilet}</dt>
        <dd>{venue.toilet === null ? t.venues.unknown : venue.toilet ? t.venues.yes : t.venues.no}</dd>
        <dt>{t.venues.shelter}</dt>
        <dd>{venue.shelter === null ? t.venues.unknown : venue.shelter ? t.venues.yes : t.venues.no}</dd>
        {venue.lat !== null && venue.lng !== null ? (
          <>
            <dt>
              {t.venues.lat} / {t.venues.lng}
            </dt>
            <dd>
              {decimal(venue.lat, t)}; {decimal(venue.lng, t)}
            </dd>
          </>
        ) : null}
        {'hostContact' in venue ? (
          <>
            <dt>{t.venues.hostName}</dt>
            <dd>{venue.hostName || t.visits.notSet}</dd>
            <dt>{t.venues.hostContact}</dt>
            <dd>{venue.hostContact || t.visits.notSet}</dd>
          </>
        ) : null}
      </dl>
      {venue.notes ? <p class="prewrap">{venue.notes}</p> : null}
      {canEdit ? (
        <section aria-labelledby="edit-venue">
          <h2 id="edit-venue">{access === 'host' ? t.venues.hostEdit : t.venues.edit}</h2>
          {access === 'host' ? <p class="muted">{t.venues.hostEditIntro}</p> : null}
          <ErrorSummary t={t} state={editState} />
          <form method="post" action={`/venues/${venue.id}`} novalidate>
            <input type="hidden" name="version" value={String(venue.version)} />
            {access === 'organise' ? (
              <PlaceFields t={t} state={editState} venue={venue} lookup={lookup} />
            ) : null}
            <PracticalFields t={t} state={editState} venue={venue} />
            <HostFields t={t} state={editState} venue={'hostContact' in venue ? venue : undefined} />
            <button type="submit">{t.venues.save}</button>
          </form>
        </section>
      ) : null}
      <section aria-labelledby="per-visit">
        <h2 id="per-visit">{t.venues.perVisit}</h2>
        <p class="muted">{t.venues.perVisitIntro}</p>
        {visits.length === 0 ? <p>{t.venues.noVisits}</p> : null}
        {visits.map((v) => {
          const state = windowState?.visitId === v.id ? windowState.state : undefined
          const opens = v.opensAt ? utcToZoned(v.opensAt.getTime(), v.timeZone) : null
          const closes = v.closesAt ? utcToZoned(v.closesAt.getTime(), v.timeZone) : null
          const prefix = `field-${v.id}`
          return (
            <article class="card visit-window" aria-labelledby={`${prefix}-title`}>
              <h3 id={`${prefix}-title`} class="card-title">
                <a href={`/visits/${v.id}`}>{v.title}</a>
              </h3>
              <p class="muted">
                <VisitDates t={t} visit={v} />
              </p>
              {canEdit ? (
                <>
                  <ErrorSummary t={t} state={state} />
                  <form method="post" action={`/visits/${v.id}/venues/${venue.id}`} novalidate>
                    <Select
                      name="opensDate"
                      id={`${prefix}-opensDate`}
                      label={t.venues.opensDate}
                      options={visitDays(v).map((d) => ({ value: d, label: formatLocalDate(d, t.locale) }))}
                      value={opens?.date ?? v.startDate}
                      state={state}
                    />
                    <div class="field-row">
                      <Field
                        name="opensAt"
                        id={`${prefix}-opensAt`}
                        type="time"
                        label={t.venues.opensAt}
                        value={opens?.time ?? ''}
                        state={state}
                      />
                      <Field
                        name="closesAt"
                        id={`${prefix}-closesAt`}
                        type="time"
                        label={t.venues.closesAt}
                        value={closes?.time ?? ''}
                        state={state}
                      />
                    </div>
                    {access === 'organise' ? (
                      <Select
                        name="rainVenueId"
                        id={`${prefix}-rainVenueId`}
                        label={t.venues.rainVenue}
                        options={[
                          { value: '', label: t.venues.noRainVenue },
                          ...rainOptions
                            .filter((o) => o.id !== venue.id)
                            .map((o) => ({ value: o.id, label: o.name })),
                        ]}
                        value={v.rainVenueId ?? ''}
                        state={state}
                      />
                    ) : (
                      // A host does not see the team's other venues; the rain alternative stays as it is.
                      <input type="hidden" name="rainVenueId" value={v.rainVenueId ?? ''} />
                    )}
                    <button type="submit" class="secondary">
                      {t.venues.saveWindow}
                    </button>
                  </form>
                </>
              ) : (
                <p>
                  {opens && closes ? `${opens.date} ${opens.time}–${closes.time}` : t.visits.notSet}
                  {v.rainVenueId
                    ? ` · ${t.venues.rainVenue}: ${rainOptions.find((o) => o.id === v.rainVenueId)?.name ?? ''}`
                    : ''}
                </p>
              )}
            </article>
          )
        })}
      </section>
    </>
  )
}

import { dietaryOptions } from '../../../../shared/domain/diets'
import type { Messages } from '../../../../shared/i18n'
import { formatLocalDate } from '../../../../shared/i18n/format'
import { Checkboxes, ErrorSummary, Field, type FormState, Textarea } from '../../../platform/ui/form'
import type { WaitReason } from '../limit-words'
import type { getRsvpByToken, RsvpOutcome } from '../rsvps'
import { MAX_PARTY_SIZE } from '../schemas'
import type { rsvpTotals } from '../team-lists'

/**
 * What the guest pages show of a visit. `programme` is the public page to link back to (with the share link of
 * an unlisted visit), or null when the reader cannot open it.
 */
export type RsvpVisit = { title: string; startDate: string; programme: string | null }
export type Group = { id: string; name: string }
type Own = Awaited<ReturnType<typeof getRsvpByToken>>
type Totals = Awaited<ReturnType<typeof rsvpTotals>>['totals']
type Limit = Totals['limit']
type GroupLimits = Totals['groupLimits']

/**
 * The limit that applies to a guest of the whole company, and the venue and moment that set it; then the
 * groups whose own place is smaller.
 */
export function LimitLine({
  t,
  limit,
  groupLimits = [],
}: {
  t: Messages
  limit: Limit
  groupLimits?: GroupLimits
}) {
  if (!limit) return null
  return (
    <>
      <p class="muted">
        {limit.place ? t.rsvps.limitVenue(limit.limit, limit.place) : t.rsvps.limitVisit(limit.limit)}
      </p>
      {groupLimits.length > 0 ? (
        <ul class="muted">
          {groupLimits.map((g) =>
            g.place ? <li>{t.rsvps.groupLimit(g.group, g.limit, g.place)}</li> : null,
          )}
        </ul>
      ) : null}
    </>
  )
}

/** Why a party waits: the visit's maximum, or which venue is full at which moment. */
export function waitReason(t: Messages, because: WaitReason): string {
  return because.kind === 'visit'
    ? t.rsvps.waitingVisit(because.limit, because.guests)
    : t.rsvps.waitingVenue(because.place, because.guests, because.room)
}

export function Status({ text }: { text?: string | undefined }) {
  return text ? (
    <p class="notice" role="status">
      {text}
    </p>
  ) : null
}

function BackToProgramme({ t, visit }: { t: Messages; visit: RsvpVisit }) {
  return visit.programme ? (
    <p>
      <a href={visit.programme}>{t.rsvp.backToProgramme}</a>
    </p>
  ) : null
}

function VisitLine({ t, visit }: { t: Messages; visit: RsvpVisit }) {
  return (
    <p class="lead">
      {visit.programme ? <a href={visit.programme}>{visit.title}</a> : visit.title}
      {' · '}
      <time datetime={visit.startDate}>{formatLocalDate(visit.startDate, t.locale)}</time>
    </p>
  )
}

/** The fields of a registration, shared by the form to register and the one to change it. */
function RsvpFields({
  t,
  state,
  groups,
  own,
}: {
  t: Messages
  state?: FormState | undefined
  groups: readonly Group[]
  own?: Own['rsvp'] | undefined
}) {
  return (
    <>
      <Field name="name" label={t.rsvp.name} value={own?.name} state={state} required autocomplete="name" />
      <Field
        name="email"
        type="email"
        label={t.rsvp.email}
        hint={t.rsvp.emailHint}
        value={own?.email}
        state={state}
        required
        autocomplete="email"
        inputmode="email"
      />
      <Field
        name="partySize"
        type="number"
        label={t.rsvp.partySize}
        hint={t.rsvp.partySizeHint}
        value={String(own?.partySize ?? 1)}
        state={state}
        required
        inputmode="numeric"
      />
      <fieldset class="dietary-counts" aria-describedby="dietary-hint">
        <legend>{t.rsvp.dietary}</legend>
        <p class="muted" id="dietary-hint">
          {t.rsvp.dietaryHint}
        </p>
        {dietaryOptions.map((need) => (
          <Field
            name={`dietary.${need}`}
            type="number"
            label={t.rsvp.dietaryOptions[need]}
            value={own?.dietary[need] ? String(own.dietary[need]) : ''}
            state={state}
            inputmode="numeric"
            min={0}
            max={MAX_PARTY_SIZE}
          />
        ))}
      </fieldset>
      <Textarea
        name="dietaryNotes"
        label={t.rsvp.dietaryNotes}
        value={own?.dietaryNotes}
        state={state}
        rows={2}
      />
      <Textarea
        name="accessNeeds"
        label={t.rsvp.accessNeeds}
        hint={t.rsvp.accessNeedsHint}
        value={own?.accessNeeds}
        state={state}
        rows={2}
      />
      {groups.length > 0 ? (
        <Checkboxes
          name="groupIds"
          legend={t.rsvp.groups}
          hint={t.rsvp.groupsHint}
          options={groups.map((g) => ({ value: g.id, label: g.name }))}
          values={own?.groupIds}
          state={state}
        />
      ) : null}
    </>
  )
}

/** The registration form of a published visit, mobile first; says so up front when the visit is full. */
export function RsvpFormPage({
  t,
  visit,
  groups,
  full,
  limit,
  groupLimits,
  action,
  state,
}: {
  t: Messages
  visit: RsvpVisit
  groups: readonly Group[]
  full: boolean
  limit: Limit
  groupLimits: GroupLimits
  action: string
  state?: FormState | undefined
}) {
  return (
    <section class="narrow">
      <h1>{t.rsvp.title}</h1>
      <VisitLine t={t} visit={visit} />
      <p>{t.rsvp.intro(visit.title)}</p>
      {full ? <p class="notice">{t.rsvp.fullNotice}</p> : null}
      <LimitLine t={t} limit={limit} groupLimits={groupLimits} />
      <ErrorSummary t={t} state={state} />
      <form method="post" action={action} novalidate>
        <RsvpFields t={t} state={state} groups={groups} />
        <p class="muted">
          {t.rsvp.privacy} <a href="/privacy">{t.privacy.title}</a>
        </p>
        <button type="submit">{t.rsvp.submit}</button>
      </form>
    </section>
  )
}

/** After registering: confirmed, on the waitlist, or (address already registered) check your mail. */
export function RsvpDonePage({
  t,
  visit,
  status,
  limit,
  groupLimits,
}: {
  t: Messages
  visit: RsvpVisit
  status: RsvpOutcome
  limit: Limit
  groupLimits: GroupLimits
}) {
  const [title, text] =
    status === 'confirmed'
      ? [t.rsvp.confirmedTitle, t.rsvp.confirmed]
      : status === 'waitlisted'
        ? [t.rsvp.waitlistedTitle, t.rsvp.waitlisted]
        : [t.rsvp.checkMailTitle, t.rsvp.checkMail]
  return (
    <section class="narrow">
      <h1>{title}</h1>
      <VisitLine t={t} visit={visit} />
      <p class="notice" role="status">
        {text}
      </p>
      {status === 'waitlisted' ? <LimitLine t={t} limit={limit} groupLimits={groupLimits} /> : null}
      <BackToProgramme t={t} visit={visit} />
    </section>
  )
}

/** An archived or ended visit: registering is over, and nothing was saved. */
export function RsvpClosedPage({ t, visit, ended }: { t: Messages; visit: RsvpVisit; ended: boolean }) {
  return (
    <section class="narrow">
      <h1>{ended ? t.rsvps.endedTitle : t.rsvp.closedTitle}</h1>
      <VisitLine t={t} visit={visit} />
      <p class="notice" role="alert">
        {ended ? t.rsvps.ended : t.rsvp.closed}
      </p>
      <BackToProgramme t={t} visit={visit} />
    </section>
  )
}

/** A private link that is unknown, malformed or replaced by a newer one. */
export function RsvpInvalidPage({ t }: { t: Messages }) {
  return (
    <section class="narrow">
      <h1>{t.rsvp.invalidTitle}</h1>
      <p class="notice">{t.rsvp.invalid}</p>
    </section>
  )
}

/**
 * Renewing the private link from the mail sent when the address registered again: a button (a POST), so a
 * mail scanner that follows links does not end the guest's link.
 */
export function RsvpRenewPage({ t, action }: { t: Messages; action: string }) {
  return (
    <section class="narrow">
      <h1>{t.rsvp.renewTitle}</h1>
      <p>{t.rsvp.renewIntro}</p>
      <form method="post" action={action}>
        <button type="submit">{t.rsvp.renewButton}</button>
      </form>
    </section>
  )
}

/** The new address of a registration confirms the move with a button. */
export function RsvpEmailConfirmPage({ t, action }: { t: Messages; action: string }) {
  return (
    <section class="narrow">
      <h1>{t.rsvp.emailConfirmTitle}</h1>
      <p>{t.rsvp.emailConfirmIntro}</p>
      <form method="post" action={action}>
        <button type="submit">{t.rsvp.emailConfirmButton}</button>
      </form>
    </section>
  )
}

/** After the move: where the mails go now. */
export function RsvpEmailChangedPage({ t, email }: { t: Messages; email: string }) {
  return (
    <section class="narrow">
      <h1>{t.rsvp.emailConfirmTitle}</h1>
      <p class="notice" role="status">
        {t.rsvp.emailChanged(email)}
      </p>
    </section>
  )
}

/** The visit of a private-link page; an unlisted visit's programme opens with the guest's own pass. */
const ownVisit = (own: Own): RsvpVisit => ({
  title: own.visit.title,
  startDate: own.visit.startDate,
  programme: own.visit.programme,
})

/** The guest's own registration behind the private link: status, the change form, cancel, change mails. */
export function RsvpOwnPage({
  t,
  token,
  own,
  notice,
  state,
}: {
  t: Messages
  token: string
  own: Own
  notice?: string | undefined
  state?: FormState | undefined
}) {
  const { rsvp, groups } = own
  const visit = ownVisit(own)
  const base = `/r/${token}`
  const archived = own.visit.status === 'archived'
  return (
    <section class="narrow">
      <h1>{t.rsvp.yourRsvp}</h1>
      <VisitLine t={t} visit={visit} />
      <Status text={notice} />
      {/* Plain paragraphs, not a two-column list: the labels are long and the screen may be narrow. */}
      <p>
        {t.rsvp.status}: <strong class="rsvp-status">{t.rsvp.statuses[rsvp.status]}</strong>
      </p>
      {own.waitingBecause ? (
        <p class="notice">
          {t.rsvps.waitingIntro} {waitReason(t, own.waitingBecause)}
        </p>
      ) : null}
      <p>
        {rsvp.notifyChanges ? t.rsvp.notifyOn : t.rsvp.notifyOff}{' '}
        <a href={`${base}/opt-out`}>{t.rsvp.manageNotify}</a>
      </p>
      <p>
        <a href={`${base}/my-data`}>{t.privacy.myData}</a>
      </p>
      {rsvp.status === 'cancelled' ? (
        visit.programme && !archived ? (
          <p>
            <a class="button" href={`${visit.programme}/rsvp`}>
              {t.rsvp.registerAgain}
            </a>
          </p>
        ) : null
      ) : archived ? (
        <p class="notice">{t.rsvp.closedChange}</p>
      ) : (
        <>
          <h2 id="change">{t.rsvp.change}</h2>
          <ErrorSummary t={t} state={state} />
          <form method="post" action={base} novalidate aria-labelledby="change">
            <input type="hidden" name="version" value={String(rsvp.version)} />
            <RsvpFields t={t} state={state} groups={groups} own={rsvp} />
            <button type="submit">{t.rsvp.save}</button>
          </form>
          <h2 id="cancel">{t.rsvp.cancel}</h2>
          <p>{t.rsvp.cancelIntro}</p>
          <form method="post" action={`${base}/cancel`} aria-labelledby="cancel">
            <button type="submit" class="secondary">
              {t.rsvp.cancelButton}
            </button>
          </form>
        </>
      )}
      <BackToProgramme t={t} visit={visit} />
    </section>
  )
}

/** The opt-out link of the change mails: one button, and one to turn them back on. */
export function RsvpOptOutPage({
  t,
  token,
  own,
  notice,
}: {
  t: Messages
  token: string
  own: Own
  notice?: string | undefined
}) {
  const on = own.rsvp.notifyChanges
  return (
    <section class="narrow">
      <h1>{t.rsvp.optOutTitle}</h1>
      <VisitLine t={t} visit={ownVisit(own)} />
      <Status text={notice} />
      {notice ? null : <p>{on ? t.rsvp.optOutIntro : t.rsvp.notifyOff}</p>}
      <form method="post" action={`/r/${token}/opt-out`}>
        <input type="hidden" name="notify" value={on ? 'no' : 'yes'} />
        <button type="submit" class={on ? undefined : 'secondary'}>
          {on ? t.rsvp.optOutButton : t.rsvp.optInButton}
        </button>
      </form>
      <p>
        <a href={`/r/${token}`}>{t.rsvp.yourRsvp}</a>
      </p>
    </section>
  )
}

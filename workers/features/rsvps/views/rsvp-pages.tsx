import { dietaryOptions } from '../../../../shared/domain/diets'
import type { Messages } from '../../../../shared/i18n'
import { formatLocalDate, formatLongDate } from '../../../../shared/i18n/format'
import { Checkboxes, ErrorSummary, Field, type FormState, Select, Textarea } from '../../../platform/ui/form'
import type { getRsvpByToken, RsvpOutcome, WaitReason } from '../rsvps'
import { describeDietary } from '../rules'
import { MAX_PARTY_SIZE } from '../schemas'
import type { guestsPage, rsvpTotals } from '../team-lists'

/**
 * What the guest pages show of a visit. `programme` is the public page to link back to (with the share link of
 * an unlisted visit), or null when the reader cannot open it.
 */
export type RsvpVisit = { title: string; startDate: string; programme: string | null }
type Group = { id: string; name: string }
type Own = Awaited<ReturnType<typeof getRsvpByToken>>
type Totals = Awaited<ReturnType<typeof rsvpTotals>>['totals']
type List = NonNullable<Awaited<ReturnType<typeof guestsPage>>['list']>
type Limit = Totals['limit']
type GroupLimits = Totals['groupLimits']
type Waiting = Awaited<ReturnType<typeof guestsPage>>['waiting']

/**
 * The limit that applies to a guest of the whole company, and the venue and moment that set it; then the
 * groups whose own place is smaller.
 */
function LimitLine({ t, limit, groupLimits = [] }: { t: Messages; limit: Limit; groupLimits?: GroupLimits }) {
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

function Status({ text }: { text?: string | undefined }) {
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

/**
 * The limits as they apply: the visit's maximum, or with none set (or a smaller venue) the venue and moment
 * that hold guests back; and the groups whose own places are smaller.
 */
function LimitsForTeam({ t, totals }: { t: Messages; totals: Totals }) {
  const { capacity, limit } = totals
  const line =
    limit?.place && capacity === null
      ? t.rsvps.hiddenLimit(limit.limit, limit.place)
      : limit?.place
        ? `${t.rsvp.capacity(capacity ?? limit.limit)} ${t.rsvps.venueBelowMaximum(limit.limit, limit.place)}`
        : capacity === null
          ? t.rsvp.noCapacity
          : t.rsvp.capacity(capacity)
  return (
    <>
      <p class="muted">{line}</p>
      {totals.groupLimits.length > 0 ? (
        <>
          <h3>{t.rsvps.groupLimitsTitle}</h3>
          <ul>
            {totals.groupLimits.map((g) =>
              g.place ? <li>{t.rsvps.groupLimit(g.group, g.limit, g.place)}</li> : null,
            )}
          </ul>
        </>
      ) : null}
    </>
  )
}

/** For organisers: who waits and does not fit yet, and why; smaller parties behind them are not held back. */
export function WaitingSection({ t, waiting }: { t: Messages; waiting: Waiting }) {
  if (waiting.length === 0) return null
  return (
    <section aria-labelledby="waiting">
      <h2 id="waiting">{t.rsvps.skippedTitle}</h2>
      <p>{t.rsvps.skippedIntro}</p>
      <ul>
        {waiting.map((w) => (
          <li>
            <strong>{t.rsvps.skippedParty(w.name, w.partySize)}</strong>: {waitReason(t, w.because)}
          </li>
        ))}
      </ul>
    </section>
  )
}

/** The counts and dietary totals: for the team and the caterers alike (never names). */
function TotalsSection({ t, totals }: { t: Messages; totals: Totals }) {
  const nf = new Intl.NumberFormat(t.locale)
  return (
    <section aria-labelledby="totals">
      <h2 id="totals">{t.rsvp.totals}</h2>
      <LimitsForTeam t={t} totals={totals} />
      <table>
        <caption class="visually-hidden">{t.rsvp.totals}</caption>
        <tbody>
          {(
            [
              [t.rsvp.confirmedParties, totals.confirmedParties],
              [t.rsvp.confirmedPeople, totals.confirmedPeople],
              [t.rsvp.waitlistedPeople, totals.waitlistedPeople],
              [t.rsvp.accessNeedsCount, totals.accessNeedsCount],
              [t.rsvp.dietaryNotesCount, totals.dietary.notes],
            ] as const
          ).map(([label, n]) => (
            <tr>
              <th scope="row">{label}</th>
              <td>{nf.format(n)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t.rsvp.dietaryTotals}</h3>
      <table>
        <caption class="visually-hidden">{t.rsvp.dietaryTotals}</caption>
        <tbody>
          {dietaryOptions.map((o) => (
            <tr>
              <th scope="row">{t.rsvp.dietaryOptions[o]}</th>
              <td>{nf.format(totals.dietary.byOption[o])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

/** Registrations and people per status, and the confirmed guests per group: all counted by SQLite. */
function CountsSection({ t, totals }: { t: Messages; totals: Totals }) {
  const nf = new Intl.NumberFormat(t.locale)
  const g = t.rsvps.guestList
  const statuses = ['confirmed', 'waitlisted', 'cancelled'] as const
  return (
    <>
      <h3 id="by-status">{g.byStatusTitle}</h3>
      <table aria-labelledby="by-status">
        <thead>
          <tr>
            <th scope="col">{g.columns.what}</th>
            <th scope="col">{g.columns.registrations}</th>
            <th scope="col">{g.columns.people}</th>
          </tr>
        </thead>
        <tbody>
          {statuses.map((s) => (
            <tr>
              <th scope="row">{t.rsvp.statuses[s]}</th>
              <td>{nf.format(totals.byStatus[s].registrations)}</td>
              <td>{nf.format(totals.byStatus[s].people)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{g.registrations}</th>
            <td>{nf.format(totals.registrations)}</td>
            <td>{nf.format(statuses.reduce((sum, s) => sum + totals.byStatus[s].people, 0))}</td>
          </tr>
        </tbody>
      </table>
      {totals.byGroup.length > 0 ? (
        <>
          <h3 id="by-group">{g.byGroupTitle}</h3>
          <table aria-labelledby="by-group">
            <thead>
              <tr>
                <th scope="col">{g.columns.what}</th>
                <th scope="col">{g.columns.registrations}</th>
                <th scope="col">{g.columns.people}</th>
              </tr>
            </thead>
            <tbody>
              {[...totals.byGroup, { id: '', name: g.wholeCompany, ...totals.wholeCompany }].map((row) => (
                <tr>
                  <th scope="row">{row.name}</th>
                  <td>{nf.format(row.registrations)}</td>
                  <td>{nf.format(row.people)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </>
  )
}

/** The search form of the guest list: GET, so it works without JavaScript and the URL can be shared. */
function GuestSearch({ t, list, action }: { t: Messages; list: List; action: string }) {
  const g = t.rsvps.guestList
  const filtered = list.search !== '' || list.status !== null
  return (
    <form method="get" action={action} class="field-row">
      <Field
        name="q"
        type="text"
        label={list.access === 'organise' ? g.search : g.searchName}
        value={list.search}
      />
      <Select
        name="status"
        label={g.status}
        options={[
          { value: '', label: g.allStatuses },
          ...(['confirmed', 'waitlisted', 'cancelled'] as const).map((s) => ({
            value: s,
            label: t.rsvp.statuses[s],
          })),
        ]}
        value={list.status ?? ''}
      />
      <p class="button-row">
        <button type="submit" class="secondary">
          {g.filter}
        </button>
        {filtered ? <a href={action}>{g.clear}</a> : null}
      </p>
    </form>
  )
}

/** Previous and next page, keeping the search; plain links. */
function GuestPager({ t, list, action }: { t: Messages; list: List; action: string }) {
  const g = t.rsvps.guestList
  const from = list.matching === 0 ? 0 : (list.page - 1) * list.perPage + 1
  const to = Math.min(list.page * list.perPage, list.matching)
  const href = (page: number) => {
    const query = new URLSearchParams()
    if (list.search) query.set('q', list.search)
    if (list.status) query.set('status', list.status)
    if (page > 1) query.set('page', String(page))
    const text = query.toString()
    return text ? `${action}?${text}` : action
  }
  return (
    <nav class="pager button-row" aria-label={g.pages}>
      <p role="status">
        {g.showing(from, to, list.matching)}
        {list.pages > 1 ? ` · ${g.pageOf(list.page, list.pages)}` : null}
      </p>
      {list.page > 1 ? (
        <a href={href(list.page - 1)} rel="prev">
          {g.previous}
        </a>
      ) : null}
      {list.page < list.pages ? (
        <a href={href(list.page + 1)} rel="next">
          {g.next}
        </a>
      ) : null}
    </nav>
  )
}

/**
 * The registrations of a visit for its team: totals (counted in SQL), a search, one page of the list
 * (viewers without the private fields) and the CSV download (always the whole list) for organisers.
 * Caterers get the totals only.
 */
export function RsvpListPage({
  t,
  visit,
  totals,
  list,
  waiting,
  groups,
  notice,
  problem,
}: {
  t: Messages
  visit: { id: string; title: string; timeZone: string }
  totals: Totals
  list: List | null
  waiting: Waiting
  groups: readonly Group[]
  notice?: string | undefined
  /** The GET parameters could not be read: said at the top, the whole list shown. */
  problem?: string | undefined
}) {
  const groupName = new Map(groups.map((g) => [g.id, g.name]))
  const full = list?.access === 'organise'
  const action = `/visits/${visit.id}/rsvps`
  const g = t.rsvps.guestList
  return (
    <>
      <p>
        <a href={`/visits/${visit.id}`}>{t.rsvp.backToVisit}</a>
      </p>
      <h1>{t.rsvp.listTitle}</h1>
      <p class="lead">{visit.title}</p>
      <Status text={notice} />
      {problem ? (
        <p class="notice" role="alert">
          {problem}
        </p>
      ) : null}
      {list ? <p>{t.rsvp.listIntro}</p> : <p class="muted">{t.rsvp.cateringOnly}</p>}
      <TotalsSection t={t} totals={totals} />
      {list ? <CountsSection t={t} totals={totals} /> : null}
      <WaitingSection t={t} waiting={waiting} />
      {list ? (
        <section aria-labelledby="list">
          <h2 id="list">{t.rsvp.listTitle}</h2>
          {full ? (
            <p>
              <a class="button secondary" href={`/api/visits/${visit.id}/rsvps.csv`} download>
                {t.rsvp.downloadCsv}
              </a>
            </p>
          ) : null}
          {totals.registrations === 0 ? (
            <p class="notice">{t.rsvp.none}</p>
          ) : (
            <>
              <GuestSearch t={t} list={list} action={action} />
              <GuestPager t={t} list={list} action={action} />
              {list.rsvps.length === 0 ? (
                <p class="notice">{g.noneMatch(list.search)}</p>
              ) : (
                // A table wider than a phone scrolls inside this region: focusable and named, so a
                // keyboard can scroll it too (axe: scrollable-region-focusable).
                <section class="tl-scroll" aria-label={g.region} tabindex={0}>
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t.rsvp.columns.name}</th>
                        {full ? <th scope="col">{t.rsvp.columns.email}</th> : null}
                        <th scope="col">{t.rsvp.columns.partySize}</th>
                        <th scope="col">{t.rsvp.columns.status}</th>
                        {full ? <th scope="col">{t.rsvp.columns.dietary}</th> : null}
                        {full ? <th scope="col">{t.rsvp.columns.accessNeeds}</th> : null}
                        {groups.length > 0 ? <th scope="col">{t.rsvp.columns.groups}</th> : null}
                        <th scope="col">{t.rsvp.columns.registeredAt}</th>
                        {full ? <th scope="col">{g.actions}</th> : null}
                      </tr>
                    </thead>
                    <tbody>
                      {list.rsvps.map((r) => (
                        <tr class={r.status === 'cancelled' ? 'cancelled' : undefined}>
                          <td>{r.name}</td>
                          {'email' in r ? <td>{r.email}</td> : null}
                          <td>{r.partySize}</td>
                          <td>{t.rsvp.statuses[r.status]}</td>
                          {'dietary' in r ? (
                            <td>
                              {[...describeDietary(r.dietary, t.rsvp.dietaryOptions), r.dietaryNotes]
                                .filter(Boolean)
                                .join('; ')}
                            </td>
                          ) : null}
                          {'accessNeeds' in r ? <td>{r.accessNeeds}</td> : null}
                          {groups.length > 0 ? (
                            <td>{r.groupIds.map((id) => groupName.get(id) ?? id).join(', ')}</td>
                          ) : null}
                          <td>
                            <time datetime={r.createdAt.toISOString()}>
                              {formatLongDate(r.createdAt, visit.timeZone, t.locale)}
                            </time>
                          </td>
                          {full ? (
                            <td>
                              {r.status === 'cancelled' ? null : (
                                <form method="post" action={`${action}/${r.id}/cancel`}>
                                  <button type="submit" class="secondary">
                                    {g.cancel}
                                    <span class="visually-hidden">: {r.name}</span>
                                  </button>
                                </form>
                              )}
                            </td>
                          ) : null}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </section>
              )}
            </>
          )}
        </section>
      ) : null}
    </>
  )
}

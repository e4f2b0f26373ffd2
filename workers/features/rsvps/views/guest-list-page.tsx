import { dietaryOptions } from '../../../../shared/domain/diets'
import type { Messages } from '../../../../shared/i18n'
import { formatLongDate } from '../../../../shared/i18n/format'
import { Field, Select } from '../../../platform/ui/form'
import { describeDietary } from '../rules'
import type { guestsPage, rsvpTotals } from '../team-lists'
import { type Group, Status, waitReason } from './rsvp-pages'

// The team's guest list: the limits that apply, who waits and why, the totals counted in SQL, search and pages.

type Totals = Awaited<ReturnType<typeof rsvpTotals>>['totals']
type List = NonNullable<Awaited<ReturnType<typeof guestsPage>>['list']>
type Waiting = Awaited<ReturnType<typeof guestsPage>>['waiting']

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

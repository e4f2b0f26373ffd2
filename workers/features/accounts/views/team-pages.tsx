import type { TeamRole } from '../../../../shared/domain/access'
import type { Messages } from '../../../../shared/i18n'
import { formatLocalDate, formatLongDate, formatTime } from '../../../../shared/i18n/format'
import type { listAudit } from '../../../platform/audit'
import { ErrorSummary, Field, type FormState, Select } from '../../../platform/ui/form'
import { auditSentence } from '../audit-sentences'
import type { MyVisit } from '../my-visits'
import type { getTeam, listMyTeams } from '../teams'

const ZONE = 'Europe/Amsterdam'
const when = (t: Messages, at: Date) =>
  `${formatLongDate(at, ZONE, t.locale)} ${formatTime(at, ZONE, t.locale)}`
const roleOptions = (t: Messages) =>
  (['owner', 'organiser', 'viewer'] as const).map((r) => ({ value: r, label: t.teams.roles[r] }))

/** The visits someone hosts or caters for, each with the way to their venue or their orders. */
function MyVisits({ t, visits }: { t: Messages; visits: readonly MyVisit[] }) {
  const words = t.roles
  return (
    <ul class="cards">
      {visits.map((visit) => (
        <li class="card">
          <h3 class="card-title">
            <a href={`/visits/${visit.id}`}>{visit.title}</a>
          </h3>
          <p class="muted">
            <time datetime={visit.startDate}>{formatLocalDate(visit.startDate, t.locale)}</time>
            {visit.endDate !== visit.startDate ? (
              <>
                {' – '}
                <time datetime={visit.endDate}>{formatLocalDate(visit.endDate, t.locale)}</time>
              </>
            ) : null}
          </p>
          <ul class="plain-list">
            {visit.hosts.map((h) => (
              <li>
                <a href={`/venues/${h.venueId}`}>{words.hostOf(h.venueName)}</a>
              </li>
            ))}
            {visit.caters ? (
              <li>
                {words.caterer}: <a href={`/visits/${visit.id}/catering`}>{words.yourOrders}</a>
              </li>
            ) : null}
          </ul>
        </li>
      ))}
    </ul>
  )
}

/**
 * Where a signed-in person lands: their teams and a form to start one; someone who hosts or caters for a
 * visit sees those visits too (first, and under "My visits" when they are in no team).
 */
export function TeamsPage({
  t,
  teams,
  visits = [],
  state,
}: {
  t: Messages
  teams: Awaited<ReturnType<typeof listMyTeams>>
  visits?: readonly MyVisit[]
  state?: FormState
}) {
  const guestOnly = teams.length === 0 && visits.length > 0
  return (
    <>
      <h1>{guestOnly ? t.roles.myVisits : t.teams.title}</h1>
      {visits.length > 0 ? (
        <section aria-labelledby="my-visits">
          <h2 id="my-visits">{t.roles.yourRoles}</h2>
          <p class="muted">{t.roles.yourRolesIntro}</p>
          <MyVisits t={t} visits={visits} />
        </section>
      ) : null}
      {teams.length === 0 && !guestOnly ? <p class="notice">{t.teams.none}</p> : null}
      {teams.length > 0 ? (
        <ul class="cards">
          {teams.map((team) => (
            <li class="card">
              <h2 class="card-title">
                <a href={`/teams/${team.id}`}>{team.name}</a>
              </h2>
              <span class="tag">{t.teams.roles[team.role]}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <section aria-labelledby="create-team">
        <h2 id="create-team">{guestOnly ? t.roles.ownTeam : t.teams.create}</h2>
        {guestOnly ? <p class="muted">{t.roles.ownTeamIntro}</p> : null}
        <ErrorSummary t={t} state={state} />
        <form method="post" action="/teams" novalidate>
          <Field name="name" label={t.teams.name} hint={t.teams.nameHint} state={state} required />
          <button type="submit">{t.teams.createButton}</button>
        </form>
      </section>
    </>
  )
}

type TeamData = Awaited<ReturnType<typeof getTeam>>

/** Team settings: name, members and their roles, invitations. Forms only where the viewer may use them. */
export function TeamPage({
  t,
  data,
  myRole,
  myId,
  notice,
  renameState,
  inviteState,
}: {
  t: Messages
  data: TeamData
  myRole: TeamRole
  myId: string
  notice?: string | undefined
  renameState?: FormState | undefined
  inviteState?: FormState | undefined
}) {
  const owner = myRole === 'owner'
  const base = `/teams/${data.team.id}`
  return (
    <>
      <h1>{data.team.name}</h1>
      <p>
        <span class="tag">{t.teams.roles[myRole]}</span>
      </p>
      <nav class="tabs" aria-label={t.teams.settings}>
        <a href={`${base}/visits`}>{t.visits.title}</a>
        <a href={`${base}/venues`}>{t.venues.title}</a>
        {myRole !== 'viewer' ? <a href={`${base}/host-offers`}>{t.hostOffers.teamLink}</a> : null}
        <a href={`${base}/follow-ups`}>{t.reports.followUps.title}</a>
        <a href={`/news/${data.team.id}`}>{t.reports.categories.news}</a>
      </nav>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      {owner ? (
        <section aria-labelledby="rename">
          <h2 id="rename">{t.teams.rename}</h2>
          <ErrorSummary t={t} state={renameState} />
          <form method="post" action={base} novalidate>
            <Field name="name" label={t.teams.name} value={data.team.name} state={renameState} required />
            <button type="submit">{t.account.save}</button>
          </form>
        </section>
      ) : null}
      <section aria-labelledby="members">
        <h2 id="members">{t.teams.members}</h2>
        <p class="muted">{t.teams.roleHelp}</p>
        <table class="stack">
          <thead>
            <tr>
              <th scope="col">{t.participants.name}</th>
              <th scope="col">{t.auth.email}</th>
              <th scope="col">{t.teams.role}</th>
            </tr>
          </thead>
          <tbody>
            {data.members.map((m) => (
              <tr>
                <td>
                  {m.name || '—'}
                  {m.personId === myId ? ` (${t.teams.you})` : ''}
                </td>
                <td data-label={t.auth.email}>{m.email}</td>
                <td data-label={t.teams.role}>
                  {owner ? (
                    <>
                      <form method="post" action={`${base}/members/${m.personId}`} class="inline-form">
                        <label class="visually-hidden" for={`role-${m.personId}`}>
                          {`${t.teams.role}: ${m.email}`}
                        </label>
                        <select id={`role-${m.personId}`} name="role">
                          {roleOptions(t).map((o) => (
                            <option value={o.value} selected={o.value === m.role}>
                              {o.label}
                            </option>
                          ))}
                        </select>{' '}
                        <button type="submit" class="secondary">
                          {t.teams.changeRole}
                        </button>
                      </form>
                      <form method="post" action={`${base}/members/${m.personId}/remove`} class="inline-form">
                        <button type="submit" class="secondary">
                          {t.teams.remove}
                        </button>
                      </form>
                    </>
                  ) : (
                    t.teams.roles[m.role]
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {owner && data.invitations ? (
        <section aria-labelledby="invitations">
          <h2 id="invitations">{t.teams.invite}</h2>
          <ErrorSummary t={t} state={inviteState} />
          <form method="post" action={`${base}/invitations`} novalidate>
            <Field
              name="email"
              type="email"
              label={t.auth.email}
              state={inviteState}
              autocomplete="off"
              required
            />
            <Select
              name="role"
              label={t.teams.role}
              options={roleOptions(t)}
              state={inviteState}
              value="organiser"
            />
            <button type="submit">{t.teams.inviteButton}</button>
          </form>
          <h3>{t.teams.pending}</h3>
          {data.invitations.length === 0 ? <p class="muted">{t.teams.noPending}</p> : null}
          <ul>
            {data.invitations.map((i) => (
              <li>
                {i.email} — {t.teams.roles[i.role]} — {t.teams.expires} {when(t, i.expiresAt)}{' '}
                <form method="post" action={`${base}/invitations/${i.id}/revoke`} class="inline-form">
                  <button type="submit" class="secondary">
                    {t.teams.revoke}
                  </button>
                </form>
              </li>
            ))}
          </ul>
          <p>
            <a href={`${base}/audit`}>{t.teams.audit}</a>
          </p>
        </section>
      ) : null}
    </>
  )
}

/** The team's audit log (owners). */
export function AuditPage({
  t,
  teamName,
  entries,
}: {
  t: Messages
  teamName: string
  entries: Awaited<ReturnType<typeof listAudit>>
}) {
  return (
    <>
      <h1>
        {t.teams.audit}: {teamName}
      </h1>
      <p class="muted">{t.teams.auditIntro}</p>
      <table class="stack">
        <thead>
          <tr>
            <th scope="col">{t.teams.auditWhen}</th>
            <th scope="col">{t.teams.auditWho}</th>
            <th scope="col">{t.teams.auditWhat}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const { sentence, changed } = auditSentence(t, e)
            return (
              <tr>
                <td>
                  <time datetime={e.createdAt.toISOString()}>{when(t, e.createdAt)}</time>
                </td>
                <td data-label={t.teams.auditWho}>{e.actorName || e.actorEmail || '—'}</td>
                <td data-label={t.teams.auditWhat}>
                  {sentence}
                  {changed.length > 0 ? (
                    <span class="muted">
                      {' '}
                      {t.organiser.audit.changed}: {changed.join(', ')}.
                    </span>
                  ) : null}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </>
  )
}

/** An invitation opened from the mail. */
export function InvitationPage({
  t,
  token,
  invitation,
  signedInEmail,
}: {
  t: Messages
  token: string
  invitation: { teamName: string; role: TeamRole; email: string } | null
  signedInEmail: string
}) {
  if (!invitation) {
    return (
      <section class="narrow">
        <h1>{t.invitation.title}</h1>
        <p class="notice">{t.invitation.invalid}</p>
      </section>
    )
  }
  return (
    <section class="narrow">
      <h1>{t.invitation.title}</h1>
      <p class="lead">{t.invitation.intro(invitation.teamName, t.teams.roles[invitation.role])}</p>
      {invitation.email === signedInEmail ? (
        <form method="post" action={`/invitations/${token}`}>
          <button type="submit">{t.invitation.accept}</button>
        </form>
      ) : (
        <p class="notice">{t.invitation.wrongPerson(invitation.email)}</p>
      )}
    </section>
  )
}

/** The signed-in person's name and sessions. */
export function AccountPage({
  t,
  name,
  email,
  sessions,
  notice,
  state,
}: {
  t: Messages
  name: string
  email: string
  sessions: { createdAt: Date; lastSeenAt: Date; userAgent: string; current: boolean }[]
  notice?: string | undefined
  state?: FormState | undefined
}) {
  return (
    <>
      <h1>{t.account.title}</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <p>
        {t.auth.signedInAs} <strong>{email}</strong>
      </p>
      <ErrorSummary t={t} state={state} />
      <form method="post" action="/account" novalidate>
        <Field
          name="name"
          label={t.account.name}
          hint={t.account.nameHint}
          value={name}
          state={state}
          autocomplete="name"
        />
        <button type="submit">{t.account.save}</button>
      </form>
      <section aria-labelledby="sessions">
        <h2 id="sessions">{t.account.sessions}</h2>
        <p class="muted">{t.account.sessionsIntro}</p>
        <table class="stack">
          <thead>
            <tr>
              <th scope="col">{t.account.device}</th>
              <th scope="col">{t.account.started}</th>
              <th scope="col">{t.account.lastSeen}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr>
                <td>
                  {s.userAgent || '—'}
                  {s.current ? <strong> ({t.account.thisDevice})</strong> : null}
                </td>
                <td data-label={t.account.started}>{when(t, s.createdAt)}</td>
                <td data-label={t.account.lastSeen}>{when(t, s.lastSeenAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <form method="post" action="/account/sign-out-everywhere">
          <button type="submit" class="secondary">
            {t.account.signOutEverywhere}
          </button>
        </form>
      </section>
    </>
  )
}

import { visitKinds } from '../../../../shared/db/schema'
import type { ReleaseChange } from '../../../../shared/domain/releases'
import { describeChange } from '../../../../shared/domain/releases'
import type { Messages } from '../../../../shared/i18n'
import { formatLocalDate, formatLongDate, formatTime } from '../../../../shared/i18n/format'
import { Checkbox, ErrorSummary, Field, type FormState, Select, Textarea } from '../../../platform/ui/form'
import type { getParticipant, getProgramme, listParticipants } from '../../programme/programme'
import type { VisitRow } from '../../programme/queries'
import type { listReleases } from '../../releases/releases'
import type { getVisit, VisitAccess } from '../visits'

type VisitData = Awaited<ReturnType<typeof getVisit>>
type Programme = Awaited<ReturnType<typeof getProgramme>>['programme']
/** The visit fields every page header needs. */
type VisitHead = Pick<VisitRow, 'id' | 'title' | 'slug' | 'status' | 'startDate' | 'endDate' | 'teamId'>

/** Budget cents as the form shows them: '1250' or '1250,50' (a decimal comma in Dutch). */
export function eurosForForm(cents: number | null | undefined, t: Messages): string {
  if (cents === null || cents === undefined) return ''
  const euros = cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2)
  return t.lang === 'nl' ? euros.replace('.', ',') : euros
}

const money = (cents: number, t: Messages) =>
  new Intl.NumberFormat(t.locale, { style: 'currency', currency: 'EUR' }).format(cents / 100)

/** The visit's first and last day in words; one day when they are the same. */
export function VisitDates({ t, visit }: { t: Messages; visit: Pick<VisitRow, 'startDate' | 'endDate'> }) {
  return (
    <>
      <time datetime={visit.startDate}>{formatLocalDate(visit.startDate, t.locale)}</time>
      {visit.endDate !== visit.startDate ? (
        <>
          {' – '}
          <time datetime={visit.endDate}>{formatLocalDate(visit.endDate, t.locale)}</time>
        </>
      ) : null}
    </>
  )
}

/** The tabs of a visit for its team: overview, programme, company, releases. Hosts and caterers see none. */
export function VisitNav({
  t,
  visit,
  access,
  current,
}: {
  t: Messages
  visit: VisitHead
  access: VisitAccess
  current: 'overview' | 'programme' | 'participants' | 'talks' | 'rsvps' | 'releases'
}) {
  if (access !== 'organise' && access !== 'read') return null
  const base = `/visits/${visit.id}`
  const tabs = [
    ['overview', base],
    ['programme', `${base}/programme`],
    ['participants', `${base}/participants`],
    ['talks', `${base}/talks`],
    ['rsvps', `${base}/rsvps`],
    ['releases', `${base}/releases`],
  ] as const
  return (
    <nav class="tabs" aria-label={t.visits.nav}>
      <a href={`/teams/${visit.teamId}/visits`}>{t.visits.title}</a>
      {tabs.map(([key, href]) => (
        <a href={href} aria-current={key === current ? 'page' : undefined}>
          {t.visits.tabs[key]}
        </a>
      ))}
    </nav>
  )
}

/** The fields of a visit, shared by the create and the edit form. */
function VisitFields({
  t,
  state,
  visit,
}: {
  t: Messages
  state?: FormState | undefined
  visit?: (Omit<VisitRow, 'budgetCents'> & { budgetCents?: number | null }) | undefined
}) {
  return (
    <>
      <Select
        name="kind"
        label={t.visits.kind}
        options={visitKinds.map((k) => ({ value: k, label: t.visit.kinds[k] }))}
        state={state}
        value={visit?.kind ?? 'college_visit'}
      />
      <Field
        name="title"
        label={t.visits.name}
        hint={t.visits.nameHint}
        value={visit?.title}
        state={state}
        required
      />
      <Field name="slug" label={t.visits.slug} hint={t.visits.slugHint} value={visit?.slug} state={state} />
      <Field
        name="startDate"
        type="date"
        label={t.visits.startDate}
        value={visit?.startDate}
        state={state}
        required
      />
      <Field
        name="endDate"
        type="date"
        label={t.visits.endDate}
        value={visit?.endDate}
        state={state}
        required
      />
      <Field
        name="timeZone"
        label={t.visits.timeZone}
        hint={t.visits.timeZoneHint}
        value={visit?.timeZone ?? 'Europe/Amsterdam'}
        state={state}
      />
      <Textarea name="description" label={t.visits.description} value={visit?.description} state={state} />
      <Field name="meetingPoint" label={t.visits.meetingPoint} value={visit?.meetingPoint} state={state} />
      <Field
        name="expectedGuests"
        type="number"
        label={t.visits.expectedGuests}
        value={visit?.expectedGuests == null ? '' : String(visit.expectedGuests)}
        state={state}
      />
      <Field
        name="budgetCents"
        label={t.visits.budget}
        hint={t.visits.budgetHint}
        inputmode="decimal"
        value={eurosForForm(visit?.budgetCents, t)}
        state={state}
      />
      <Field
        name="walkingSpeedKmh"
        label={t.visits.walkingSpeed}
        hint={t.visits.walkingSpeedHint}
        inputmode="decimal"
        value={visit ? String(visit.walkingSpeedKmh).replace('.', t.lang === 'nl' ? ',' : '.') : ''}
        state={state}
      />
      <Checkbox name="listed" label={t.visits.listed} checked={visit?.listed ?? true} state={state} />
    </>
  )
}

/** The visits of a team, and (for organisers) a form to start a new one. */
export function VisitsPage({
  t,
  teamId,
  visits,
  canOrganise,
  state,
}: {
  t: Messages
  teamId: string
  visits: VisitRow[]
  canOrganise: boolean
  state?: FormState | undefined
}) {
  return (
    <>
      <p>
        <a href={`/teams/${teamId}`}>{t.visits.backToTeam}</a>
      </p>
      <h1>{t.visits.title}</h1>
      <p class="lead">{t.visits.intro}</p>
      {visits.length === 0 ? <p class="notice">{t.visits.none}</p> : null}
      <ul class="cards">
        {visits.map((v) => (
          <li class="card">
            <span class="tag">{t.visits.statuses[v.status]}</span>
            <h2 class="card-title">
              <a href={`/visits/${v.id}`}>{v.title}</a>
            </h2>
            <p class="muted">
              <VisitDates t={t} visit={v} />
            </p>
          </li>
        ))}
      </ul>
      {canOrganise ? (
        <section aria-labelledby="create-visit">
          <h2 id="create-visit">{t.visits.create}</h2>
          <ErrorSummary t={t} state={state} />
          <form method="post" action={`/teams/${teamId}/visits`} novalidate>
            <VisitFields t={t} state={state} />
            <button type="submit">{t.visits.createButton}</button>
          </form>
        </section>
      ) : null}
    </>
  )
}

/** A notice in a status region: saved, or changed by someone else. */
export function Notice({ text }: { text?: string | undefined }) {
  if (!text) return null
  return (
    <p class="notice" role="status">
      {text}
    </p>
  )
}

/**
 * A visit's overview: details, status and clash count, the (later) registration and catering summaries, and
 * for organisers the edit, duplicate, publish and archive forms. Others see what their access allows.
 */
export function VisitOverviewPage({
  t,
  data,
  clashCount,
  publicUrl,
  notice,
  editState,
  duplicateState,
}: {
  t: Messages
  data: VisitData
  clashCount: number | null
  /** Where the public pages live, for the embed snippet. */
  publicUrl: string
  notice?: string | undefined
  editState?: FormState | undefined
  duplicateState?: FormState | undefined
}) {
  const { visit, access } = data
  const organise = access === 'organise'
  const budgetCents = 'budgetCents' in visit ? visit.budgetCents : null
  const itemVenueIds = new Set(data.items.map((i) => i.venueId))
  // Organisers see all the team's venues in `data`; the overview names only those the programme uses.
  const venues = access === 'host' ? data.venues : data.venues.filter((v) => itemVenueIds.has(v.id))
  const base = `/visits/${visit.id}`
  return (
    <>
      <VisitNav t={t} visit={visit} access={access} current="overview" />
      <span class="tag">{t.visit.kinds[visit.kind]}</span>{' '}
      <span class="tag">{t.visits.statuses[visit.status]}</span>
      <h1>{visit.title}</h1>
      <p class="lead">
        <VisitDates t={t} visit={visit} />
      </p>
      <Notice text={notice} />
      {!organise ? <p class="muted">{t.visits.readOnly}</p> : null}
      {clashCount !== null ? (
        <p class={clashCount > 0 ? 'clash-summary has-clashes' : 'clash-summary'}>
          {clashCount > 0 ? (
            <a href={`${base}/programme#clashes`}>{t.visits.clashCount(clashCount)}</a>
          ) : (
            t.visits.clashCount(0)
          )}
        </p>
      ) : null}
      <section aria-labelledby="details">
        <h2 id="details">{t.visits.details}</h2>
        <dl class="details">
          <dt>{t.visits.status}</dt>
          <dd>{t.visits.statuses[visit.status]}</dd>
          {visit.status !== 'draft' ? (
            <>
              <dt>{t.visits.publicPage}</dt>
              <dd>
                <a href={`/v/${visit.slug}`}>/v/{visit.slug}</a>
              </dd>
            </>
          ) : null}
          <dt>{t.visits.meetingPoint}</dt>
          <dd>{visit.meetingPoint || t.visits.notSet}</dd>
          <dt>{t.visits.expectedGuests}</dt>
          <dd>{visit.expectedGuests ?? t.visits.notSet}</dd>
          {access === 'organise' || access === 'read' ? (
            <>
              <dt>{t.visits.budget}</dt>
              <dd>{budgetCents == null ? t.visits.notSet : money(budgetCents, t)}</dd>
            </>
          ) : null}
          <dt>{t.visits.timeZone}</dt>
          <dd>{visit.timeZone}</dd>
        </dl>
        {visit.description ? <p class="prewrap">{visit.description}</p> : null}
      </section>
      {venues.length > 0 ? (
        <section aria-labelledby="visit-venues">
          <h2 id="visit-venues">{t.visits.venuesHere}</h2>
          <ul class="venue-list">
            {venues.map((v) => (
              <li class="card">
                <h3 class="card-title">
                  <a href={`/venues/${v.id}`}>{v.name}</a>
                </h3>
                {v.address ? <p class="muted">{v.address}</p> : null}
                {'hostContact' in v && (v.hostName || v.hostContact) ? (
                  <p>
                    {t.visits.hostContact}: {[v.hostName, v.hostContact].filter(Boolean).join(' · ')}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {access === 'organise' || access === 'read' ? (
        <>
          <section aria-labelledby="rsvps" class="slot">
            <h2 id="rsvps">{t.visits.rsvps}</h2>
            <p class="muted">{t.visits.rsvpsLater}</p>
            <p>
              <a href={`/visits/${visit.id}/rsvps`}>{t.visits.rsvpsLink}</a>
            </p>
          </section>
          {visit.status !== 'draft' ? (
            <section aria-labelledby="embed" class="slot">
              <h2 id="embed">{t.visits.embedTitle}</h2>
              <p class="muted">{t.visits.embedIntro}</p>
              <pre>
                <code>{`<iframe src="${publicUrl}/v/${visit.slug}/embed" title="${visit.title.replaceAll('"', '&quot;')}" width="100%" height="600" loading="lazy"></iframe>`}</code>
              </pre>
            </section>
          ) : null}
          <section aria-labelledby="catering" class="slot">
            <h2 id="catering">{t.visits.catering}</h2>
            <p class="muted">{t.visits.cateringLater}</p>
          </section>
        </>
      ) : null}
      {organise && 'budgetCents' in visit ? (
        <>
          <section aria-labelledby="edit-visit">
            <h2 id="edit-visit">{t.visits.edit}</h2>
            <ErrorSummary t={t} state={editState} />
            <form method="post" action={base} novalidate>
              <input type="hidden" name="version" value={String(visit.version)} />
              <VisitFields t={t} state={editState} visit={visit} />
              <button type="submit">{t.visits.save}</button>
            </form>
          </section>
          {visit.status !== 'archived' ? (
            <section aria-labelledby="publish">
              <h2 id="publish">{t.visits.publish}</h2>
              <p class="muted">{t.visits.publishIntro}</p>
              <form method="post" action={`${base}/releases`}>
                <button type="submit">{t.visits.publishButton}</button>
              </form>
            </section>
          ) : null}
          <section aria-labelledby="duplicate">
            <h2 id="duplicate">{t.visits.duplicate}</h2>
            <p class="muted">{t.visits.duplicateIntro}</p>
            <ErrorSummary t={t} state={duplicateState} />
            <form method="post" action={`${base}/duplicate`} novalidate>
              <Field
                name="title"
                id="field-duplicate-title"
                label={t.visits.newTitle}
                state={duplicateState}
                required
              />
              <Field
                name="slug"
                id="field-duplicate-slug"
                label={t.visits.slug}
                hint={t.visits.slugHint}
                state={duplicateState}
              />
              <Field
                name="startDate"
                id="field-duplicate-startDate"
                type="date"
                label={t.visits.newStartDate}
                state={duplicateState}
                required
              />
              <button type="submit" class="secondary">
                {t.visits.duplicateButton}
              </button>
            </form>
          </section>
          {visit.status !== 'archived' ? (
            <section aria-labelledby="archive">
              <h2 id="archive">{t.visits.archive}</h2>
              <p class="muted">{t.visits.archiveIntro}</p>
              <form method="post" action={`${base}/archive`}>
                <button type="submit" class="secondary">
                  {t.visits.archiveButton}
                </button>
              </form>
            </section>
          ) : null}
        </>
      ) : null}
    </>
  )
}

type Participant = Awaited<ReturnType<typeof listParticipants>>[number]

/** The visiting company; contact and dietary needs only where the service included them (organisers). */
export function ParticipantsPage({
  t,
  programme,
  access,
  participants,
  state,
}: {
  t: Messages
  programme: Programme
  access: VisitAccess
  participants: Participant[]
  state?: FormState | undefined
}) {
  const { visit, groups } = programme
  const organise = access === 'organise'
  const groupName = new Map(groups.map((g) => [g.id, g.name]))
  return (
    <>
      <VisitNav t={t} visit={visit} access={access} current="participants" />
      <h1>
        {t.participants.title}: {visit.title}
      </h1>
      <p class="lead">{t.participants.intro}</p>
      {participants.length === 0 ? <p class="notice">{t.participants.none}</p> : null}
      {participants.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.participants.name}</th>
              <th scope="col">{t.participants.function}</th>
              <th scope="col">{t.participants.organisation}</th>
              <th scope="col">{t.participants.group}</th>
              {organise ? (
                <>
                  <th scope="col">{t.participants.dietaryNeeds}</th>
                  <th scope="col">{t.participants.contact}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t.participants.remove}</span>
                  </th>
                </>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {participants.map((p) => (
              <tr>
                <td>
                  <a href={`/participants/${p.id}`}>{p.name}</a>
                </td>
                <td>{t.participants.functions[p.function]}</td>
                <td>{p.organisation}</td>
                <td>{p.groupId ? (groupName.get(p.groupId) ?? '') : ''}</td>
                {organise ? (
                  <>
                    <td>{'dietaryNeeds' in p ? p.dietaryNeeds : ''}</td>
                    <td>{'contact' in p ? p.contact : ''}</td>
                    <td>
                      <form
                        method="post"
                        action={`/visits/${visit.id}/participants/${p.id}/delete`}
                        class="inline-form"
                      >
                        <button
                          type="submit"
                          class="secondary"
                          aria-label={`${t.participants.remove}: ${p.name}`}
                        >
                          {t.participants.remove}
                        </button>
                      </form>
                    </td>
                  </>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {organise ? (
        <section aria-labelledby="add-participant">
          <h2 id="add-participant">{t.participants.add}</h2>
          <ErrorSummary t={t} state={state} />
          <form method="post" action={`/visits/${visit.id}/participants`} novalidate>
            <ParticipantFields t={t} groups={groups} state={state} />
            <button type="submit">{t.participants.addButton}</button>
          </form>
        </section>
      ) : null}
    </>
  )
}

type Release = Awaited<ReturnType<typeof listReleases>>[number]

/** One change list as sentences in the reader's language, times in the visit's zone. */
function ChangeList({
  t,
  changes,
  timeZone,
  multiDay,
}: {
  t: Messages
  changes: readonly ReleaseChange[]
  timeZone: string
  multiDay: boolean
}) {
  if (changes.length === 0) return <p class="muted">{t.releases.noChanges}</p>
  const lang = t.lang === 'en' ? 'en' : 'nl'
  return (
    <ul class="change-list">
      {changes.map((c) => (
        <li>{describeChange(c, lang, timeZone, { multiDay })}</li>
      ))}
    </ul>
  )
}

/** The release history of a visit, what publishing now would change, and (organisers) the publish form. */
export function ReleasesPage({
  t,
  visit,
  access,
  releases,
  pending,
  notice,
  state,
}: {
  t: Messages
  visit: Programme['visit']
  access: VisitAccess
  releases: Release[]
  pending: ReleaseChange[]
  notice?: string | undefined
  state?: FormState | undefined
}) {
  const zone = visit.timeZone
  const multiDay = visit.startDate !== visit.endDate
  return (
    <>
      <VisitNav t={t} visit={visit} access={access} current="releases" />
      <h1>
        {t.releases.title}: {visit.title}
      </h1>
      <p class="lead">{t.releases.intro}</p>
      <Notice text={notice} />
      <section aria-labelledby="pending">
        <h2 id="pending">{t.releases.pending}</h2>
        {pending.length === 0 && releases.length > 0 ? (
          <p class="muted">{t.releases.noPending}</p>
        ) : (
          <ChangeList t={t} changes={pending} timeZone={zone} multiDay={multiDay} />
        )}
        {access === 'organise' && visit.status !== 'archived' ? (
          <>
            <ErrorSummary t={t} state={state} />
            <form method="post" action={`/visits/${visit.id}/releases`} novalidate>
              <Field name="name" label={t.visits.releaseName} hint={t.visits.releaseNameHint} state={state} />
              <button type="submit">{t.visits.publishButton}</button>
            </form>
          </>
        ) : null}
      </section>
      <section aria-labelledby="history">
        <h2 id="history">{t.releases.title}</h2>
        {releases.length === 0 ? <p class="notice">{t.releases.none}</p> : null}
        {releases.map((r) => (
          <article class="release" aria-labelledby={`release-${r.number}`}>
            <h3 id={`release-${r.number}`}>{r.name}</h3>
            <p class="muted">
              {t.releases.publishedAt}{' '}
              <time datetime={r.publishedAt.toISOString()}>
                {formatLongDate(r.publishedAt, zone, t.locale)} {formatTime(r.publishedAt, zone, t.locale)}
              </time>
            </p>
            <ChangeList t={t} changes={r.changes} timeZone={zone} multiDay={multiDay} />
          </article>
        ))}
      </section>
    </>
  )
}

type ParticipantData = Awaited<ReturnType<typeof getParticipant>>

/** The fields of someone in the company: empty to add them, or filled with their details to change them. */
function ParticipantFields({
  t,
  groups,
  state,
  participant,
}: {
  t: Messages
  groups: readonly { id: string; name: string }[]
  state?: FormState | undefined
  participant?: {
    name: string
    function: keyof Messages['participants']['functions']
    organisation: string
    groupId: string | null
    dietaryNeeds: string
    contact: string
  }
}) {
  const functions = Object.entries(t.participants.functions).map(([value, label]) => ({ value, label }))
  return (
    <>
      <Field name="name" label={t.participants.name} value={participant?.name} state={state} required />
      <Select
        name="function"
        label={t.participants.function}
        options={functions}
        value={participant?.function ?? 'other'}
        state={state}
      />
      <Field
        name="organisation"
        label={t.participants.organisation}
        value={participant?.organisation}
        state={state}
      />
      <Select
        name="groupId"
        label={t.participants.group}
        options={[
          { value: '', label: t.participants.noGroup },
          ...groups.map((g) => ({ value: g.id, label: g.name })),
        ]}
        value={participant?.groupId ?? ''}
        state={state}
      />
      <Field
        name="dietaryNeeds"
        label={t.participants.dietaryNeeds}
        value={participant?.dietaryNeeds}
        state={state}
      />
      <Field name="contact" label={t.participants.contact} value={participant?.contact} state={state} />
    </>
  )
}

/** One person of the company: organisers change the details (with the version); viewers read them. */
export function ParticipantPage({
  t,
  access,
  visit,
  participant,
  groups,
  notice,
  state,
}: ParticipantData & { t: Messages; notice?: string | undefined; state?: FormState | undefined }) {
  const groupName = new Map(groups.map((g) => [g.id, g.name]))
  return (
    <>
      <VisitNav t={t} visit={visit} access={access} current="participants" />
      <p>
        <a href={`/visits/${visit.id}/participants`}>{t.participants.backToList}</a>
      </p>
      <h1>{participant.name}</h1>
      <p class="lead">
        {t.participants.functions[participant.function]}
        {participant.organisation ? `, ${participant.organisation}` : ''}
        {participant.groupId ? ` · ${groupName.get(participant.groupId) ?? ''}` : ''}
      </p>
      <Notice text={notice} />
      {access === 'organise' && 'contact' in participant ? (
        <section aria-labelledby="edit-participant">
          <h2 id="edit-participant">{t.participants.edit}</h2>
          <ErrorSummary t={t} state={state} />
          <form method="post" action={`/participants/${participant.id}`} novalidate>
            <input type="hidden" name="version" value={String(participant.version)} />
            <ParticipantFields t={t} groups={groups} state={state} participant={participant} />
            <button type="submit">{t.participants.saveButton}</button>
          </form>
        </section>
      ) : null}
    </>
  )
}

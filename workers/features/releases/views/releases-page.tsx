import type { ReleaseChange } from '../../../../shared/domain/releases'
import { describeChange } from '../../../../shared/domain/releases'
import type { Messages } from '../../../../shared/i18n'
import { formatLongDate, formatTime } from '../../../../shared/i18n/format'
import { ErrorSummary, Field, type FormState } from '../../../platform/ui/form'
import type { VisitRow } from '../../visits/queries'
import { Notice, VisitNav } from '../../visits/views/visit-parts'
import type { VisitAccess } from '../../visits/visits'
import type { listReleases } from '../releases'

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
  visit: VisitRow
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

import type { ReleaseChange } from '../../../../shared/domain/releases'
import { describeChange } from '../../../../shared/domain/releases'
import type { Messages } from '../../../../shared/i18n'
import { formatLongDate, formatTime } from '../../../../shared/i18n/format'
import { Checkbox, ErrorSummary, Field, type FormState } from '../../../platform/ui/form'
import { ClashList } from '../../programme/views/clash-list'
import { Notice, VisitNav } from '../../visits/views/visit-parts'
import type { PublishPreview } from '../publish-check'
import { releaseLabel } from '../release-label'

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
  preview,
  notice,
  state,
  published,
}: {
  t: Messages
  preview: PublishPreview
  notice?: string | undefined
  state?: FormState | undefined
  /** Just published: say so and link the public schedule. */
  published?: boolean | undefined
}) {
  const { visit, access, releases, pending, clashes, titleOf, seen } = preview
  const zone = visit.timeZone
  const multiDay = visit.startDate !== visit.endDate
  const words = t.organiser.publish
  const latest = releases[0]
  return (
    <>
      <VisitNav t={t} visit={visit} access={access} current="releases" />
      <h1>
        {t.releases.title}: {visit.title}
      </h1>
      {published && latest ? (
        <div class="notice success" role="status" id="published" tabindex={-1}>
          <p>{words.published(releaseLabel(latest.name, t.lang))}</p>
          <p>
            <a class="button" href={`/v/${visit.slug}`}>
              {words.viewPublic}
            </a>
          </p>
        </div>
      ) : null}
      <p class="lead">{t.releases.intro}</p>
      <Notice text={notice} />
      <section aria-labelledby="pending">
        <h2 id="pending">{t.releases.pending}</h2>
        {pending.length === 0 && releases.length > 0 ? (
          <p class="muted">{t.releases.noPending}</p>
        ) : (
          <ChangeList t={t} changes={pending} timeZone={zone} multiDay={multiDay} />
        )}
        {access === 'organise' && pending.length > 0 ? (
          <>
            <h3 id="open-clashes" class={clashes.length > 0 ? 'has-clashes' : undefined}>
              {clashes.length > 0 ? words.openClashes(clashes.length) : words.noClashes}
            </h3>
            {clashes.length > 0 ? (
              <>
                <p>{words.openClashesLead}</p>
                <ClashList t={t} clashes={clashes} titleOf={titleOf} />
                <p>
                  <a href={`/visits/${visit.id}/programme`}>{words.toProgramme}</a>
                </p>
              </>
            ) : null}
          </>
        ) : null}
        {access === 'organise' && visit.status !== 'archived' && pending.length > 0 ? (
          <>
            <ErrorSummary t={t} state={state} />
            <form method="post" action={`/visits/${visit.id}/releases`} novalidate>
              <input type="hidden" name="seen" value={seen} />
              <Field name="name" label={t.visits.releaseName} hint={t.visits.releaseNameHint} state={state} />
              {clashes.length > 0 ? (
                <Checkbox name="confirmClashes" label={words.confirmClashes(clashes.length)} state={state} />
              ) : null}
              <button type="submit">{words.button(pending.length)}</button>
            </form>
          </>
        ) : null}
        {access === 'organise' && visit.status !== 'archived' && pending.length === 0 ? (
          <p class="notice">{releases.length === 0 ? words.emptyFirst : words.empty}</p>
        ) : null}
      </section>
      <section aria-labelledby="history">
        <h2 id="history">{t.releases.title}</h2>
        {releases.length === 0 ? <p class="notice">{t.releases.none}</p> : null}
        {releases.map((r) => (
          <article class="release" aria-labelledby={`release-${r.number}`}>
            <h3 id={`release-${r.number}`}>{releaseLabel(r.name, t.lang)}</h3>
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

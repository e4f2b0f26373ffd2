import type { Messages } from '../../../../shared/i18n'
import { ErrorSummary, type FormState } from '../../../platform/ui/form'
import type { VisitRow } from '../queries'
import { VisitDates, VisitFields } from './visit-parts'

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

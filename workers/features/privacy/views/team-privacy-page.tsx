import type { Messages } from '../../../../shared/i18n'
import { formatLongDate } from '../../../../shared/i18n/format'

type Request = { id: string; email: string; eraseAfter: Date; createdAt: Date }

/** For a team's owners: pending requests to erase that concern the team, and the record of processing. */
export function TeamPrivacyPage({
  t,
  teamId,
  teamName,
  requests,
  notice,
}: {
  t: Messages
  teamId: string
  teamName: string
  requests: Request[]
  notice?: string | undefined
}) {
  const p = t.privacy
  const day = (at: Date) => formatLongDate(at, 'Europe/Amsterdam', t.locale)
  return (
    <section aria-labelledby="title">
      <p>
        <a href={`/teams/${teamId}`}>{teamName}</a>
      </p>
      <h1 id="title">{p.teamTitle}</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <p>{p.teamIntro}</p>
      {requests.length === 0 ? (
        <p>{p.noRequests}</p>
      ) : (
        <ul class="plain-list">
          {requests.map((r) => (
            <li class="card">
              <p>
                <strong>{r.email}</strong>
              </p>
              <p class="muted">
                {p.requested}: {day(r.createdAt)} · {p.eraseAfter}: {day(r.eraseAfter)}
              </p>
              <form method="post" action={`/teams/${teamId}/privacy/${r.id}/erase`}>
                <button type="submit" class="danger">
                  {p.eraseNowButton}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <h2>{p.recordTitle}</h2>
      <p>{p.recordIntro}</p>
      <dl class="facts">
        {p.record.map(([term, text]) => (
          <>
            <dt>{term}</dt>
            <dd>{text}</dd>
          </>
        ))}
      </dl>
      <p>
        <a href="/privacy">{p.title}</a>
      </p>
    </section>
  )
}

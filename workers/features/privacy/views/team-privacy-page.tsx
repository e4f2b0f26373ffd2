import type { Lang, Messages } from '../../../../shared/i18n'
import { formatLongDate } from '../../../../shared/i18n/format'
import { ErrorSummary, Field, type FormState, Select } from '../../../platform/ui/form'

type Request = { id: string; email: string; eraseAfter: Date; createdAt: Date }

/** For a team's owners: pending requests to erase that concern the team, and the record of processing. */
export function TeamPrivacyPage({
  t,
  teamId,
  teamName,
  requests,
  notice,
  state,
  lang,
}: {
  t: Messages
  teamId: string
  teamName: string
  requests: Request[]
  notice?: string | undefined
  state?: FormState | undefined
  lang: Lang
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
      <h2 id="for-someone">{p.forSomeoneTitle}</h2>
      <p>{p.forSomeoneIntro}</p>
      <ErrorSummary t={t} state={state} />
      <form method="post" action={`/teams/${teamId}/privacy/requests#for-someone`} novalidate>
        <Field name="email" type="email" label={p.theirEmail} state={state} required />
        <Select
          name="kind"
          label={p.theirKind}
          state={state}
          options={[
            { value: 'export', label: p.theirKindExport },
            { value: 'erase', label: p.theirKindErase },
          ]}
        />
        <Select
          name="lang"
          label={p.mailLanguage}
          state={state}
          value={lang}
          options={[
            { value: 'nl', label: 'Nederlands' },
            { value: 'en', label: 'English' },
          ]}
        />
        <button type="submit">{p.forSomeoneButton}</button>
      </form>
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

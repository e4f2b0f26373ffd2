import type { Messages } from '../../../../shared/i18n'
import { ErrorSummary, Field, type FormState, Select } from '../../../platform/ui/form'
import type { listVisitRoles } from '../visit-roles'
import { Notice, VisitNav } from './visit-parts'

type Data = Awaited<ReturnType<typeof listVisitRoles>>

/** The visit's hosts and caterers, and the form that gives someone such a role (and mails them). */
export function VisitRolesPage({
  t,
  data,
  notice,
  state,
}: {
  t: Messages
  data: Data
  notice?: string | undefined
  state?: FormState | undefined
}) {
  const words = t.roles.page
  const { visit } = data
  return (
    <>
      <VisitNav t={t} visit={visit} access="organise" current="overview" />
      <p>
        <a href={`/visits/${visit.id}`}>{visit.title}</a>
      </p>
      <h1>{words.title}</h1>
      <p class="lead">{words.intro}</p>
      <Notice text={notice} />
      {data.roles.length === 0 ? (
        <p class="muted">{words.none}</p>
      ) : (
        <ul class="plain-list">
          {data.roles.map((r) => (
            <li>
              <strong>{r.name || r.email}</strong>
              {r.name ? ` (${r.email})` : null}
              {' — '}
              {r.role === 'host' && r.venueId ? (
                <a href={`/venues/${r.venueId}`}>{words.host(r.venueName ?? '')}</a>
              ) : (
                words.caterer
              )}{' '}
              <form method="post" action={`/visits/${visit.id}/roles/${r.id}/remove`} class="inline-form">
                <button type="submit" class="link-button">
                  {words.revoke}
                  <span class="visually-hidden">: {r.name || r.email}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="add-role">
        <h2 id="add-role">{words.add}</h2>
        <ErrorSummary t={t} state={state} />
        <form method="post" action={`/visits/${visit.id}/roles`} novalidate>
          <Select
            name="role"
            label={words.role}
            options={[
              { value: 'host', label: words.roleHost },
              { value: 'caterer', label: words.roleCaterer },
            ]}
            state={state}
          />
          <Select
            name="venueId"
            label={`${words.venue} (${words.venueHint.toLowerCase().replace(/\.$/, '')})`}
            options={[
              { value: '', label: words.venueNone },
              ...data.venues.map((v) => ({ value: v.id, label: v.name })),
            ]}
            state={state}
          />
          <Field
            name="email"
            type="email"
            label={words.email}
            hint={words.emailHint}
            autocomplete="email"
            state={state}
            required
          />
          <button type="submit">{words.button}</button>
        </form>
      </section>
    </>
  )
}

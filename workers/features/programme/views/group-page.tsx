import type { Messages } from '../../../../shared/i18n'
import { ErrorSummary, Field, type FormState } from '../../../platform/ui/form'
import { VisitNav } from '../../visits/views/visit-parts'
import type { VisitAccess } from '../../visits/visits'
import type { Programme } from '../queries'

/** One group of the company: what it has, and for organisers a form to rename or reorder it and to remove it. */
export function GroupPage({
  t,
  access,
  visit,
  group,
  items,
  people,
  state,
}: {
  t: Messages
  access: VisitAccess
  visit: Programme['visit']
  group: { id: string; name: string; position: number }
  items: number
  people: number
  state?: FormState | undefined
}) {
  return (
    <>
      <VisitNav t={t} visit={visit} access={access} current="programme" />
      <p>
        <a href={`/visits/${visit.id}/programme#groups`}>{t.programme.backToProgramme}</a>
      </p>
      <span class="tag">{t.programme.groupTitle}</span>
      <h1>{group.name}</h1>
      <p class="lead">
        {t.programme.groupItems(items)} · {t.programme.groupPeople(people)}
      </p>
      {access === 'organise' ? (
        <>
          <section aria-labelledby="edit-group">
            <h2 id="edit-group">{t.programme.editGroup}</h2>
            <ErrorSummary t={t} state={state} />
            <form method="post" action={`/groups/${group.id}`} novalidate>
              <Field name="name" label={t.programme.groupName} value={group.name} state={state} required />
              <Field
                name="position"
                type="number"
                label={t.programme.position}
                value={String(group.position)}
                state={state}
              />
              <button type="submit">{t.programme.saveGroupButton}</button>
            </form>
          </section>
          <section aria-labelledby="delete-group">
            <h2 id="delete-group">{t.programme.deleteGroup}</h2>
            <p>{t.programme.deleteGroupIntro}</p>
            <form method="post" action={`/groups/${group.id}/delete`}>
              <button type="submit" class="secondary">
                {t.programme.deleteGroupButton}
              </button>
            </form>
          </section>
        </>
      ) : null}
    </>
  )
}

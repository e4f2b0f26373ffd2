import type { Messages } from '../../../../shared/i18n'
import { ErrorSummary, type FormState } from '../../../platform/ui/form'
import { VisitNav } from '../../visits/views/visit-parts'
import type { VisitAccess } from '../../visits/visits'
import type { listParticipants } from '../participants'
import type { getProgramme } from '../programme'
import { ParticipantFields } from './participant-fields'

type Programme = Awaited<ReturnType<typeof getProgramme>>['programme']

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
        <table class="stack">
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
                <td data-label={t.participants.function}>{t.participants.functions[p.function]}</td>
                <td data-label={t.participants.organisation}>{p.organisation}</td>
                <td data-label={t.participants.group}>{p.groupId ? (groupName.get(p.groupId) ?? '') : ''}</td>
                {organise ? (
                  <>
                    <td data-label={t.participants.dietaryNeeds}>
                      {'dietaryNeeds' in p ? p.dietaryNeeds : ''}
                    </td>
                    <td data-label={t.participants.contact}>{'contact' in p ? p.contact : ''}</td>
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

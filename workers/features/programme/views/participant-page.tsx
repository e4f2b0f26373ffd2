import type { Messages } from '../../../../shared/i18n'
import { ErrorSummary, type FormState } from '../../../platform/ui/form'
import { Notice, VisitNav } from '../../visits/views/visit-parts'
import type { getParticipant } from '../participants'
import { ParticipantFields } from './participant-fields'

type ParticipantData = Awaited<ReturnType<typeof getParticipant>>

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

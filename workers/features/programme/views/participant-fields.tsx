import type { Messages } from '../../../../shared/i18n'
import { Field, type FormState, Select } from '../../../platform/ui/form'

/** The fields of someone in the company: empty to add them, or filled with their details to change them. */
export function ParticipantFields({
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

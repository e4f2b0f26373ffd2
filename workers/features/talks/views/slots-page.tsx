import type { Messages } from '../../../../shared/i18n'
import { formatTime } from '../../../../shared/i18n/format'
import { ErrorSummary, Field, type FormState, Select } from '../../../platform/ui/form'
import type { slotsForTeam } from '../talk-slots'
import { Notice, When } from './talk-parts'
import { dayOptions, TalksNav } from './team-parts'

type Slots = Awaited<ReturnType<typeof slotsForTeam>>

/** The slots the team opened for self-scheduling, who took them, and a form to open another. */
export function SlotsPage({
  t,
  data,
  selfScheduling,
  notice,
  state,
}: {
  t: Messages
  data: Slots
  selfScheduling: boolean
  notice?: string | undefined
  state?: FormState | undefined
}) {
  const { visit } = data
  const organise = data.access === 'organise'
  return (
    <>
      <TalksNav t={t} visit={visit} current="slots" />
      <h1>{t.talks.slotsTitle}</h1>
      <p class="lead">{t.talks.slotsLead}</p>
      <Notice text={notice} />
      {!selfScheduling ? (
        <p class="notice">
          <a href={`/visits/${visit.id}/call`}>{t.talks.slotsOff}</a>
        </p>
      ) : null}
      {data.slots.length === 0 ? (
        <p class="muted">{t.talks.noSlots}</p>
      ) : (
        <ul>
          {data.slots.map((s) => (
            <li>
              <When t={t} start={s.start} end={s.end} timeZone={visit.timeZone} />
              {s.venueName ? ` · ${s.venueName}` : ''} ·{' '}
              {s.talkId ? <a href={`/talks/${s.talkId}`}>{s.talkTitle}</a> : t.talks.slotFree}
              {organise && !s.talkId ? (
                <form method="post" action={`/slots/${s.id}/delete`} class="inline-form">
                  <button type="submit" class="link-button">
                    {t.talks.deleteSlot}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {organise ? (
        <>
          <h2 id="add-slot">{t.talks.addSlot}</h2>
          <ErrorSummary t={t} state={state} />
          <form method="post" action={`/visits/${visit.id}/slots`} novalidate aria-labelledby="add-slot">
            <div class="field-row">
              <Select name="date" label={t.talks.date} options={dayOptions(t, visit)} state={state} />
              <Field name="start" type="time" label={t.talks.start} state={state} />
              <Field name="end" type="time" label={t.talks.end} state={state} />
            </div>
            <Select
              name="venueId"
              label={t.talks.venue}
              options={[
                { value: '', label: t.talks.noVenue },
                ...data.venues.map((v) => ({ value: v.id, label: v.name })),
              ]}
              state={state}
            />
            <Select
              name="itemId"
              label={t.talks.slotItem}
              options={[
                { value: '', label: t.talks.slotItemNone },
                ...data.items.map((i) => ({
                  value: i.id,
                  label: `${formatTime(i.start, visit.timeZone, t.locale)}–${formatTime(i.end, visit.timeZone, t.locale)} ${i.title}`,
                })),
              ]}
              state={state}
            />
            <button type="submit">{t.talks.addSlot}</button>
          </form>
        </>
      ) : null}
    </>
  )
}

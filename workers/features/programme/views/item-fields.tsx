import { itemKinds, legModes } from '../../../../shared/domain/programme'
import { formatOffset, readZonedTime, utcToZoned, type ZonedTime } from '../../../../shared/domain/time'
import type { Messages } from '../../../../shared/i18n'
import { Checkbox, Checkboxes, Field, type FormState, Select, Textarea } from '../../../platform/ui/form'
import type { ProgrammeItem, ProgrammePlan } from '../queries'

/** The fields of a programme item, shared by the add and the edit form. */
export function ItemFields({
  t,
  programme,
  state,
  item,
  defaultDate,
}: {
  t: Messages
  /** What the fields offer: the visit's zone and first day, its venues and groups. */
  programme: {
    visit: Pick<ProgrammePlan['visit'], 'timeZone' | 'startDate'>
    venues: readonly { id: string; name: string }[]
    groups: readonly { id: string; name: string }[]
  }
  state?: FormState | undefined
  item?: ProgrammeItem | undefined
  /** The date a new item starts on (the visit's first day when not given). */
  defaultDate?: string | undefined
}) {
  const zone = programme.visit.timeZone
  const start = item ? utcToZoned(item.startsAt.getTime(), zone) : undefined
  const end = item ? utcToZoned(item.endsAt.getTime(), zone) : undefined
  return (
    <>
      <Select
        name="kind"
        label={t.programme.kind}
        options={itemKinds.map((k) => ({ value: k, label: t.itemKinds[k] }))}
        state={state}
        value={item?.kind ?? 'welcome'}
      />
      <Field name="title" label={t.programme.name} value={item?.title} state={state} required />
      <div class="field-row">
        <Field
          name="date"
          type="date"
          label={t.programme.date}
          value={start?.date ?? defaultDate ?? programme.visit.startDate}
          state={state}
          required
        />
        <Field
          name="start"
          type="time"
          label={t.programme.start}
          value={start?.time}
          state={state}
          required
        />
        <Field name="end" type="time" label={t.programme.end} value={end?.time} state={state} required />
      </div>
      <FoldChoice t={t} which="start" zone={zone} state={state} shown={start} />
      <FoldChoice t={t} which="end" zone={zone} state={state} shown={end} />
      <Field
        name="endDate"
        type="date"
        label={t.programme.endDate}
        value={end && start && end.date !== start.date ? end.date : ''}
        state={state}
      />
      <Select
        name="venueId"
        label={t.programme.venue}
        options={[
          { value: '', label: t.programme.noVenue },
          ...programme.venues.map((v) => ({ value: v.id, label: v.name })),
        ]}
        state={state}
        value={item?.venueId ?? ''}
      />
      {programme.groups.length > 0 ? (
        <Checkboxes
          name="groupIds"
          legend={t.programme.groups}
          hint={t.programme.groupsHint}
          options={programme.groups.map((g) => ({ value: g.id, label: g.name }))}
          state={state}
          values={item?.groupIds}
        />
      ) : null}
      <Select
        name="legMode"
        label={t.programme.legMode}
        options={legModes.map((m) => ({ value: m, label: t.programme.legModes[m] }))}
        state={state}
        value={item?.legMode ?? 'walk'}
      />
      <div class="field-row">
        <Field
          name="legDeparts"
          type="time"
          label={t.travel.leg.departs}
          hint={t.travel.leg.hint}
          value={item?.legDepartsAt ? utcToZoned(item.legDepartsAt.getTime(), zone).time : ''}
          state={state}
        />
        <Field
          name="legArrives"
          type="time"
          label={t.travel.leg.arrives}
          value={item?.legArrivesAt ? utcToZoned(item.legArrivesAt.getTime(), zone).time : ''}
          state={state}
        />
      </div>
      <Field
        name="departurePlace"
        label={t.programme.departurePlace}
        value={item?.departurePlace ?? ''}
        state={state}
      />
      <Field
        name="arrivalPlace"
        label={t.programme.arrivalPlace}
        value={item?.arrivalPlace ?? ''}
        state={state}
      />
      <Field
        name="expectedAttendance"
        type="number"
        label={t.rsvps.expectedAttendance}
        hint={t.rsvps.expectedAttendanceHint}
        value={item?.expectedAttendance == null ? '' : String(item.expectedAttendance)}
        state={state}
        inputmode="numeric"
        min={0}
      />
      <Textarea name="description" label={t.programme.description} value={item?.description} state={state} />
      {item ? (
        <Checkbox
          name="cancelled"
          label={t.programme.cancelledLabel}
          checked={item.cancelled}
          state={state}
        />
      ) : null}
    </>
  )
}

/**
 * Which of the two instants, when the start or end time shown happens twice (the night the clocks go back):
 * asked after a submit that needs it, and kept for an item saved at such a time.
 */
function FoldChoice({
  t,
  which,
  zone,
  state,
  shown,
}: {
  t: Messages
  which: 'start' | 'end'
  zone: string
  state?: FormState | undefined
  shown?: ZonedTime | undefined
}) {
  const name = which === 'start' ? 'startFold' : 'endFold'
  const typed = (field: string) => {
    const value = state?.values?.[field]
    return typeof value === 'string' && value !== '' ? value : undefined
  }
  const date =
    which === 'end' ? (typed('endDate') ?? typed('date') ?? shown?.date) : (typed('date') ?? shown?.date)
  const time = typed(which) ?? shown?.time
  if (date === undefined || time === undefined) return null
  let reading: ReturnType<typeof readZonedTime>
  try {
    reading = readZonedTime(date, time, zone)
  } catch {
    return null
  }
  if (reading.kind !== 'twice') return null
  const current = shown && shown.offsetMinutes === reading.laterOffset ? 'later' : 'earlier'
  return (
    <Select
      name={name}
      label={which === 'start' ? t.travel.fold.startLabel : t.travel.fold.endLabel}
      options={[
        { value: 'earlier', label: t.travel.fold.earlier(formatOffset(reading.earlierOffset)) },
        { value: 'later', label: t.travel.fold.later(formatOffset(reading.laterOffset)) },
      ]}
      state={state}
      value={current}
    />
  )
}

/** Parts of the speakers' pages: the visit line, notices, times, and the fields of a talk and a speaker. */
import type { CallQuestion, LocalRange } from '../../../../shared/domain/talks'
import { visitDates } from '../../../../shared/domain/talks'
import type { FieldError } from '../../../../shared/errors'
import type { Messages } from '../../../../shared/i18n'
import { formatLocalDate, formatLongDate, formatTime, isoInstant } from '../../../../shared/i18n/format'
import { Checkboxes, Field, type FormState, Select, Textarea } from '../../../platform/ui/form'
import type { Call } from '../queries'
import { speakerNeeds } from '../schemas'

/** What the talk pages show of a visit. */
export type TalkVisit = {
  slug: string
  title: string
  status: string
  startDate: string
  endDate: string
  timeZone: string
  /** The share link's query (`k=…`) an unlisted visit's call was opened with, kept in the links to it. */
  query?: string
}

/** `/v/{slug}` and a path under it, with the share link's query when the call was opened with one. */
export const visitPath = (visit: TalkVisit, path = '') =>
  `/v/${visit.slug}${path}${visit.query ? `?${visit.query}` : ''}`

/** The visit's title, linked to its programme once there is a public one (a draft has none yet). */
export function VisitLink({ visit }: { visit: TalkVisit }) {
  return visit.status === 'draft' ? visit.title : <a href={visitPath(visit)}>{visit.title}</a>
}

/** The way back to the programme, once there is a public one. */
export function BackToProgramme({ t, visit }: { t: Messages; visit: TalkVisit }) {
  if (visit.status === 'draft') return null
  return (
    <p>
      <a href={visitPath(visit)}>{t.talks.backToProgramme}</a>
    </p>
  )
}

/** A notice in a status region. */
export function Notice({ text, alert }: { text?: string | undefined; alert?: boolean }) {
  if (!text) return null
  return (
    <p class="notice" role={alert ? 'alert' : 'status'}>
      {text}
    </p>
  )
}

/** '14:00–14:30' in the visit's zone. */
export function Span({
  t,
  start,
  end,
  timeZone,
}: {
  t: Messages
  start: Date | number
  end: Date | number
  timeZone: string
}) {
  return (
    <>
      <time datetime={isoInstant(start)}>{formatTime(start, timeZone, t.locale)}</time>–
      <time datetime={isoInstant(end)}>{formatTime(end, timeZone, t.locale)}</time>
    </>
  )
}

/** The day and times of an instant range, written out. */
export function When({
  t,
  start,
  end,
  timeZone,
}: {
  t: Messages
  start: Date | number
  end: Date | number
  timeZone: string
}) {
  return (
    <>
      {formatLongDate(start, timeZone, t.locale)}, <Span t={t} start={start} end={end} timeZone={timeZone} />
    </>
  )
}

/** The first error of a group of fields (`availability.1.start` belongs to `availability`). */
export const groupError = (state: FormState | undefined, prefix: string) =>
  state?.errors?.filter((e) => e.field === prefix || e.field.startsWith(`${prefix}.`)) ?? []

/** The messages of a group of fields, each once. */
export function GroupErrors({ errors }: { errors: FieldError[] }) {
  if (errors.length === 0) return null
  return (
    <>
      {[...new Set(errors.map((e) => e.message))].map((m) => (
        <p class="field-error">{m}</p>
      ))}
    </>
  )
}

/** Answers to the team's extra questions: a line of text, or a choice. */
export function QuestionFields({
  t,
  questions,
  state,
  answers,
}: {
  t: Messages
  questions: readonly CallQuestion[]
  state?: FormState | undefined
  answers?: Record<string, string> | undefined
}) {
  if (questions.length === 0) return null
  return (
    <fieldset class="plain">
      <legend>{t.talks.questions}</legend>
      {questions.map((q) =>
        q.kind === 'choice' ? (
          <Select
            name={`answers.${q.id}`}
            label={q.required ? q.label : `${q.label} (${t.talks.optional})`}
            options={[
              { value: '', label: t.talks.chooseOne },
              ...q.options.map((o) => ({ value: o, label: o })),
            ]}
            value={answers?.[q.id]}
            state={state}
          />
        ) : (
          <Field
            name={`answers.${q.id}`}
            label={q.required ? q.label : `${q.label} (${t.talks.optional})`}
            value={answers?.[q.id]}
            state={state}
          />
        ),
      )}
    </fieldset>
  )
}

/** Rows of time ranges on the visit's days; an empty row is ignored. */
export function AvailabilityFields({
  t,
  visit,
  ranges,
  state,
}: {
  t: Messages
  visit: TalkVisit
  ranges: readonly LocalRange[]
  state?: FormState | undefined
}) {
  const days = visitDates(visit).map((d) => ({ value: d, label: formatLocalDate(d, t.locale) }))
  const rows = Math.max(3, ranges.length + 1)
  return (
    <fieldset class="field checkboxes" id="field-availability" aria-describedby="field-availability-hint">
      <legend>{t.talks.availabilityLegend}</legend>
      <p class="muted" id="field-availability-hint">
        {t.talks.availabilityHint}
      </p>
      {Array.from({ length: rows }, (_, i) => (
        <fieldset class="plain" aria-label={t.talks.availabilityRow(i + 1)}>
          <div class="field-row">
            {days.length > 1 ? (
              <Select
                name={`availability.${i}.date`}
                label={t.talks.availabilityDate}
                options={days}
                value={ranges[i]?.date}
                state={state}
              />
            ) : (
              <input type="hidden" name={`availability.${i}.date`} value={days[0]?.value ?? ''} />
            )}
            <Field
              name={`availability.${i}.start`}
              type="time"
              label={`${t.talks.availabilityFrom} (${i + 1})`}
              value={ranges[i]?.start}
              state={state}
            />
            <Field
              name={`availability.${i}.end`}
              type="time"
              label={`${t.talks.availabilityTo} (${i + 1})`}
              value={ranges[i]?.end}
              state={state}
            />
          </div>
        </fieldset>
      ))}
      <GroupErrors errors={groupError(state, 'availability')} />
    </fieldset>
  )
}

/** The fields of the talk itself, for the submission form and the speaker's edit form. */
export function TalkFields({
  t,
  call,
  state,
  talk,
}: {
  t: Messages
  call: Pick<Call, 'durations' | 'languages' | 'questions'>
  state?: FormState | undefined
  talk?: {
    title: string
    abstract: string
    durationMinutes: number
    language: string
    answers: Record<string, string>
  }
}) {
  return (
    <>
      <Field name="title" label={t.talks.talkTitle} value={talk?.title} state={state} required />
      <Textarea
        name="abstract"
        label={t.talks.abstract}
        hint={t.talks.abstractHint}
        value={talk?.abstract}
        state={state}
        rows={5}
      />
      <div class="field-row">
        <Select
          name="durationMinutes"
          label={t.talks.duration}
          options={call.durations.map((d) => ({ value: String(d), label: t.talks.minutes(d) }))}
          value={talk ? String(talk.durationMinutes) : undefined}
          state={state}
        />
        <Select
          name="language"
          label={t.talks.language}
          options={call.languages.map((l) => ({ value: l, label: t.talks.languages[l] }))}
          value={talk?.language}
          state={state}
        />
      </div>
      <QuestionFields t={t} questions={call.questions} state={state} answers={talk?.answers} />
    </>
  )
}

/** The speaker's own details: name, organisation, bio and needs (the e-mail address is fixed once given). */
export function ProfileFields({
  t,
  state,
  me,
}: {
  t: Messages
  state?: FormState | undefined
  me?: { name: string; organisation: string; bio: string; needs: string[] }
}) {
  return (
    <>
      <Field name="name" label={t.talks.name} value={me?.name} state={state} required autocomplete="name" />
      <Field
        name="organisation"
        label={t.talks.organisation}
        value={me?.organisation}
        state={state}
        autocomplete="organization"
      />
      <Textarea
        name="bio"
        label={t.talks.bio}
        hint={t.talks.bioHint}
        value={me?.bio}
        state={state}
        rows={3}
      />
      <Checkboxes
        name="needs"
        legend={t.talks.needsLegend}
        hint={t.talks.needsHint}
        options={speakerNeeds.map((n) => ({ value: n, label: t.talks.needs[n] }))}
        values={me?.needs}
        state={state}
      />
    </>
  )
}

import type { CallQuestion } from '../../../../shared/domain/talks'
import { utcToZoned } from '../../../../shared/domain/time'
import type { Messages } from '../../../../shared/i18n'
import {
  Checkbox,
  Checkboxes,
  ErrorSummary,
  Field,
  type FormState,
  Select,
  Textarea,
} from '../../../platform/ui/form'
import type { Call } from '../queries'
import { talkLanguages } from '../schemas'
import { Notice } from './talk-parts'
import { type Access, TalksNav, type VisitHead } from './team-parts'

/** The call as the team edits it: open or closed, deadline, introduction, durations, languages, questions. */
export function CallPage({
  t,
  visit,
  access,
  call,
  exists,
  formUrl,
  notice,
  state,
}: {
  t: Messages
  visit: VisitHead
  access: Access
  call: Call
  exists: boolean
  formUrl: string
  notice?: string | undefined
  state?: FormState | undefined
}) {
  const deadline = call.deadline ? utcToZoned(call.deadline.getTime(), visit.timeZone) : null
  const rows: (CallQuestion | null)[] = [...call.questions, null, null]
  return (
    <>
      <TalksNav t={t} visit={visit} current="call" />
      <h1>{t.talks.callTitle}</h1>
      <p class="lead">{t.talks.callLead}</p>
      <Notice text={notice} />
      {exists ? (
        <>
          <p>
            {t.talks.callLink} <a href={formUrl}>{formUrl}</a>
          </p>
          {visit.listed === false ? <p class="notice">{t.talks.callLinkUnlisted(formUrl)}</p> : null}
        </>
      ) : (
        <p class="notice">{t.talks.callNotYet}</p>
      )}
      {access !== 'organise' ? (
        <p class="muted">{t.talks.readOnly}</p>
      ) : (
        <>
          <ErrorSummary t={t} state={state} />
          <form method="post" action={`/visits/${visit.id}/call`} novalidate>
            {exists ? <input type="hidden" name="version" value={String(call.version)} /> : null}
            <Checkbox name="open" label={t.talks.open} checked={call.open} state={state} />
            <div class="field-row">
              <Field
                name="deadlineDate"
                type="date"
                label={t.talks.deadlineDate}
                value={deadline?.date}
                state={state}
              />
              <Field
                name="deadlineTime"
                type="time"
                label={t.talks.deadlineTime}
                value={deadline?.time}
                state={state}
              />
            </div>
            <p class="muted">{t.talks.deadlineHint}</p>
            <Textarea name="intro" label={t.talks.intro} value={call.intro} state={state} rows={4} />
            <Field
              name="durations"
              label={t.talks.durations}
              hint={t.talks.durationsHint}
              value={call.durations.join(', ')}
              state={state}
              inputmode="numeric"
            />
            <Checkboxes
              name="languages"
              legend={t.talks.callLanguages}
              options={talkLanguages.map((l) => ({ value: l, label: t.talks.languages[l] }))}
              values={call.languages}
              state={state}
            />
            <Checkbox
              name="selfScheduling"
              label={t.talks.selfScheduling}
              checked={call.selfScheduling}
              state={state}
            />
            <fieldset class="plain" id="field-questions">
              <legend>{t.talks.questionsLegend}</legend>
              <p class="muted">{t.talks.questionsHint}</p>
              {rows.map((q, i) => (
                <fieldset class="slot">
                  <legend>{t.talks.question(i + 1)}</legend>
                  {q ? <input type="hidden" name={`questions.${i}.id`} value={q.id} /> : null}
                  <Field
                    name={`questions.${i}.label`}
                    label={t.talks.questionLabel}
                    value={q?.label}
                    state={state}
                  />
                  <div class="field-row">
                    <Select
                      name={`questions.${i}.kind`}
                      label={t.talks.questionKind}
                      options={(['text', 'choice'] as const).map((k) => ({
                        value: k,
                        label: t.talks.questionKinds[k],
                      }))}
                      value={q?.kind}
                      state={state}
                    />
                    <Field
                      name={`questions.${i}.options`}
                      label={t.talks.questionOptions}
                      value={q?.options.join(', ')}
                      state={state}
                    />
                  </div>
                  <Checkbox
                    name={`questions.${i}.required`}
                    label={t.talks.questionRequired}
                    checked={q?.required}
                    state={state}
                  />
                </fieldset>
              ))}
            </fieldset>
            <button type="submit">{t.talks.saveCall}</button>
          </form>
        </>
      )}
    </>
  )
}

import type { Messages } from '../../../../shared/i18n'
import { formatLocalDate, formatLongDate, formatTime } from '../../../../shared/i18n/format'
import { Checkbox, ErrorSummary, Field, type FormState } from '../../../platform/ui/form'
import type { Call } from '../queries'
import {
  AvailabilityFields,
  ProfileFields,
  TalkFields,
  type TalkVisit,
  VisitLink,
  visitPath,
} from './talk-parts'

/** The deadline of a call in the visit's zone, written out. */
function Deadline({ t, deadline, timeZone }: { t: Messages; deadline: Date | null; timeZone: string }) {
  if (!deadline) return null
  return (
    <p>
      <strong>
        {t.talks.deadline(
          `${formatLongDate(deadline, timeZone, t.locale)} ${formatTime(deadline, timeZone, t.locale)}`,
        )}
      </strong>
    </p>
  )
}

/**
 * The public submission form of a visit's call. A closed call (or one past its deadline) says so instead of
 * showing the form; a refused submission shows the form again, as typed, with the reasons.
 */
export function TalkFormPage({
  t,
  visit,
  call,
  problem,
  action,
  state,
}: {
  t: Messages
  visit: TalkVisit
  call: Call
  problem: 'closed' | 'past_deadline' | null
  action: string
  state?: FormState | undefined
}) {
  const callError = state?.errors?.find((e) => e.field === 'call')?.message
  return (
    <section class="narrow">
      <h1>{problem ? t.talks.callClosedTitle : t.talks.submitTitle}</h1>
      <p class="lead">
        <VisitLink visit={visit} />
        {' · '}
        <time datetime={visit.startDate}>{formatLocalDate(visit.startDate, t.locale)}</time>
      </p>
      {problem ? (
        <p class="notice" role="alert">
          {callError ?? (problem === 'closed' ? t.talks.callClosed : t.talks.pastDeadline)}
        </p>
      ) : (
        <>
          <p>{t.talks.submitLead(visit.title)}</p>
          {call.intro ? <p class="prewrap">{call.intro}</p> : null}
          <Deadline t={t} deadline={call.deadline} timeZone={visit.timeZone} />
          <ErrorSummary t={t} state={state} />
          <form method="post" action={action} novalidate>
            <fieldset class="plain">
              <legend>{t.talks.aboutYou}</legend>
              <ProfileFields t={t} state={state} />
              <Field
                name="email"
                type="email"
                label={t.talks.email}
                hint={t.talks.emailHint}
                state={state}
                required
                autocomplete="email"
                inputmode="email"
              />
            </fieldset>
            <fieldset class="plain">
              <legend>{t.talks.yourTalk}</legend>
              <TalkFields t={t} call={call} state={state} />
            </fieldset>
            <AvailabilityFields t={t} visit={visit} ranges={[]} state={state} />
            <fieldset class="field checkboxes" id="field-coSpeakers">
              <legend>{t.talks.coSpeakersLegend}</legend>
              <p class="muted">{t.talks.coSpeakersHint}</p>
              {Array.from({ length: 2 }, (_, i) => (
                <fieldset class="plain" aria-label={t.talks.coSpeakerRow(i + 1)}>
                  <div class="field-row">
                    <Field
                      name={`coSpeakers.${i}.name`}
                      label={`${t.talks.coSpeakerName} (${i + 1})`}
                      state={state}
                    />
                    <Field
                      name={`coSpeakers.${i}.email`}
                      type="email"
                      label={`${t.talks.coSpeakerEmail} (${i + 1})`}
                      state={state}
                    />
                  </div>
                </fieldset>
              ))}
            </fieldset>
            <Checkbox name="consent" label={t.talks.consent} hint={t.talks.consentHint} state={state} />
            <p class="muted">{t.talks.privacy}</p>
            <button type="submit">{t.talks.send}</button>
          </form>
          <p>
            {t.talks.lostLink} <a href={visitPath(visit, '/talks/resend')}>{t.talks.resendTitle}</a>
          </p>
        </>
      )}
    </section>
  )
}

import type { CallQuestion, LocalRange } from '../../../../shared/domain/talks'
import { visitDates } from '../../../../shared/domain/talks'
import type { FieldError } from '../../../../shared/errors'
import type { Messages } from '../../../../shared/i18n'
import { formatLocalDate, formatLongDate, formatTime, isoInstant } from '../../../../shared/i18n/format'
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
import { MAX_CO_SPEAKERS, speakerNeeds } from '../schemas'
import type { SpeakerView } from '../speaker-actions'
import type { PublicSpeaker } from '../speaker-pages'

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
const visitPath = (visit: TalkVisit, path = '') =>
  `/v/${visit.slug}${path}${visit.query ? `?${visit.query}` : ''}`

/** The visit's title, linked to its programme once there is a public one (a draft has none yet). */
function VisitLink({ visit }: { visit: TalkVisit }) {
  return visit.status === 'draft' ? visit.title : <a href={visitPath(visit)}>{visit.title}</a>
}

/** The way back to the programme, once there is a public one. */
function BackToProgramme({ t, visit }: { t: Messages; visit: TalkVisit }) {
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
const groupError = (state: FormState | undefined, prefix: string) =>
  state?.errors?.filter((e) => e.field === prefix || e.field.startsWith(`${prefix}.`)) ?? []

function GroupErrors({ errors }: { errors: FieldError[] }) {
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
function QuestionFields({
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
function AvailabilityFields({
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
function TalkFields({
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
function ProfileFields({
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

/** After a submission: check your mail. */
export function TalkSentPage({ t, visit }: { t: Messages; visit: TalkVisit }) {
  return (
    <section class="narrow">
      <h1>{t.talks.sentTitle}</h1>
      <p class="notice" role="status">
        {t.talks.sent}
      </p>
      <BackToProgramme t={t} visit={visit} />
    </section>
  )
}

/** Asking for the private links again; the answer is the same whether the address is known or not. */
export function ResendPage({
  t,
  visit,
  sent,
  state,
}: {
  t: Messages
  visit: TalkVisit
  sent: boolean
  state?: FormState | undefined
}) {
  return (
    <section class="narrow">
      <h1>{sent ? t.talks.resentTitle : t.talks.resendTitle}</h1>
      <p class="lead">
        <VisitLink visit={visit} />
      </p>
      {sent ? (
        <p class="notice" role="status">
          {t.talks.resent}
        </p>
      ) : (
        <>
          <p>{t.talks.resendLead}</p>
          <ErrorSummary t={t} state={state} />
          <form method="post" action={visitPath(visit, '/talks/resend')} novalidate>
            <Field
              name="email"
              type="email"
              label={t.talks.email}
              state={state}
              required
              autocomplete="email"
            />
            <button type="submit">{t.talks.resendButton}</button>
          </form>
        </>
      )}
    </section>
  )
}

/** A private link that is unknown, malformed or replaced by a newer one. */
export function SpeakerInvalidPage({ t }: { t: Messages }) {
  return (
    <section class="narrow">
      <h1>{t.talks.invalidTitle}</h1>
      <p class="notice">{t.talks.invalid}</p>
    </section>
  )
}

/** A co-speaker declined: their link is gone, so this page carries no token. */
export function CoDeclinedPage({ t }: { t: Messages }) {
  return (
    <section class="narrow">
      <h1>{t.talks.coDeclinedTitle}</h1>
      <p class="notice" role="status">
        {t.talks.coDeclined}
      </p>
    </section>
  )
}

const sizeText = (t: Messages, bytes: number) =>
  `${new Intl.NumberFormat(t.locale, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`

/** Forms on the speaker's page, each with its own errors after a refused submit. */
export type SpeakerStates = {
  edit?: FormState | undefined
  profile?: FormState | undefined
  availability?: FormState | undefined
  coSpeaker?: FormState | undefined
  files?: FormState | undefined
}

/**
 * The speaker's page behind their private link: the status and what to do next, the talk (editable while
 * not yet accepted), themselves, their availability, co-speakers, files, and their time slot.
 */
export function SpeakerPage({
  t,
  token,
  view,
  notice,
  alert,
  states = {},
}: {
  t: Messages
  token: string
  view: SpeakerView
  notice?: string | undefined
  alert?: boolean
  states?: SpeakerStates
}) {
  const { talk, visit, me, may } = view
  const base = `/t/${token}`
  const main = view.role === 'main'
  const mainName = view.others.find((o) => o.role === 'main')?.name ?? ''
  return (
    <section class="narrow">
      <h1>{talk.title}</h1>
      <p class="lead">
        <VisitLink visit={visit} />
        {' · '}
        <time datetime={visit.startDate}>{formatLocalDate(visit.startDate, t.locale)}</time>
      </p>
      <Notice text={notice} alert={alert} />
      <dl class="details">
        <dt>{t.talks.state}</dt>
        <dd>
          <strong>{t.talks.states[talk.state]}</strong>
          <br />
          {main ? t.talks.stateExplain[talk.state] : t.talks.coExplain(mainName)}
          {!main && view.confirmedAt ? ` ${t.talks.coConfirmed}` : null}
        </dd>
        {view.item ? (
          <>
            <dt>{t.talks.placedIn}</dt>
            <dd>
              {view.item.title},{' '}
              <When t={t} start={view.item.start} end={view.item.end} timeZone={visit.timeZone} />
              {view.item.venueName ? ` · ${view.item.venueName}` : null}
            </dd>
          </>
        ) : null}
        {view.slot ? (
          <>
            <dt>{t.talks.yourSlot}</dt>
            <dd>
              <When t={t} start={view.slot.start} end={view.slot.end} timeZone={visit.timeZone} />
              {view.slot.venueName ? ` · ${view.slot.venueName}` : null}
            </dd>
          </>
        ) : null}
      </dl>
      {visit.status === 'archived' ? <p class="notice">{t.talks.visitArchived}</p> : null}

      {may.confirm || may.decline ? (
        <section aria-labelledby="decide">
          <h2 id="decide">{main ? t.talks.confirmTitle : t.talks.coConfirmTitle}</h2>
          {may.confirm ? (
            <form method="post" action={`${base}/confirm`} class="inline-form">
              <button type="submit">{main ? t.talks.confirmButton : t.talks.coConfirmButton}</button>
            </form>
          ) : null}
          {may.decline ? (
            <form method="post" action={`${base}/decline`} class="inline-form">
              <button type="submit" class="secondary">
                {main ? t.talks.declineButton : t.talks.coDeclineButton}
              </button>
            </form>
          ) : null}
        </section>
      ) : null}

      {may.pickSlot || may.releaseSlot ? (
        <section aria-labelledby="slot">
          <h2 id="slot">{t.talks.slotTitle}</h2>
          {may.releaseSlot ? (
            <form method="post" action={`${base}/slot/release`}>
              <button type="submit" class="secondary">
                {t.talks.releaseSlot}
              </button>
            </form>
          ) : (
            <>
              <p>{t.talks.slotIntro}</p>
              {view.freeSlots.length === 0 ? (
                <p class="muted">{t.talks.noFreeSlots}</p>
              ) : (
                <ul>
                  {view.freeSlots.map((s) => (
                    <li>
                      <form method="post" action={`${base}/slot`} class="inline-form">
                        <input type="hidden" name="slotId" value={s.id} />
                        <span>
                          <When t={t} start={s.start} end={s.end} timeZone={visit.timeZone} />
                          {s.venueName ? ` · ${s.venueName}` : null}
                        </span>
                        <button type="submit" class="secondary">
                          {t.talks.pickButton}
                        </button>
                      </form>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </section>
      ) : null}

      {main ? (
        <section aria-labelledby="edit">
          <h2 id="edit">{t.talks.editTalk}</h2>
          {may.edit && view.call ? (
            <>
              <ErrorSummary t={t} state={states.edit} />
              <form method="post" action={base} novalidate>
                <input type="hidden" name="version" value={String(talk.version)} />
                <TalkFields t={t} call={view.call} state={states.edit} talk={talk} />
                <button type="submit">{t.talks.saveTalk}</button>
              </form>
            </>
          ) : (
            <>
              <p class="muted">{t.talks.editLocked}</p>
              <p class="prewrap">{talk.abstract}</p>
            </>
          )}
        </section>
      ) : (
        <p class="prewrap">{talk.abstract}</p>
      )}

      {may.update ? (
        <>
          <section aria-labelledby="profile">
            <h2 id="profile">{t.talks.profileTitle}</h2>
            <dl class="details">
              <dt>{t.talks.email}</dt>
              <dd>{me.email}</dd>
            </dl>
            <ErrorSummary t={t} state={states.profile} />
            <form method="post" action={`${base}/profile`} novalidate>
              <ProfileFields t={t} state={states.profile} me={me} />
              <Checkbox
                name="consent"
                label={t.talks.consentOwn}
                hint={t.talks.consentHint}
                checked={me.consent}
                state={states.profile}
              />
              <button type="submit">{t.talks.saveProfile}</button>
            </form>
          </section>

          <section aria-labelledby="availability">
            <h2 id="availability">{t.talks.availabilityTitle}</h2>
            {me.availability.length === 0 ? <p class="muted">{t.talks.availabilityNone}</p> : null}
            <ErrorSummary t={t} state={states.availability} />
            <form method="post" action={`${base}/availability`} novalidate>
              <AvailabilityFields t={t} visit={visit} ranges={me.availability} state={states.availability} />
              <button type="submit">{t.talks.saveAvailability}</button>
            </form>
          </section>

          <section aria-labelledby="photo">
            <h2 id="photo">{t.talks.photoTitle}</h2>
            <p class="muted">{t.talks.photoHint}</p>
            {me.hasPhoto ? (
              <p>
                <img src={`${base}/photo`} alt={t.talks.photoCurrent} width="160" />
              </p>
            ) : null}
            <form method="post" action={`${base}/files?kind=photo`} enctype="multipart/form-data">
              <div class="field">
                <label for="field-photo">{t.talks.photoTitle}</label>
                <input id="field-photo" type="file" name="file" accept="image/jpeg,image/png,image/webp" />
              </div>
              <button type="submit">{t.talks.photoUpload}</button>
            </form>
          </section>
        </>
      ) : null}

      <section aria-labelledby="files">
        <h2 id="files">{t.talks.filesTitle}</h2>
        {view.files.length === 0 ? (
          <p class="muted">{t.talks.noFiles}</p>
        ) : (
          <ul>
            {view.files.map((f) => (
              <li>
                <a href={`${base}/files/${f.id}`}>{f.filename}</a> ({sizeText(t, f.sizeBytes)}
                {f.current ? '' : `, ${t.talks.replaced}`})
                {f.current && may.update ? (
                  <form method="post" action={`${base}/files/${f.id}/remove`} class="inline-form">
                    <button type="submit" class="link-button">
                      {t.talks.retire}
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {may.update ? (
          <>
            <p class="muted">{t.talks.filesHint}</p>
            <ErrorSummary t={t} state={states.files} />
            <form method="post" action={`${base}/files`} enctype="multipart/form-data">
              <div class="field">
                <label for="field-file">{t.talks.fileLabel}</label>
                <input id="field-file" type="file" name="file" accept="application/pdf,.pdf" />
                <GroupErrors errors={groupError(states.files, 'file')} />
              </div>
              {view.files.some((f) => f.current) ? (
                <Select
                  name="replaces"
                  label={t.talks.replaces}
                  options={[
                    { value: '', label: t.talks.replacesNone },
                    ...view.files.filter((f) => f.current).map((f) => ({ value: f.id, label: f.filename })),
                  ]}
                />
              ) : null}
              <button type="submit">{t.talks.upload}</button>
            </form>
          </>
        ) : null}
      </section>

      <section aria-labelledby="co">
        <h2 id="co">{t.talks.coSpeakersTitle}</h2>
        {view.others.length === 0 ? (
          <p class="muted">{t.talks.noCoSpeakers}</p>
        ) : (
          <ul>
            {view.others.map((o) => (
              <li>
                {o.name}
                {o.email ? ` (${o.email})` : null}
                {' · '}
                {o.role === 'main'
                  ? t.talks.mainSpeaker
                  : o.confirmed
                    ? t.talks.confirmedMark
                    : t.talks.pendingMark}
                {may.addCoSpeakers && o.role === 'co' ? (
                  <form
                    method="post"
                    action={`${base}/co-speakers/${o.speakerId}/remove`}
                    class="inline-form"
                  >
                    <button type="submit" class="link-button">
                      {t.talks.remove}
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {may.addCoSpeakers && view.others.filter((o) => o.role === 'co').length < MAX_CO_SPEAKERS ? (
          <>
            <ErrorSummary t={t} state={states.coSpeaker} />
            <form method="post" action={`${base}/co-speakers`} novalidate>
              <div class="field-row">
                <Field
                  name="name"
                  id="field-co-name"
                  label={t.talks.coSpeakerName}
                  state={states.coSpeaker}
                />
                <Field
                  name="email"
                  id="field-co-email"
                  type="email"
                  label={t.talks.coSpeakerEmail}
                  state={states.coSpeaker}
                />
              </div>
              <button type="submit" class="secondary">
                {t.talks.addCoSpeaker}
              </button>
            </form>
          </>
        ) : null}
      </section>

      {may.withdraw ? (
        <section aria-labelledby="withdraw">
          <h2 id="withdraw">{t.talks.withdrawTitle}</h2>
          <p>{t.talks.withdrawIntro}</p>
          <form method="post" action={`${base}/withdraw`}>
            <button type="submit" class="secondary">
              {t.talks.withdrawButton}
            </button>
          </form>
        </section>
      ) : null}
      <BackToProgramme t={t} visit={visit} />
    </section>
  )
}

/** The public list of speakers of a released programme: who consented and confirmed. */
export function PublicSpeakersPage({
  t,
  visit,
  speakers,
  query,
}: {
  t: Messages
  visit: { slug: string; title: string }
  speakers: readonly PublicSpeaker[]
  query: string
}) {
  return (
    <>
      <p>
        <a href={`/v/${visit.slug}${query}`}>{t.speakerPages.backToProgramme}</a>
      </p>
      <h1>{t.speakerPages.title}</h1>
      <p class="lead">{t.speakerPages.lead(visit.title)}</p>
      {speakers.length === 0 ? (
        <p class="notice">{t.speakerPages.none}</p>
      ) : (
        <ul class="cards">
          {speakers.map((s) => (
            <li class="card">
              <h2 class="card-title">
                <a href={`/v/${visit.slug}/speakers/${s.id}${query}`}>{s.name}</a>
              </h2>
              {s.organisation ? <p class="muted">{s.organisation}</p> : null}
              <p>{s.talks.map((talk) => talk.title).join(' · ')}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

/** One public speaker: name, photo (with consent), bio and their talks in the released programme. */
export function PublicSpeakerPage({
  t,
  visit,
  speaker,
  query,
}: {
  t: Messages
  visit: { slug: string; title: string; timeZone: string }
  speaker: PublicSpeaker
  query: string
}) {
  const base = `/v/${visit.slug}`
  return (
    <section class="narrow">
      <p>
        <a href={`${base}/speakers${query}`}>{t.speakerPages.allSpeakers}</a>
      </p>
      <h1>{speaker.name}</h1>
      {speaker.organisation ? <p class="lead">{speaker.organisation}</p> : null}
      {speaker.hasPhoto ? (
        <p>
          <img
            src={`${base}/speakers/${speaker.id}/photo${query}`}
            alt={t.speakerPages.photoOf(speaker.name)}
            width="200"
          />
        </p>
      ) : null}
      {speaker.bio ? <p class="prewrap">{speaker.bio}</p> : null}
      <h2>{t.speakerPages.talks}</h2>
      <ul>
        {speaker.talks.map((talk) => (
          <li>
            <strong>{talk.title}</strong>
            <br />
            <a href={`${base}${query}#item-${talk.itemId}`}>{talk.itemTitle}</a>,{' '}
            <When t={t} start={talk.start} end={talk.end} timeZone={visit.timeZone} />
            {talk.venueName ? ` · ${talk.venueName}` : null}
            {talk.abstract ? <p class="prewrap">{talk.abstract}</p> : null}
          </li>
        ))}
      </ul>
      <p>
        <a href={`${base}${query}`}>{t.speakerPages.backToProgramme}</a>
      </p>
    </section>
  )
}

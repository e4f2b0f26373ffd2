import { talkStates } from '../../../../shared/db/schema'
import type { Clash } from '../../../../shared/domain/clashes'
import type { CallQuestion, TalkState } from '../../../../shared/domain/talks'
import { utcToZoned } from '../../../../shared/domain/time'
import type { Messages } from '../../../../shared/i18n'
import { formatLongDate, formatTime } from '../../../../shared/i18n/format'
import type { RenderedMail } from '../../../../shared/mail/templates'
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
import type { listTalksForTeam, TalkDetail } from '../review'
import { type editableMailKinds, speakerNeeds, talkLanguages } from '../schemas'
import type { mailTemplatesForTeam } from '../talk-mail'
import type { slotsForTeam } from '../talk-slots'
import { Notice, When } from './speaker-page'

/** The visit fields the team's talk pages need. */
type VisitHead = {
  id: string
  title: string
  slug: string
  timeZone: string
  startDate: string
  endDate: string
  /** False for an unlisted visit: its call opens only with a share link. */
  listed?: boolean
}
type Access = 'organise' | 'read'
type TalkList = Awaited<ReturnType<typeof listTalksForTeam>>
type Slots = Awaited<ReturnType<typeof slotsForTeam>>
type Templates = Awaited<ReturnType<typeof mailTemplatesForTeam>>

const tabs = ['talks', 'call', 'slots', 'mails'] as const

/** The tabs of a visit's talk pages, with the way back to the visit. */
export function TalksNav({
  t,
  visit,
  current,
}: {
  t: Messages
  visit: VisitHead
  current: (typeof tabs)[number]
}) {
  const base = `/visits/${visit.id}`
  const href = {
    talks: `${base}/talks`,
    call: `${base}/call`,
    slots: `${base}/slots`,
    mails: `${base}/mail-templates`,
  }
  return (
    <nav class="tabs" aria-label={t.talks.nav}>
      <a href={base}>{visit.title}</a>
      {tabs.map((tab) => (
        <a href={href[tab]} aria-current={tab === current ? 'page' : undefined}>
          {t.talks.tabs[tab]}
        </a>
      ))}
    </nav>
  )
}

/** The dates of a visit as select options. */
function dayOptions(t: Messages, visit: VisitHead) {
  const out: { value: string; label: string }[] = []
  for (let d = visit.startDate; d <= visit.endDate && out.length < 31; ) {
    out.push({ value: d, label: formatLongDate(Date.parse(`${d}T12:00:00Z`), 'UTC', t.locale) })
    const next = new Date(Date.parse(`${d}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
    d = next
  }
  return out
}

// --- the call -----------------------------------------------------------------------------------------------

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

// --- the list -----------------------------------------------------------------------------------------------

/** The filter of the list, as the query string had it. */
export type ListFilter = { state?: TalkState | undefined; q?: string | undefined; owes?: boolean | undefined }

/**
 * The talks of a visit: counts per state (each a filter), a search, the list with scores and what each still
 * owes, decisions in bulk (organisers), and who still owes slides or a bio.
 */
export function TalkListPage({
  t,
  data,
  filter,
  notice,
  state,
}: {
  t: Messages
  data: TalkList
  filter: ListFilter
  notice?: string | undefined
  state?: FormState | undefined
}) {
  const { visit, counts, talks, owing } = data
  const organise = data.access === 'organise'
  const base = `/visits/${visit.id}/talks`
  const total = talkStates.reduce((sum, s) => sum + counts[s], 0)
  const owes = (
    o: NonNullable<TalkList['talks'][number]['owed']>,
    speakers: TalkList['talks'][number]['speakers'],
  ) =>
    [
      o.slides ? t.talks.owesSlides : null,
      o.bioOf.length
        ? t.talks.owesBio(
            o.bioOf.map((id) => speakers.find((s) => s.speakerId === id)?.name ?? '').join(', '),
          )
        : null,
    ]
      .filter(Boolean)
      .join('; ')
  return (
    <>
      <TalksNav t={t} visit={visit} current="talks" />
      <h1>{t.talks.title}</h1>
      <p class="lead">{t.talks.listLead}</p>
      <Notice text={notice} />
      <nav class="tabs" aria-label={t.talks.counts}>
        <a href={base} aria-current={!filter.state ? 'page' : undefined}>
          {t.talks.all} ({total})
        </a>
        {talkStates
          .filter((s) => counts[s] > 0 || s === 'submitted')
          .map((s) => (
            <a href={`${base}?state=${s}`} aria-current={filter.state === s ? 'page' : undefined}>
              {t.talks.states[s]} ({counts[s]})
            </a>
          ))}
      </nav>
      <form method="get" action={base} class="field-row">
        <Select
          name="state"
          label={t.talks.filterState}
          options={[
            { value: '', label: t.talks.all },
            ...talkStates.map((s) => ({ value: s, label: t.talks.states[s] })),
          ]}
          value={filter.state ?? ''}
        />
        <Field name="q" type="text" label={t.talks.search} value={filter.q} />
        <div class="field checkbox-field">
          <input id="field-owes" type="checkbox" name="owes" value="1" checked={filter.owes ?? false} />
          <label for="field-owes">{t.talks.owesOnly}</label>
        </div>
        <p>
          <button type="submit" class="secondary">
            {t.talks.filter}
          </button>
        </p>
      </form>
      {talks.length === 0 ? (
        <p class="notice">{total === 0 ? t.talks.none : t.talks.noneMatch}</p>
      ) : (
        <form method="post" action={`${base}/bulk`}>
          <ErrorSummary t={t} state={state} />
          <div class="tl-scroll">
            <table>
              <thead>
                <tr>
                  {organise ? <th scope="col">{t.talks.columns.choose}</th> : null}
                  <th scope="col">{t.talks.columns.title}</th>
                  <th scope="col">{t.talks.columns.speakers}</th>
                  <th scope="col">{t.talks.columns.state}</th>
                  <th scope="col">{t.talks.columns.duration}</th>
                  <th scope="col">{t.talks.columns.score}</th>
                  <th scope="col">{t.talks.columns.myScore}</th>
                  <th scope="col">{t.talks.columns.placed}</th>
                  <th scope="col">{t.talks.columns.owes}</th>
                </tr>
              </thead>
              <tbody>
                {talks.map((talk) => (
                  <tr>
                    {organise ? (
                      <td>
                        <div class="checkbox-field">
                          <input
                            type="checkbox"
                            name="talkIds"
                            value={talk.id}
                            id={`choose-${talk.id}`}
                            aria-label={`${t.talks.columns.choose}: ${talk.title}`}
                          />
                        </div>
                      </td>
                    ) : null}
                    <td>
                      <a href={`/talks/${talk.id}`}>{talk.title}</a>
                    </td>
                    <td>{talk.speakers.map((s) => s.name).join(', ')}</td>
                    <td>{t.talks.states[talk.state]}</td>
                    <td class="nowrap">{t.talks.minutes(talk.durationMinutes)}</td>
                    <td>{talk.averageScore === null ? '–' : `${talk.averageScore} (${talk.reviews})`}</td>
                    <td>{talk.myScore ?? '–'}</td>
                    <td>{talk.placed ? t.talks.yes : t.talks.no}</td>
                    <td>{talk.owed ? owes(talk.owed, talk.speakers) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {organise ? (
            <fieldset class="plain">
              <legend>{t.talks.bulkLegend}</legend>
              <Select
                name="state"
                id="field-bulk-state"
                label={t.talks.bulkAction}
                options={(['accepted', 'waitlisted', 'rejected'] as const).map((s) => ({
                  value: s,
                  label: t.talks.moveTo[s],
                }))}
              />
              <input type="hidden" name="notify" value="no" />
              <div class="field checkbox-field">
                <input id="field-bulk-notify" type="checkbox" name="notify" value="yes" checked />
                <label for="field-bulk-notify">{t.talks.notify}</label>
              </div>
              <button type="submit">{t.talks.continue}</button>
            </fieldset>
          ) : null}
        </form>
      )}
      <section aria-labelledby="owing">
        <h2 id="owing">{t.talks.owingTitle}</h2>
        {owing.length === 0 ? (
          <p class="muted">{t.talks.owingNone}</p>
        ) : (
          <ul>
            {owing.map((talk) => (
              <li>
                <a href={`/talks/${talk.id}`}>{talk.title}</a> ({talk.speakers.map((s) => s.name).join(', ')}
                ): {talk.owed ? owes(talk.owed, talk.speakers) : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  )
}

/**
 * Before a decision is sent: which talks move, which cannot, and the mail as the first speaker will get it.
 * Confirming posts the same choice again with `confirm=yes`.
 */
export function DecisionPreviewPage({
  t,
  visit,
  action,
  target,
  moving,
  skipped,
  notify,
  mail,
}: {
  t: Messages
  visit: VisitHead
  action: string
  target: TalkState
  moving: readonly { id: string; title: string; state: TalkState }[]
  skipped: number
  notify: boolean
  mail: RenderedMail | null
}) {
  return (
    <>
      <TalksNav t={t} visit={visit} current="talks" />
      <h1>{t.talks.previewTitle}</h1>
      <p class="lead">{t.talks.previewLead(moving.length, t.talks.states[target])}</p>
      <ul>
        {moving.map((talk) => (
          <li>
            {talk.title} <span class="muted">({t.talks.states[talk.state]})</span>
          </li>
        ))}
      </ul>
      {skipped > 0 ? <p class="notice">{t.talks.previewSkipped(skipped)}</p> : null}
      {notify && mail ? (
        <section aria-labelledby="mail-preview">
          <h2 id="mail-preview">{t.talks.previewMail}</h2>
          <dl class="details">
            <dt>{t.talks.subject}</dt>
            <dd>{mail.subject}</dd>
          </dl>
          <pre>{mail.text}</pre>
        </section>
      ) : (
        <p class="muted">{t.talks.previewNoMail}</p>
      )}
      <form method="post" action={action}>
        {moving.map((talk) => (
          <input type="hidden" name="talkIds" value={talk.id} />
        ))}
        <input type="hidden" name="state" value={target} />
        <input type="hidden" name="notify" value={notify ? 'yes' : 'no'} />
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit" disabled={moving.length === 0}>
          {notify && mail ? t.talks.confirmSend : t.talks.confirmNoMail}
        </button>{' '}
        <a href={`/visits/${visit.id}/talks`}>{t.talks.cancel}</a>
      </form>
    </>
  )
}

// --- one talk -----------------------------------------------------------------------------------------------

/** Forms on the detail page, each with its own errors. */
export type DetailStates = { review?: FormState; place?: FormState; placeNew?: FormState; state?: FormState }

/** An audit action in words; one without words of its own is shown as logged. */
function historyText(t: Messages, action: string): string {
  const words = t.talks.historyActions as Record<string, string>
  return words[action.replace('.', '_')] ?? action
}

function ClashList({ t, clashes }: { t: Messages; clashes: readonly Clash[] }) {
  if (clashes.length === 0) return <p class="muted">{t.talks.noClashes}</p>
  return (
    <ul class="clash-list">
      {clashes.map((c) => (
        <li>
          <p>{c.message[t.lang === 'en' ? 'en' : 'nl']}</p>
        </li>
      ))}
    </ul>
  )
}

/**
 * One talk for the team: what was submitted (answers included), the speakers with their needs and
 * availability, files, state changes, scheduling with its clashes, reviews, internal notes and history.
 */
export function TalkDetailPage({
  t,
  data,
  notice,
  states = {},
}: {
  t: Messages
  data: TalkDetail
  notice?: string | undefined
  states?: DetailStates
}) {
  const { talk, visit } = data
  const organise = data.access === 'organise'
  const base = `/talks/${talk.id}`
  const questions = data.call?.questions ?? []
  const zone = visit.timeZone
  return (
    <>
      <TalksNav t={t} visit={visit} current="talks" />
      <span class="tag">{t.talks.states[talk.state]}</span>
      <h1>{talk.title}</h1>
      <Notice text={notice} />
      {!organise ? <p class="muted">{t.talks.readOnly}</p> : null}
      <dl class="details">
        <dt>{t.talks.columns.duration}</dt>
        <dd>{t.talks.minutes(talk.durationMinutes)}</dd>
        <dt>{t.talks.languageShort}</dt>
        <dd>{talk.language === 'en' ? t.talks.languages.en : t.talks.languages.nl}</dd>
        <dt>{t.talks.submittedAt}</dt>
        <dd>
          {formatLongDate(talk.createdAt, zone, t.locale)} {formatTime(talk.createdAt, zone, t.locale)}
        </dd>
      </dl>
      <p class="prewrap">{talk.abstract}</p>

      <section aria-labelledby="answers">
        <h2 id="answers">{t.talks.answers}</h2>
        {Object.keys(talk.answers).length === 0 ? (
          <p class="muted">{t.talks.noAnswers}</p>
        ) : (
          <dl class="details">
            {Object.entries(talk.answers).map(([id, answer]) => (
              <>
                <dt>{questions.find((q) => q.id === id)?.label ?? id}</dt>
                <dd>{answer}</dd>
              </>
            ))}
          </dl>
        )}
      </section>

      <section aria-labelledby="speakers">
        <h2 id="speakers">{t.talks.detailSpeakers}</h2>
        {data.speakers.map((s) => (
          <article class="card">
            <h3 class="card-title">
              {s.name}{' '}
              <span class="muted">
                (
                {s.role === 'main'
                  ? t.talks.mainSpeaker
                  : s.confirmed
                    ? t.talks.confirmedMark
                    : t.talks.pendingMark}
                )
              </span>
            </h3>
            <dl class="details">
              {'email' in s ? (
                <>
                  <dt>{t.talks.coSpeakerEmail}</dt>
                  <dd>
                    <a href={`mailto:${s.email}`}>{s.email}</a>
                  </dd>
                </>
              ) : null}
              {s.organisation ? (
                <>
                  <dt>{t.talks.organisationShort}</dt>
                  <dd>{s.organisation}</dd>
                </>
              ) : null}
              <dt>{t.talks.consentGiven}</dt>
              <dd>{s.consent ? t.talks.yes : t.talks.no}</dd>
              <dt>{t.talks.needsTitle}</dt>
              <dd>
                {s.needs.length
                  ? s.needs
                      .filter((n): n is (typeof speakerNeeds)[number] =>
                        (speakerNeeds as readonly string[]).includes(n),
                      )
                      .map((n) => t.talks.needs[n])
                      .join(', ')
                  : '–'}
              </dd>
              <dt>{t.talks.availability}</dt>
              <dd>
                {s.availability.length === 0
                  ? t.talks.wholeDay
                  : s.availability.map((r) => `${r.date} ${r.start}–${r.end}`).join('; ')}
              </dd>
            </dl>
            {s.bio ? <p class="prewrap">{s.bio}</p> : null}
          </article>
        ))}
      </section>

      <section aria-labelledby="files">
        <h2 id="files">{t.talks.files}</h2>
        {data.files.length === 0 ? (
          <p class="muted">{t.talks.noFiles}</p>
        ) : (
          <ul>
            {data.files.map((f) => (
              <li>
                <a href={`${base}/files/${f.id}`}>{f.filename}</a>
                {f.current ? '' : ` (${t.talks.replaced})`}
              </li>
            ))}
          </ul>
        )}
      </section>

      {organise ? (
        <section aria-labelledby="state">
          <h2 id="state">{t.talks.changeState}</h2>
          {data.targets.length === 0 ? (
            <p class="muted">{t.talks.noTargets}</p>
          ) : (
            <form method="post" action={`${base}/state`}>
              <ErrorSummary t={t} state={states.state} />
              <Select
                name="state"
                id="field-target"
                label={t.talks.changeState}
                options={data.targets.map((s) => ({ value: s, label: t.talks.moveTo[s] }))}
              />
              <input type="hidden" name="notify" value="no" />
              <div class="field checkbox-field">
                <input id="field-notify" type="checkbox" name="notify" value="yes" checked />
                <label for="field-notify">{t.talks.notify}</label>
              </div>
              <button type="submit">{t.talks.continue}</button>
            </form>
          )}
        </section>
      ) : null}

      <section aria-labelledby="placement">
        <h2 id="placement">{t.talks.placement}</h2>
        {data.item ? (
          <p>
            {data.item.title}, <When t={t} start={data.item.start} end={data.item.end} timeZone={zone} />
            {data.item.venueName ? ` · ${data.item.venueName}` : null}
          </p>
        ) : (
          <p class="muted">{t.talks.notPlaced}</p>
        )}
        {data.slot ? (
          <p>
            {t.talks.yourSlot}: <When t={t} start={data.slot.start} end={data.slot.end} timeZone={zone} />
          </p>
        ) : null}
        <h3>{t.talks.clashesTitle}</h3>
        <ClashList t={t} clashes={data.clashes} />
        {organise && (talk.state === 'accepted' || talk.state === 'confirmed') ? (
          <>
            <ErrorSummary t={t} state={states.place} />
            <form method="post" action={`${base}/place`} class="field-row">
              <Select
                name="itemId"
                label={t.talks.placeIn}
                options={[
                  { value: '', label: t.talks.placeNone },
                  ...data.items.map((i) => ({
                    value: i.id,
                    label: `${formatTime(i.start, zone, t.locale)}–${formatTime(i.end, zone, t.locale)} ${i.title}`,
                  })),
                ]}
                value={talk.itemId ?? ''}
                state={states.place}
              />
              <p>
                <button type="submit" class="secondary">
                  {t.talks.place}
                </button>
              </p>
            </form>
            <h3>{t.talks.placeNew}</h3>
            <ErrorSummary t={t} state={states.placeNew} />
            <form method="post" action={`${base}/place-new`} novalidate>
              <div class="field-row">
                <Select
                  name="date"
                  label={t.talks.date}
                  options={dayOptions(t, visit)}
                  state={states.placeNew}
                />
                <Field name="start" type="time" label={t.talks.start} state={states.placeNew} />
                <Select
                  name="venueId"
                  label={t.talks.venue}
                  options={[
                    { value: '', label: t.talks.noVenue },
                    ...data.venues.map((v) => ({ value: v.id, label: v.name })),
                  ]}
                  state={states.placeNew}
                />
              </div>
              <button type="submit" class="secondary">
                {t.talks.placeNewButton}
              </button>
            </form>
          </>
        ) : organise ? (
          <p class="muted">{t.talks.notPlaceable}</p>
        ) : null}
      </section>

      <section aria-labelledby="reviews">
        <h2 id="reviews">{t.talks.reviews}</h2>
        {data.averageScore === null ? (
          <p class="muted">{t.talks.noReviews}</p>
        ) : (
          <>
            <p>
              {t.talks.average(
                new Intl.NumberFormat(t.locale).format(data.averageScore),
                data.reviews.length,
              )}
            </p>
            <ul>
              {data.reviews.map((r) => (
                <li>
                  <strong>{r.name}</strong>: {r.score}
                  {r.note ? ` – ${r.note}` : ''}
                </li>
              ))}
            </ul>
          </>
        )}
        {organise ? (
          <>
            <h3>{t.talks.myReview}</h3>
            <ErrorSummary t={t} state={states.review} />
            <form method="post" action={`${base}/review`} novalidate>
              <Select
                name="score"
                label={t.talks.score}
                options={([1, 2, 3, 4, 5] as const).map((n) => ({
                  value: String(n),
                  label: t.talks.scoreOptions[n],
                }))}
                value={String(data.myReview?.score ?? 3)}
                state={states.review}
              />
              <Textarea
                name="note"
                label={t.talks.reviewNote}
                value={data.myReview?.note}
                state={states.review}
                rows={2}
              />
              <button type="submit" class="secondary">
                {t.talks.saveReview}
              </button>
            </form>
          </>
        ) : null}
      </section>

      <section aria-labelledby="notes">
        <h2 id="notes">{t.talks.notes}</h2>
        <p class="muted">{t.talks.notesHint}</p>
        {organise ? (
          <form method="post" action={`${base}/notes`}>
            <Textarea name="internalNotes" label={t.talks.notes} value={talk.internalNotes} rows={4} />
            <button type="submit" class="secondary">
              {t.talks.saveNotes}
            </button>
          </form>
        ) : (
          <p class="prewrap">{talk.internalNotes}</p>
        )}
      </section>

      <section aria-labelledby="history">
        <h2 id="history">{t.talks.history}</h2>
        <ul>
          {data.history.map((h) => (
            <li>
              <time datetime={h.createdAt.toISOString()}>
                {formatLongDate(h.createdAt, zone, t.locale)} {formatTime(h.createdAt, zone, t.locale)}
              </time>
              : {historyText(t, h.action)} · {h.actorName || h.actorEmail || t.talks.historyBySpeaker}
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}

// --- slots --------------------------------------------------------------------------------------------------

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

// --- mail templates -----------------------------------------------------------------------------------------

/** The decision mails: which exist (own text or standard), one open in the editor, and its preview. */
export function MailTemplatesPage({
  t,
  data,
  kind,
  lang,
  notice,
  state,
  preview,
}: {
  t: Messages
  data: Templates
  kind: (typeof editableMailKinds)[number]
  lang: (typeof talkLanguages)[number]
  notice?: string | undefined
  state?: FormState | undefined
  preview?: RenderedMail | null | undefined
}) {
  const { visit } = data
  const organise = data.access === 'organise'
  const current = data.templates.find((x) => x.kind === kind && x.lang === lang)
  const base = `/visits/${visit.id}/mail-templates`
  return (
    <>
      <TalksNav t={t} visit={visit} current="mails" />
      <h1>{t.talks.mailsTitle}</h1>
      <p class="lead">{t.talks.mailsLead}</p>
      <Notice text={notice} />
      <nav class="tabs" aria-label={t.talks.mailsTitle}>
        {data.templates.map((x) => (
          <a
            href={`${base}?kind=${x.kind}&lang=${x.lang}`}
            aria-current={x.kind === kind && x.lang === lang ? 'page' : undefined}
          >
            {t.talks.mailKinds[x.kind]} ({t.talks.languages[x.lang]}) –{' '}
            {x.custom ? t.talks.customised : t.talks.standard}
          </a>
        ))}
      </nav>
      <h2 id="editor">
        {t.talks.mailKinds[kind]} ({t.talks.languages[lang]})
      </h2>
      <p class="muted">{t.talks.placeholders}</p>
      <ErrorSummary t={t} state={state} />
      <form method="post" action={base} novalidate aria-labelledby="editor">
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="lang" value={lang} />
        <Field name="subject" label={t.talks.mailSubject} value={current?.subject} state={state} />
        <Textarea
          name="body"
          label={t.talks.mailBody}
          hint={t.talks.mailBodyHint}
          value={current?.body}
          state={state}
          rows={8}
        />
        <button type="submit" name="intent" value="preview" class="secondary">
          {t.talks.previewButton}
        </button>{' '}
        {organise ? (
          <button type="submit" name="intent" value="save">
            {t.talks.saveMail}
          </button>
        ) : null}
      </form>
      {organise && current?.custom ? (
        <form method="post" action={base}>
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="lang" value={lang} />
          <input type="hidden" name="intent" value="reset" />
          <button type="submit" class="link-button">
            {t.talks.resetMail}
          </button>
        </form>
      ) : null}
      {preview ? (
        <section aria-labelledby="preview">
          <h2 id="preview">{t.talks.preview}</h2>
          <dl class="details">
            <dt>{t.talks.subject}</dt>
            <dd>{preview.subject}</dd>
          </dl>
          <pre>{preview.text}</pre>
        </section>
      ) : null}
    </>
  )
}

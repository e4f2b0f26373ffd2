import type { Clash } from '../../../../shared/domain/clashes'
import type { Messages } from '../../../../shared/i18n'
import { formatLongDate, formatTime } from '../../../../shared/i18n/format'
import { ErrorSummary, Field, type FormState, Select, Textarea } from '../../../platform/ui/form'
import type { TalkDetail } from '../review'
import { speakerNeeds } from '../schemas'
import { Notice, When } from './talk-parts'
import { dayOptions, TalksNav } from './team-parts'

/** Forms on the detail page, each with its own errors. */
export type DetailStates = {
  review?: FormState
  place?: FormState
  placeNew?: FormState
  state?: FormState
  notes?: FormState
}

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
            <ErrorSummary t={t} state={states.notes} />
            <input type="hidden" name="version" value={String(talk.version)} />
            <Textarea
              name="internalNotes"
              label={t.talks.notes}
              value={talk.internalNotes}
              rows={4}
              state={states.notes}
            />
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

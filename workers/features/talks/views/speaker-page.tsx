import type { Messages } from '../../../../shared/i18n'
import { formatLocalDate } from '../../../../shared/i18n/format'
import { Checkbox, ErrorSummary, Field, type FormState, Select } from '../../../platform/ui/form'
import { MAX_CO_SPEAKERS } from '../schemas'
import type { SpeakerView } from '../speaker-actions'
import {
  AvailabilityFields,
  BackToProgramme,
  GroupErrors,
  groupError,
  Notice,
  ProfileFields,
  TalkFields,
  VisitLink,
  When,
} from './talk-parts'

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

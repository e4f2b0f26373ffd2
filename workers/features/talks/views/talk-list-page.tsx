import type { TalkState } from '../../../../shared/domain/talks'
import { talkStates } from '../../../../shared/domain/talks'
import type { Messages } from '../../../../shared/i18n'
import { ErrorSummary, Field, type FormState, Select } from '../../../platform/ui/form'
import type { listTalksForTeam } from '../review'
import { Notice } from './talk-parts'
import { TalksNav } from './team-parts'

type TalkList = Awaited<ReturnType<typeof listTalksForTeam>>

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

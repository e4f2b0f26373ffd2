import type { Child } from 'hono/jsx'
import { utcToZoned } from '../../../../shared/domain/time'
import type { Messages } from '../../../../shared/i18n'
import { formatLongDate, formatTime } from '../../../../shared/i18n/format'
import { ErrorSummary, Field, type FormState } from '../../../platform/ui/form'
import type { getVisit } from '../visits'
import { money, Notice, VisitDates, VisitFields, VisitNav } from './visit-parts'

/** What the page shows; for a host also how many people are expected at each item at their venue. */
type VisitData = Awaited<ReturnType<typeof getVisit>> & {
  expected?: Readonly<Record<string, number | null>> | null | undefined
}

/**
 * For a host: each of their venues with what happens there, when (local time) and for how many people.
 * Numbers only: a host never sees who comes.
 */
function AtYourVenue({ t, data }: { t: Messages; data: VisitData }) {
  const words = t.roles
  const zone = data.visit.timeZone
  const days = new Set(data.items.map((i) => utcToZoned(i.startsAt.getTime(), zone).date))
  return (
    <>
      {data.venues.map((venue) => {
        const items = data.items.filter((i) => i.venueId === venue.id)
        const id = `at-venue-${venue.id}`
        return (
          <section aria-labelledby={id}>
            <h2 id={id}>{words.atYourVenue(venue.name)}</h2>
            <p class="muted">{words.atYourVenueIntro}</p>
            {items.length === 0 ? (
              <p>{words.nothingYet}</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">{words.when}</th>
                    <th scope="col">{words.what}</th>
                    <th scope="col">{words.expected}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => {
                    const people = data.expected?.[item.id]
                    const day = days.size > 1 ? `${formatLongDate(item.startsAt, zone, t.locale)}, ` : ''
                    return (
                      <tr>
                        <td>
                          {day}
                          <time datetime={item.startsAt.toISOString()}>
                            {formatTime(item.startsAt, zone, t.locale)}
                          </time>
                          {'–'}
                          <time datetime={item.endsAt.toISOString()}>
                            {formatTime(item.endsAt, zone, t.locale)}
                          </time>
                        </td>
                        <td>
                          {item.cancelled ? <s>{item.title}</s> : item.title}
                          {item.cancelled ? ` (${words.cancelled})` : null}
                        </td>
                        <td>
                          {item.cancelled ? '—' : people == null ? words.unknown : words.people(people)}
                        </td>
                      </tr>
                    )
                  })}
                </tbody>
              </table>
            )}
            <p>
              <a href={`/venues/${venue.id}`}>{words.editVenue}</a>
            </p>
          </section>
        )
      })}
    </>
  )
}

/**
 * A visit's overview: details, status and clash count, the (later) registration and catering summaries, and
 * for organisers the edit, duplicate, publish and archive forms. Others see what their access allows.
 */
export function VisitOverviewPage({
  t,
  data,
  clashCount,
  catering,
  checklist,
  publicUrl,
  notice,
  editState,
  duplicateState,
}: {
  t: Messages
  data: VisitData
  clashCount: number | null
  /** The catering summary, drawn by the catering feature for the reader's access (none: nothing shown). */
  catering?: Child | null | undefined
  /** What is left to do, for organisers (drawn by the page's route from the programme and the counts). */
  checklist?: Child | null | undefined
  /** Where the public pages live, for the embed snippet. */
  publicUrl: string
  notice?: string | undefined
  editState?: FormState | undefined
  duplicateState?: FormState | undefined
}) {
  const { visit, access } = data
  const organise = access === 'organise'
  const budgetCents = 'budgetCents' in visit ? visit.budgetCents : null
  const itemVenueIds = new Set(data.items.map((i) => i.venueId))
  // Organisers see all the team's venues in `data`; the overview names only those the programme uses.
  const venues = access === 'host' ? data.venues : data.venues.filter((v) => itemVenueIds.has(v.id))
  const base = `/visits/${visit.id}`
  return (
    <>
      <VisitNav t={t} visit={visit} access={access} current="overview" />
      <span class="tag">{t.visit.kinds[visit.kind]}</span>{' '}
      <span class="tag">{t.visits.statuses[visit.status]}</span>
      <h1>{visit.title}</h1>
      <p class="lead">
        <VisitDates t={t} visit={visit} />
      </p>
      <Notice text={notice} />
      {checklist}
      {!organise ? <p class="muted">{t.visits.readOnly}</p> : null}
      {clashCount !== null ? (
        <p class={clashCount > 0 ? 'clash-summary has-clashes' : 'clash-summary'}>
          {clashCount > 0 ? (
            <a href={`${base}/programme#clashes`}>{t.visits.clashCount(clashCount)}</a>
          ) : (
            t.visits.clashCount(0)
          )}
        </p>
      ) : null}
      <section aria-labelledby="details">
        <h2 id="details">{t.visits.details}</h2>
        <dl class="details">
          <dt>{t.visits.status}</dt>
          <dd>{t.visits.statuses[visit.status]}</dd>
          {visit.status !== 'draft' ? (
            <>
              <dt>{t.visits.publicPage}</dt>
              <dd>
                <a href={`/v/${visit.slug}`}>/v/{visit.slug}</a>
              </dd>
            </>
          ) : null}
          <dt>{t.visits.meetingPoint}</dt>
          <dd>{visit.meetingPoint || t.visits.notSet}</dd>
          <dt>{t.visits.expectedGuests}</dt>
          <dd>{visit.expectedGuests ?? t.visits.notSet}</dd>
          {access === 'organise' || access === 'read' ? (
            <>
              <dt>{t.visits.budget}</dt>
              <dd>{budgetCents == null ? t.visits.notSet : money(budgetCents, t)}</dd>
            </>
          ) : null}
          <dt>{t.visits.timeZone}</dt>
          <dd>{visit.timeZone}</dd>
        </dl>
        {visit.description ? <p class="prewrap">{visit.description}</p> : null}
      </section>
      {venues.length > 0 ? (
        <section aria-labelledby="visit-venues">
          <h2 id="visit-venues">{t.visits.venuesHere}</h2>
          <ul class="venue-list">
            {venues.map((v) => (
              <li class="card">
                <h3 class="card-title">
                  <a href={`/venues/${v.id}`}>{v.name}</a>
                </h3>
                {v.address ? <p class="muted">{v.address}</p> : null}
                {'hostContact' in v && (v.hostName || v.hostContact) ? (
                  <p>
                    {t.visits.hostContact}: {[v.hostName, v.hostContact].filter(Boolean).join(' · ')}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {access === 'host' ? <AtYourVenue t={t} data={data} /> : null}
      {access !== 'caterer' ? (
        <p>
          <a href={`/visits/${visit.id}/photos`}>{t.photos.title}</a>
          {access === 'organise' || access === 'read' ? (
            <>
              {' · '}
              <a href={`/visits/${visit.id}/report`}>{t.reports.title}</a>
              {' · '}
              <a href={`/visits/${visit.id}/follow-ups`}>{t.reports.followUps.title}</a>
            </>
          ) : null}
          {organise ? (
            <>
              {' · '}
              <a href={`/visits/${visit.id}/roles`}>{t.roles.page.link}</a>
            </>
          ) : null}
        </p>
      ) : null}
      {access === 'organise' || access === 'read' ? (
        <>
          <section aria-labelledby="rsvps" class="slot">
            <h2 id="rsvps">{t.visits.rsvps}</h2>
            <p class="muted">{t.visits.rsvpsLater}</p>
            <p>
              <a href={`/visits/${visit.id}/rsvps`}>{t.visits.rsvpsLink}</a>
            </p>
          </section>
          {visit.status !== 'draft' ? (
            <section aria-labelledby="embed" class="slot">
              <h2 id="embed">{t.visits.embedTitle}</h2>
              <p class="muted">{t.visits.embedIntro}</p>
              <pre>
                <code>{`<iframe src="${publicUrl}/v/${visit.slug}/embed" title="${visit.title.replaceAll('"', '&quot;')}" width="100%" height="600" loading="lazy"></iframe>`}</code>
              </pre>
            </section>
          ) : null}
        </>
      ) : null}
      {catering ?? null}
      {organise && 'budgetCents' in visit ? (
        <>
          <section aria-labelledby="edit-visit">
            <h2 id="edit-visit">{t.visits.edit}</h2>
            <ErrorSummary t={t} state={editState} />
            <form method="post" action={base} novalidate>
              <input type="hidden" name="version" value={String(visit.version)} />
              <VisitFields t={t} state={editState} visit={visit} />
              <button type="submit">{t.visits.save}</button>
            </form>
          </section>
          {visit.status !== 'archived' ? (
            <section aria-labelledby="publish">
              <h2 id="publish">{t.visits.publish}</h2>
              <p class="muted">{t.visits.publishIntro}</p>
              <form method="post" action={`${base}/releases`}>
                <button type="submit">{t.visits.publishButton}</button>
              </form>
            </section>
          ) : null}
          <section aria-labelledby="duplicate">
            <h2 id="duplicate">{t.visits.duplicate}</h2>
            <p class="muted">{t.visits.duplicateIntro}</p>
            <ErrorSummary t={t} state={duplicateState} />
            <form method="post" action={`${base}/duplicate`} novalidate>
              <Field
                name="title"
                id="field-duplicate-title"
                label={t.visits.newTitle}
                state={duplicateState}
                required
              />
              <Field
                name="slug"
                id="field-duplicate-slug"
                label={t.visits.slug}
                hint={t.visits.slugHint}
                state={duplicateState}
              />
              <Field
                name="startDate"
                id="field-duplicate-startDate"
                type="date"
                label={t.visits.newStartDate}
                state={duplicateState}
                required
              />
              <button type="submit" class="secondary">
                {t.visits.duplicateButton}
              </button>
            </form>
          </section>
          {visit.status !== 'archived' ? (
            <section aria-labelledby="archive">
              <h2 id="archive">{t.visits.archive}</h2>
              <p class="muted">{t.visits.archiveIntro}</p>
              <form method="post" action={`${base}/archive`}>
                <button type="submit" class="secondary">
                  {t.visits.archiveButton}
                </button>
              </form>
            </section>
          ) : (
            <section aria-labelledby="restore">
              <h2 id="restore">{t.rsvps.restoreTitle}</h2>
              <p class="muted">{t.rsvps.restoreIntro}</p>
              <form method="post" action={`${base}/restore`}>
                <button type="submit" class="secondary">
                  {t.rsvps.restoreButton}
                </button>
              </form>
            </section>
          )}
        </>
      ) : null}
    </>
  )
}

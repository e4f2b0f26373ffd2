import type { ReleaseSnapshot } from '../../../../shared/domain/release-snapshot'
import { utcToZoned } from '../../../../shared/domain/time'
import type { Messages } from '../../../../shared/i18n'
import { formatLocalDate, formatLongDate, formatTime, isoInstant } from '../../../../shared/i18n/format'
import { releaseLabel } from '../release-label'
import { RouteMapFigure } from './schedule-extras'

type Release = { id: string; number: number; name: string; publishedAt: Date }
type Props = {
  t: Messages
  snapshot: ReleaseSnapshot
  release: Release
  /** Show only what concerns this group (items for everyone included); null: everything. */
  groupId: string | null
  /** The day asked for (`?day=`): shown alone when the view has more than DAY_PAGE_ITEMS items. */
  day: string | null
  /** The share-link query (`?k=…`) of an unlisted visit, kept on every link of the page. */
  shareQuery: string
  publicUrl: string
  /** The visit's published report, linked from the head of the page; null while there is none. */
  reportHref?: string | null
}

const kindOf = (t: Messages, k: string) => t.visit.kinds[k as keyof Messages['visit']['kinds']] ?? k
const itemKindOf = (t: Messages, k: string) => t.itemKinds[k as keyof Messages['itemKinds']] ?? k

/**
 * The public programme of a visit (its newest release), mobile first: the day as a timeline, a view per
 * group, venues with access and rain plan (never host contact), the route map, calendar links. Works
 * without JavaScript; schedule.js adds "now and next", favourites and offline reading.
 */
/**
 * Above this many items in a view (a conference, not a tour) the page shows one day at a time with a day
 * switcher of plain links (so every day is reachable without JavaScript); the exports stay whole.
 */
export const DAY_PAGE_ITEMS = 150

export function VisitPage({ t, snapshot, release, groupId, day, shareQuery, publicUrl, reportHref }: Props) {
  const { visit, venues, groups } = snapshot
  const zone = visit.timeZone
  const base = `/v/${visit.slug}`
  const q = (extra = '') => {
    const parts = [shareQuery, extra].filter(Boolean)
    return parts.length ? `?${parts.join('&')}` : ''
  }
  const items = snapshot.items.filter(
    (i) => groupId === null || i.groupIds.length === 0 || i.groupIds.includes(groupId),
  )
  const venueById = new Map(venues.map((v) => [v.id, v]))
  const groupName = new Map(groups.map((g) => [g.id, g.name]))
  const days = new Map<string, typeof items>()
  for (const item of items) {
    const day = utcToZoned(item.start, zone).date
    const list = days.get(day)
    if (list) list.push(item)
    else days.set(day, [item])
  }
  // A group's view subscribes to the group's own feed: its items and those for everyone.
  const feed = `${base}/schedule.ics${groupId ? q(`group=${encodeURIComponent(groupId)}`) : q()}`
  const webcal = `${publicUrl.replace(/^https?:/, 'webcal:')}${feed}`
  // A large view: one day at a time (the one asked for, else the first), the others a link away.
  const paged = items.length > DAY_PAGE_ITEMS && days.size > 1
  const shownDay = paged ? (day && days.has(day) ? day : [...days.keys()][0]!) : null
  const shownDays = shownDay ? [[shownDay, days.get(shownDay) ?? []] as const] : [...days]
  const groupQuery = groupId ? `group=${encodeURIComponent(groupId)}` : ''
  return (
    <article class="schedule" data-visit={visit.id} data-zone={zone}>
      <link rel="stylesheet" href="/assets/schedule.css" />
      <script src="/assets/schedule.js" defer />
      <header class="schedule-head">
        <span class="tag">{kindOf(t, visit.kind)}</span>
        <h1>{visit.title}</h1>
        <p class="lead">
          <time datetime={visit.startDate}>{formatLocalDate(visit.startDate, t.locale)}</time>
          {visit.endDate !== visit.startDate ? ` – ${formatLocalDate(visit.endDate, t.locale)}` : ''}
        </p>
        {visit.description ? <p>{visit.description}</p> : null}
        {visit.meetingPoint ? (
          <p>
            <strong>{t.visit.meetingPoint}:</strong> {visit.meetingPoint}
          </p>
        ) : null}
        <p class="actions">
          {/* A guest's own pass (g=) opens the programme, not the form: they are registered already. */}
          {shareQuery.startsWith('g=') ? null : (
            <>
              <a class="button" href={`${base}/rsvp${q()}`}>
                {t.schedule.rsvp}
              </a>{' '}
            </>
          )}
          <a class="button secondary" href={webcal}>
            {t.schedule.subscribe}
          </a>{' '}
          <a href={`${base}/changes${q()}`}>{t.schedule.changes}</a> ·{' '}
          <a href={`${base}/photos${q()}`}>{t.photos.toGallery}</a>
          {reportHref ? (
            <>
              {' '}
              · <a href={reportHref}>{t.schedule.toReport}</a>
            </>
          ) : null}
        </p>
        <p class="muted">
          {t.schedule.subscribeHint} <a href={feed}>{t.schedule.downloadIcs}</a> ·{' '}
          {t.schedule.version(
            releaseLabel(release.name, t.lang),
            formatLongDate(release.publishedAt, zone, t.locale),
          )}
        </p>
      </header>
      <p class="offline-note" hidden>
        {t.schedule.offline}
      </p>
      <section class="now-next" aria-live="polite" hidden>
        <h2 class="visually-hidden">
          {t.schedule.now} / {t.schedule.next}
        </h2>
        <p>
          <strong>{t.schedule.now}:</strong> <span class="now-title" />
        </p>
        <p>
          <strong>{t.schedule.next}:</strong> <span class="next-title" />
        </p>
      </section>
      {groups.length > 0 ? (
        <nav aria-label={t.schedule.views} class="group-views">
          <span>{t.schedule.views}:</span>
          <a href={`${base}${q()}`} aria-current={groupId === null ? 'page' : undefined}>
            {t.schedule.allGroups}
          </a>
          {groups.map((g) => (
            <a
              href={`${base}${q(`group=${encodeURIComponent(g.id)}`)}`}
              aria-current={groupId === g.id ? 'page' : undefined}
            >
              {g.name}
            </a>
          ))}
        </nav>
      ) : null}
      <h2 id="programme">{t.visit.programme}</h2>
      {/* schedule.js adds a favourite button to every item, with these labels (hidden without it anyway). */}
      <p
        class="favourites-toggle"
        hidden
        data-favourite={t.schedule.favourite}
        data-unfavourite={t.schedule.unfavourite}
      >
        <label>
          <input type="checkbox" class="only-favourites" /> {t.schedule.onlyFavourites}
        </label>
      </p>
      {items.length === 0 ? <p class="notice">{t.visit.noItems}</p> : null}
      {shownDay ? (
        <nav aria-label={t.visit.programme} class="group-views day-views">
          {[...days.keys()].map((d) => (
            <a
              href={`${base}${q([groupQuery, `day=${d}`].filter(Boolean).join('&'))}#programme`}
              aria-current={d === shownDay ? 'page' : undefined}
            >
              {formatLocalDate(d, t.locale)}
            </a>
          ))}
        </nav>
      ) : null}
      {shownDays.map(([date, dayItems]) => (
        <section aria-label={formatLocalDate(date, t.locale)}>
          {days.size > 1 ? <h3>{formatLocalDate(date, t.locale)}</h3> : null}
          <ol class="timeline">
            {dayItems.map((item) => {
              const venue = item.venueId ? venueById.get(item.venueId) : undefined
              const forGroups = item.groupIds.map((id) => groupName.get(id)).filter(Boolean)
              return (
                // Lean markup, as a programme can have hundreds of items: schedule.js reads the item's id, times
                // and title from the elements themselves.
                <li id={`item-${item.id}`} class={item.cancelled ? 'item cancelled' : 'item'}>
                  <time datetime={isoInstant(item.start)}>{formatTime(item.start, zone, t.locale)}</time>
                  {'–'}
                  <time datetime={isoInstant(item.end)}>{formatTime(item.end, zone, t.locale)}</time>{' '}
                  <span class="tag">{itemKindOf(t, item.kind)}</span>
                  {item.cancelled ? <strong> {t.visit.cancelled}</strong> : null}
                  <span class="item-title">{item.title}</span>
                  {venue ? (
                    <a class="muted" href={`#venue-${venue.id}`}>
                      {venue.name}
                    </a>
                  ) : null}
                  {item.departurePlace && item.arrivalPlace ? (
                    <span class="muted">
                      {' '}
                      {t.visit.from} {item.departurePlace} {t.visit.to} {item.arrivalPlace}
                    </span>
                  ) : null}
                  {forGroups.length > 0 ? (
                    <span class="muted">
                      {' '}
                      · {t.visit.forGroups}: {forGroups.join(', ')}
                    </span>
                  ) : null}
                  {item.speakers.length > 0 ? (
                    <span class="muted">
                      {' '}
                      · {t.schedule.speakers}:{' '}
                      {item.speakers.map((s, i) => (
                        <>
                          {i > 0 ? ', ' : ''}
                          <a href={`${base}/speakers/${s.id}${q()}`}>{s.name}</a>
                        </>
                      ))}
                    </span>
                  ) : null}
                  {item.description ? <p>{item.description}</p> : null}
                  {item.cancelled ? null : (
                    <p class="item-actions">
                      <a href={`${base}/items/${item.id}.ics${q()}`}>{t.schedule.addToCalendar}</a>
                    </p>
                  )}
                </li>
              )
            })}
          </ol>
        </section>
      ))}
      <RouteMapFigure t={t} snapshot={snapshot} groupId={groupId} />
      {venues.length > 0 ? (
        <section aria-labelledby="venues">
          <h2 id="venues">{t.visit.venues}</h2>
          <ul class="venue-list">
            {venues.map((v) => {
              const rain = v.rainVenueId ? venueById.get(v.rainVenueId) : undefined
              return (
                <li class="card" id={`venue-${v.id}`}>
                  <h3>{v.name}</h3>
                  {v.address ? (
                    <p>
                      <span class="visually-hidden">{t.schedule.address}: </span>
                      {v.address}
                    </p>
                  ) : null}
                  <ul class="muted" aria-label={t.schedule.access}>
                    {v.stepFree ? <li>{t.visit.stepFree}</li> : null}
                    {v.toilet ? <li>{t.visit.toilet}</li> : null}
                    {v.shelter ? <li>{t.visit.shelter}</li> : null}
                  </ul>
                  {v.notes ? <p class="muted">{v.notes}</p> : null}
                  {rain ? (
                    <p>
                      <strong>{t.schedule.rainPlan}:</strong> <a href={`#venue-${rain.id}`}>{rain.name}</a>
                    </p>
                  ) : null}
                </li>
              )
            })}
          </ul>
        </section>
      ) : null}
    </article>
  )
}

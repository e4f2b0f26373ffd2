import type { Messages } from '../../shared/i18n'
import { formatLocalDate, formatTime, isoInstant } from '../../shared/i18n/format'
import type { getPublishedProgramme } from '../data/visits'

type Programme = NonNullable<Awaited<ReturnType<typeof getPublishedProgramme>>>

/** The public programme of a visit: a timeline per day, then the venues with access notes. */
export function VisitPage({ t, programme }: { t: Messages; programme: Programme }) {
  const { visit, items, venues, groups, itemGroups } = programme
  const zone = visit.timeZone
  const venueById = new Map(venues.map((v) => [v.id, v]))
  const groupName = new Map(groups.map((g) => [g.id, g.name]))
  const groupsOf = new Map<string, string[]>()
  for (const ig of itemGroups) groupsOf.set(ig.itemId, [...(groupsOf.get(ig.itemId) ?? []), ig.groupId])
  const dayKey = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(at)
  const days = new Map<string, typeof items>()
  for (const item of items) {
    const key = dayKey(item.startsAt)
    days.set(key, [...(days.get(key) ?? []), item])
  }
  return (
    <article>
      <span class="tag">{t.visit.kinds[visit.kind]}</span>
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
      <h2 id="programme">{t.visit.programme}</h2>
      {items.length === 0 ? <p class="notice">{t.visit.noItems}</p> : null}
      {[...days].map(([day, dayItems]) => (
        <section aria-label={formatLocalDate(day, t.locale)}>
          {days.size > 1 ? <h3>{formatLocalDate(day, t.locale)}</h3> : null}
          <ol class="timeline">
            {dayItems.map((item) => {
              const venue = item.venueId ? venueById.get(item.venueId) : undefined
              const forGroups = (groupsOf.get(item.id) ?? []).map((id) => groupName.get(id)).filter(Boolean)
              return (
                <li class={item.cancelled ? 'cancelled' : undefined}>
                  <time datetime={isoInstant(item.startsAt)}>
                    {formatTime(item.startsAt, zone, t.locale)}
                  </time>
                  {'–'}
                  <time datetime={isoInstant(item.endsAt)}>{formatTime(item.endsAt, zone, t.locale)}</time>{' '}
                  <span class="tag">{t.itemKinds[item.kind]}</span>
                  {item.cancelled ? <strong> {t.visit.cancelled}</strong> : null}
                  <span class="item-title">{item.title}</span>
                  {venue ? <span class="muted">{venue.name}</span> : null}
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
                  {item.description ? <p>{item.description}</p> : null}
                </li>
              )
            })}
          </ol>
        </section>
      ))}
      {venues.length > 0 ? (
        <section aria-labelledby="venues">
          <h2 id="venues">{t.visit.venues}</h2>
          <ul class="venue-list">
            {venues.map((v) => (
              <li class="card">
                <h3>{v.name}</h3>
                {v.address ? <p>{v.address}</p> : null}
                <ul class="muted">
                  {v.stepFree ? <li>{t.visit.stepFree}</li> : null}
                  {v.toilet ? <li>{t.visit.toilet}</li> : null}
                  {v.shelter ? <li>{t.visit.shelter}</li> : null}
                </ul>
                {v.notes ? <p class="muted">{v.notes}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  )
}

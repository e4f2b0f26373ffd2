import { raw } from 'hono/html'
import type { ReleaseSnapshot } from '../../../../shared/domain/release-snapshot'
import { routeMap } from '../../../../shared/domain/route-map'
import type { Messages } from '../../../../shared/i18n'
import { formatLocalDate, formatLongDate, formatTime } from '../../../../shared/i18n/format'

type DescribedRelease = { number: number; name: string; publishedAt: Date; lines: string[] }

/** What changed in each release, newest first, in plain sentences. */
export function ChangesPage({
  t,
  snapshot,
  releases,
  shareQuery,
}: {
  t: Messages
  snapshot: ReleaseSnapshot
  releases: DescribedRelease[]
  shareQuery: string
}) {
  const zone = snapshot.visit.timeZone
  const [latest, ...earlier] = releases
  const back = `/v/${snapshot.visit.slug}${shareQuery ? `?${shareQuery}` : ''}`
  const block = (r: DescribedRelease) => (
    <section aria-label={r.name}>
      <h3>{t.schedule.version(r.name, formatLongDate(r.publishedAt, zone, t.locale))}</h3>
      {r.number === 1 ? (
        <p class="muted">{t.schedule.noChanges}</p>
      ) : (
        <ul>
          {r.lines.map((line) => (
            <li>{line}</li>
          ))}
        </ul>
      )}
    </section>
  )
  return (
    <article>
      <p>
        <a href={back}>← {snapshot.visit.title}</a>
      </p>
      <h1>{t.schedule.changesTitle}</h1>
      {latest ? block(latest) : null}
      {earlier.length > 0 ? (
        <>
          <h2>{t.schedule.earlier}</h2>
          {earlier.map(block)}
        </>
      ) : null}
    </article>
  )
}

/** A compact programme for other sites to frame (the association's own website). */
export function EmbedPage({
  t,
  snapshot,
  shareQuery,
  publicUrl,
}: {
  t: Messages
  snapshot: ReleaseSnapshot
  shareQuery: string
  publicUrl: string
}) {
  const zone = snapshot.visit.timeZone
  const venue = new Map(snapshot.venues.map((v) => [v.id, v.name]))
  const full = `${publicUrl}/v/${snapshot.visit.slug}${shareQuery ? `?${shareQuery}` : ''}`
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={t.lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{snapshot.visit.title}</title>
          <link rel="stylesheet" href="/assets/app.css" />
        </head>
        <body class="embed">
          <main>
            <h1>{snapshot.visit.title}</h1>
            <p class="muted">
              {formatLocalDate(snapshot.visit.startDate, t.locale)} · {t.schedule.embedIntro}
            </p>
            <ol class="timeline">
              {snapshot.items.map((i) => (
                <li class={i.cancelled ? 'cancelled' : undefined}>
                  <time>{formatTime(i.start, zone, t.locale)}</time> <span class="item-title">{i.title}</span>
                  {i.venueId ? <span class="muted">{venue.get(i.venueId)}</span> : null}
                </li>
              ))}
            </ol>
            <p>
              <a href={full} target="_top">
                {t.schedule.openFull}
              </a>
            </p>
          </main>
        </body>
      </html>
    </>
  )
}

const km = (t: Messages, metres: number) =>
  metres < 1000
    ? `${metres} m`
    : `${new Intl.NumberFormat(t.locale, { maximumFractionDigits: 1 }).format(metres / 1000)} km`

/**
 * The route as an SVG drawing with numbered venues and the walking time of each leg, plus the same in words.
 * For everyone, each group's path is drawn on its own, told apart by its letter and line pattern (never by
 * colour alone) and named in a legend. Labels are drawn at least 12 px high on a 390 px phone.
 */
export function RouteMapFigure({
  t,
  snapshot,
  groupId,
}: {
  t: Messages
  snapshot: ReleaseSnapshot
  groupId: string | null
}) {
  const map = routeMap(snapshot.venues, snapshot.items, {
    groupId,
    groups: snapshot.groups,
    walkingSpeedKmh: snapshot.visit.walkingSpeedKmh,
    width: 600,
    height: 380,
    margin: 56,
  })
  if (map.points.length < 2) return null
  const number = new Map(map.points.map((p) => [p.id, p.number]))
  const several = map.paths.length > 1
  const names = (ids: readonly string[]) =>
    ids.length === 0 || ids.length === snapshot.groups.length
      ? t.travel.map.everyone
      : ids.map((id) => snapshot.groups.find((g) => g.id === id)?.name ?? id).join(', ')
  return (
    <section aria-labelledby="route-title" class="route">
      <h2 id="route-title">{t.schedule.map}</h2>
      <figure>
        <svg
          viewBox={`0 0 ${map.width} ${map.height}`}
          role="img"
          aria-labelledby="route-svg-title route-svg-desc"
          class="route-map"
        >
          <title id="route-svg-title">{t.schedule.map}</title>
          <desc id="route-svg-desc">{t.schedule.mapDescription(map.points.length)}</desc>
          {map.paths.map((path, index) => (
            <g class={`leg path-${index % 4}`} data-mark={path.mark}>
              {path.legs.map((leg) => (
                <>
                  <line x1={leg.x1} y1={leg.y1} x2={leg.x2} y2={leg.y2} />
                  <text x={leg.labelX} y={leg.labelY} class="leg-label">
                    {several ? `${path.mark} ${leg.walkMinutes}′` : `${leg.walkMinutes}′`}
                  </text>
                </>
              ))}
            </g>
          ))}
          {map.points.map((p) => {
            // Names of venues on the right run leftwards, so they stay on the canvas.
            const right = p.x > map.width * 0.6
            return (
              <g class="stop">
                <circle cx={p.x} cy={p.y} r="18" />
                <text x={p.x} y={p.y + 8} class="stop-number">
                  {String(p.number)}
                </text>
                <text
                  x={right ? p.x - 24 : p.x + 24}
                  y={p.y + 8}
                  class="stop-name"
                  text-anchor={right ? 'end' : 'start'}
                >
                  {p.name}
                </text>
              </g>
            )
          })}
        </svg>
        <figcaption>
          {several ? (
            <>
              <p class="route-legend-title">{t.travel.map.legend}</p>
              <ul class="route-legend">
                {map.paths.map((path, index) => (
                  <li>
                    <svg viewBox="0 0 48 12" class={`route-key leg path-${index % 4}`} aria-hidden="true">
                      <line x1="2" y1="6" x2="46" y2="6" />
                    </svg>{' '}
                    {t.travel.map.path(path.mark, names(path.groupIds))}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <ol class="legs">
            {map.legs.map((leg) => (
              <li>
                {t.schedule.leg(
                  number.get(leg.from) ?? 0,
                  number.get(leg.to) ?? 0,
                  km(t, leg.metres),
                  leg.walkMinutes,
                )}
                {several ? t.travel.map.walkedBy(names(leg.groupIds)) : ''}
              </li>
            ))}
          </ol>
        </figcaption>
      </figure>
    </section>
  )
}

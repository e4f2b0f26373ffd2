import { raw } from 'hono/html'
import type { ReleaseSnapshot } from '../../../../shared/domain/release-snapshot'
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

import { raw } from 'hono/html'
import type { Messages } from '../../../../shared/i18n'
import { formatLongDate, formatTime } from '../../../../shared/i18n/format'
import { ShareCard } from '../../../platform/ui/share-card'
import { renderComment, renderMarkdown } from '../markdown'
import type { PublicReport } from '../public-report'

type Props = {
  t: Messages
  /** The visit's slug as asked; the links of the page start with /v/{slug}. */
  slug: string
  data: PublicReport
  /** The reader's share query (`k=…`) of an unlisted visit, kept on every link. */
  shareQuery: string
  /** The team's news page, when the visit is listed. */
  newsHref: string | null
  /** A team's preview: no comment link (the report may not be published). */
  preview?: boolean
}

const monthOf = (at: Date, zone: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { timeZone: zone, month: 'long', year: 'numeric' }).format(at)

/**
 * The report as the public reads it at /v/{slug}/report (and the team in its preview): the text rendered
 * from Markdown by markdown-it (no raw HTML, no unsafe links), the programme as it happened, the talks whose
 * speakers consented, the photo impression with credits, the follow-ups the team shows, approved comments.
 */
export function ReportArticle({ t, slug, data, shareQuery, newsHref, preview }: Props) {
  const { report, snapshot, photos, comments, followUps, talks } = data
  const zone = snapshot.visit?.timeZone ?? 'Europe/Amsterdam'
  const q = shareQuery ? `?${shareQuery}` : ''
  const base = `/v/${slug}`
  const src = (id: string, file: string) => `${base}/photos/${id}/${file}${q}`
  const items = snapshot.items ?? []
  const talkItems = new Map(items.filter((i) => i.kind === 'talk').map((i) => [i.id, i]))
  const shownTalks = report.showTalks ? talks.filter((tk) => tk.itemId && talkItems.has(tk.itemId)) : []
  return (
    <article class="report" lang={t.lang}>
      <link rel="stylesheet" href="/assets/photos.css" />
      <link rel="stylesheet" href="/assets/reports.css" />
      <header>
        <span class="tag">{t.reports.categories[report.category]}</span>
        <h1>{report.title}</h1>
        <p class="muted">
          {snapshot.visit?.title}
          {report.publishedAt ? (
            <>
              {' · '}
              <time datetime={report.publishedAt.toISOString()}>
                {t.reports.publishedOn(formatLongDate(report.publishedAt, zone, t.locale))}
              </time>
            </>
          ) : null}
          {report.authorName ? ` · ${t.reports.writtenBy(report.authorName)}` : null}
        </p>
        {report.intro ? <div class="report-intro">{raw(renderMarkdown(report.intro))}</div> : null}
      </header>
      {report.body ? <div class="report-body">{raw(renderMarkdown(report.body))}</div> : null}

      {photos.length > 0 ? (
        <section aria-labelledby="report-photos">
          <h2 id="report-photos">{t.reports.photosTitle}</h2>
          <ul class="photo-grid">
            {photos.map((p) => (
              <li>
                <figure>
                  <a href={src(p.id, p.webFile)}>
                    <img
                      src={src(p.id, p.thumbFile)}
                      srcset={`${src(p.id, p.thumbFile)} ${p.thumbWidth}w, ${src(p.id, p.webFile)} ${p.webWidth}w`}
                      sizes="(max-width: 40rem) 50vw, 14rem"
                      width={p.thumbWidth}
                      height={p.thumbHeight}
                      loading="lazy"
                      decoding="async"
                      alt={p.caption || t.reports.photosTitle}
                    />
                  </a>
                  <figcaption>
                    {p.caption}
                    {p.creditLine ? <span class="credit">{t.reports.photoCredit(p.creditLine)}</span> : null}
                  </figcaption>
                </figure>
              </li>
            ))}
          </ul>
          <p>
            <a href={`${base}/photos${q}`}>{t.reports.toGallery}</a>
          </p>
        </section>
      ) : null}

      {shownTalks.length > 0 ? (
        <section aria-labelledby="report-talks">
          <h2 id="report-talks">{t.reports.talksTitle}</h2>
          {shownTalks.map((tk) => {
            const item = talkItems.get(tk.itemId ?? '')
            return (
              <div class="report-talk">
                <h3>{tk.title}</h3>
                {item?.speakers.length ? (
                  <p class="muted">{item.speakers.map((s) => s.name).join(', ')}</p>
                ) : null}
                {tk.abstract ? <p class="pre-line">{tk.abstract}</p> : null}
                {tk.files.length > 0 ? (
                  <p>
                    {tk.files.map((f, i) => (
                      <>
                        {i > 0 ? ' · ' : ''}
                        <a href={`${base}/report/slides/${f.id}${q}`}>
                          {t.reports.slides}: {f.filename}
                        </a>
                      </>
                    ))}
                  </p>
                ) : null}
              </div>
            )
          })}
        </section>
      ) : null}

      {report.showProgramme && items.length > 0 ? (
        <section aria-labelledby="report-programme">
          <h2 id="report-programme">{t.reports.programmeTitle}</h2>
          <ol class="report-programme">
            {items.map((item) => (
              <li class={item.cancelled ? 'is-cancelled' : undefined}>
                <time datetime={new Date(item.start).toISOString()}>
                  {formatTime(item.start, zone, t.locale)}
                </time>{' '}
                {item.cancelled ? <s>{item.title}</s> : item.title}
                {item.cancelled ? <span class="tag">{t.reports.cancelled}</span> : null}
              </li>
            ))}
          </ol>
          <p>
            <a href={`${base}${q}`}>{t.reports.toSchedule}</a>
          </p>
        </section>
      ) : null}

      {followUps.length > 0 ? (
        <section aria-labelledby="report-follow-ups">
          <h2 id="report-follow-ups">{t.reports.followUpsTitle}</h2>
          <ul class="report-follow-ups">
            {followUps.map((f) => (
              <li>
                <strong>{f.title}</strong>{' '}
                <span class={`tag status-${f.status}`}>
                  {f.status === 'done' && f.doneAt
                    ? t.reports.followUps.doneIn(monthOf(f.doneAt, zone, t.locale))
                    : t.reports.followUps.statuses[f.status]}
                </span>
                {f.description ? <p class="pre-line">{f.description}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="comments" id="comments-section">
        <h2 id="comments">
          {t.reports.comments.title} <span class="muted">({t.reports.comments.count(comments.length)})</span>
        </h2>
        {comments.length === 0 ? <p class="muted">{t.reports.comments.none}</p> : null}
        <ol class="report-comments">
          {comments.map((cm) => (
            <li>
              <p class="comment-meta">
                <strong>{cm.name}</strong> ·{' '}
                <time datetime={cm.at.toISOString()}>{formatLongDate(cm.at, zone, t.locale)}</time>
              </p>
              <div class="comment-body">{raw(renderComment(cm.body, 'approved'))}</div>
            </li>
          ))}
        </ol>
        {preview ? null : (
          <p>
            <a class="button" href={`${base}/report/comment${q}`}>
              {t.reports.comments.write}
            </a>
          </p>
        )}
      </section>
      {newsHref ? (
        <p>
          <a href={newsHref}>{t.reports.toNews}</a>
        </p>
      ) : null}
    </article>
  )
}

/** The share card of a report: Open Graph and Twitter metadata (title, text, cover photo), and the news feed. */
export function ReportHead({
  title,
  description,
  url,
  image,
  feedHref,
  feedTitle,
}: {
  title: string
  description: string
  url: string
  image: { url: string; width: number; height: number; alt: string } | null
  feedHref: string | null
  feedTitle: string
}) {
  return (
    <>
      <ShareCard type="article" title={title} description={description} url={url} image={image} />
      {feedHref ? (
        <link rel="alternate" type="application/atom+xml" title={feedTitle} href={feedHref} />
      ) : null}
    </>
  )
}

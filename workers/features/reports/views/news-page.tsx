// Apart from the comment pages (public-pages.tsx): the news page renders the team's Markdown, and a report
// request imports it, with markdown-it, only when the page is made afresh (public.tsx; issue 19).
import { raw } from 'hono/html'
import type { Messages } from '../../../../shared/i18n'
import { formatLongDate } from '../../../../shared/i18n/format'
import { renderMarkdown } from '../markdown'
import type { NewsEntry } from '../news'

const monthTitle = (month: string, locale: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 15)),
  )
}

/** The team's news at /news/{teamId}: published reports newest first, by month, with categories and a feed. */
export function NewsPage({
  t,
  teamId,
  teamName,
  entries,
  category,
}: {
  t: Messages
  teamId: string
  teamName: string
  entries: readonly NewsEntry[]
  category: string | null
}) {
  const months = new Map<string, NewsEntry[]>()
  for (const e of entries) {
    if (category && e.category !== category) continue
    const list = months.get(e.month)
    if (list) list.push(e)
    else months.set(e.month, [e])
  }
  const base = `/news/${teamId}`
  return (
    <article class="news">
      <link rel="stylesheet" href="/assets/reports.css" />
      <h1>{t.reports.news.title(teamName)}</h1>
      <p class="lead">{t.reports.news.lead}</p>
      <nav aria-label={t.reports.fields.category} class="news-categories">
        <a href={base} aria-current={category === null ? 'page' : undefined}>
          {t.reports.news.all}
        </a>
        {(['report', 'news'] as const).map((c) => (
          <>
            {' · '}
            <a href={`${base}?category=${c}`} aria-current={category === c ? 'page' : undefined}>
              {t.reports.categories[c]}
            </a>
          </>
        ))}
        {' · '}
        <a href={`${base}/feed.atom`} type="application/atom+xml">
          {t.reports.news.feed}
        </a>
      </nav>
      {months.size === 0 ? <p class="notice">{t.reports.news.empty}</p> : null}
      {[...months].map(([month, list]) => (
        <section aria-labelledby={`m-${month}`}>
          <h2 id={`m-${month}`}>{monthTitle(month, t.locale)}</h2>
          {list.map((e) => (
            <div class="news-entry">
              <h3>
                <a href={`/v/${e.slug}/report`}>{e.title}</a>
              </h3>
              <p class="muted">
                <span class="tag">{t.reports.categories[e.category]}</span>{' '}
                {e.publishedAt ? (
                  <time datetime={e.publishedAt.toISOString()}>
                    {formatLongDate(e.publishedAt, e.timeZone, t.locale)}
                  </time>
                ) : null}
                {e.authorName ? ` · ${t.reports.writtenBy(e.authorName)}` : null}
              </p>
              {e.intro ? <div>{raw(renderMarkdown(e.intro))}</div> : null}
              <p>
                <a href={`/v/${e.slug}/report`}>
                  {t.reports.news.readMore}
                  <span class="visually-hidden">: {e.title}</span>
                </a>
              </p>
            </div>
          ))}
        </section>
      ))}
      <p class="muted">{t.reports.news.feedHint}</p>
    </article>
  )
}

// Apart from the news' queries (news.ts): the feed renders the team's Markdown, and a report request imports
// it, with markdown-it, only when the feed is made afresh (public.tsx; issue 19).
import { escapeHtml } from '../../../shared/mail/templates'
import { plainText, renderMarkdown } from './markdown'
import type { NewsEntry } from './news'

/** The team's news as an Atom 1.0 feed (RFC 4287): every value escaped, the introduction as HTML. */
export function atomFeed(opts: {
  teamId: string
  teamName: string
  title: string
  origin: string
  entries: readonly NewsEntry[]
  lang: string
}) {
  const x = escapeHtml
  const selfUrl = `${opts.origin}/news/${opts.teamId}/feed.atom`
  const pageUrl = `${opts.origin}/news/${opts.teamId}`
  const updated = opts.entries.reduce<Date>((latest, e) => {
    const at = e.updatedAt ?? e.publishedAt
    return at && at > latest ? at : latest
  }, new Date(0))
  const entry = (e: NewsEntry) => {
    const link = `${opts.origin}/v/${e.slug}/report`
    const summary = plainText(e.intro || e.title, 300)
    return [
      '  <entry>',
      `    <id>urn:uuid:${x(e.id)}</id>`,
      `    <title>${x(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${x(link)}"/>`,
      `    <published>${(e.publishedAt ?? new Date(0)).toISOString()}</published>`,
      `    <updated>${(e.updatedAt ?? e.publishedAt ?? new Date(0)).toISOString()}</updated>`,
      e.authorName ? `    <author><name>${x(e.authorName)}</name></author>` : '',
      `    <category term="${x(e.category)}"/>`,
      `    <summary>${x(summary)}</summary>`,
      `    <content type="html">${x(renderMarkdown(e.intro))}</content>`,
      '  </entry>',
    ]
      .filter(Boolean)
      .join('\n')
  }
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${x(opts.lang)}">`,
    `  <id>${x(pageUrl)}</id>`,
    `  <title>${x(opts.title)}</title>`,
    `  <updated>${updated.toISOString()}</updated>`,
    `  <author><name>${x(opts.teamName)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${x(selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(pageUrl)}"/>`,
    ...opts.entries.map(entry),
    '</feed>',
    '',
  ].join('\n')
}

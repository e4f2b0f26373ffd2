import { parseFeed } from '@rowanmanning/feed-parser'
import { describe, expect, it } from 'vitest'
import type { NewsEntry } from './news'
import { atomFeed } from './news-feed'

const entry = (n: number, extra: Partial<NewsEntry> = {}): NewsEntry => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  slug: `bezoek-${n}`,
  visitTitle: `Bezoek ${n}`,
  timeZone: 'Europe/Amsterdam',
  title: `Verslag ${n}`,
  intro: `Het college bezocht **Vreewijk** (${n}).`,
  category: 'report',
  authorName: 'Anna de Vries',
  publishedAt: new Date(`2017-09-2${n}T10:00:00Z`),
  updatedAt: null,
  month: '2017-09',
  ...extra,
})

describe('the Atom feed of a team’s news', () => {
  it('is read by a real feed parser: title, links, dates, authors, categories', () => {
    const xml = atomFeed({
      teamId: 'team-1',
      teamName: 'Bewonersvereniging Vreewijk & Co',
      title: 'Nieuws van Bewonersvereniging Vreewijk & Co',
      origin: 'https://rondgang.example',
      entries: [entry(2), entry(1, { category: 'news' })],
      lang: 'nl',
    })
    const feed = parseFeed(xml)
    expect(feed.meta.type).toBe('atom')
    expect(feed.title).toBe('Nieuws van Bewonersvereniging Vreewijk & Co')
    expect(feed.self).toBe('https://rondgang.example/news/team-1/feed.atom')
    expect(feed.items.map((i) => i.url)).toEqual([
      'https://rondgang.example/v/bezoek-2/report',
      'https://rondgang.example/v/bezoek-1/report',
    ])
    expect(feed.items[0]?.published?.toISOString()).toBe('2017-09-22T10:00:00.000Z')
    expect(feed.items[0]?.authors[0]?.name).toBe('Anna de Vries')
    expect(feed.items[1]?.categories[0]?.term).toBe('news')
    expect(feed.items[0]?.content).toContain('<strong>Vreewijk</strong>')
    expect(feed.updated?.toISOString()).toBe('2017-09-22T10:00:00.000Z')
  })

  it('carries script or markup in a title or introduction only as text', () => {
    const xml = atomFeed({
      teamId: 't',
      teamName: '<b>Team</b>',
      title: 'Nieuws',
      origin: 'https://rondgang.example',
      entries: [
        entry(1, {
          title: '</title><script>alert(1)</script>',
          intro: '<script>alert(2)</script> [x](javascript:alert(3))',
        }),
      ],
      lang: 'en',
    })
    expect(xml).not.toContain('<script')
    const feed = parseFeed(xml)
    expect(feed.items[0]?.title).toBe('</title><script>alert(1)</script>')
    // The entry's HTML holds the script escaped (the reader shows it as text), and no javascript: link.
    expect(xml).toContain('&lt;p&gt;&amp;lt;script&amp;gt;alert(2)&amp;lt;/script&amp;gt;')
    expect(feed.items[0]?.content).not.toContain('href=')
  })
})

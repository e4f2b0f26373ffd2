import { describe, expect, it } from 'vitest'
import { plainText, renderComment, renderMarkdown } from './markdown'
import { commentSpamCheck, isOverdue, isoWeek, overdueByOwner } from './rules'

describe('the team’s Markdown', () => {
  it('shows raw HTML and script as text', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n<iframe src="//evil">',
    )
    expect(html).not.toMatch(/<script|<img|<iframe/)
    expect(html).toContain('&lt;script&gt;')
  })

  it('leaves unsafe link schemes as text and shows no images', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'vbscript:x',
      'data:text/html,x',
      'file:///etc/passwd',
      'tel:112',
    ]) {
      expect(renderMarkdown(`[x](${href})`)).not.toContain('href=')
    }
    expect(renderMarkdown('[x](java&#x73;cript:alert(1))')).not.toContain('href=')
    expect(renderMarkdown('![x](https://tracker.example/p.gif)')).not.toContain('<img')
    expect(renderMarkdown('![x](javascript:alert(1))')).not.toMatch(/<img|href="javascript/)
    expect(renderMarkdown('[ok](https://vreewijk.example/a?b=1)')).toBe(
      '<p><a href="https://vreewijk.example/a?b=1" rel="noopener">ok</a></p>\n',
    )
  })

  it('gives the words without markup for a share card', () => {
    expect(plainText('## Kop\n\nHet **college** bezocht [Vreewijk](https://x.example).')).toBe(
      'Kop Het college bezocht Vreewijk.',
    )
    expect(plainText('a'.repeat(300), 10)).toBe(`${'a'.repeat(9)}…`)
  })
})

describe('a comment', () => {
  it('is plain text: no Markdown, no HTML; links clickable only once approved', () => {
    const text = 'Zie **dit**: https://vreewijk.example <b>x</b>\ntweede regel'
    expect(renderComment(text, 'pending')).not.toContain('<a ')
    expect(renderComment(text, 'pending')).toContain('**dit**')
    expect(renderComment(text, 'approved')).toContain(
      '<a href="https://vreewijk.example" rel="nofollow ugc noopener">',
    )
    expect(renderComment(text, 'approved')).toContain('&lt;b&gt;x&lt;/b&gt;<br>')
    expect(renderComment('javascript:alert(1)', 'approved')).not.toContain('href')
  })

  it('is refused when a bot filled the hidden field, or sent too fast, or the form is a day old', () => {
    const now = new Date('2017-09-20T12:00:00Z')
    expect(commentSpamCheck({ honeypot: 'x', shownAt: now.getTime() - 60_000, now })).toBe('honeypot')
    expect(commentSpamCheck({ honeypot: '', shownAt: now.getTime() - 1_000, now })).toBe('too_fast')
    expect(commentSpamCheck({ honeypot: '', shownAt: now.getTime() - 90_000_000, now })).toBe('stale')
    expect(commentSpamCheck({ honeypot: '', shownAt: now.getTime() - 60_000, now })).toBeNull()
  })
})

describe('follow-ups', () => {
  it('are overdue when open past their date, grouped per owner', () => {
    expect(isOverdue({ status: 'open', dueDate: '2017-10-01' }, '2017-10-02')).toBe(true)
    expect(isOverdue({ status: 'open', dueDate: '2017-10-02' }, '2017-10-02')).toBe(false)
    expect(isOverdue({ status: 'done', dueDate: '2017-10-01' }, '2017-10-02')).toBe(false)
    expect(isOverdue({ status: 'in_progress', dueDate: null }, '2017-10-02')).toBe(false)
    const grouped = overdueByOwner(
      [
        { ownerId: 'a', status: 'open', dueDate: '2017-10-01' },
        { ownerId: 'b', status: 'open', dueDate: '2017-09-01' },
        { ownerId: 'a', status: 'in_progress', dueDate: '2017-09-15' },
        { ownerId: null, status: 'open', dueDate: '2017-09-01' },
      ] as const,
      '2017-10-05',
    )
    expect([...grouped.keys()]).toEqual(['a', 'b'])
    expect(grouped.get('a')?.map((f) => f.dueDate)).toEqual(['2017-09-15', '2017-10-01'])
  })

  it('are reminded once per ISO week', () => {
    expect(isoWeek('2017-09-19')).toBe('2017-W38')
    expect(isoWeek('2021-01-03')).toBe('2020-W53')
    expect(isoWeek('2024-12-30')).toBe('2025-W01')
  })
})

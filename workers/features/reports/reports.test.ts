import { env, SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { followUps, people } from '../../../shared/db/schema'
import { api, d1Cost, db, form, freshClient, ORIGIN, page, url } from '../../../test/integration/helpers'
import { makeWorld, type World } from '../../../test/integration/world'
import { followUpJob } from '../../jobs/follow-ups'
import { signLink } from '../../platform/auth/signed-links'
import { readConfig } from '../../platform/config'

const organiser = (w: World) => w.person.organiser.cookie

/** Writes and publishes the world's report through the API. */
async function publishReport(w: World, fields: Record<string, unknown> = {}) {
  const saved = await api(`/api/visits/${w.visitA}/report`, {
    method: 'PUT',
    cookie: organiser(w),
    body: {
      title: 'Collegebezoek Vreewijk',
      intro: 'Het college bezocht *Vreewijk*.',
      body: '## Wat er gebeurde\n\nDe burgemeester bedankte het team.',
      authorName: 'Anna',
      category: 'report',
      showProgramme: true,
      showTalks: true,
      photoIds: [],
      ...fields,
    },
  })
  expect(saved.status).toBe(200)
  const { report } = (await saved.json()) as { report: { version: number } }
  const published = await api(`/api/visits/${w.visitA}/report/status`, {
    cookie: organiser(w),
    body: { status: 'published', version: report.version },
  })
  expect(published.status).toBe(200)
  return ((await published.json()) as { report: { id: string; version: number } }).report
}

/** A comment form's stamp as if it was shown `secondsAgo` seconds ago. */
async function stampOf(reportId: string, secondsAgo: number) {
  const ms = String(Date.now() - secondsAgo * 1000)
  return `${ms}.${await signLink(readConfig(env).appSecret, 'report-comment-form', `${reportId}:${ms}`)}`
}

const comment = (w: World, fields: Record<string, string>) =>
  SELF.fetch(url(`/v/${w.slugA}/report/comment`), {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: ORIGIN,
      'cf-connecting-ip': freshClient(),
    },
    body: new URLSearchParams({ name: 'Bewoner', body: 'Mooi verslag!', ...fields }).toString(),
    redirect: 'manual',
  })

describe('a report', () => {
  it('is not public until published; then shows with its share-card metadata', async () => {
    const w = await makeWorld()
    expect((await page(`/v/${w.slugA}/report`)).status).toBe(404)
    await publishReport(w)
    const res = await page(`/v/${w.slugA}/report`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<meta property="og:title" content="Collegebezoek Vreewijk"/>')
    expect(html).toContain('<meta property="og:description" content="Het college bezocht Vreewijk."/>')
    expect(html).toContain('name="twitter:card"')
    expect(html).toContain('<h2>Wat er gebeurde</h2>')
    expect(html).toContain(`href="/news/${w.teamA}/feed.atom"`)
    // A second anonymous request is answered from the edge copy.
    expect((await page(`/v/${w.slugA}/report`)).headers.get('x-cache')).toBe('hit')
  })

  it('renders script, raw HTML, javascript: links and image tricks harmless', async () => {
    const w = await makeWorld()
    await publishReport(w, {
      body: [
        '<script>alert(1)</script>',
        '<img src=x onerror=alert(2)>',
        '[klik](javascript:alert(3)) [ook](JAVASCRIPT:alert(4)) [data](data:text/html;base64,PHNjcmlwdD4=)',
        '![foto](javascript:alert(5)) ![pixel](https://tracker.example/p.gif)',
        '<a href="https://ok.example" onclick="x()">a</a> [goed](https://vreewijk.example)',
      ].join('\n\n'),
    })
    const html = await (await page(`/v/${w.slugA}/report`)).text()
    const body = html.slice(html.indexOf('class="report-body"'), html.indexOf('</article>'))
    expect(body).not.toMatch(/<script|<img|<[^>]*\s(onerror|onclick)=|href="(javascript|data):/i)
    expect(body).not.toContain('<img src="https://tracker.example')
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(body).toContain('<a href="https://vreewijk.example" rel="noopener">goed</a>')
  })
})

describe('the public pages’ D1 cost', () => {
  it('is at most two round trips when not in the edge cache: the report and the Atom feed', async () => {
    const w = await makeWorld()
    await publishReport(w)
    const fresh = { headers: { 'cache-control': 'no-cache' } }
    const report = await SELF.fetch(url(`/v/${w.slugA}/report`), fresh)
    expect(report.headers.get('x-cache')).toBe('miss')
    expect(d1Cost(report).queries).toBeLessThanOrEqual(2)
    const feed = await SELF.fetch(url(`/news/${w.teamA}/feed.atom`), fresh)
    expect(feed.headers.get('x-cache')).toBe('miss')
    expect(d1Cost(feed).queries).toBeLessThanOrEqual(2)
    const news = await SELF.fetch(url(`/news/${w.teamA}`), fresh)
    expect(d1Cost(news).queries).toBeLessThanOrEqual(2)
  })
})

describe('comments', () => {
  it('go through moderation: held, approved and shown with their count, withdrawn by their link', async () => {
    const w = await makeWorld()
    const report = await publishReport(w)
    const formPage = await page(`/v/${w.slugA}/report/comment`)
    expect(formPage.status).toBe(200)
    expect(await formPage.text()).toContain('name="website"')

    const sent = await comment(w, {
      body: 'Zie https://vreewijk.example <b>vet</b>',
      shown: await stampOf(report.id, 30),
      email: 'bewoner@example.nl',
    })
    expect(sent.status).toBe(201)
    const thanks = await sent.text()
    const token = thanks.match(/\/rc\/([A-Za-z0-9_-]{43})/)?.[1] ?? ''
    expect(token).not.toBe('')
    // The team hears of it; the public does not see it yet.
    const mail = await env.DB.prepare(
      'SELECT * FROM mail_outbox WHERE kind = \'report_comment\' AND "to" = ?',
    )
      .bind(w.person.organiser.email)
      .first<{ text: string }>()
    expect(mail?.text).toContain('Bewoner')
    expect(await (await page(`/v/${w.slugA}/report`)).text()).toContain('0 reacties')

    const listed = (await (await api(`/api/visits/${w.visitA}/report`, { cookie: organiser(w) })).json()) as {
      comments: { id: string; status: string }[]
    }
    const [held] = listed.comments
    expect(held?.status).toBe('pending')
    // A viewer may not decide; the organiser approves.
    const byViewer = await api(`/api/visits/${w.visitA}/report/comments/${held?.id}`, {
      cookie: w.person.viewer.cookie,
      body: { status: 'approved' },
    })
    expect(byViewer.status).toBe(403)
    const approved = await api(`/api/visits/${w.visitA}/report/comments/${held?.id}`, {
      cookie: organiser(w),
      body: { status: 'approved' },
    })
    expect(approved.status).toBe(200)
    const shown = await (await page(`/v/${w.slugA}/report`)).text()
    expect(shown).toContain('1 reactie')
    expect(shown).toContain('&lt;b&gt;vet&lt;/b&gt;')
    expect(shown).toContain('<a href="https://vreewijk.example" rel="nofollow ugc noopener">')

    expect((await page(`/rc/${token}`)).status).toBe(200)
    const withdrawn = await form(`/rc/${token}/withdraw`, { confirm: 'yes' })
    expect(withdrawn.status).toBe(303)
    expect(await (await page(`/v/${w.slugA}/report`)).text()).toContain('0 reacties')
    const row = await env.DB.prepare('SELECT body, email, status FROM report_comments WHERE id = ?')
      .bind(held?.id)
      .first()
    expect(row).toEqual({ body: '', email: '', status: 'withdrawn' })
  })

  it('refuses bots, hasty posts, forged stamps and comments on an unpublished report; nothing is stored', async () => {
    const w = await makeWorld()
    // No report yet, then a draft: no comment.
    expect((await comment(w, { shown: '1.x' })).status).toBe(404)
    const report = await publishReport(w)
    expect((await comment(w, { shown: await stampOf(report.id, 30), website: 'http://spam' })).status).toBe(
      422,
    )
    expect((await comment(w, { shown: await stampOf(report.id, 0) })).status).toBe(422)
    expect((await comment(w, { shown: `${Date.now() - 60_000}.${'A'.repeat(43)}` })).status).toBe(422)
    expect((await comment(w, { shown: await stampOf('another-report', 30) })).status).toBe(422)
    expect((await comment(w, { shown: await stampOf(report.id, 30), name: '' })).status).toBe(422)
    const withdrawnReport = await api(`/api/visits/${w.visitA}/report/status`, {
      cookie: organiser(w),
      body: { status: 'withdrawn', version: report.version },
    })
    expect(withdrawnReport.status).toBe(200)
    expect((await comment(w, { shown: await stampOf(report.id, 30) })).status).toBe(404)
    expect((await page(`/v/${w.slugA}/report`)).status).toBe(404)
    const count = await env.DB.prepare('SELECT count(*) AS n FROM report_comments WHERE report_id = ?')
      .bind(report.id)
      .first<{ n: number }>()
    expect(count?.n).toBe(0)
  })

  it('are limited per client: a flood gets 429', async () => {
    const w = await makeWorld()
    const report = await publishReport(w)
    const client = freshClient()
    const statuses: number[] = []
    // 30 a minute per client: 70 in a row pass 30 in one window even when they straddle two.
    for (let i = 0; i < 70; i++) {
      const res = await SELF.fetch(url(`/v/${w.slugA}/report/comment`), {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: ORIGIN,
          'cf-connecting-ip': client,
        },
        body: new URLSearchParams({
          name: 'Bot',
          body: `flood ${i}`,
          shown: await stampOf(report.id, 30),
        }).toString(),
      })
      statuses.push(res.status)
    }
    expect(statuses).toContain(429)
  })
})

describe("the team's news", () => {
  it('lists published reports by month and offers an Atom feed a feed parser reads', async () => {
    const w = await makeWorld()
    await publishReport(w, { intro: 'Intro met <script>x</script> en **vet**' })
    const news = await page(`/news/${w.teamA}`)
    expect(news.status).toBe(200)
    const html = await news.text()
    expect(html).toContain(`<link rel="alternate" type="application/atom+xml"`)
    expect(html).toContain('Collegebezoek Vreewijk')
    const res = await page(`/news/${w.teamA}/feed.atom`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/atom+xml')
    const xml = await res.text()
    // The feed is parsed by a real feed parser in news.unit.test.ts and the browser test (it runs in Node).
    expect(xml).toContain(
      `<link rel="alternate" type="text/html" href="${readConfig(env).publicUrl}/v/${w.slugA}/report"/>`,
    )
    expect(xml).not.toContain('<script')
    expect((await page('/news/not-a-team')).status).toBe(404)
  })
})

describe('follow-ups', () => {
  it('refuse an owner from another team and a due date in an invalid format, saving nothing', async () => {
    const w = await makeWorld()
    const outsider = await api(`/api/visits/${w.visitA}/follow-ups`, {
      cookie: organiser(w),
      body: { title: 'Bankje', ownerId: w.person.outsider.id, dueDate: null },
    })
    expect(outsider.status).toBe(422)
    const badDate = await api(`/api/visits/${w.visitA}/follow-ups`, {
      cookie: organiser(w),
      body: { title: 'Bankje', ownerId: null, dueDate: '12-10-2017' },
    })
    expect(badDate.status).toBe(422)
    const list = (await (
      await api(`/api/visits/${w.visitA}/follow-ups`, { cookie: organiser(w) })
    ).json()) as {
      followUps: unknown[]
    }
    expect(list.followUps).toEqual([])
  })

  it('keep a history and can be shown on the report', async () => {
    const w = await makeWorld()
    await publishReport(w)
    const made = await api(`/api/visits/${w.visitA}/follow-ups`, {
      cookie: organiser(w),
      body: { title: 'Nieuw bankje', ownerId: w.person.viewer.id, dueDate: '2027-07-01', showOnReport: true },
    })
    expect(made.status).toBe(201)
    const f = (await made.json()) as { id: string; version: number }
    const changed = await api(`/api/follow-ups/${f.id}`, {
      method: 'PATCH',
      cookie: organiser(w),
      body: { status: 'done', comment: 'Geplaatst', version: f.version },
    })
    expect(changed.status).toBe(200)
    const stale = await api(`/api/follow-ups/${f.id}`, {
      method: 'PATCH',
      cookie: organiser(w),
      body: { status: 'open', version: f.version },
    })
    expect(stale.status).toBe(409)
    const one = (await (await api(`/api/follow-ups/${f.id}`, { cookie: w.person.viewer.cookie })).json()) as {
      history: { comment: string }[]
    }
    expect(one.history.map((h) => h.comment)).toEqual(['Geplaatst', ''])
    expect(await (await page(`/v/${w.slugA}/report`)).text()).toMatch(/Nieuw bankje[\s\S]*klaar in/)
    const overdue = await api(`/api/teams/${w.teamA}/follow-ups?status=overdue`, { cookie: organiser(w) })
    expect(overdue.status).toBe(200)
    expect((await page(`/teams/${w.teamA}/follow-ups?status=bogus`, organiser(w))).status).toBe(422)
  })

  it('remind each owner once a week of their overdue points, with the clock given', async () => {
    const w = await makeWorld()
    const other = { id: crypto.randomUUID(), email: `tweede-${w.teamA.slice(0, 8)}@example.nl` }
    await db.insert(people).values({ ...other, name: 'Tweede' })
    const point = (title: string, ownerId: string, dueDate: string, status: 'open' | 'done' = 'open') =>
      db.insert(followUps).values({ visitId: w.visitA, teamId: w.teamA, title, ownerId, dueDate, status })
    await point('Lantaarnpaal', w.person.viewer.id, '2030-03-01')
    await point('Stoep', w.person.viewer.id, '2030-03-05')
    await point('Later', w.person.viewer.id, '2030-04-30')
    await point('Al klaar', w.person.viewer.id, '2030-02-01', 'done')
    await point('Bankje', other.id, '2030-03-02')
    const mails = async (to: string) =>
      (
        await env.DB.prepare('SELECT text FROM mail_outbox WHERE kind = \'follow_up_reminder\' AND "to" = ?')
          .bind(to)
          .all<{ text: string }>()
      ).results

    await followUpJob(env, new Date('2030-02-20T08:00:00Z'))
    expect(await mails(w.person.viewer.email)).toEqual([])

    // Tuesday 10 March 2030: three points overdue, for two owners; one mail each, their own points only.
    await followUpJob(env, new Date('2030-03-12T08:00:00Z'))
    const [first] = await mails(w.person.viewer.email)
    expect(first?.text).toContain('Lantaarnpaal')
    expect(first?.text).toContain('Stoep')
    expect(first?.text).not.toContain('Bankje')
    expect(first?.text).not.toContain('Later')
    expect(first?.text).not.toContain('Al klaar')
    expect(await mails(other.email)).toHaveLength(1)

    // Later that week: nothing again. The next week: once more.
    await followUpJob(env, new Date('2030-03-14T08:00:00Z'))
    await followUpJob(env, new Date('2030-03-17T20:00:00Z'))
    expect(await mails(w.person.viewer.email)).toHaveLength(1)
    await followUpJob(env, new Date('2030-03-18T08:00:00Z'))
    expect(await mails(w.person.viewer.email)).toHaveLength(2)
  })
})

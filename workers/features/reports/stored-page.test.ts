import { env, SELF } from 'cloudflare:test'
import { and, eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { speakers, talkSpeakers, talks, visits } from '../../../shared/db/schema'
import { api, d1Cost, db, form, freshClient, ORIGIN, url } from '../../../test/integration/helpers'
import { makeWorld, type World } from '../../../test/integration/world'
import { signLink } from '../../platform/auth/signed-links'
import { readConfig } from '../../platform/config'

const organiser = (w: World) => w.person.organiser.cookie
/** As the benchmark asks (development only): past the isolate's memory and the edge, as a new data centre. */
const fresh = { headers: { 'cache-control': 'no-cache' } }
const read = (slug: string) => SELF.fetch(url(`/v/${slug}/report`), fresh)

async function saveReport(w: World, version: number | undefined, title: string) {
  const saved = await api(`/api/visits/${w.visitA}/report`, {
    method: 'PUT',
    cookie: organiser(w),
    body: {
      title,
      intro: 'Het college bezocht *Vreewijk*.',
      body: '## Wat er gebeurde\n\nDe burgemeester bedankte het team.',
      authorName: 'Anna',
      category: 'report',
      showProgramme: true,
      showTalks: true,
      photoIds: [],
      ...(version === undefined ? {} : { version }),
    },
  })
  expect(saved.status).toBe(200)
  return ((await saved.json()) as { report: { id: string; version: number } }).report
}

async function setStatus(w: World, status: string, version: number) {
  const res = await api(`/api/visits/${w.visitA}/report/status`, {
    cookie: organiser(w),
    body: { status, version },
  })
  expect(res.status).toBe(200)
  return ((await res.json()) as { report: { id: string; version: number } }).report
}

async function commentOn(w: World, reportId: string, body: string) {
  const ms = String(Date.now() - 30_000)
  const shown = `${ms}.${await signLink(readConfig(env).appSecret, 'report-comment-form', `${reportId}:${ms}`)}`
  const sent = await SELF.fetch(url(`/v/${w.slugA}/report/comment`), {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: ORIGIN,
      'cf-connecting-ip': freshClient(),
    },
    body: new URLSearchParams({ name: 'Bewoner', body, shown }).toString(),
  })
  expect(sent.status).toBe(201)
  return (await sent.text()).match(/\/rc\/([A-Za-z0-9_-]{43})/)?.[1] ?? ''
}

describe('the public report page kept for readers (R2)', () => {
  it('is one head lookup and one stored read when not in the edge cache, and follows every change at once', async () => {
    const w = await makeWorld()
    const draft = await saveReport(w, undefined, 'Collegebezoek Vreewijk')
    const report = await setStatus(w, 'published', draft.version)
    const first = await read(w.slugA)
    expect(first.headers.get('x-cache')).toBe('miss')
    const html = await first.text()
    // The next reader the edge has nothing for: the page as made, no D1 read of the report, no Markdown.
    const again = await read(w.slugA)
    expect(again.headers.get('x-cache')).toBe('stored')
    expect(d1Cost(again).queries).toBe(1)
    expect(again.headers.get('content-length')).toBe(String(new TextEncoder().encode(html).byteLength))
    expect(await again.text()).toBe(html)
    expect(await env.PHOTOS.head(`reports/${report.id}/page.nl`)).not.toBeNull()

    // A comment approved shows on the very next read, and is kept as the page from then on.
    const token = await commentOn(w, report.id, 'Mooi verslag van de wijk')
    expect(await (await read(w.slugA)).text()).toContain('0 reacties')
    const listed = (await (await api(`/api/visits/${w.visitA}/report`, { cookie: organiser(w) })).json()) as {
      comments: { id: string }[]
    }
    const approved = await api(`/api/visits/${w.visitA}/report/comments/${listed.comments[0]?.id}`, {
      cookie: organiser(w),
      body: { status: 'approved' },
    })
    expect(approved.status).toBe(200)
    const withComment = await read(w.slugA)
    expect(withComment.headers.get('x-cache')).toBe('miss')
    expect(await withComment.text()).toContain('Mooi verslag van de wijk')
    const keptWithComment = await read(w.slugA)
    expect(keptWithComment.headers.get('x-cache')).toBe('stored')
    expect(await keptWithComment.text()).toContain('1 reactie')

    // The commenter withdraws it: gone at once.
    expect((await form(`/rc/${token}/withdraw`, { confirm: 'yes' })).status).toBe(303)
    expect(await (await read(w.slugA)).text()).not.toContain('Mooi verslag van de wijk')

    // An edit shows at once; a withdrawn report is not there, stored page or not.
    const edited = await saveReport(w, await currentVersion(w), 'Verslag, bijgewerkt')
    const after = await read(w.slugA)
    expect(await after.text()).toContain('Verslag, bijgewerkt')
    await setStatus(w, 'withdrawn', edited.version)
    expect((await read(w.slugA)).status).toBe(404)
    expect((await SELF.fetch(url(`/v/${w.slugA}/report`))).status).toBe(404)
  })

  it('follows the talks it shows: an edited talk and a consent taken back show at once', async () => {
    // The demo data: the Vreewijk visit's published report shows its three talks.
    expect((await SELF.fetch(url('/dev/seed'), { method: 'POST', headers: { origin: ORIGIN } })).status).toBe(
      200,
    )
    const [visit] = await db.select().from(visits).where(eq(visits.slug, 'collegebezoek-vreewijk-2017'))
    const slug = visit!.slug
    const first = await (await read(slug)).text()
    const shown = (await db.select().from(talks).where(eq(talks.visitId, visit!.id))).find((t) =>
      first.includes(t.title),
    )
    expect(shown).toBeDefined()
    expect((await read(slug)).headers.get('x-cache')).toBe('stored')

    // What the talks feature does on an edit: the talk's fields and its version.
    await db
      .update(talks)
      .set({ title: 'Een nieuwe titel voor het praatje', version: sql`${talks.version} + 1` })
      .where(eq(talks.id, shown!.id))
    const edited = await read(slug)
    expect(edited.headers.get('x-cache')).toBe('miss')
    expect(await edited.text()).toContain('Een nieuwe titel voor het praatje')

    // A speaker takes their consent back: the talk is no longer on the page.
    const [speaker] = await db
      .select({ id: talkSpeakers.speakerId })
      .from(talkSpeakers)
      .where(eq(talkSpeakers.talkId, shown!.id))
    await db
      .update(speakers)
      .set({ consent: false })
      .where(and(eq(speakers.id, speaker!.id), eq(speakers.visitId, visit!.id)))
    expect(await (await read(slug)).text()).not.toContain('Een nieuwe titel voor het praatje')
  })
})

/** The report's version as the team's API gives it now. */
async function currentVersion(w: World) {
  const res = await api(`/api/visits/${w.visitA}/report`, { cookie: organiser(w) })
  return ((await res.json()) as { report: { version: number } }).report.version
}

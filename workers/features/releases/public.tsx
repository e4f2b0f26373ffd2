import { desc, eq } from 'drizzle-orm'
import { type Context, Hono } from 'hono'
import { getCookie } from 'hono/cookie'
import type { Child } from 'hono/jsx'
import { releases } from '../../../shared/db/schema'
import type { ReleaseSnapshot } from '../../../shared/domain/release-snapshot'
import type { ReleaseChange } from '../../../shared/domain/releases'
import { describeChange } from '../../../shared/domain/releases'
import type { Messages } from '../../../shared/i18n'
import { formatLocalDate } from '../../../shared/i18n/format'
import { SESSION_COOKIE } from '../../platform/auth/session'
import type { AppEnv } from '../../platform/env'
import { cachedPublic } from '../../platform/http/public-cache'
import { ShareCard } from '../../platform/ui/share-card'
import { dayParam, groupOfNewestRelease, groupParam, publicRelease } from './public-schedule'
import { storedBodies } from './stored'
import { VisitPage } from './views/public-visit-page'
import { ChangesPage, EmbedPage } from './views/schedule-extras'

/**
 * A page that is the same for every anonymous reader of a release (and language) is rendered once and
 * served from the edge cache with an ETag; signed-in readers get it fresh, as their menu is personal.
 */
async function publicPage(
  c: Context<AppEnv>,
  published: Parameters<typeof storedBodies>[2] & { cacheScope: string },
  variant: string,
  build: () => Promise<{ title: string; page: Child; head?: Child }>,
  /** Kept beside the release too (made once for every reader anywhere), when the page is the same for all. */
  keep = false,
): Promise<Response> {
  if (getCookie(c, SESSION_COOKIE)) {
    c.header('cache-control', 'private, no-cache')
    const { title, page, head } = await build()
    return c.render(page as never, { title, head })
  }
  const full = `${variant}.${c.var.lang}`
  return cachedPublic(
    c,
    {
      published,
      variant: full,
      contentType: 'text/html; charset=UTF-8',
      stored:
        keep && published.cacheScope === 'open'
          ? storedBodies(c.var.db, c.env.PHOTOS, published, full)
          : undefined,
    },
    async () => {
      const { title, page, head } = await build()
      return (await c.render(page as never, { title, head })).text()
    },
  )
}

/** The last part of a photo variant's key: its file name in the public address (as the photos feature serves it). */
const fileOf = (key: string) => key.slice(key.lastIndexOf('/') + 1)

/** The line a shared link of the schedule shows: the dates, the place, the visit's own description. */
function shareDescription(t: Messages, snapshot: ReleaseSnapshot) {
  const { visit } = snapshot
  const dates =
    visit.endDate !== visit.startDate
      ? `${formatLocalDate(visit.startDate, t.locale)} – ${formatLocalDate(visit.endDate, t.locale)}`
      : formatLocalDate(visit.startDate, t.locale)
  const place = visit.meetingPoint || snapshot.venues[0]?.name || ''
  const line = [dates, place].filter(Boolean).join(' · ')
  const text = visit.description ? `${line}. ${visit.description}` : line
  return text.length > 200 ? `${text.slice(0, 199).trimEnd()}…` : text
}

/** The public face of a visit at /v/{slug}: URLs people share and subscribe to, so they stay stable. */
export const publicVisitRoutes = new Hono<AppEnv>()
  .get('/:slug', async (c) => {
    const wanted = groupParam(c.req.query('group'))
    // Whether the newest release has that group is asked in the same round trip as the release itself
    // (SQLite looks inside the snapshot; the Worker does not read or parse it), so a group's page is still
    // served from the edge in one D1 query.
    const published = await publicRelease(
      c,
      c.req.param('slug'),
      wanted ? (slug) => groupOfNewestRelease(c.var.db, slug, wanted) : undefined,
      // Whether a release has a group changes only with a new release: kept with its head.
      wanted ? `group:${wanted}` : undefined,
    )
    // Only a group of this release has a page (and a cache entry) of its own: any other ?group= goes to the
    // visit's own page, so made-up ids can neither force fresh renders nor fill the cache ([13] hole 9).
    // The same for a day: only one of the visit's days has a page of its own (a large view shows one at a time).
    const day = dayParam(c.req.query('day'), published.dates)
    const unknownGroup =
      c.req.query('group') !== undefined && (!wanted || (published.alongside?.length ?? 0) === 0)
    const unknownDay = c.req.query('day') !== undefined && !day
    if (unknownGroup || unknownDay) {
      const url = new URL(c.req.url)
      if (unknownGroup) url.searchParams.delete('group')
      if (unknownDay) url.searchParams.delete('day')
      return c.redirect(`${url.pathname}${url.search}`, 302)
    }
    // The page links to the report once it is published and shows the cover photo in its share card: both
    // are part of the stored page's name, so publishing or withdrawing a report shows at once.
    const { cover } = published
    const beside = `${published.reportPublished ? '.report' : ''}${cover ? `.cover.${cover.id}.${cover.version}` : ''}`
    return publicPage(
      c,
      published,
      `page.${wanted ?? 'all'}${day ? `.${day}` : ''}${beside}`,
      async () => {
        const snapshot = await published.snapshot()
        const groupId = wanted && snapshot.groups.some((g) => g.id === wanted) ? wanted : null
        const origin = c.var.config.publicUrl
        const base = `/v/${snapshot.visit.slug}`
        const q = published.shareQuery ? `?${published.shareQuery}` : ''
        return {
          title: snapshot.visit.title,
          head: (
            <ShareCard
              type="website"
              title={snapshot.visit.title}
              description={shareDescription(c.var.t, snapshot)}
              url={`${origin}${base}${q}`}
              image={
                cover
                  ? {
                      url: `${origin}${base}/photos/${cover.id}/${fileOf(cover.webKey)}${q}`,
                      width: cover.width,
                      height: cover.height,
                      alt: cover.caption || snapshot.visit.title,
                    }
                  : null
              }
            />
          ),
          page: (
            <VisitPage
              t={c.var.t}
              snapshot={snapshot}
              release={published.release}
              groupId={groupId}
              day={day}
              shareQuery={published.shareQuery}
              publicUrl={origin}
              reportHref={published.reportPublished ? `${base}/report${q}` : null}
            />
          ),
        }
      },
      true,
    )
  })
  .get('/:slug/changes', async (c) => {
    const published = await publicRelease(c, c.req.param('slug'))
    return publicPage(c, published, 'changes', async () => {
      const [snapshot, history] = await Promise.all([
        published.snapshot(),
        c.var.db
          .select({
            number: releases.number,
            name: releases.name,
            publishedAt: releases.publishedAt,
            changes: releases.changes,
          })
          .from(releases)
          .where(eq(releases.visitId, published.visitId))
          .orderBy(desc(releases.number)),
      ])
      const zone = snapshot.visit.timeZone
      const multiDay = snapshot.visit.startDate !== snapshot.visit.endDate
      const described = history.map((r) => ({
        ...r,
        lines: (JSON.parse(r.changes) as ReleaseChange[]).map((ch) =>
          describeChange(ch, c.var.lang, zone, { multiDay }),
        ),
      }))
      return {
        title: c.var.t.schedule.changesTitle,
        page: (
          <ChangesPage
            t={c.var.t}
            snapshot={snapshot}
            releases={described}
            shareQuery={published.shareQuery}
          />
        ),
      }
    })
  })
  .get('/:slug/embed', async (c) => {
    const published = await publicRelease(c, c.req.param('slug'))
    // The one page other sites may frame: the association's own website shows the programme.
    c.header(
      'content-security-policy',
      "default-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors *",
    )
    c.header('cache-control', 'public, max-age=60, must-revalidate')
    return c.html(
      <EmbedPage
        t={c.var.t}
        snapshot={await published.snapshot()}
        shareQuery={published.shareQuery}
        publicUrl={c.var.config.publicUrl}
      />,
    )
  })

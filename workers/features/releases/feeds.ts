import { type Context, Hono } from 'hono'
import * as v from 'valibot'
import { toScheduleExport } from '../../../shared/domain/release-snapshot'
import { DomainError } from '../../../shared/errors'
import { toFrabXml } from '../../../shared/exports/frab-xml'
import { itemToICalendar, toICalendar } from '../../../shared/exports/ical'
import { toScheduleJsonV1, toScheduleJsonV2 } from '../../../shared/exports/schedule-json'
import type { AppEnv } from '../../platform/env'
import { cachedPublic } from '../../platform/http/public-cache'
import { publicRelease } from './public-schedule'

const itemIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{1,64}$/))

/** The newest release of a visit by slug; the export model is built only when something must be rendered. */
async function exportOf(c: Context<AppEnv>, slug: string | undefined) {
  const published = await publicRelease(c, slug)
  const release = { ...published.release, publishedAt: published.release.publishedAt.getTime() }
  const data = async () =>
    toScheduleExport(await published.snapshot(), release, c.var.config.publicUrl, published.shareQuery)
  return { published, release, data }
}

/**
 * Calendar feed and standard schedule exports of the newest release. URLs are stable: people subscribe to
 * them. DTSTAMP is the release's publication time, so the same release always gives the same bytes.
 */
export const feedRoutes = new Hono<AppEnv>()
  .get('/:slug/schedule.ics', async (c) => {
    const { published, release, data } = await exportOf(c, c.req.param('slug'))
    return cachedPublic(
      c,
      {
        published,
        variant: `ics.${c.var.lang}`,
        contentType: 'text/calendar; charset=utf-8',
      },
      async () => toICalendar(await data(), { generatedAt: release.publishedAt, lang: c.var.lang }),
    )
  })
  .get('/:slug/items/:itemId{[A-Za-z0-9-]+\\.ics}', async (c) => {
    const { published, release, data } = await exportOf(c, c.req.param('slug'))
    const itemId = v.safeParse(itemIdSchema, c.req.param('itemId').replace(/\.ics$/, ''))
    if (!itemId.success) throw new DomainError('not_found')
    return cachedPublic(
      c,
      {
        published,
        variant: `item.${itemId.output}.${c.var.lang}`,
        contentType: 'text/calendar; charset=utf-8',
      },
      async () => {
        const all = await data()
        // itemToICalendar refuses an unknown item; that is a 404, not a server error.
        if (!all.items.some((i) => i.id === itemId.output)) throw new DomainError('not_found')
        return itemToICalendar(all, itemId.output, { generatedAt: release.publishedAt, lang: c.var.lang })
      },
    )
  })
  .get('/:slug/schedule.json', async (c) => {
    const { published, data } = await exportOf(c, c.req.param('slug'))
    return cachedPublic(
      c,
      {
        published,
        variant: `json1.${c.var.lang}`,
        contentType: 'application/json; charset=utf-8',
      },
      async () => toScheduleJsonV1(await data(), { lang: c.var.lang }),
    )
  })
  .get('/:slug/schedule.v2.json', async (c) => {
    const { published, data } = await exportOf(c, c.req.param('slug'))
    return cachedPublic(
      c,
      {
        published,
        variant: `json2.${c.var.lang}`,
        contentType: 'application/json; charset=utf-8',
      },
      async () => toScheduleJsonV2(await data(), { lang: c.var.lang }),
    )
  })
  .get('/:slug/schedule.xml', async (c) => {
    const { published, data } = await exportOf(c, c.req.param('slug'))
    return cachedPublic(
      c,
      {
        published,
        variant: `xml.${c.var.lang}`,
        contentType: 'application/xml; charset=utf-8',
      },
      async () => toFrabXml(await data(), { lang: c.var.lang }),
    )
  })

import type { BatchItem } from 'drizzle-orm/batch'
import { type Context, Hono } from 'hono'
import * as v from 'valibot'
import { toScheduleExport } from '../../../shared/domain/release-snapshot'
import { DomainError } from '../../../shared/errors'
import { toFrabXml } from '../../../shared/exports/frab-xml'
import { itemToICalendar, toICalendar } from '../../../shared/exports/ical'
import { toScheduleJsonV1, toScheduleJsonV2 } from '../../../shared/exports/schedule-json'
import type { AppEnv } from '../../platform/env'
import { doc } from '../../platform/http/openapi'
import { cachedPublic } from '../../platform/http/public-cache'
import { groupOfNewestRelease, groupParam, publicRelease } from './public-schedule'
import { scheduleJsonResponse, scheduleV2JsonResponse } from './responses'
import { storedBodies } from './stored'

const itemIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{1,64}$/))

/** The newest release of a visit by slug; the export model is built only when something must be rendered. */
async function exportOf<A extends BatchItem<'sqlite'> = never>(
  c: Context<AppEnv>,
  slug: string | undefined,
  alongside?: (slug: string) => A,
  alongsideKey?: string,
) {
  const published = await publicRelease(c, slug, alongside, alongsideKey)
  const release = { ...published.release, publishedAt: published.release.publishedAt.getTime() }
  const data = async () =>
    toScheduleExport(await published.snapshot(), release, c.var.config.publicUrl, published.shareQuery)
  /** The stored answer of this release, for a variant the same for every reader (none for a share link). */
  const stored = (variant: string) =>
    published.cacheScope === 'open' ? storedBodies(c.var.db, c.env.PHOTOS, published, variant) : undefined
  return { published, release, data, stored }
}

/** `?pretty` (any value) asks for indented JSON, for a person reading it; apps get it compact. */
const prettyOf = (c: Context<AppEnv>) => c.req.query('pretty') !== undefined

/**
 * Calendar feed and standard schedule exports of the newest release. URLs are stable: people subscribe to
 * them. DTSTAMP is the release's publication time, so the same release always gives the same bytes.
 */
export const feedRoutes = new Hono<AppEnv>()
  .get(
    '/:slug/schedule.ics',
    doc('feeds', 'The published programme as an iCalendar feed to subscribe to (`?group=` for one group)', {
      status: 200,
      description: 'iCalendar (RFC 5545); the same release always gives the same bytes',
    }),
    async (c) => {
      // A group's own feed (?group=…, linked from the group's view): its items and those for everyone. Only a
      // group of this release gets a feed and a cache entry of its own; any other value gets the visit's feed,
      // so made-up ids can neither force renders nor fill the cache (as the group page, [13] hole 9).
      const wanted = groupParam(c.req.query('group'))
      const { published, release, data, stored } = await exportOf(
        c,
        c.req.param('slug'),
        wanted ? (slug) => groupOfNewestRelease(c.var.db, slug, wanted) : undefined,
        wanted ? `group:${wanted}` : undefined,
      )
      const groupId = wanted && (published.alongside?.length ?? 0) > 0 ? wanted : null
      const variant = `ics.${groupId ? `group.${groupId}.` : ''}${c.var.lang}`
      return cachedPublic(
        c,
        { published, variant, contentType: 'text/calendar; charset=utf-8', stored: stored(variant) },
        async () => {
          const all = await data()
          const items = groupId
            ? all.items.filter((i) => i.groupIds.length === 0 || i.groupIds.includes(groupId))
            : all.items
          return toICalendar({ ...all, items }, { generatedAt: release.publishedAt, lang: c.var.lang })
        },
      )
    },
  )
  .get(
    '/:slug/items/:itemId{[A-Za-z0-9-]+\\.ics}',
    doc('feeds', 'One published programme item as an iCalendar event', {
      status: 200,
      description: 'iCalendar (RFC 5545) with one event',
    }),
    async (c) => {
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
    },
  )
  .get(
    '/:slug/schedule.json',
    doc('feeds', 'The published programme as schedule JSON, version 1 (`?pretty` indents)', {
      status: 200,
      description: 'Schedule JSON v1',
      type: 'application/json',
      schema: scheduleJsonResponse,
    }),
    async (c) => {
      const { published, data, stored } = await exportOf(c, c.req.param('slug'))
      const pretty = prettyOf(c)
      const variant = `json1${pretty ? '.pretty' : ''}.${c.var.lang}`
      return cachedPublic(
        c,
        {
          published,
          variant,
          contentType: 'application/json; charset=utf-8',
          stored: stored(variant),
        },
        async () => toScheduleJsonV1(await data(), { lang: c.var.lang, pretty }),
      )
    },
  )
  .get(
    '/:slug/schedule.v2.json',
    doc('feeds', 'The published programme as schedule JSON, version 2 (`?pretty` indents)', {
      status: 200,
      description: 'Schedule JSON v2',
      type: 'application/json',
      schema: scheduleV2JsonResponse,
    }),
    async (c) => {
      const { published, data, stored } = await exportOf(c, c.req.param('slug'))
      const pretty = prettyOf(c)
      const variant = `json2${pretty ? '.pretty' : ''}.${c.var.lang}`
      return cachedPublic(
        c,
        {
          published,
          variant,
          contentType: 'application/json; charset=utf-8',
          stored: stored(variant),
        },
        async () => toScheduleJsonV2(await data(), { lang: c.var.lang, pretty }),
      )
    },
  )
  .get(
    '/:slug/schedule.xml',
    doc('feeds', 'The published programme as Frab/Pentabarf schedule XML', {
      status: 200,
      description: 'Schedule XML (the Frab format conference apps read)',
    }),
    async (c) => {
      const { published, data, stored } = await exportOf(c, c.req.param('slug'))
      return cachedPublic(
        c,
        {
          published,
          variant: `xml.${c.var.lang}`,
          contentType: 'application/xml; charset=utf-8',
          stored: stored(`xml.${c.var.lang}`),
        },
        async () => toFrabXml(await data(), { lang: c.var.lang }),
      )
    },
  )

import type { BatchItem } from 'drizzle-orm/batch'
import type { Context } from 'hono'
import * as v from 'valibot'
import type { ReleaseSnapshot } from '../../../shared/domain/release-snapshot'
import { DomainError } from '../../../shared/errors'
import { slugSchema } from '../../../shared/schemas/common'
import { hashToken } from '../../platform/auth/tokens'
import type { AppEnv } from '../../platform/env'
import { getPublishedHead, getReleaseSnapshot, isValidShareLink } from '../visits/queries'
import { isValidGuestPass } from './guest-pass'

/**
 * The newest release of a visit as the public may see it: 404 for drafts, unknown slugs, and unlisted visits
 * without a live share link (`?k=…`) or a guest's own pass (`?g=…`, see guest-pass.ts), so an unlisted
 * visit's existence is never confirmed. The snapshot is loaded lazily (and once), so a 304 or an edge-cache
 * hit costs one small query.
 */
export async function publicRelease<A extends BatchItem<'sqlite'> = never>(
  c: Context<AppEnv>,
  slug: string | undefined,
  /** One more read by the same slug, sent in the same round trip (see getPublishedHead). */
  alongside?: (slug: string) => A,
) {
  const parsed = v.safeParse(slugSchema, slug)
  if (!parsed.success) throw new DomainError('not_found')
  const head = await getPublishedHead(c.var.db, parsed.output, alongside?.(parsed.output))
  if (!head) throw new DomainError('not_found')
  let shareQuery = ''
  if (!head.listed) {
    const shareToken = c.req.query('k')
    const guestPass = c.req.query('g')
    if (await isValidShareLink(c.var.db, head.visitId, shareToken)) {
      shareQuery = `k=${encodeURIComponent(shareToken ?? '')}`
    } else if (await isValidGuestPass(c.var.db, c.var.config, head.visitId, guestPass)) {
      shareQuery = `g=${encodeURIComponent(guestPass ?? '')}`
    } else {
      throw new DomainError('not_found')
    }
  }
  let loaded: Promise<ReleaseSnapshot> | undefined
  return {
    visitId: head.visitId,
    /** The rows of `alongside`, read with the release. */
    alongside: head.alongside,
    status: head.status,
    release: { id: head.releaseId, number: head.number, name: head.name, publishedAt: head.publishedAt },
    snapshot: () => {
      loaded ??= getReleaseSnapshot(c.var.db, head.releaseId)
      return loaded
    },
    shareQuery,
    /**
     * For cache keys and ETags: a page whose links carry a share query is kept per link, so nobody is handed
     * a copy with another person's link in it (which would also stop working when that link is revoked).
     */
    cacheScope: shareQuery ? `share-${(await hashToken(shareQuery)).slice(0, 32)}` : 'open',
  }
}

import type { MiddlewareHandler } from 'hono'
import { DomainError } from '../../../shared/errors'
import type { AppEnv } from '../env'

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Every state-changing request that carries a cookie must come from our own pages: a browser says where a
 * request comes from in `Origin` and `Sec-Fetch-Site`, and a cross-site one is refused (403) before anything
 * runs. hono's csrf() looks at form bodies only, so a bodiless POST (archive, a new host link) from another
 * site was let through, protected by SameSite=Lax alone. Clients without a cookie (scripts with no session)
 * are not affected; they cannot act for a signed-in person.
 */
export const sameOriginWrites = (): MiddlewareHandler<AppEnv> =>
  async function sameOriginWrites(c, next) {
    if (!safeMethods.has(c.req.method) && c.req.header('cookie')) {
      // Sec-Fetch-Site, when the browser sends it, is the most precise: pages with Referrer-Policy
      // no-referrer (the private-link pages) post with `Origin: null` even to themselves. Without it, Origin.
      const site = c.req.header('sec-fetch-site')
      const origin = c.req.header('origin')
      const refused =
        site !== undefined
          ? site !== 'same-origin' && site !== 'none'
          : origin !== undefined && origin !== new URL(c.req.url).origin
      if (refused) {
        throw new DomainError('forbidden', 'Requests that change something must come from this site.')
      }
    }
    await next()
  }

import type { Context } from 'hono'
import { DomainError } from '../../../shared/errors'
import type { AppEnv } from '../env'

/** A page only its holder may see: kept out of Referer headers, caches and search indexes. */
export function privateHeaders(c: Context<AppEnv>) {
  c.header('referrer-policy', 'no-referrer')
  c.header('cache-control', 'private, no-store')
  c.header('x-robots-tag', 'noindex')
}

/**
 * Runs a page behind a private link (`/r/{token}`, `/t/{token}`). The token is in the address, so it is kept
 * out of Referer headers, caches and indexes; an unknown or replaced token answers 404 with `invalid()` (the
 * friendly "this link does not work" page), unless `plain404` says the answer is not a page (a file).
 */
export async function withPrivateLink(
  c: Context<AppEnv>,
  invalid: () => Response | Promise<Response>,
  page: (token: string) => Promise<Response>,
  opts: { plain404?: boolean } = {},
): Promise<Response> {
  privateHeaders(c)
  try {
    return await page(c.req.param('token') ?? '')
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found' && !opts.plain404) {
      c.status(404)
      return invalid()
    }
    throw error
  }
}

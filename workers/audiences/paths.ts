import { getPath } from 'hono/utils/url'

/**
 * Who a request is for, from its path alone. Each audience's routes are built into an app of their own
 * (workers/audiences/<audience>.ts) that the Worker imports when the first such request comes, so a reader of
 * the public schedule never loads or compiles the team's application (issue 19: ≤ 200 KiB gzip per request).
 */
export const audiences = [
  'reader',
  'report',
  'gallery',
  'privacy',
  'speakers',
  'providers',
  'team',
  'api',
  'description',
  'dev',
] as const
export type Audience = (typeof audiences)[number]

// First match wins; a path no rule names belongs to the team (the sign-in, the team's and the visits' pages).
const rules: [RegExp, Audience][] = [
  [/^\/api\/(openapi\.json|docs)$/, 'description'],
  [/^\/api(\/|$)/, 'api'],
  [/^\/dev(\/|$)/, 'dev'],
  // The call for talks, the speakers' public pages and private links; the providers' private links.
  [/^\/t\//, 'speakers'],
  [/^\/v\/[^/]+\/(talks|speakers)(\/|$)/, 'speakers'],
  [/^\/c\//, 'providers'],
  [/^\/v\/[^/]+\/report(\/|$)/, 'report'],
  [/^\/(rc|news)\//, 'report'],
  [/^\/assets\/reports\./, 'report'],
  [/^\/v\/[^/]+\/photos(\/|\.|$)/, 'gallery'],
  [/^\/p\//, 'gallery'],
  [/^\/assets\/photos\./, 'gallery'],
  [/^\/privacy(\/|$)/, 'privacy'],
  [/^\/r\/[^/]+\/my-data(\/|\.|$)/, 'privacy'],
  [/^\/(v|r|assets|unsubscribe|problems)(\/|$)/, 'reader'],
  [/^\/(healthz|sw\.js|favicon\.ico)?$/, 'reader'],
]

/** The audience whose app serves this request (the path as Hono reads it, so both agree on every request). */
export function audienceOf(request: Request): Audience {
  const path = getPath(request)
  for (const [pattern, audience] of rules) if (pattern.test(path)) return audience
  return 'team'
}

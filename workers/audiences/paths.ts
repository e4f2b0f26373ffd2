import { getPath } from 'hono/utils/url'

/**
 * Who a request is for, from its path alone. Each audience's routes are built into an app of their own
 * (workers/audiences/<audience>.ts) that the Worker imports when the first such request comes, so a reader of
 * the public schedule never loads or compiles the team's application (issue 19: ≤ 200 KiB gzip per request).
 */
const areas = ['programme', 'talks', 'guests', 'catering', 'photos', 'reports'] as const
type Area = (typeof areas)[number]

export const audiences = [
  'reader',
  'report',
  'gallery',
  'privacy',
  'speakers',
  'providers',
  'team',
  ...areas.map((area) => `team-${area}` as const),
  'api',
  ...areas.map((area) => `api-${area}` as const),
  'description',
  'dev',
] as const
export type Audience = (typeof audiences)[number]

// First match wins; a path no rule names belongs to the team (the sign-in, the team's and the visits' pages).
const rules: [RegExp, Audience][] = [
  [/^\/api\/(openapi\.json|docs)$/, 'description'],
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

// The team's pages and the API of one area, by the path after /api (the same for both).
const areaRules: [RegExp, Area][] = [
  [/^\/visits\/[^/]+\/(groups|items|participants|programme|running-late|clashes)(\/|$)/, 'programme'],
  [/^\/(groups|items|participants)\//, 'programme'],
  [/^\/visits\/[^/]+\/(call|mail-templates|slots|talks)(\/|$)/, 'talks'],
  [/^\/(talks|slots)\//, 'talks'],
  [/^\/public\/visits\/[^/]+\/talks(\/|$)/, 'talks'],
  [/^\/visits\/[^/]+\/(rsvps|rsvp-totals)(\/|\.|$)/, 'guests'],
  [/^\/public\/visits\/[^/]+\/rsvps(\/|$)/, 'guests'],
  [/^\/visits\/[^/]+\/catering(\/|\.|$)/, 'catering'],
  [/^\/catering\//, 'catering'],
  [/^\/visits\/[^/]+\/(photos|photo-links|photo-settings|photo-order|photo-uploads)(\/|$)/, 'photos'],
  [/^\/(photos|photo-link|photo-links|photo-uploads)\//, 'photos'],
  [/^\/visits\/[^/]+\/(report|follow-ups)(\/|$)/, 'reports'],
  [/^\/(teams\/[^/]+\/)?follow-ups(\/|$)/, 'reports'],
]

/** The audience whose app serves this request (the path as Hono reads it, so both agree on every request). */
export function audienceOf(request: Request): Audience {
  const path = getPath(request)
  for (const [pattern, audience] of rules) if (pattern.test(path)) return audience
  const api = /^\/api(\/|$)/.test(path)
  const rest = api ? path.slice(4) : path
  for (const [pattern, area] of areaRules) if (pattern.test(rest)) return api ? `api-${area}` : `team-${area}`
  return api ? 'api' : 'team'
}

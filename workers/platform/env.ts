import type { Actor } from '../../shared/domain/access'
import type { Lang, Messages } from '../../shared/i18n'
import type { SignedIn } from './auth/session'
import type { Config } from './config'
import type { Database } from './db/database'
import type { SavedNotice } from './middleware/saved-notice'

// The bindings are generated from wrangler.toml (`npm run cf-typegen` writes worker-configuration.d.ts beside
// this file; `npm test` fails when it is out of date). This file keeps the app's own types only.

export type Bindings = Cloudflare.Env & OptionalSettings

/**
 * Settings a deployment may leave out, so they are not in wrangler.toml (and not in the generated types): the
 * human check on public forms is on only where both halves are set (`wrangler secret put TURNSTILE_SECRET`).
 */
type OptionalSettings = {
  /** Cloudflare Turnstile's site key (public: it goes into the page). */
  TURNSTILE_SITE_KEY?: string
  /** Turnstile's secret key, for siteverify. */
  TURNSTILE_SECRET?: string
  /** Tests only: a recorded answer standing in for the address lookup's outbound fetch (see config.ts). */
  ADDRESS_LOOKUP_FETCH?: typeof fetch
}

export type { Database }

/** The one environment type of every route and middleware. */
export type AppEnv = {
  Bindings: Bindings
  Variables: AppVariables
}

declare module 'hono' {
  /** Typed context variables, also where Hono passes a generic Context (validator hooks). */
  interface ContextVariableMap extends AppVariables {}
}

type AppVariables = {
  requestId: string
  config: Config
  db: Database
  lang: Lang
  /** Set by hono's languageDetector. */
  language: string
  t: Messages
  secureHeadersNonce?: string
  /** Who is asking: anonymous or a signed-in person with their roles. */
  actor: Actor
  signedIn: SignedIn | null
  /** A marked route's rows, read with a valid session (platform/middleware/session-reads.ts). */
  sessionRead?: { by: object; plan: unknown; results: Record<string, unknown>[][] }
  /** The last form was saved (platform/middleware/saved-notice.ts): the page says so. */
  savedNotice?: SavedNotice
}

import type { Actor } from '../../shared/domain/access'
import type { Lang, Messages } from '../../shared/i18n'
import type { SignedIn } from './auth/session'
import type { Config } from './config'
import type { Database } from './db/database'

declare global {
  namespace Cloudflare {
    /** The Worker's bindings, as declared in wrangler.toml. */
    interface Env {
      DB: D1Database
      PHOTOS: R2Bucket
      SIGNIN_LIMITER: RateLimit
      CLIENT_LIMITER: RateLimit
      ENVIRONMENT: 'development' | 'production' | 'test'
      PUBLIC_URL: string
      MAIL_TRANSPORT: 'outbox' | 'http'
      MAIL_FROM: string
      MAIL_API_URL?: string
      /** Secret (production only): `wrangler secret put MAIL_API_KEY --env production`. */
      MAIL_API_KEY?: string
      /** Secret (production only): `wrangler secret put APP_SECRET --env production` (32+ characters). */
      APP_SECRET?: string
    }
  }
}

export type Bindings = Cloudflare.Env
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
}

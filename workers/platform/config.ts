import * as v from 'valibot'
import { DomainError } from '../../shared/errors'
import { type AddressLookup, LOOKUP_TIMEOUT_MS, PDOK_FREE_URL } from './address-lookup'
import type { Bindings } from './env'

/** What the Worker needs to know about where it runs, read once per isolate from the bindings. */
export type Config = {
  environment: 'development' | 'production' | 'test'
  isProduction: boolean
  publicUrl: string
  /** Signs links that are not stored anywhere (the opt-out link in change mails). */
  appSecret: string
  mail:
    | { transport: 'outbox'; from: string }
    | { transport: 'http'; from: string; apiUrl: string; apiKey: string }
  /** Cloudflare Turnstile on public forms (comments), or null when the deployment has not set it up. */
  humanCheck: HumanCheck | null
  /** The address lookup for venues (PDOK), or null when off (the default: development and tests). */
  addressLookup: AddressLookup | null
}

/** Turnstile's two keys: the site key goes into the page, the secret only to siteverify. */
export type HumanCheck = { siteKey: string; secret: string }

const humanCheckKeys = v.object({
  TURNSTILE_SITE_KEY: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100))),
  TURNSTILE_SECRET: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200))),
})

/**
 * The human check, when both keys are set; one key without the other is a mistake in the set-up, reported
 * like a missing secret rather than running with the check silently off.
 */
function readHumanCheck(env: Bindings): HumanCheck | null {
  const keys = v.parse(humanCheckKeys, env)
  const siteKey = keys.TURNSTILE_SITE_KEY ?? ''
  const secret = keys.TURNSTILE_SECRET ?? ''
  if (siteKey === '' && secret === '') return null
  if (siteKey === '' || secret === '') {
    console.error('Rondgang is not configured: set both TURNSTILE_SITE_KEY and TURNSTILE_SECRET, or neither')
    throw new DomainError('not_configured')
  }
  return { siteKey, secret }
}

/**
 * The address lookup when ADDRESS_LOOKUP = "pdok". Tests switch it on with a recorded answer in
 * ADDRESS_LOOKUP_FETCH (nothing leaves the machine); elsewhere it is the platform's fetch.
 */
function addressLookupOf(env: Bindings): AddressLookup | null {
  if (env.ADDRESS_LOOKUP !== 'pdok') return null
  const outbound = env.ADDRESS_LOOKUP_FETCH ?? ((input, init) => fetch(input, init))
  return { url: PDOK_FREE_URL, fetch: outbound, timeoutMs: LOOKUP_TIMEOUT_MS }
}

const environment = v.picklist(['development', 'production', 'test'])

const productionSecrets = v.object({
  PUBLIC_URL: v.pipe(v.string(), v.url(), v.startsWith('https://')),
  MAIL_FROM: v.pipe(v.string(), v.minLength(3)),
  MAIL_API_URL: v.pipe(v.string(), v.url(), v.startsWith('https://')),
  MAIL_API_KEY: v.pipe(v.string(), v.minLength(16)),
  APP_SECRET: v.pipe(v.string(), v.minLength(32)),
})

/** Development and tests only: production refuses to run without its own APP_SECRET. */
const DEVELOPMENT_SECRET = 'rondgang-development-only-secret-never-in-production'

let cached: { env: Bindings; config: Config } | undefined

/**
 * Reads the configuration. Development and tests get safe local defaults (mail goes to the outbox); production
 * refuses to serve until every secret is set, rather than run half-configured.
 */
export function readConfig(env: Bindings): Config {
  if (cached?.env === env) return cached.config
  const envName = v.parse(environment, env.ENVIRONMENT ?? 'development')
  let config: Config
  if (envName === 'production') {
    const checked = v.safeParse(productionSecrets, env)
    if (!checked.success) {
      const missing = checked.issues.map((i) => v.getDotPath(i) ?? '?').join(', ')
      console.error(`Rondgang is not configured for production: check ${missing}`)
      throw new DomainError('not_configured')
    }
    const s = checked.output
    config = {
      environment: envName,
      isProduction: true,
      publicUrl: s.PUBLIC_URL,
      appSecret: s.APP_SECRET,
      mail: { transport: 'http', from: s.MAIL_FROM, apiUrl: s.MAIL_API_URL, apiKey: s.MAIL_API_KEY },
      humanCheck: readHumanCheck(env),
      addressLookup: addressLookupOf(env),
    }
  } else {
    config = {
      environment: envName,
      isProduction: false,
      publicUrl: env.PUBLIC_URL || 'http://127.0.0.1:8787',
      appSecret: env.APP_SECRET || DEVELOPMENT_SECRET,
      mail: { transport: 'outbox', from: env.MAIL_FROM || 'Rondgang <noreply@rondgang.localhost>' },
      humanCheck: readHumanCheck(env),
      addressLookup: addressLookupOf(env),
    }
  }
  cached = { env, config }
  return config
}

import * as v from 'valibot'
import type { HumanCheck } from '../config'

/** Where Turnstile's script and frame come from; a page that shows the widget allows this origin. */
export const HUMAN_CHECK_ORIGIN = 'https://challenges.cloudflare.com'

/** The form field the widget fills in with its token. */
export const HUMAN_CHECK_FIELD = 'cf-turnstile-response'

const SITEVERIFY = `${HUMAN_CHECK_ORIGIN}/turnstile/v0/siteverify`

/** Long enough for a slow answer, short enough that a person is still waiting for the form. */
const TIMEOUT_MS = 5_000

/** Turnstile documents tokens of at most 2,048 characters. */
const MAX_TOKEN_LENGTH = 2_048

const siteverifyAnswer = v.object({
  success: v.boolean(),
  'error-codes': v.optional(v.array(v.string()), []),
})

/**
 * passed: Turnstile says a person sent it; failed: no token, a made-up or used token (the form asks again);
 * unavailable: siteverify could not be asked or answered nonsense (nothing is saved, try again shortly).
 */
export type HumanCheckResult = 'passed' | 'failed' | 'unavailable'

/**
 * Asks Turnstile's siteverify whether the form's token is a person's. The fetcher is a parameter so tests
 * give a recorded answer (nothing leaves the machine). Tokens are single use: a replayed form fails.
 */
export async function verifyHuman(
  check: HumanCheck,
  token: unknown,
  clientIp: string | undefined,
  fetcher: typeof fetch = fetch,
): Promise<HumanCheckResult> {
  if (typeof token !== 'string' || token === '' || token.length > MAX_TOKEN_LENGTH) return 'failed'
  const body = new FormData()
  body.set('secret', check.secret)
  body.set('response', token)
  if (clientIp) body.set('remoteip', clientIp)
  let answer: unknown
  try {
    const res = await fetcher(SITEVERIFY, { method: 'POST', body, signal: AbortSignal.timeout(TIMEOUT_MS) })
    if (!res.ok) throw new Error(`siteverify answered ${res.status}`)
    answer = await res.json()
  } catch (error) {
    console.error(JSON.stringify({ level: 'error', event: 'human_check_unavailable', error: String(error) }))
    return 'unavailable'
  }
  const parsed = v.safeParse(siteverifyAnswer, answer)
  if (!parsed.success) return 'unavailable'
  if (parsed.output.success) return 'passed'
  // Our own keys being wrong is not the visitor's fault: say so in the log, and let them try later.
  const ours = parsed.output['error-codes'].some(
    (code) => code.includes('secret') || code === 'internal-error',
  )
  if (ours) {
    console.error(
      JSON.stringify({ level: 'error', event: 'human_check_refused', codes: parsed.output['error-codes'] }),
    )
    return 'unavailable'
  }
  return 'failed'
}

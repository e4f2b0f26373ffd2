import { and, eq, gt, isNull, lt, or } from 'drizzle-orm'
import { loginTokens, people, sessions } from '../../../shared/db/schema'
import { DomainError } from '../../../shared/errors'
import type { Lang } from '../../../shared/i18n'
import { renderMail } from '../../../shared/mail/templates'
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../platform/auth/session'
import { hashToken, randomToken, sameHash, tokenPattern } from '../../platform/auth/tokens'
import type { Config } from '../../platform/config'
import type { Database } from '../../platform/env'
import { queueMail } from '../../platform/mail/outbox'

export const SIGN_IN_LINK_MINUTES = 15

/**
 * Mails a single-use sign-in link. Known and unknown addresses are treated exactly alike (a first sign-in
 * creates the person), so the answer never tells whether an account exists.
 */
export async function requestSignInLink(
  db: Database,
  config: Config,
  input: { email: string; lang: Lang; next?: string | undefined },
  now: Date,
): Promise<void> {
  const token = randomToken()
  const link = new URL('/sign-in/verify', config.publicUrl)
  link.searchParams.set('token', token)
  if (input.next) link.searchParams.set('next', input.next)
  const mail = renderMail('sign_in', input.lang, { link: link.toString(), minutes: SIGN_IN_LINK_MINUTES })
  await db.batch([
    db.insert(loginTokens).values({
      tokenHash: await hashToken(token),
      email: input.email,
      expiresAt: new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000),
    }),
    queueMail(db, config, { to: input.email, kind: 'sign_in', ...mail }, now),
  ])
}

/**
 * Redeems a sign-in link: single use (the token is spent in the same statement that checks it), 15 minutes.
 * Creates the person on first sign-in and always a brand-new session id (no session fixation).
 */
export async function redeemSignInLink(
  db: Database,
  token: string,
  now: Date,
  meta: { userAgent: string; lang: Lang },
): Promise<{ sessionId: string; personId: string }> {
  if (!tokenPattern.test(token)) throw new DomainError('bad_request', 'This sign-in link is not valid.')
  const tokenHash = await hashToken(token)
  const [spent] = await db
    .update(loginTokens)
    .set({ usedAt: now })
    .where(
      and(eq(loginTokens.tokenHash, tokenHash), isNull(loginTokens.usedAt), gt(loginTokens.expiresAt, now)),
    )
    .returning({ email: loginTokens.email, tokenHash: loginTokens.tokenHash })
  if (!spent || !sameHash(spent.tokenHash, tokenHash)) {
    throw new DomainError(
      'bad_request',
      'This sign-in link has expired or was already used. Ask for a new one.',
    )
  }
  const [, person] = await db.batch([
    db
      .insert(people)
      .values({ email: spent.email, locale: meta.lang })
      .onConflictDoNothing({ target: people.email }),
    db.select({ id: people.id }).from(people).where(eq(people.email, spent.email)).limit(1),
  ])
  const personId = person[0]?.id
  if (!personId) throw new Error('person missing right after insert')
  const sessionId = randomToken()
  await db.insert(sessions).values({
    idHash: await hashToken(sessionId),
    personId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
    userAgent: meta.userAgent.slice(0, 200),
  })
  return { sessionId, personId }
}

/** Removes spent and expired sign-in links and sessions; run by the scheduled handler. */
export async function cleanUpAuth(db: Database, now: Date): Promise<void> {
  const idleBefore = new Date(now.getTime() - SESSION_IDLE_MS)
  await db.batch([
    db.delete(loginTokens).where(lt(loginTokens.expiresAt, new Date(now.getTime() - 24 * 3600 * 1000))),
    db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleBefore))),
  ])
}

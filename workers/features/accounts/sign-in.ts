import { and, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm'
import { loginTokens, memberships, people, sessions, visitRoles } from '../../../shared/db/schema'
import type { Actor, TeamRole, VisitRole } from '../../../shared/domain/access'
import { DomainError } from '../../../shared/errors'
import type { Lang } from '../../../shared/i18n'
import { renderMail } from '../../../shared/mail/templates'
import { hashToken, randomToken, sameHash, tokenPattern } from '../../platform/auth/tokens'
import type { Config } from '../../platform/config'
import { batchPrepared, prepareOnce } from '../../platform/db/prepared'
import type { Database } from '../../platform/env'
import { queueMail } from '../../platform/mail/outbox'

export const SIGN_IN_LINK_MINUTES = 15
/** A session ends after a week without use, and after 30 days whatever happens. */
export const SESSION_IDLE_MS = 7 * 24 * 3600 * 1000
export const SESSION_ABSOLUTE_MS = 30 * 24 * 3600 * 1000
/** lastSeenAt is written at most this often, not on every request. */
export const SESSION_TOUCH_MS = 5 * 60 * 1000

export const SESSION_COOKIE = '__Host-rondgang_session'

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

export type SignedIn = {
  actor: Extract<Actor, { kind: 'person' }>
  person: { id: string; email: string; name: string; locale: 'nl' | 'en' }
  sessionIdHash: string
  /** True when lastSeenAt is old enough to be written again. */
  needsTouch: boolean
}

/**
 * Resolves a session cookie to a person with all their roles, in one D1 round trip.
 * Idle or past its absolute end: treated as signed out (the row is removed by touchOrEnd / clean-up).
 */
/** The session, its person and their roles: asked on every signed-in request, so built once. */
const sessionQueries = prepareOnce((db) => {
  const idHash = sql.placeholder('idHash')
  const personOfSession = db
    .select({ id: sessions.personId })
    .from(sessions)
    .where(eq(sessions.idHash, idHash))
  return {
    session: db
      .select({
        idHash: sessions.idHash,
        lastSeenAt: sessions.lastSeenAt,
        expiresAt: sessions.expiresAt,
        person: { id: people.id, email: people.email, name: people.name, locale: people.locale },
      })
      .from(sessions)
      .innerJoin(people, eq(people.id, sessions.personId))
      .where(eq(sessions.idHash, idHash))
      .limit(1)
      .prepare(),
    teams: db
      .select({ teamId: memberships.teamId, role: memberships.role })
      .from(memberships)
      .where(inArray(memberships.personId, personOfSession))
      .prepare(),
    visitRoles: db
      .select({ visitId: visitRoles.visitId, role: visitRoles.role, venueId: visitRoles.venueId })
      .from(visitRoles)
      .where(inArray(visitRoles.personId, personOfSession))
      .prepare(),
  }
})

export async function resolveSession(db: Database, sessionId: string, now: Date): Promise<SignedIn | null> {
  if (!tokenPattern.test(sessionId)) return null
  const idHash = await hashToken(sessionId)
  const q = sessionQueries()
  const [rows, teamRows, roleRows] = await batchPrepared(db, [
    [q.session, { idHash }],
    [q.teams, { idHash }],
    [q.visitRoles, { idHash }],
  ])
  const row = rows[0]
  if (!row || !sameHash(row.idHash, idHash)) return null
  const t = now.getTime()
  if (t >= row.expiresAt.getTime() || t - row.lastSeenAt.getTime() >= SESSION_IDLE_MS) return null
  return {
    person: row.person,
    sessionIdHash: row.idHash,
    needsTouch: t - row.lastSeenAt.getTime() >= SESSION_TOUCH_MS,
    actor: {
      kind: 'person',
      personId: row.person.id,
      email: row.person.email,
      teams: new Map(teamRows.map((m) => [m.teamId, m.role as TeamRole])),
      visitRoles: roleRows as VisitRole[],
    },
  }
}

/** Records activity, so the idle timeout counts from the last use. */
export async function touchSession(db: Database, sessionIdHash: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, sessionIdHash))
}

/** Ends one session on the server: the cookie is worthless afterwards, even if someone kept a copy. */
export async function endSession(db: Database, sessionIdHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, sessionIdHash))
}

/** Ends every session of a person ("sign out everywhere"). */
export async function endAllSessions(db: Database, personId: string): Promise<number> {
  const gone = await db
    .delete(sessions)
    .where(eq(sessions.personId, personId))
    .returning({ id: sessions.idHash })
  return gone.length
}

/** The person's sessions, newest use first, marking the current one. */
export async function listSessions(db: Database, personId: string, currentIdHash: string, now: Date) {
  const rows = await db
    .select({
      idHash: sessions.idHash,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(eq(sessions.personId, personId))
  return rows
    .filter((s) => s.expiresAt > now && now.getTime() - s.lastSeenAt.getTime() < SESSION_IDLE_MS)
    .sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime())
    .map(({ idHash, ...s }) => ({ ...s, current: idHash === currentIdHash }))
}

/** Removes spent and expired sign-in links and sessions; run by the scheduled handler. */
export async function cleanUpAuth(db: Database, now: Date): Promise<void> {
  const idleBefore = new Date(now.getTime() - SESSION_IDLE_MS)
  await db.batch([
    db.delete(loginTokens).where(lt(loginTokens.expiresAt, new Date(now.getTime() - 24 * 3600 * 1000))),
    db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleBefore))),
  ])
}

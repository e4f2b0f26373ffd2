import { eq, inArray, sql } from 'drizzle-orm'
import { memberships, people, sessions, visitRoles } from '../../../shared/db/schema'
import type { Actor, TeamRole, VisitRole } from '../../../shared/domain/access'
import { batchPrepared, prepareOnce } from '../db/prepared'
import type { Database } from '../env'
import { hashToken, sameHash, tokenPattern } from './tokens'

// Who is signed in: the session behind the cookie, its person and their roles. Signing in (links, mail)
// is the accounts feature's; every feature reads the session through this module.

/** A session ends after a week without use, and after 30 days whatever happens. */
export const SESSION_IDLE_MS = 7 * 24 * 3600 * 1000
export const SESSION_ABSOLUTE_MS = 30 * 24 * 3600 * 1000
/** lastSeenAt is written at most this often, not on every request. */
export const SESSION_TOUCH_MS = 5 * 60 * 1000

export const SESSION_COOKIE = '__Host-rondgang_session'

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

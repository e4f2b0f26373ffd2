import { eq } from 'drizzle-orm'
import { sessions } from '../../../shared/db/schema'
import type { Actor, TeamRole, VisitRole } from '../../../shared/domain/access'
import { batchSql } from '../db/prepared'
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
 * The session, its person and all their roles as one row (the roles as JSON arrays built by SQLite), read by
 * position: asked before every signed-in request, alone (resolveSession) or in one batch with a route's own
 * reads (workers/platform/middleware/session-reads.ts).
 */
const sessionSql = `select s.id_hash, s.last_seen_at, s.expires_at, p.id, p.email, p.name, p.locale, (select json_group_array(json_array(m.team_id, m.role)) from memberships m where m.person_id = s.person_id) as teams, (select json_group_array(json_array(r.visit_id, r.role, r.venue_id)) from visit_roles r where r.person_id = s.person_id) as visit_roles from sessions s join people p on p.id = s.person_id where s.id_hash = ?1 limit 1`

/** The statement that looks a session up, for the stored form of a cookie's id (sessionIdHash). */
export function sessionStatement(idHash: string): readonly [sql: string, values: readonly unknown[]] {
  return [sessionSql, [idHash]]
}

/** The stored form of a session cookie's id; null for anything that cannot be one (no D1 query then). */
export async function sessionIdHash(sessionId: string): Promise<string | null> {
  return tokenPattern.test(sessionId) ? hashToken(sessionId) : null
}

/**
 * Who is signed in, from the rows of sessionStatement: null when there is no such session, or it is idle
 * or past its absolute end (the row is removed by touchOrEnd / clean-up).
 */
export function signedInFrom(
  rows: readonly Record<string, unknown>[] | undefined,
  idHash: string,
  now: Date,
): SignedIn | null {
  const row = rows?.[0]
  if (!row || typeof row.id_hash !== 'string' || !sameHash(row.id_hash, idHash)) return null
  const t = now.getTime()
  const lastSeenAt = Number(row.last_seen_at)
  if (t >= Number(row.expires_at) || t - lastSeenAt >= SESSION_IDLE_MS) return null
  const person = {
    id: String(row.id),
    email: String(row.email),
    name: String(row.name),
    locale: row.locale === 'en' ? ('en' as const) : ('nl' as const),
  }
  const teams = JSON.parse(String(row.teams ?? '[]')) as [string, TeamRole][]
  const roles = JSON.parse(String(row.visit_roles ?? '[]')) as [string, VisitRole['role'], string | null][]
  return {
    person,
    sessionIdHash: row.id_hash,
    needsTouch: t - lastSeenAt >= SESSION_TOUCH_MS,
    actor: {
      kind: 'person',
      personId: person.id,
      email: person.email,
      teams: new Map(teams),
      visitRoles: roles.map(([visitId, role, venueId]): VisitRole => ({ visitId, role, venueId })),
    },
  }
}

/** Resolves a session cookie to a person with all their roles, in one D1 round trip (none for a malformed one). */
export async function resolveSession(db: Database, sessionId: string, now: Date): Promise<SignedIn | null> {
  const idHash = await sessionIdHash(sessionId)
  if (!idHash) return null
  const [rows] = await batchSql(db, [sessionStatement(idHash)])
  return signedInFrom(rows, idHash, now)
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

import { eq } from 'drizzle-orm'
import { visits } from '../../../shared/db/schema'
import { type Actor, canOrganise, canReadTeam } from '../../../shared/domain/access'
import { DomainError } from '../../../shared/errors'
import type { Database } from '../../platform/env'

export type VisitRow = typeof visits.$inferSelect

/** What an actor may do with a visit's report and follow-ups: the team's organisers write, its viewers read. */
export function reportAccess(actor: Actor, visit: { teamId: string }): 'write' | 'read' | null {
  if (canOrganise(actor, visit.teamId)) return 'write'
  if (canReadTeam(actor, visit.teamId)) return 'read'
  return null
}

/**
 * A visit for its report or follow-ups: 404 when the actor is not of its team (never confirming it exists),
 * 403 when they may read but `need` is 'write'.
 */
export async function reportVisitFor(db: Database, actor: Actor, visitId: string, need: 'read' | 'write') {
  const [visit] = await db.select().from(visits).where(eq(visits.id, visitId)).limit(1)
  const access = visit ? reportAccess(actor, visit) : null
  if (!visit || !access) throw new DomainError('not_found')
  if (need === 'write' && access !== 'write') throw new DomainError('forbidden')
  return { visit, access }
}

/** A team for its follow-ups list: its members only (404 for anyone else). */
export function teamAccessOr404(actor: Actor, teamId: string): 'write' | 'read' {
  const access = reportAccess(actor, { teamId })
  if (!access) throw new DomainError('not_found')
  return access
}

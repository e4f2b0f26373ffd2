import { and, eq, isNull } from 'drizzle-orm'
import { photoLinks, visits } from '../../../shared/db/schema'
import { type Actor, photoAccess } from '../../../shared/domain/access'
import { DomainError } from '../../../shared/errors'
import { hashToken, tokenPattern } from '../../platform/auth/tokens'
import type { Database } from '../../platform/env'

export type VisitRow = typeof visits.$inferSelect

/**
 * A visit's photos for an actor: 404 when they have no part in it (never confirming it exists), 403 when they
 * may see it but not do what `need` asks ('upload': organisers and hosts; 'curate': organisers).
 */
export async function photoVisitFor(
  db: Database,
  actor: Actor,
  visitId: string,
  need: 'see' | 'upload' | 'curate' = 'see',
) {
  const [visit] = await db.select().from(visits).where(eq(visits.id, visitId)).limit(1)
  const access = visit ? photoAccess(actor, visit) : null
  if (!visit || !access) throw new DomainError('not_found')
  if (need === 'curate' && access !== 'curate') throw new DomainError('forbidden')
  if (need === 'upload' && access === 'read') throw new DomainError('forbidden')
  return { visit, access }
}

/** The live link behind a token, with its visit; 404 for an unknown or revoked one (indistinguishable). */
export async function liveLink(db: Database, token: string | undefined) {
  if (!token || !tokenPattern.test(token)) throw new DomainError('not_found')
  const [row] = await db
    .select({ link: photoLinks, visit: visits })
    .from(photoLinks)
    .innerJoin(visits, eq(visits.id, photoLinks.visitId))
    .where(and(eq(photoLinks.tokenHash, await hashToken(token)), isNull(photoLinks.revokedAt)))
    .limit(1)
  if (!row) throw new DomainError('not_found')
  return row
}

import { and, desc, eq, isNull } from 'drizzle-orm'
import { shareLinks } from '../../../shared/db/schema'
import type { Actor } from '../../../shared/domain/access'
import { DomainError } from '../../../shared/errors'
import { auditEntry } from '../../platform/audit'
import { hashToken, randomToken } from '../../platform/auth/tokens'
import type { Config } from '../../platform/config'
import type { Database } from '../../platform/env'
import { loadVisitFor } from './visits'

type Person = Extract<Actor, { kind: 'person' }>

/** Makes a share link for a visit (organisers). The token is shown once; only its hash is kept. */
export async function createShareLink(
  db: Database,
  config: Config,
  actor: Person,
  visitId: string,
  label: string,
  now: Date,
) {
  const { visit } = await loadVisitFor(db, actor, visitId, 'organise')
  const token = randomToken()
  const id = crypto.randomUUID()
  await db.batch([
    db.insert(shareLinks).values({ id, visitId, tokenHash: await hashToken(token), label, createdAt: now }),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: actor.personId,
      action: 'share_link.created',
      entityType: 'visit',
      entityId: visitId,
      after: { label },
      at: now,
    }),
  ])
  const url = new URL(`/v/${visit.slug}`, config.publicUrl)
  url.searchParams.set('k', token)
  return { id, label, url: url.toString() }
}

/** The live share links of a visit (team members), without their tokens. */
export async function listShareLinks(db: Database, actor: Actor, visitId: string) {
  const { access } = await loadVisitFor(db, actor, visitId)
  if (access !== 'organise' && access !== 'read') throw new DomainError('forbidden')
  return db
    .select({ id: shareLinks.id, label: shareLinks.label, createdAt: shareLinks.createdAt })
    .from(shareLinks)
    .where(and(eq(shareLinks.visitId, visitId), isNull(shareLinks.revokedAt)))
    .orderBy(desc(shareLinks.createdAt))
}

/** Revokes a share link (organisers): from now on it opens nothing. */
export async function revokeShareLink(db: Database, actor: Person, linkId: string, now: Date) {
  const [link] = await db.select().from(shareLinks).where(eq(shareLinks.id, linkId)).limit(1)
  if (!link) throw new DomainError('not_found')
  const { visit } = await loadVisitFor(db, actor, link.visitId, 'organise')
  await db.batch([
    db.update(shareLinks).set({ revokedAt: now }).where(eq(shareLinks.id, linkId)),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: actor.personId,
      action: 'share_link.revoked',
      entityType: 'visit',
      entityId: link.visitId,
      before: { label: link.label },
      at: now,
    }),
  ])
}

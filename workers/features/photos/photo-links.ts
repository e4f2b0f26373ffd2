import { and, desc, eq, isNull } from 'drizzle-orm'
import { photoLinks, photoUploads } from '../../../shared/db/schema'
import type { Actor } from '../../../shared/domain/access'
import { DomainError } from '../../../shared/errors'
import { auditEntry } from '../../platform/audit'
import { hashToken, randomToken } from '../../platform/auth/tokens'
import type { Config } from '../../platform/config'
import type { Database } from '../../platform/env'
import { photoVisitFor } from './photo-context'
import { abortUploads } from './uploads'

type Person = Extract<Actor, { kind: 'person' }>

/** The address of a photo link's page: where its holder uploads. */
export const linkUrl = (config: Config, token: string) => new URL(`/p/${token}`, config.publicUrl).toString()

/** Makes a photo link (organisers). Its token is shown once; only its hash is kept. */
export async function createPhotoLink(
  db: Database,
  config: Config,
  actor: Person,
  visitId: string,
  input: { label: string; credit: string; source: string },
  now: Date,
) {
  const { visit } = await photoVisitFor(db, actor, visitId, 'curate')
  const token = randomToken()
  const id = crypto.randomUUID()
  await db.batch([
    db.insert(photoLinks).values({
      id,
      visitId,
      tokenHash: await hashToken(token),
      label: input.label,
      credit: input.credit,
      source: input.source,
      personId: actor.personId,
      createdAt: now,
    }),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: actor.personId,
      action: 'photo_link.created',
      entityType: 'visit',
      entityId: visitId,
      after: { label: input.label },
      at: now,
    }),
  ])
  return { id, label: input.label, credit: input.credit, source: input.source, url: linkUrl(config, token) }
}

/** The live photo links of a visit (team members), without their tokens. */
export async function listPhotoLinks(db: Database, actor: Actor, visitId: string) {
  const { access } = await photoVisitFor(db, actor, visitId)
  if (access === 'upload') throw new DomainError('forbidden')
  return db
    .select({
      id: photoLinks.id,
      label: photoLinks.label,
      credit: photoLinks.credit,
      source: photoLinks.source,
      createdAt: photoLinks.createdAt,
    })
    .from(photoLinks)
    .where(and(eq(photoLinks.visitId, visitId), isNull(photoLinks.revokedAt)))
    .orderBy(desc(photoLinks.createdAt))
}

/**
 * Revokes a photo link (organisers): from now on it opens nothing and uploads nothing, and what was still on
 * its way through it is aborted. Photos it already brought stay, waiting for the team as before.
 */
export async function revokePhotoLink(
  db: Database,
  bucket: R2Bucket,
  actor: Person,
  linkId: string,
  now: Date,
) {
  const [link] = await db.select().from(photoLinks).where(eq(photoLinks.id, linkId)).limit(1)
  if (!link) throw new DomainError('not_found')
  const { visit } = await photoVisitFor(db, actor, link.visitId, 'curate')
  if (link.revokedAt) return
  await db.batch([
    db.update(photoLinks).set({ revokedAt: now }).where(eq(photoLinks.id, linkId)),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: actor.personId,
      action: 'photo_link.revoked',
      entityType: 'visit',
      entityId: link.visitId,
      before: { label: link.label },
      at: now,
    }),
  ])
  const underway = await db.select().from(photoUploads).where(eq(photoUploads.linkId, linkId))
  await abortUploads(db, bucket, underway)
}

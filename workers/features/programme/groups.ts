import { and, eq, sql } from 'drizzle-orm'
import type { InferOutput } from 'valibot'
import { groups, participants, programmeItemGroups } from '../../../shared/db/schema'
import type { Actor } from '../../../shared/domain/access'
import { DomainError } from '../../../shared/errors'
import { auditEntry } from '../../platform/audit'
import type { Database } from '../../platform/env'
import { loadVisitFor } from '../visits/visits'
import type { groupSchema } from './schemas'

type Person = Extract<Actor, { kind: 'person' }>

/** Adds a group to a visit's company. */
export async function createGroup(
  db: Database,
  actor: Person,
  visitId: string,
  input: InferOutput<typeof groupSchema>,
  now: Date,
) {
  const { visit } = await loadVisitFor(db, actor, visitId, 'organise')
  const id = crypto.randomUUID()
  await db.batch([
    db.insert(groups).values({ id, visitId, ...input }),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: actor.personId,
      action: 'group.created',
      entityType: 'group',
      entityId: id,
      after: input,
      at: now,
    }),
  ])
  return { id, visitId, ...input }
}

async function groupForOrganiser(db: Database, actor: Person, groupId: string) {
  const [group] = await db.select().from(groups).where(eq(groups.id, groupId)).limit(1)
  if (!group) throw new DomainError('not_found')
  const { visit } = await loadVisitFor(db, actor, group.visitId, 'organise')
  return { group, visit }
}

/** One group for its visit's team: the group, its visit, and how many items and people it has. */
export async function getGroup(db: Database, actor: Actor, groupId: string) {
  const [group] = await db.select().from(groups).where(eq(groups.id, groupId)).limit(1)
  if (!group) throw new DomainError('not_found')
  const { visit, access } = await loadVisitFor(db, actor, group.visitId)
  if (access !== 'organise' && access !== 'read') throw new DomainError('forbidden')
  const [[items], [people]] = await db.batch([
    db
      .select({ n: sql<number>`count(*)` })
      .from(programmeItemGroups)
      .where(eq(programmeItemGroups.groupId, groupId)),
    db
      .select({ n: sql<number>`count(*)` })
      .from(participants)
      // By visit first: participants are indexed by visit, not by group.
      .where(and(eq(participants.visitId, group.visitId), eq(participants.groupId, groupId))),
  ])
  return { access, visit, group, items: items?.n ?? 0, people: people?.n ?? 0 }
}

/** Renames or reorders a group. */
export async function updateGroup(
  db: Database,
  actor: Person,
  groupId: string,
  input: InferOutput<typeof groupSchema>,
  now: Date,
) {
  const { group, visit } = await groupForOrganiser(db, actor, groupId)
  await db.batch([
    db.update(groups).set(input).where(eq(groups.id, groupId)),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: actor.personId,
      action: 'group.updated',
      entityType: 'group',
      entityId: groupId,
      before: { name: group.name, position: group.position },
      after: input,
      at: now,
    }),
  ])
  return { ...group, ...input }
}

/** Removes a group; its items become items for everyone else who had them (the group rows go). Gives its visit. */
export async function deleteGroup(
  db: Database,
  actor: Person,
  groupId: string,
  now: Date,
): Promise<{ visitId: string }> {
  const { group, visit } = await groupForOrganiser(db, actor, groupId)
  await db.batch([
    db.delete(groups).where(eq(groups.id, groupId)),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: actor.personId,
      action: 'group.deleted',
      entityType: 'group',
      entityId: groupId,
      before: { name: group.name },
      at: now,
    }),
  ])
  return { visitId: group.visitId }
}

import { and, asc, eq } from 'drizzle-orm'
import type { InferOutput } from 'valibot'
import { groups, participants } from '../../../shared/db/schema'
import type { Actor } from '../../../shared/domain/access'
import { DomainError } from '../../../shared/errors'
import { auditEntry, auditWhen, rowAtVersion } from '../../platform/audit'
import type { Config } from '../../platform/config'
import type { Database } from '../../platform/env'
import { guestRoomChanged } from '../visits/guest-room'
import { fieldError, loadVisitFor, type VisitAccess } from '../visits/visits'
import type { participantCreateSchema, participantUpdateSchema } from './schemas'

type Person = Extract<Actor, { kind: 'person' }>

type ParticipantRow = typeof participants.$inferSelect

/** Contact and dietary needs are for the organisers only. */
export function projectParticipant(p: ParticipantRow, access: VisitAccess) {
  const { contact, dietaryNeeds, ...open } = p
  return access === 'organise' ? { ...open, contact, dietaryNeeds } : open
}

/** The visiting company (team members; viewers without private fields). */
export async function listParticipants(db: Database, actor: Actor, visitId: string) {
  const { access } = await loadVisitFor(db, actor, visitId)
  if (access !== 'organise' && access !== 'read') throw new DomainError('forbidden')
  const rows = await db.select().from(participants).where(eq(participants.visitId, visitId))
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'nl')).map((r) => projectParticipant(r, access))
}

async function checkGroupOfVisit(db: Database, visitId: string, groupId: string | null | undefined) {
  if (!groupId) return
  const [g] = await db
    .select({ id: groups.id })
    .from(groups)
    .where(and(eq(groups.id, groupId), eq(groups.visitId, visitId)))
  if (!g) throw fieldError('groupId', 'unknownGroup')
}

/** Adds someone to the company. */
export async function createParticipant(
  db: Database,
  actor: Person,
  visitId: string,
  input: InferOutput<typeof participantCreateSchema>,
  now: Date,
) {
  const { visit } = await loadVisitFor(db, actor, visitId, 'organise')
  await checkGroupOfVisit(db, visitId, input.groupId)
  const id = crypto.randomUUID()
  const [rows] = await db.batch([
    db
      .insert(participants)
      .values({ id, visitId, ...input, createdAt: now })
      .returning(),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: actor.personId,
      action: 'participant.created',
      entityType: 'participant',
      entityId: id,
      after: input,
      at: now,
    }),
  ])
  return projectParticipant(rows[0]!, 'organise')
}

async function participantForOrganiser(db: Database, actor: Person, id: string) {
  const [row] = await db.select().from(participants).where(eq(participants.id, id)).limit(1)
  if (!row) throw new DomainError('not_found')
  const { visit } = await loadVisitFor(db, actor, row.visitId, 'organise')
  return { row, visit }
}

/**
 * Changes someone in the company, based on the version seen. The company counts where guests are counted: a
 * member moved to another group may make room in the first, so the waitlist is looked at again.
 */
export async function updateParticipant(
  db: Database,
  config: Config,
  actor: Person,
  id: string,
  input: InferOutput<typeof participantUpdateSchema>,
  now: Date,
) {
  const { row, visit } = await participantForOrganiser(db, actor, id)
  const { version, ...patch } = input
  await checkGroupOfVisit(db, row.visitId, patch.groupId)
  const [, updated] = await db.batch([
    // Before the update, while the version still tells whether this change is the one that applies.
    auditWhen(
      db,
      {
        teamId: visit.teamId,
        actorId: actor.personId,
        action: 'participant.updated',
        entityType: 'participant',
        entityId: id,
        before: Object.fromEntries(Object.keys(patch).map((k) => [k, row[k as keyof ParticipantRow]])),
        after: patch,
        at: now,
      },
      rowAtVersion(participants, id, version),
    ),
    db
      .update(participants)
      .set({ ...patch, version: version + 1 })
      .where(and(eq(participants.id, id), eq(participants.version, version)))
      .returning(),
  ])
  if (!updated[0])
    throw new DomainError('conflict', 'Changed by someone else; look at the newest version.', {
      reason: 'stale',
    })
  if (patch.groupId !== undefined && patch.groupId !== row.groupId)
    await guestRoomChanged(db, config, row.visitId, now)
  return projectParticipant(updated[0], 'organise')
}

/** One person of the company for the team (viewers without contact and dietary needs), with the visit's groups. */
export async function getParticipant(db: Database, actor: Actor, id: string) {
  const [row] = await db.select().from(participants).where(eq(participants.id, id)).limit(1)
  if (!row) throw new DomainError('not_found')
  const { visit, access } = await loadVisitFor(db, actor, row.visitId)
  if (access !== 'organise' && access !== 'read') throw new DomainError('forbidden')
  const groupRows = await db
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .where(eq(groups.visitId, row.visitId))
    .orderBy(asc(groups.position), asc(groups.name))
  return { access, visit, participant: projectParticipant(row, access), groups: groupRows }
}

/** Removes someone from the company: their place may go to the first guest on the waitlist. */
export async function deleteParticipant(db: Database, config: Config, actor: Person, id: string, now: Date) {
  const { row, visit } = await participantForOrganiser(db, actor, id)
  await db.batch([
    db.delete(participants).where(eq(participants.id, id)),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: actor.personId,
      action: 'participant.deleted',
      entityType: 'participant',
      entityId: id,
      before: { name: row.name },
      at: now,
    }),
  ])
  await guestRoomChanged(db, config, row.visitId, now)
}

import { eq, sql } from 'drizzle-orm'
import type { InferOutput } from 'valibot'
import { programmeItems } from '../../../shared/db/schema'
import type { Actor } from '../../../shared/domain/access'
import { shiftLater } from '../../../shared/domain/programme'
import { zonedToUtc } from '../../../shared/domain/time'
import { auditEntry } from '../../platform/audit'
import type { Database } from '../../platform/env'
import { invalid, programmeForOrganiser } from './programme'
import type { runningLateSchema } from './schemas'

type Person = Extract<Actor, { kind: 'person' }>

/**
 * "Running late": every later item of a group (items for everyone included) moves by N minutes, in one
 * batch. From `from` (local) or, by default, now.
 */
export async function runLate(
  db: Database,
  actor: Person,
  visitId: string,
  input: InferOutput<typeof runningLateSchema>,
  now: Date,
) {
  const p = await programmeForOrganiser(db, actor, visitId)
  if (input.groupId && !p.groups.some((g) => g.id === input.groupId)) {
    invalid([{ field: 'groupId', message: 'unknownGroup' }])
  }
  const fromInstant = input.from
    ? zonedToUtc(input.from.date, input.from.time, p.visit.timeZone)
    : now.getTime()
  const shifted = shiftLater(
    p.items.map((i) => ({
      id: i.id,
      start: i.startsAt.getTime(),
      end: i.endsAt.getTime(),
      groupIds: i.groupIds,
      cancelled: i.cancelled,
    })),
    { groupId: input.groupId, fromInstant, minutes: input.minutes },
  )
  if (shifted.length === 0) return { moved: [] as string[] }
  const statements = [
    ...shifted.map((s) =>
      db
        .update(programmeItems)
        .set({
          startsAt: new Date(s.start),
          endsAt: new Date(s.end),
          version: sql`${programmeItems.version} + 1`,
        })
        .where(eq(programmeItems.id, s.id)),
    ),
    auditEntry(db, {
      teamId: p.visit.teamId,
      actorId: actor.personId,
      action: 'programme.running_late',
      entityType: 'visit',
      entityId: visitId,
      after: { groupId: input.groupId, minutes: input.minutes, items: shifted.length },
      at: now,
    }),
  ]
  await db.batch(statements as [(typeof statements)[number], ...(typeof statements)[number][]])
  return { moved: shifted.map((s) => s.id) }
}

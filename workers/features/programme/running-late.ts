import { eq, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { InferOutput } from 'valibot'
import { programmeItems } from '../../../shared/db/schema'
import type { Actor } from '../../../shared/domain/access'
import { shiftLater } from '../../../shared/domain/programme'
import { zonedToUtc } from '../../../shared/domain/time'
import type { Lang } from '../../../shared/i18n'
import { auditEntry } from '../../platform/audit'
import type { Config } from '../../platform/config'
import type { Database } from '../../platform/env'
import { invalid, programmeForOrganiser } from './programme'
import type { VisitRow } from './queries'
import type { runningLateSchema } from './schemas'

type Person = Extract<Actor, { kind: 'person' }>

/** One running-late shift, as the features on top of the programme see it. */
export type RunningLateShift = {
  visit: VisitRow
  actor: Person
  /** The items that moved, with their new times and by how much (the same for all). */
  moved: { id: string; start: number; end: number }[]
  offsetMs: number
  /** The organiser asked to publish the shifted programme at once. */
  publish: boolean
  config: Config
  lang: Lang
  now: Date
}

/** What a feature does when items run late: writes in the same batch as the shift, then work after it. */
export type RunningLateFollow = {
  statements: BatchItem<'sqlite'>[]
  /** After the batch (a publish, which reads the shifted programme); its answer is merged into the result. */
  after?: () => Promise<Record<string, unknown>>
  /** What to add to the answer right away (counts of what moved along). */
  answer?: Record<string, unknown>
}
export type RunningLateFollower = (db: Database, shift: RunningLateShift) => Promise<RunningLateFollow>

/**
 * The features on top of the programme (talks: their slots and speakers; publishing) that follow a shift.
 * Registered once by the app; the programme cannot import them (they depend on it), so they sign up here.
 */
const followers = new Set<RunningLateFollower>()

/** Signs a feature up to follow running-late shifts (registering one twice keeps one). */
export function followRunningLate(...follow: RunningLateFollower[]): void {
  for (const f of follow) followers.add(f)
}

/**
 * "Running late": every later item of a group (items for everyone included) moves by N minutes, in one
 * batch with what follows from it (talk slots and the mails to their speakers). From `from` (local) or, by
 * default, now. Guests see the shift after the next publish, or at once when `publish` is asked.
 */
export async function runLate(
  db: Database,
  actor: Person,
  visitId: string,
  input: InferOutput<typeof runningLateSchema>,
  now: Date,
  context: { config: Config; lang: Lang },
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
  if (shifted.length === 0) return { moved: [] as string[], published: null, guestsSeeShift: 'unchanged' }
  const shift: RunningLateShift = {
    visit: p.visit,
    actor,
    moved: shifted,
    offsetMs: input.minutes * 60_000,
    publish: input.publish,
    now,
    ...context,
  }
  const follows = await Promise.all([...followers].map((follow) => follow(db, shift)))
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
    ...follows.flatMap((f) => f.statements),
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
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
  let answer: Record<string, unknown> = {}
  for (const f of follows) answer = { ...answer, ...f.answer }
  for (const f of follows) if (f.after) answer = { ...answer, ...(await f.after()) }
  const published = (answer.published as { number: number } | undefined) ?? null
  return {
    ...answer,
    moved: shifted.map((s) => s.id),
    published,
    // Guests read the published release: the shift reaches them with the next publish.
    guestsSeeShift: published ? 'now' : 'after_next_publish',
  }
}

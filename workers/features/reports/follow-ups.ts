import { and, asc, desc, eq, inArray, isNotNull, lt, notExists, type SQL, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import {
  followUpEvents,
  followUpReminders,
  followUps,
  memberships,
  people,
  reports,
  visits,
} from '../../../shared/db/schema'
import type { Actor } from '../../../shared/domain/access'
import { utcToZoned } from '../../../shared/domain/time'
import { DomainError } from '../../../shared/errors'
import { loadMessages, toLang } from '../../../shared/i18n'
import { formatLocalDate } from '../../../shared/i18n/format'
import { renderMail } from '../../../shared/mail/templates'
import { auditEntry } from '../../platform/audit'
import type { Config } from '../../platform/config'
import type { Database } from '../../platform/env'
import { queueMail } from '../../platform/mail/outbox'
import { reportVisitFor, teamAccessOr404 } from './report-context'
import { isOverdue, isoWeek, openFollowUpStatuses, overdueByOwner } from './rules'
import type { FollowUpCreate, FollowUpFilter, FollowUpUpdate } from './schemas'

const personIdOf = (actor: Actor) => (actor.kind === 'person' ? actor.personId : null)

/** Today's date where the team works: the zone of Rondgang's visits (Europe/Amsterdam unless a visit says otherwise). */
export const todayIn = (now: Date, timeZone = 'Europe/Amsterdam') => utcToZoned(now.getTime(), timeZone).date

/** The members of a team, for the owner of a follow-up. */
export async function teamMembers(db: Database, teamId: string) {
  return db
    .select({ id: people.id, name: people.name, email: people.email })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(eq(memberships.teamId, teamId))
    .orderBy(asc(people.name), asc(people.email))
}

/** An owner must be a member of the visit's team: anyone else is refused (422), nothing is saved. */
async function checkOwner(db: Database, teamId: string, ownerId: string | null | undefined) {
  if (!ownerId) return
  const [member] = await db
    .select({ id: memberships.personId })
    .from(memberships)
    .where(and(eq(memberships.teamId, teamId), eq(memberships.personId, ownerId)))
    .limit(1)
  if (!member) {
    throw new DomainError('validation_failed', undefined, {
      errors: [{ field: 'ownerId', message: 'reports.validation.ownerNotInTeam' }],
    })
  }
}

const listColumns = {
  id: followUps.id,
  visitId: followUps.visitId,
  visitTitle: visits.title,
  title: followUps.title,
  description: followUps.description,
  raisedBy: followUps.raisedBy,
  ownerId: followUps.ownerId,
  ownerName: people.name,
  ownerEmail: people.email,
  dueDate: followUps.dueDate,
  status: followUps.status,
  showOnReport: followUps.showOnReport,
  doneAt: followUps.doneAt,
  version: followUps.version,
  updatedAt: followUps.updatedAt,
}

/** The conditions of a list's filters (status, including "overdue", and owner). */
function filtered(where: SQL, filter: FollowUpFilter, today: string) {
  const parts: SQL[] = [where]
  if (filter.status === 'overdue') {
    parts.push(
      inArray(followUps.status, [...openFollowUpStatuses]),
      isNotNull(followUps.dueDate),
      lt(followUps.dueDate, today),
    )
  } else if (filter.status !== 'all') {
    parts.push(eq(followUps.status, filter.status))
  }
  if (filter.ownerId) parts.push(eq(followUps.ownerId, filter.ownerId))
  if (filter.visitId) parts.push(eq(followUps.visitId, filter.visitId))
  return and(...parts) as SQL
}

async function listWhere(db: Database, where: SQL, filter: FollowUpFilter, today: string) {
  const rows = await db
    .select(listColumns)
    .from(followUps)
    .innerJoin(visits, eq(visits.id, followUps.visitId))
    .leftJoin(people, eq(people.id, followUps.ownerId))
    .where(filtered(where, filter, today))
    .orderBy(sql`${followUps.dueDate} IS NULL`, asc(followUps.dueDate), asc(followUps.createdAt))
  return rows.map((r) => ({ ...r, overdue: isOverdue(r, today) }))
}

/** A visit's follow-ups, filtered; team members only. */
export async function listVisitFollowUps(
  db: Database,
  actor: Actor,
  visitId: string,
  filter: FollowUpFilter,
  now: Date,
) {
  const { visit, access } = await reportVisitFor(db, actor, visitId, 'read')
  const today = todayIn(now, visit.timeZone)
  const list = await listWhere(db, eq(followUps.visitId, visitId), { ...filter, visitId: '' }, today)
  return { visit, access, followUps: list, members: await teamMembers(db, visit.teamId) }
}

/** A team's follow-ups over all its visits, filtered; team members only. */
export async function listTeamFollowUps(
  db: Database,
  actor: Actor,
  teamId: string,
  filter: FollowUpFilter,
  now: Date,
) {
  const access = teamAccessOr404(actor, teamId)
  const today = todayIn(now)
  const [list, members, teamVisits] = await Promise.all([
    listWhere(db, eq(followUps.teamId, teamId), filter, today),
    teamMembers(db, teamId),
    db
      .select({ id: visits.id, title: visits.title })
      .from(visits)
      .where(eq(visits.teamId, teamId))
      .orderBy(desc(visits.startDate)),
  ])
  return { access, followUps: list, members, visits: teamVisits }
}

export type FollowUpRow = Awaited<ReturnType<typeof listWhere>>[number]

/** One follow-up with its history, for the team; 404 for anyone outside it. */
export async function followUpFor(db: Database, actor: Actor, followUpId: string) {
  const [row] = await db.select().from(followUps).where(eq(followUps.id, followUpId)).limit(1)
  if (!row) throw new DomainError('not_found')
  const { visit, access } = await reportVisitFor(db, actor, row.visitId, 'read')
  const [history, members] = await Promise.all([
    db
      .select({
        id: followUpEvents.id,
        changes: followUpEvents.changes,
        comment: followUpEvents.comment,
        createdAt: followUpEvents.createdAt,
        actorName: people.name,
        actorEmail: people.email,
      })
      .from(followUpEvents)
      .leftJoin(people, eq(people.id, followUpEvents.actorId))
      .where(eq(followUpEvents.followUpId, followUpId))
      .orderBy(desc(followUpEvents.createdAt)),
    teamMembers(db, visit.teamId),
  ])
  return {
    followUp: row,
    visit,
    access,
    members,
    history: history.map((h) => ({
      ...h,
      changes: JSON.parse(h.changes) as Record<string, [unknown, unknown]>,
    })),
  }
}

/** A follow-up as the API shows it. */
export const projectFollowUp = (f: typeof followUps.$inferSelect) => ({
  id: f.id,
  visitId: f.visitId,
  title: f.title,
  description: f.description,
  raisedBy: f.raisedBy,
  ownerId: f.ownerId,
  dueDate: f.dueDate,
  status: f.status,
  showOnReport: f.showOnReport,
  doneAt: f.doneAt,
  version: f.version,
})

/** The report's page shows follow-ups: when one it shows changes, its version (and cache key) moves on. */
const bumpReport = (db: Database, visitId: string) =>
  db
    .update(reports)
    .set({ publicVersion: sql`${reports.publicVersion} + 1` })
    .where(eq(reports.visitId, visitId))

/** A new follow-up of a visit, with its first history entry and the audit entry, in one batch. */
export async function createFollowUp(
  db: Database,
  actor: Actor,
  visitId: string,
  input: FollowUpCreate,
  now: Date,
) {
  const { visit } = await reportVisitFor(db, actor, visitId, 'write')
  await checkOwner(db, visit.teamId, input.ownerId)
  const id = crypto.randomUUID()
  const values = {
    id,
    visitId,
    teamId: visit.teamId,
    title: input.title,
    description: input.description,
    raisedBy: input.raisedBy,
    ownerId: input.ownerId,
    dueDate: input.dueDate,
    status: input.status,
    showOnReport: input.showOnReport,
    doneAt: input.status === 'done' ? now : null,
    createdAt: now,
    updatedAt: now,
  }
  const statements: BatchItem<'sqlite'>[] = [
    db.insert(followUps).values(values),
    db.insert(followUpEvents).values({
      followUpId: id,
      actorId: personIdOf(actor),
      changes: JSON.stringify({ status: [null, input.status] }),
      createdAt: now,
    }),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: personIdOf(actor),
      action: 'follow_up.create',
      entityType: 'follow_up',
      entityId: id,
      after: { title: input.title, status: input.status, ownerId: input.ownerId, dueDate: input.dueDate },
      at: now,
    }),
  ]
  if (input.showOnReport) statements.push(bumpReport(db, visitId))
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
  return (await followUpFor(db, actor, id)).followUp
}

const tracked = ['title', 'description', 'raisedBy', 'ownerId', 'dueDate', 'status', 'showOnReport'] as const

/**
 * A change to a follow-up: what changed goes into its history with the comment, with the audit entry, in one
 * batch. A stale version is 409; an owner from outside the team 422; nothing is saved then.
 */
export async function updateFollowUp(
  db: Database,
  actor: Actor,
  followUpId: string,
  input: FollowUpUpdate,
  now: Date,
) {
  const [row] = await db.select().from(followUps).where(eq(followUps.id, followUpId)).limit(1)
  if (!row) throw new DomainError('not_found')
  const { visit } = await reportVisitFor(db, actor, row.visitId, 'write')
  if (row.version !== input.version)
    throw new DomainError('conflict', 'The follow-up was changed meanwhile.', { reason: 'stale' })
  if (input.ownerId !== undefined) await checkOwner(db, visit.teamId, input.ownerId)
  const changes: Record<string, [unknown, unknown]> = {}
  const set: Partial<typeof followUps.$inferInsert> = {}
  for (const key of tracked) {
    const next = input[key]
    if (next === undefined || next === row[key]) continue
    changes[key] = [row[key], next]
    ;(set as Record<string, unknown>)[key] = next
  }
  const comment = input.comment ?? ''
  if (Object.keys(changes).length === 0 && comment === '') return row
  if (changes.status) set.doneAt = set.status === 'done' ? now : null
  const statements: BatchItem<'sqlite'>[] = [
    db
      .update(followUps)
      .set({ ...set, version: sql`${followUps.version} + 1`, updatedAt: now })
      .where(and(eq(followUps.id, followUpId), eq(followUps.version, input.version))),
    db.insert(followUpEvents).values({
      followUpId,
      actorId: personIdOf(actor),
      changes: JSON.stringify(changes),
      comment,
      createdAt: now,
    }),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: personIdOf(actor),
      action: 'follow_up.update',
      entityType: 'follow_up',
      entityId: followUpId,
      before: Object.fromEntries(Object.entries(changes).map(([k, [b]]) => [k, b])),
      after: Object.fromEntries(Object.entries(changes).map(([k, [, a]]) => [k, a])),
      at: now,
    }),
  ]
  if (row.showOnReport || set.showOnReport) statements.push(bumpReport(db, row.visitId))
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
  return (await followUpFor(db, actor, followUpId)).followUp
}

/**
 * The weekly reminder (the scheduled handler calls it with its clock): each owner of overdue follow-ups gets
 * one mail with their points only, at most once per ISO week (a row per owner and week, written in the same
 * batch as the mail). Returns how many owners were mailed.
 */
export async function remindOverdueFollowUps(db: Database, config: Config, now: Date) {
  const week = isoWeek(todayIn(now))
  // Open points due before tomorrow anywhere on earth; each is then checked against its own visit's zone.
  const horizon = utcToZoned(now.getTime() + 14 * 3600_000, 'UTC').date
  const rows = await db
    .select({
      id: followUps.id,
      title: followUps.title,
      dueDate: followUps.dueDate,
      status: followUps.status,
      ownerId: followUps.ownerId,
      teamId: followUps.teamId,
      visitTitle: visits.title,
      timeZone: visits.timeZone,
      email: people.email,
      name: people.name,
      locale: people.locale,
    })
    .from(followUps)
    .innerJoin(visits, eq(visits.id, followUps.visitId))
    .innerJoin(people, eq(people.id, followUps.ownerId))
    .where(
      and(
        inArray(followUps.status, [...openFollowUpStatuses]),
        isNotNull(followUps.dueDate),
        lt(followUps.dueDate, horizon),
        notExists(
          db
            .select({ one: sql`1` })
            .from(followUpReminders)
            .where(and(eq(followUpReminders.personId, followUps.ownerId), eq(followUpReminders.week, week))),
        ),
      ),
    )
  const due = rows.filter((r) => isOverdue(r, todayIn(now, r.timeZone)))
  const byOwner = overdueByOwner(due, '9999-12-31')
  let mailed = 0
  for (const [ownerId, points] of byOwner) {
    const first = points[0] as (typeof points)[number]
    const lang = toLang(first.locale)
    const t = await loadMessages(lang)
    const lines = points.map(
      (p) =>
        `• ${p.title} (${p.visitTitle}) — ${t.reports.followUps.dueOn(formatLocalDate(p.dueDate ?? '', t.locale))}`,
    )
    const teams = [...new Set(points.map((p) => p.teamId))]
    const link =
      teams.length === 1
        ? `${config.publicUrl}/teams/${teams[0]}/follow-ups?status=overdue&ownerId=${ownerId}`
        : `${config.publicUrl}/teams`
    await db.batch([
      db.insert(followUpReminders).values({ personId: ownerId, week, sentAt: now }).onConflictDoNothing(),
      queueMail(
        db,
        config,
        {
          to: first.email,
          kind: 'follow_up_reminder',
          ...renderMail('follow_up_reminder', lang, { link, name: first.name, lines }),
        },
        now,
      ),
    ])
    mailed++
  }
  return { mailed, week }
}

import { desc, eq, type SQL, sql } from 'drizzle-orm'
import type { AnySQLiteColumn, AnySQLiteTable } from 'drizzle-orm/sqlite-core'
import { auditLog, people } from '../../shared/db/schema'
import { changeSummary } from '../../shared/domain/audit'
import type { Database } from './env'

export type AuditInput = {
  teamId: string | null
  actorId: string | null
  action: string
  entityType: string
  entityId: string
  before?: Record<string, unknown> | null
  after?: Record<string, unknown> | null
  at: Date
}

/** An audit row as a statement, to go in the same batch as the change it records (both or neither). */
export function auditEntry(db: Database, input: AuditInput) {
  return db.insert(auditLog).values({
    teamId: input.teamId,
    actorId: input.actorId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    summary: JSON.stringify(changeSummary(input.before ?? null, input.after ?? null)),
    createdAt: input.at,
  })
}

/**
 * An audit row (as auditEntry) written only while `when` holds at its place in the batch: beside a write
 * guarded by a version, the log records the change exactly when it was made. The SELECT lists every column
 * of audit_log in table order.
 */
export function auditWhen(db: Database, input: AuditInput, when: SQL) {
  const summary = JSON.stringify(changeSummary(input.before ?? null, input.after ?? null))
  return db.insert(auditLog).select(
    sql`SELECT ${crypto.randomUUID()}, ${input.teamId}, ${input.actorId}, ${input.action}, ${input.entityType},
      ${input.entityId}, ${summary}, ${input.at.getTime()} WHERE ${when}`,
  )
}

/** True in SQL while row `id` of `table` is at `version`: what a write based on that version is guarded by. */
export function rowAtVersion(
  table: AnySQLiteTable & { id: AnySQLiteColumn; version: AnySQLiteColumn },
  id: string,
  version: number,
) {
  return sql`exists (select 1 from ${table} where ${table.id} = ${id} and ${table.version} = ${version})`
}

/** The newest entries of a team's log, with who did it. */
export async function listAudit(db: Database, teamId: string, limit = 200) {
  const rows = await db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      summary: auditLog.summary,
      createdAt: auditLog.createdAt,
      actorName: people.name,
      actorEmail: people.email,
    })
    .from(auditLog)
    .leftJoin(people, eq(people.id, auditLog.actorId))
    .where(eq(auditLog.teamId, teamId))
    .orderBy(desc(auditLog.createdAt))
    .limit(limit)
  return rows.map((r) => ({ ...r, summary: JSON.parse(r.summary) as ReturnType<typeof changeSummary> }))
}

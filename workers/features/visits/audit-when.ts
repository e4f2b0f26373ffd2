import { type SQL, sql } from 'drizzle-orm'
import type { AnySQLiteColumn, AnySQLiteTable } from 'drizzle-orm/sqlite-core'
import { auditLog } from '../../../shared/db/schema'
import { changeSummary } from '../../../shared/domain/audit'
import type { AuditInput } from '../../platform/audit'
import type { Database } from '../../platform/env'

/**
 * An audit row (as platform/audit.ts's auditEntry) written only while `when` holds at its place in the batch:
 * beside a write guarded by a version, the log records the change exactly when it was made. The SELECT lists
 * every column of audit_log in table order. Here, in the lowest feature that needs it, until platform has it.
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

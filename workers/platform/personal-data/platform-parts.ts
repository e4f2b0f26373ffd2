import { eq, inArray, or, type SQL, sql } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { auditLog, mailOutbox, people } from '../../../shared/db/schema'
import type { PersonalDataPart } from './contract'

/** Mails to the address: queued, sent or failed. Erased whole (body, links and all). */
export const mailPersonalData: PersonalDataPart = {
  owner: 'mail',
  tables: ['mail_outbox'],
  async exportFor({ db, email }) {
    const mails = await db
      .select({
        kind: mailOutbox.kind,
        subject: mailOutbox.subject,
        status: mailOutbox.status,
        createdAt: mailOutbox.createdAt,
        sentAt: mailOutbox.sentAt,
      })
      .from(mailOutbox)
      .where(eq(sql`lower(${mailOutbox.to})`, email))
    return { mails }
  },
  async planErasure({ db, email }) {
    return { statements: [db.delete(mailOutbox).where(eq(sql`lower(${mailOutbox.to})`, email))], objects: [] }
  },
}

/** True when a free-text column mentions the address (instr, not LIKE: `_` and `%` are ordinary here). */
export const mentions = (column: SQLiteColumn, email: string): SQL =>
  sql`instr(lower(${column}), ${email}) > 0`

const personIds = (db: Parameters<PersonalDataPart['exportFor']>[0]['db'], email: string) =>
  db.select({ id: people.id }).from(people).where(eq(people.email, email))

/**
 * The audit log: what the person did in a team. Erasure keeps the entry (that a change happened stays true)
 * but forgets who did it, and blanks a summary that mentions the address.
 */
export const auditPersonalData: PersonalDataPart = {
  owner: 'audit',
  tables: ['audit_log'],
  async exportFor({ db, email }) {
    const entries = await db
      .select({
        action: auditLog.action,
        entityType: auditLog.entityType,
        createdAt: auditLog.createdAt,
      })
      .from(auditLog)
      .where(or(inArray(auditLog.actorId, personIds(db, email)), mentions(auditLog.summary, email)))
    return { entries }
  },
  async planErasure({ db, email }) {
    return {
      statements: [
        db.update(auditLog).set({ summary: '{}' }).where(mentions(auditLog.summary, email)),
        db
          .update(auditLog)
          .set({ actorId: null })
          .where(inArray(auditLog.actorId, personIds(db, email))),
      ],
      objects: [],
    }
  },
}

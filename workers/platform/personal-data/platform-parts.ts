import { and, eq, gt, inArray, isNotNull, or, type SQL, sql } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { auditLog, idempotencyKeys, mailOutbox, people } from '../../../shared/db/schema'
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

/** The stored answer's text (base64 of the bytes the route sent); an answer that is not UTF-8 text reads as ''. */
function answerText(body: string) {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(body), (c) => c.charCodeAt(0)))
  } catch {
    return ''
  }
}

/**
 * Answers kept for a few minutes to replay a submission sent twice (idempotency_keys): a page or JSON answer
 * may show the person's address or name. The scope is a hash, so the answers are found by their text; the
 * table holds minutes' worth of rows (expired ones are cleaned up), so reading them all is cheap.
 */
export const replayPersonalData: PersonalDataPart = {
  owner: 'replays',
  tables: ['idempotency_keys'],
  async exportFor({ db, email, now }) {
    const rows = await matchingAnswers(db, email, now)
    return {
      answers: rows.map((r) => ({ status: r.status, createdAt: r.createdAt, expiresAt: r.expiresAt })),
    }
  },
  async planErasure({ db, email, now }) {
    const rows = await matchingAnswers(db, email, now)
    if (rows.length === 0) return { statements: [], objects: [] }
    const scopes = rows.map((r) => r.scope)
    return {
      statements: [db.delete(idempotencyKeys).where(inArray(idempotencyKeys.scope, scopes))],
      objects: [],
    }
  },
}

async function matchingAnswers(
  db: Parameters<PersonalDataPart['exportFor']>[0]['db'],
  email: string,
  now: Date,
) {
  const rows = await db
    .select({
      scope: idempotencyKeys.scope,
      status: idempotencyKeys.status,
      body: idempotencyKeys.body,
      createdAt: idempotencyKeys.createdAt,
      expiresAt: idempotencyKeys.expiresAt,
    })
    .from(idempotencyKeys)
    .where(and(isNotNull(idempotencyKeys.body), gt(idempotencyKeys.expiresAt, now)))
  return rows.filter((r) => r.body !== null && answerText(r.body).toLowerCase().includes(email))
}

import { and, asc, eq, inArray, lt, lte, ne, or, type SQL, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import { mailOutbox } from '../../../shared/db/schema'
import type { Config } from '../config'
import type { Database } from '../env'

/** A mail to send: who to, what kind (the template name, for the outbox page and logs), and its bodies. */
export type OutgoingMail = { to: string; kind: string; subject: string; text: string; html: string }

/** What one delivery run did: delivered, given up for good, or left pending for a later try. */
export type DeliveryResult = { sent: number; failed: number; retried: number }

/** After this many failed tries a mail is marked `failed`; it stays in the outbox to be looked at. */
export const MAX_ATTEMPTS = 10

const MINUTE = 60_000
const MAX_BACKOFF_MS = 6 * 60 * MINUTE
/** A run claims its rows for this long, so an overlapping run skips them and a crashed run's rows come back. */
const CLAIM_MS = 10 * MINUTE
/** A hanging mail API must not hold the scheduled handler until the platform kills it. */
const REQUEST_TIMEOUT_MS = 15_000

/** Wait before the next try after `attempts` failures: 1, 2, 4, … minutes, at most 6 hours. */
export function backoffMs(attempts: number): number {
  return Math.min(MINUTE * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS)
}

/**
 * The one way to send mail. Returns the insert unawaited, so callers put it in the same `db.batch([...])` as the
 * writes it belongs to: the mail exists exactly when they do. With the local outbox the row is the delivery.
 */
export function queueMail(db: Database, config: Config, mail: OutgoingMail, now: Date): BatchItem<'sqlite'> {
  const delivery =
    config.mail.transport === 'http'
      ? { status: 'pending' as const, nextAttemptAt: now }
      : { status: 'sent' as const, sentAt: now }
  return db.insert(mailOutbox).values({
    to: mail.to,
    kind: mail.kind,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    createdAt: now,
    ...delivery,
  })
}

/**
 * Like queueMail, but the row is only written when `when` (an SQL condition) holds at that point of the batch:
 * a mail that depends on the outcome of an earlier statement in the same batch (a registration confirmed or
 * waitlisted by its insert) is written atomically with it, without another round trip.
 */
export function queueMailWhen(
  db: Database,
  config: Config,
  mail: OutgoingMail,
  now: Date,
  when: SQL,
): BatchItem<'sqlite'> {
  const at = now.getTime()
  const [status, sentAt, nextAttemptAt] =
    config.mail.transport === 'http' ? ['pending', null, at] : ['sent', at, null]
  // INSERT … SELECT through the query builder (raw statements with parameters do not batch in drizzle 0.45);
  // the SELECT lists every column of mail_outbox in table order.
  return db.insert(mailOutbox).select(
    sql`SELECT ${crypto.randomUUID()}, ${mail.to}, ${mail.subject}, ${mail.text}, ${mail.html}, ${mail.kind}, ${status},
      0, NULL, ${nextAttemptAt}, ${sentAt}, ${at} WHERE ${when}`,
  )
}

/** Longest JSON text of mails sent in one statement, in UTF-16 code units: well under D1's 2 MB a value. */
const MAILS_JSON_LENGTH = 400_000

/**
 * Many mails as few plain statements, for `batchSql` beside the writes they belong to: SQLite takes a JSON array
 * of mails apart with json_each, so a page of a hundred mails is one statement instead of a hundred (D1 counts
 * statements per invocation, 50 on the free plan) and the Worker builds no query per mail. `when` (SQL with `?`
 * placeholders, and their values) must hold at that point of the batch, or no row is written, as with
 * queueMailWhen. The rows are written in the order given.
 */
export function queueMailsSql(
  config: Config,
  mails: readonly OutgoingMail[],
  now: Date,
  when: readonly [sql: string, values: readonly unknown[]],
): [sql: string, values: unknown[]][] {
  const at = now.getTime()
  const [status, sentAt, nextAttemptAt] =
    config.mail.transport === 'http' ? ['pending', null, at] : ['sent', at, null]
  const field = (i: number) => `json_extract(value, '$[${i}]')`
  const text = `INSERT INTO mail_outbox (id, "to", subject, text, html, kind, status, attempts, next_attempt_at, sent_at, created_at)
    SELECT ${[0, 1, 2, 3, 4, 5].map(field).join(', ')}, ?, 0, ?, ?, ? FROM json_each(?) WHERE ${when[0]}`
  const statements: [string, unknown[]][] = []
  let open: string[] = []
  let length = 0
  const close = () => {
    if (open.length === 0) return
    statements.push([text, [status, nextAttemptAt, sentAt, at, `[${open.join(',')}]`, ...when[1]]])
    open = []
    length = 0
  }
  for (const mail of mails) {
    const json = JSON.stringify([crypto.randomUUID(), mail.to, mail.subject, mail.text, mail.html, mail.kind])
    if (length + json.length > MAILS_JSON_LENGTH) close()
    open.push(json)
    length += json.length + 1
  }
  close()
  return statements
}

/** The first 200 characters of what the API or runtime said, without the API key even if it is echoed back. */
function excerpt(detail: string, apiKey: string): string {
  // Redact before cutting, so no prefix of the key survives at the cut.
  return (apiKey ? detail.replaceAll(apiKey, '[key]') : detail).slice(0, 200)
}

/** One POST to the mail API; returns undefined on success, otherwise what went wrong (safe to store). */
async function send(
  fetcher: typeof fetch,
  mail: { apiUrl: string; apiKey: string; from: string },
  row: typeof mailOutbox.$inferSelect,
): Promise<string | undefined> {
  try {
    const res = await fetcher(mail.apiUrl, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${mail.apiKey}`,
        'content-type': 'application/json',
        // Providers that support it drop a repeat of the same row (a retry after a lost answer).
        'idempotency-key': row.id,
      },
      body: JSON.stringify({
        from: mail.from,
        to: row.to,
        subject: row.subject,
        text: row.text,
        html: row.html,
      }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    })
    if (res.ok) {
      // Discard the unread body so the connection is released.
      await res.body?.cancel()
      return undefined
    }
    const body = await res.text().catch(() => '')
    return `HTTP ${res.status}: ${excerpt(body, mail.apiKey)}`
  } catch (error) {
    return `Error: ${excerpt(error instanceof Error ? `${error.name}: ${error.message}` : String(error), mail.apiKey)}`
  }
}

/**
 * Sends pending mail whose time has come through the configured HTTP mail API. A failure never loses a mail:
 * it is tried again later (exponential backoff), and after MAX_ATTEMPTS it is kept with status `failed`.
 */
export async function deliverPending(
  db: Database,
  config: Config,
  now: Date,
  fetcher: typeof fetch = fetch,
  limit = 25,
): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, failed: 0, retried: 0 }
  const mail = config.mail
  if (mail.transport !== 'http') return result

  // Claim the due rows in one statement: a run that overlaps this one (or a retry of it) does not send them twice.
  const due = db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.nextAttemptAt, now)))
    .orderBy(asc(mailOutbox.nextAttemptAt))
    .limit(limit)
  const claimed = await db
    .update(mailOutbox)
    .set({ nextAttemptAt: new Date(now.getTime() + CLAIM_MS) })
    .where(and(eq(mailOutbox.status, 'pending'), inArray(mailOutbox.id, due)))
    .returning()

  for (const row of claimed) {
    const failure = await send(fetcher, mail, row)
    // Each outcome is written at once, so a run cut short keeps what it already did.
    if (failure === undefined) {
      // Delivered: the body (with any private link in it) is no longer needed, so it is not kept.
      await db
        .update(mailOutbox)
        .set({ status: 'sent', sentAt: now, nextAttemptAt: null, text: '', html: '' })
        .where(eq(mailOutbox.id, row.id))
      result.sent++
      continue
    }
    const attempts = row.attempts + 1
    const givingUp = attempts >= MAX_ATTEMPTS
    await db
      .update(mailOutbox)
      .set({
        attempts,
        lastError: failure,
        status: givingUp ? 'failed' : 'pending',
        nextAttemptAt: givingUp ? null : new Date(now.getTime() + backoffMs(attempts)),
      })
      .where(eq(mailOutbox.id, row.id))
    if (givingUp) {
      console.error(
        JSON.stringify({ level: 'error', event: 'mail_failed', id: row.id, kind: row.kind, attempts }),
      )
      result.failed++
    } else {
      result.retried++
    }
  }
  return result
}

/**
 * In production, sends what was just queued right after the response instead of waiting for the next cron
 * run; whatever fails stays in the outbox for the scheduled retry.
 */
export function deliverSoon(
  ctx: { waitUntil(p: Promise<unknown>): void },
  db: Database,
  config: Config,
): void {
  if (config.mail.transport !== 'http') return
  ctx.waitUntil(
    deliverPending(db, config, new Date()).catch((error) =>
      console.error(JSON.stringify({ level: 'error', job: 'deliverSoon', error: String(error) })),
    ),
  )
}

/** How long a mail that will not be sent again (sent, or failed for good) keeps its body. */
export const MAIL_BODY_DAYS = 30

/**
 * Retention: sent and failed mails older than MAIL_BODY_DAYS lose their body and links (a failed mail keeps
 * its body that long so an operator can set it back to pending). Mails still pending keep theirs. Returns how
 * many were emptied; run by the scheduled clean-up, safe to run again.
 */
export async function purgeMailBodies(db: Database, now: Date): Promise<number> {
  const before = new Date(now.getTime() - MAIL_BODY_DAYS * 24 * 3600 * 1000)
  const emptied = await db
    .update(mailOutbox)
    .set({ text: '', html: '' })
    .where(
      and(
        inArray(mailOutbox.status, ['sent', 'failed']),
        lt(mailOutbox.createdAt, before),
        or(ne(mailOutbox.text, ''), ne(mailOutbox.html, '')),
      ),
    )
    .returning({ id: mailOutbox.id })
  return emptied.length
}

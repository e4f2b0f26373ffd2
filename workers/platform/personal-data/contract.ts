import type { BatchItem } from 'drizzle-orm/batch'
import type { Database } from '../env'

/** Whose data: one e-mail address, as given (compared lower-cased everywhere). */
export type PersonalDataScope = {
  db: Database
  bucket: R2Bucket
  email: string
  now: Date
}

/** What one part erases: statements run in one batch with every other part's, then R2 objects deleted. */
export type ErasurePlan = {
  statements: BatchItem<'sqlite'>[]
  /** R2 keys to delete once the rows are gone (never before: no row may point at a missing object). */
  objects: string[]
}

/**
 * The personal-data contract: each feature (and the platform's mail and audit) exports and erases what it
 * holds about one e-mail address. The tables it lists are those it answers for; a test fails when a table
 * that holds a person (an address, a contact, a person id) is listed by no part.
 */
export type PersonalDataPart = {
  /** The feature or platform module that owns the tables, as a key of the export document. */
  owner: string
  tables: readonly string[]
  /** Everything held about the address as plain JSON: no token hashes, no internal storage keys. */
  exportFor(scope: PersonalDataScope): Promise<Record<string, unknown[]>>
  /** Rows deleted or made anonymous (so counts stay true), and R2 objects to delete. */
  planErasure(scope: PersonalDataScope): Promise<ErasurePlan>
}

/** The address as stored: every form lower-cases it, so one comparison form is enough. */
export const normalEmail = (email: string) => email.trim().toLowerCase()

/** One JSON document with everything held about the address, part by part. */
export async function exportPersonalData(parts: readonly PersonalDataPart[], scope: PersonalDataScope) {
  const email = normalEmail(scope.email)
  const entries = await Promise.all(
    parts.map(async (part) => [part.owner, await part.exportFor({ ...scope, email })] as const),
  )
  return {
    format: 'rondgang-personal-data',
    version: 1,
    email,
    exportedAt: scope.now.toISOString(),
    parts: Object.fromEntries(entries),
  }
}

/**
 * Erases everything held about the address: every part's statements in one D1 batch (all or nothing), then
 * the R2 objects. Parts are given top feature first, so rows are anonymised before the person they point at
 * goes. Returns how much was touched, never what.
 */
export async function erasePersonalData(parts: readonly PersonalDataPart[], scope: PersonalDataScope) {
  const email = normalEmail(scope.email)
  const plans = await Promise.all(parts.map((part) => part.planErasure({ ...scope, email })))
  const statements = plans.flatMap((p) => p.statements)
  const objects = plans.flatMap((p) => p.objects)
  if (statements.length > 0) {
    await scope.db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
  }
  if (objects.length > 0) await scope.bucket.delete(objects)
  return { statements: statements.length, objects: objects.length }
}

import { sql } from 'drizzle-orm'
import * as v from 'valibot'
import { type Actor, canOrganise, canReadTeam } from '../../../shared/domain/access'
import { DomainError } from '../../../shared/errors'
import { randomToken } from '../../platform/auth/tokens'
import type { Database } from '../../platform/env'

/**
 * A whole visit as one versioned JSON document: every row that belongs to it, table by table, as stored. Which
 * tables belong is read from the database itself, so a feature's new table comes along without a change here:
 * a table with a `visit_id` column, and then every table whose rows point (by a declared foreign key, or by a
 * column `<thing>_id` naming a table already taken) at rows already taken, until nothing new is found. The team's
 * venues that the visit uses come along too. What is the team's or the person's (accounts, sessions, the audit
 * log, mail) stays out, as does what only the privacy feature keeps.
 *
 * Extension point: a feature whose rows hang off the visit in another way names its table in LINKED below.
 */
export const FORMAT = 'rondgang.visit'
export const VERSION = 1

type Value = string | number | null
type Row = Record<string, Value>
export type VisitDocument = {
  format: typeof FORMAT
  version: typeof VERSION
  exportedAt: string
  visitId: string
  tables: Record<string, Row[]>
}

/**
 * Never part of a visit's document: the team's and people's own tables, what the platform keeps, and the
 * catering's stored answer (a cache its first reader makes again; the imported visit gets its own stamp).
 */
const OUTSIDE = new Set([
  'catering_answers',
  'teams',
  'people',
  'memberships',
  'invitations',
  'sessions',
  'sign_in_tokens',
  'audit_log',
  'mail_outbox',
  'd1_migrations',
  'erasure_requests',
  'privacy_requests',
])

/** Team-level tables a visit's rows point at that travel with it (the venues it uses). */
const REFERENCED = new Set(['venues'])

/** Tables linked to the visit in a way the columns do not show (none yet). */
const LINKED: Record<string, { column: string; table: string }[]> = {}

type Shape = {
  columns: Map<string, { notNull: boolean; pk: boolean }>
  refs: Map<string, string>
  /** Kept by triggers from other tables' rows (rsvp_totals): exported to be read, rebuilt on import. */
  derived: boolean
}

/** Tables, their columns, and which column points at which table (declared, or by its name). */
async function shapes(db: Database): Promise<Map<string, Shape>> {
  const [columns, keys, triggers] = await db.batch([
    db.all<{ tbl: string; col: string; nn: number; pk: number }>(
      sql`SELECT m.name AS tbl, p.name AS col, p."notnull" AS nn, p.pk AS pk
        FROM sqlite_master m, pragma_table_info(m.name) p
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_cf_%'`,
    ),
    db.all<{ tbl: string; col: string; ref: string }>(
      sql`SELECT m.name AS tbl, f."from" AS col, f."table" AS ref
        FROM sqlite_master m, pragma_foreign_key_list(m.name) f
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_cf_%'`,
    ),
    db.all<{ sql: string }>(sql`SELECT sql FROM sqlite_master WHERE type = 'trigger'`),
  ])
  const written = new Set(
    triggers.flatMap((t) => [...t.sql.matchAll(/(?:INTO|UPDATE)\s+[`"]?([a-z_0-9]+)/gi)].map((m) => m[1]!)),
  )
  const out = new Map<string, Shape>()
  for (const c of columns) {
    if (OUTSIDE.has(c.tbl)) continue
    const shape = out.get(c.tbl) ?? { columns: new Map(), refs: new Map(), derived: written.has(c.tbl) }
    shape.columns.set(c.col, { notNull: c.nn === 1, pk: c.pk > 0 })
    out.set(c.tbl, shape)
  }
  const names = [...out.keys()]
  for (const [tbl, shape] of out) {
    for (const col of shape.columns.keys()) {
      const declared = keys.find((k) => k.tbl === tbl && k.col === col)?.ref
      // `item_id` → programme_items, `order_id` → catering_orders: the one table named for the thing.
      const stem = col.endsWith('_id') ? col.slice(0, -3) : undefined
      const named = stem ? names.filter((n) => n === `${stem}s` || n.endsWith(`_${stem}s`)) : []
      const ref = declared ?? (named.length === 1 ? named[0] : undefined)
      if (ref && ref !== tbl) shape.refs.set(col, ref)
    }
    for (const link of LINKED[tbl] ?? []) shape.refs.set(link.column, link.table)
  }
  return out
}

const idsOf = (rows: Row[]) => rows.map((r) => r.id).filter((id): id is string => typeof id === 'string')

/** Reads every row of a visit, table by table (rows in the order they were written). */
export async function exportVisit(db: Database, actor: Actor, visitId: string, now: Date) {
  const [visit] = await db.all<{ id: string; team_id: string }>(
    sql`SELECT id, team_id FROM visits WHERE id = ${visitId}`,
  )
  // Outside the team the visit does not exist; inside it only organisers take all of it.
  if (!visit || !canReadTeam(actor, visit.team_id)) throw new DomainError('not_found')
  if (!canOrganise(actor, visit.team_id)) throw new DomainError('forbidden')
  const tables = await shapes(db)
  const taken = new Map<string, Row[]>([
    ['visits', await db.all<Row>(sql`SELECT * FROM visits WHERE id = ${visitId}`)],
  ])
  // Rounds: what points at what is already taken, until a round finds nothing new.
  for (let round = 0; round < 6; round++) {
    let grew = false
    for (const [tbl, shape] of tables) {
      if (taken.has(tbl) || REFERENCED.has(tbl)) continue
      const conditions = [...shape.refs]
        .filter(([, ref]) => taken.has(ref) && ref !== 'venues')
        .map(
          ([col, ref]) =>
            sql`${sql.identifier(col)} IN (SELECT value FROM json_each(${JSON.stringify(idsOf(taken.get(ref)!))}))`,
        )
      if (conditions.length === 0) continue
      const rows = await db.all<Row>(
        sql`SELECT * FROM ${sql.identifier(tbl)} WHERE ${sql.join(conditions, sql` OR `)} ORDER BY rowid`,
      )
      taken.set(tbl, rows)
      grew = true
    }
    if (!grew) break
  }
  // The team's venues the visit's rows point at.
  const venueIds = new Set<string>()
  for (const [tbl, rows] of taken) {
    for (const [col, ref] of tables.get(tbl)?.refs ?? []) {
      if (ref !== 'venues') continue
      for (const r of rows) if (typeof r[col] === 'string') venueIds.add(r[col] as string)
    }
  }
  taken.set(
    'venues',
    await db.all<Row>(
      sql`SELECT * FROM venues WHERE id IN (SELECT value FROM json_each(${JSON.stringify([...venueIds])})) ORDER BY rowid`,
    ),
  )
  const document: VisitDocument = {
    format: FORMAT,
    version: VERSION,
    exportedAt: now.toISOString(),
    visitId,
    tables: Object.fromEntries(
      [...taken].filter(([, rows]) => rows.length > 0).sort(([a], [b]) => a.localeCompare(b)),
    ),
  }
  return document
}

const value = v.union([v.string(), v.number(), v.null()])
/** The envelope of a document; its rows are checked against the tables of this database on import. */
export const visitDocumentSchema = v.strictObject({
  format: v.literal(FORMAT),
  version: v.literal(VERSION),
  exportedAt: v.string(),
  visitId: v.string(),
  tables: v.record(
    v.pipe(v.string(), v.regex(/^[a-z_][a-z0-9_]{0,63}$/)),
    v.array(v.record(v.string(), value)),
  ),
})

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi

/**
 * Makes the visit of a document anew in a team: every row gets a new id and everything that pointed at an old
 * one (columns, and ids inside JSON values such as release snapshots) points at the new one; the team is the
 * target team; people stay who they were. Private links do not travel (their stored hashes are made anew, so
 * the old links open nothing in the copy). Files in R2 (photos and their variants, slides) are copied to keys
 * of the new ids, so each visit owns its objects and erasing one leaves the other whole; a document imported
 * where its objects are not (another account) keeps the rows and their keys. The slug gets a suffix. All in one batch: the visit is there whole or not at all. Returns the new visit's id.
 */
export async function importVisit(
  db: Database,
  d1: D1Database,
  bucket: R2Bucket,
  actor: Actor,
  teamId: string,
  document: v.InferOutput<typeof visitDocumentSchema>,
) {
  if (!canReadTeam(actor, teamId)) throw new DomainError('not_found')
  if (!canOrganise(actor, teamId)) throw new DomainError('forbidden')
  const tables = await shapes(db)
  const visit = document.tables.visits?.[0]
  if (!visit || document.tables.visits?.length !== 1 || visit.id !== document.visitId) {
    throw new DomainError('validation_failed', 'The document holds no visit.', {
      errors: [{ field: 'tables.visits', message: 'invalid' }],
    })
  }
  const fresh = new Map<string, string>()
  for (const rows of Object.values(document.tables)) {
    for (const r of rows) if (typeof r.id === 'string') fresh.set(r.id.toLowerCase(), crypto.randomUUID())
  }
  const remap = (x: string) => x.replace(UUID, (id) => fresh.get(id.toLowerCase()) ?? id)
  const statements: D1PreparedStatement[] = []
  /** R2 objects (photos, slides) under their old key → the copy's key: each row keeps its own object. */
  const objects = new Map<string, string>()
  // Parents before children: the visit, the venues, then the rest in the order of the document's rounds.
  const order = Object.keys(document.tables).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
  for (const tbl of order) {
    const shape = tables.get(tbl)
    if (!shape) {
      throw new DomainError('validation_failed', `This Rondgang has no table ${tbl}.`, {
        errors: [{ field: `tables.${tbl}`, message: 'notAllowed' }],
      })
    }
    // The triggers make these again from the rows they sum.
    if (shape.derived) continue
    for (const [i, row] of (document.tables[tbl] ?? []).entries()) {
      const out: Row = {}
      for (const [col, val] of Object.entries(row)) {
        if (!shape.columns.has(col)) {
          throw new DomainError('validation_failed', `Table ${tbl} has no column ${col}.`, {
            errors: [{ field: `tables.${tbl}.${i}.${col}`, message: 'notAllowed' }],
          })
        }
        if (col === 'team_id') out[col] = teamId
        else if (/(^|_)key$/.test(col) && typeof val === 'string') {
          out[col] = remap(val)
          if (out[col] !== val) objects.set(val, out[col] as string)
        } else if (/(^|_)token_hash$/.test(col) && typeof val === 'string')
          out[col] = `moved:${randomToken()}`
        else if (tbl === 'visits' && col === 'slug' && typeof val === 'string') {
          out[col] = `${val.slice(0, 50)}-${crypto.randomUUID().slice(0, 6)}`
        } else out[col] = typeof val === 'string' ? remap(val) : val
      }
      const cols = Object.keys(out)
      // Names come from this database's own tables and columns (checked above), the values are bound.
      statements.push(
        d1
          .prepare(
            `INSERT INTO "${tbl}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
          )
          .bind(...cols.map((c) => out[c] ?? null)),
      )
    }
  }
  // The objects are copied first (streamed, never held whole); if the rows then fail, the copies go again.
  const copied: string[] = []
  try {
    for (const [from, to] of objects) {
      const object = await bucket.get(from)
      if (!object) continue
      await bucket.put(to, object.body, {
        httpMetadata: object.httpMetadata,
        customMetadata: object.customMetadata,
      })
      copied.push(to)
    }
    await d1.batch(statements)
  } catch (error) {
    if (copied.length) await bucket.delete(copied).catch(() => {})
    throw error
  }
  return { visitId: fresh.get(document.visitId.toLowerCase())!, objects: copied.length }

  function rank(tbl: string) {
    if (tbl === 'visits') return 0
    if (tbl === 'venues') return 1
    // A table whose rows point at another table of the document comes after it.
    let depth = 2
    const seen = new Set<string>()
    let frontier = [tbl]
    while (frontier.length && depth < 12) {
      const next: string[] = []
      for (const t of frontier) {
        for (const ref of tables.get(t)?.refs.values() ?? []) {
          if (ref !== t && !seen.has(ref) && ref in document.tables && ref !== 'visits' && ref !== 'venues') {
            seen.add(ref)
            next.push(ref)
          }
        }
      }
      if (next.length) depth++
      frontier = next
    }
    return depth
  }
}

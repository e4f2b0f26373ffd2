import { fillPlaceholders } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/d1'
import type { Database } from './database'

/**
 * Queries that run on every request of a hot path (the session, the programme), built once per isolate.
 *
 * drizzle builds a query's SQL text each time it runs one, walking every column and condition; on the
 * programme editor that was a sixth of the Worker's CPU time. A prepared drizzle query keeps its SQL and its
 * row mapping: per request only the placeholders are filled in (`sql.placeholder('visitId')`), and the
 * statements still go to D1 together, in one batch, as db.batch would send them.
 */
type Prepared = {
  getQuery(): { sql: string; params: unknown[] }
  mapResult(response: unknown, isFromBatch?: boolean): unknown
  all(placeholderValues?: Record<string, unknown>): Promise<unknown>
}

/** The rows a prepared select gives, as its `all()` would. */
export type RowsOf<P extends Prepared> = Awaited<ReturnType<P['all']>>

/**
 * A drizzle client that only builds queries. `.prepare()` asks its D1 for a statement, which this stand-in
 * gives but which refuses to run: the statements that run are made by batchPrepared on the request's D1.
 */
const refuse = () => {
  throw new Error('prepared.ts: a prepared query runs through batchPrepared only')
}
const builder: Database = drizzle({
  prepare: () => ({ bind: refuse, run: refuse, all: refuse, raw: refuse, first: refuse }),
} as unknown as D1Database)

/**
 * A query built on first use and kept. `build` gets a client that can only build: call `.prepare()` on the
 * query (nothing runs then), with `sql.placeholder(name)` where the request's values go.
 */
export function prepareOnce<P>(build: (db: Database) => P): () => P {
  let prepared: P | undefined
  return () => {
    prepared ??= build(builder)
    return prepared
  }
}

/** Runs prepared queries with their values in one D1 round trip; the rows come back mapped by drizzle. */
export async function batchPrepared<const Q extends readonly [Prepared, Record<string, unknown>][]>(
  db: Database,
  queries: Q,
): Promise<{ -readonly [K in keyof Q]: RowsOf<Q[K][0]> }> {
  const d1 = db.$client
  const statements = queries.map(([prepared, values]) => {
    const { sql, params } = prepared.getQuery()
    return d1.prepare(sql).bind(...fillPlaceholders(params, values))
  })
  const results = await d1.batch(statements)
  return results.map((result, i) => queries[i]?.[0].mapResult(result, true)) as {
    -readonly [K in keyof Q]: RowsOf<Q[K][0]>
  }
}

/**
 * Plain SQL statements, each with its values, in one D1 round trip; the rows as D1 gives them, with no
 * drizzle mapping. For the hottest reads, which select few columns (often one JSON array built by SQLite)
 * and read them by hand.
 */
export async function batchSql(
  db: Database,
  statements: readonly (readonly [sql: string, values: readonly unknown[]])[],
): Promise<Record<string, unknown>[][]> {
  const d1 = db.$client
  const results = await d1.batch<Record<string, unknown>>(
    statements.map(([text, values]) => d1.prepare(text).bind(...values)),
  )
  return results.map((r) => r.results)
}

import { Column, is, SQL, type SQLWrapper, sql } from 'drizzle-orm'
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types'

/**
 * Many small reads as one statement that answers one JSON value.
 *
 * Each statement of a D1 batch costs the Worker and D1 a fixed amount before any row (on the catering
 * overview, fifteen statements cost more than the rows they read), and drizzle maps every row of every
 * result. A document asks SQLite for every part at once — `json_object('orders', json((select
 * json_group_array(json_array(…)) …)), …)` — and decodes the parts with drizzle's own column decoders
 * (dates, booleans, enums), so each part gives the rows its select would have given.
 */

/**
 * The fields of a part, as for a drizzle select: columns, typed `sql` expressions, or the fields of a
 * subquery the part reads from (an aliased field is written as its alias).
 */
export type JsonFields = Record<string, Column | SQL | SQL.Aliased>

/** One part of a document: its fields, and the select that reads them (it selects only `aggregate`). */
export type JsonPart<F extends JsonFields = JsonFields> = {
  fields: F
  /**
   * The select of the part's rows, selecting only the `aggregate` it is given (one value; group in a
   * subquery). It may refer to the document's anchor row (a correlated subquery). Rows come in no set
   * order: sort them after decoding when order matters.
   */
  rows: (aggregate: SQL) => SQLWrapper
}

/** A part of a document (typed by its fields). */
export const jsonPart = <F extends JsonFields>(
  fields: F,
  rows: (aggregate: SQL) => SQLWrapper,
): JsonPart<F> => ({
  fields,
  rows,
})

type Decoder = { mapFromDriverValue(value: unknown): unknown }

/** How drizzle itself decodes a field's value (its mapResultRow): the column, or the `mapWith` of an SQL. */
const decoderOf = (field: Column | SQL | SQL.Aliased): Decoder =>
  is(field, Column)
    ? field
    : ((is(field, SQL) ? field : field.sql) as unknown as { decoder: Decoder }).decoder

/** The rows of a part as drizzle would give them, from the arrays the document holds. */
function decodeRows<F extends JsonFields>(fields: F, rows: readonly unknown[][]): SelectResultFields<F>[] {
  const keys = Object.keys(fields)
  const decoders = keys.map((k) => decoderOf(fields[k] as F[string]))
  return rows.map((row) => {
    const out: Record<string, unknown> = {}
    for (let i = 0; i < keys.length; i++) {
      const value = row[i] ?? null
      out[keys[i] as string] = value === null ? null : (decoders[i] as Decoder).mapFromDriverValue(value)
    }
    return out as SelectResultFields<F>
  })
}

/**
 * A document of parts: `sql` to select (one text value, from any anchor row such as the visit), and `decode`
 * for that value. Part names are written into the SQL as they are: use plain identifiers.
 */
export function jsonDocument<P extends Record<string, JsonPart>>(parts: P) {
  const names = Object.keys(parts)
  for (const name of names) if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error(`part name ${name}`)
  const members = names.map((name) => {
    const { fields, rows } = parts[name] as JsonPart
    const row = sql.join(Object.values(fields), sql`, `)
    // json(): a subquery's value reaches json_object as text, not as JSON, without it.
    return sql`'${sql.raw(name)}', json(${rows(sql`json_group_array(json_array(${row}))`)})`
  })
  return {
    sql: sql<string>`json_object(${sql.join(members, sql`, `)})`,
    decode(text: string): { [K in keyof P]: SelectResultFields<P[K]['fields']>[] } {
      const doc = JSON.parse(text) as Record<string, unknown[][]>
      const out: Record<string, unknown> = {}
      for (const name of names) out[name] = decodeRows((parts[name] as JsonPart).fields, doc[name] ?? [])
      return out as { [K in keyof P]: SelectResultFields<P[K]['fields']>[] }
    },
  }
}

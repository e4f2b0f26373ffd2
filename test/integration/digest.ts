import { env } from 'cloudflare:test'

/**
 * Tables whose rows change on any request (a session's last-seen time), that D1 and SQLite keep, or that
 * cache what a read computed (the programme’s clash list, stored by the page or API that checked it; the
 * catering overview’s answer, stored by its first reader after a change).
 */
const SKIP = new Set(['sessions', 'd1_migrations', 'clash_lists', 'clash_list_items', 'catering_answers'])

/** The tables of the database, by name. */
export async function tableNames(): Promise<string[]> {
  const { results } = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' ORDER BY name",
  ).all<{ name: string }>()
  return results.map((r) => r.name).filter((n) => !SKIP.has(n))
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`

/**
 * One statement that reads every table (but the skipped ones) into a column of its own: its row count and
 * every value of every row, quoted by SQLite (so 1, '1' and X'31' differ) in rowid order. Built once per
 * test file: the schema does not change while the tests run.
 */
let digestStatement: Promise<string> | undefined
async function buildDigestStatement(): Promise<string> {
  const names = await tableNames()
  const columns = await env.DB.batch(
    names.map((n) => env.DB.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).bind(n)),
  )
  const tables = names.map((name, i) => {
    const cols = ((columns[i]?.results ?? []) as { name: string }[]).map((c) => `quote(${ident(c.name)})`)
    const row = cols.length ? `concat_ws(',', ${cols.join(', ')})` : "''"
    return `(SELECT concat(count(*), ':', group_concat(${row}, char(10))) FROM (SELECT * FROM ${ident(name)} ORDER BY rowid)) AS ${ident(name)}`
  })
  // One row, a column per table (D1 refuses a UNION of this many SELECTs).
  return `SELECT ${tables.join(', ')}`
}

/** Two 32-bit FNV-1a hashes of a text (64 bits in all): short to compare and to print, synchronous. */
function fnv(text: string): string {
  let a = 0x811c9dc5
  let b = 0x01000193 ^ text.length
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15)
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0')
}

/**
 * A digest of every row of every table (but the skipped ones), in one D1 round trip: equal digests, unchanged
 * data. Per table its row count and a hash of its rows.
 */
export async function databaseDigest(): Promise<Record<string, string>> {
  digestStatement ??= buildDigestStatement()
  const row = await env.DB.prepare(await digestStatement).first<Record<string, string>>()
  return Object.fromEntries(
    Object.entries(row ?? {}).map(([table, text]) => [
      table,
      `${text.slice(0, text.indexOf(':'))}:${fnv(text)}`,
    ]),
  )
}

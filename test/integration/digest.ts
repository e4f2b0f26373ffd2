import { env } from 'cloudflare:test'

/** Tables whose rows change on any request (a session's last-seen time), or that D1 and SQLite keep. */
const SKIP = new Set(['sessions', 'd1_migrations'])

/** The tables of the database, by name. */
export async function tableNames(): Promise<string[]> {
  const { results } = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' ORDER BY name",
  ).all<{ name: string }>()
  return results.map((r) => r.name).filter((n) => !SKIP.has(n))
}

/** A digest of every row of every table (but the skipped ones): equal digests, unchanged data. */
export async function databaseDigest(): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  const names = await tableNames()
  const answers = await env.DB.batch(names.map((n) => env.DB.prepare(`SELECT * FROM "${n}" ORDER BY rowid`)))
  for (const [i, name] of names.entries()) {
    const text = JSON.stringify(answers[i]?.results ?? [])
    const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
    out[name] =
      `${answers[i]?.results.length ?? 0}:${[...new Uint8Array(hash).slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('')}`
  }
  return out
}

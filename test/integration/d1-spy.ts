/**
 * A D1 binding over the real one that sees every statement the app sends: `around` runs each call (it may fail
 * it instead, as the fault tests do), and `written` hears of every statement that wrote rows, with its SQL
 * (the fuzz test's witness that a rejected request changed nothing).
 */
export function interceptD1(
  real: D1Database,
  hooks: {
    around?: <T>(sql: string, call: () => Promise<T>) => Promise<T>
    written?: (sql: string, rows: number) => void
  },
): D1Database {
  const around = hooks.around ?? ((_sql, call) => call())
  const inner = new WeakMap<object, D1PreparedStatement>()
  const sqlOf = new WeakMap<object, string>()
  const metered = (sql: string, result: D1Result) => {
    const rows = result.meta?.rows_written ?? 0
    if (rows > 0) hooks.written?.(sql, rows)
    return result
  }
  // raw() and first() carry no meta: a write read that way (INSERT … RETURNING) is run with all() and given
  // back in the shape asked for, so its rows written are known. Reads go through untouched.
  const mayWrite = (sql: string) => hooks.written !== undefined && !/^\s*select\b/i.test(sql)
  const wrap = (stmt: D1PreparedStatement, sql: string): D1PreparedStatement => {
    const all = () => around(sql, async () => metered(sql, await stmt.all()))
    const w = {
      bind: (...values: unknown[]) => wrap(stmt.bind(...values), sql),
      first: (column?: string) =>
        mayWrite(sql)
          ? all().then((r) => {
              const row = r.results[0] as Record<string, unknown> | undefined
              return (column ? row?.[column] : row) ?? null
            })
          : around(sql, () => (column ? stmt.first(column) : stmt.first())),
      run: () => around(sql, async () => metered(sql, await stmt.run())),
      all,
      raw: (options?: { columnNames?: boolean }) =>
        mayWrite(sql)
          ? all().then((r) => {
              const rows = (r.results as Record<string, unknown>[]).map((row) => Object.values(row))
              const first = r.results[0] as Record<string, unknown> | undefined
              return options?.columnNames ? [Object.keys(first ?? {}), ...rows] : rows
            })
          : around(sql, () => stmt.raw(options as { columnNames: true }) as Promise<unknown[]>),
    }
    inner.set(w, stmt)
    sqlOf.set(w, sql)
    return w as unknown as D1PreparedStatement
  }
  return {
    prepare: (sql: string) => wrap(real.prepare(sql), sql),
    batch: (stmts: D1PreparedStatement[]) => {
      const sqls = stmts.map((s) => sqlOf.get(s) ?? 'batch')
      return around(sqls.join(';'), async () => {
        const results = await real.batch(stmts.map((s) => inner.get(s) ?? s))
        return results.map((r, i) => metered(sqls[i] ?? 'batch', r))
      })
    },
    exec: (query: string) => real.exec(query),
    dump: () => real.dump(),
    withSession: () => {
      throw new Error('not in these tests')
    },
  } as unknown as D1Database
}

import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// Under the test pool, requests that waited at once for the same first import() went on in the first one's I/O
// context and D1 refused them (worker-entry.ts). So every module the Worker imports on demand is loaded before
// any request: the audiences by worker-entry.ts, the rest by setup.ts. This finds each import() in the Worker's
// code and checks that one of the two loads its module; the cron's jobs (one run at a time) are left out.
const root = path.resolve(import.meta.dirname, '../..')

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name)
    if (e.isDirectory()) return sources(file)
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [file] : []
  })
}

/** The modules a file names in `import(…)` (dynamic) or `import '…'` (static, for side effects), from the root. */
function imported(file: string, dynamic: boolean): string[] {
  const text = readFileSync(path.join(root, file), 'utf8')
  const pattern = dynamic ? /\bimport\(\s*'([^']+)'\s*\)/g : /^import '([^']+)'$/gm
  return [...text.matchAll(pattern)].map((m) =>
    path.relative(root, path.resolve(root, path.dirname(file), m[1] as string)).replace(/\.tsx?$/, ''),
  )
}

describe('modules imported on demand', () => {
  it('are each loaded before any request of the tests', () => {
    const preloaded = new Set([
      ...imported('test/integration/worker-entry.ts', false),
      ...imported('test/integration/setup.ts', false),
    ])
    const onDemand = [...sources('workers'), ...sources('shared')].flatMap((file) =>
      imported(file, true).map((module) => ({ file, module })),
    )
    expect(onDemand.length).toBeGreaterThan(20)
    const missing = onDemand.filter(
      ({ module }) => !module.startsWith('workers/jobs/') && !preloaded.has(module),
    )
    expect(missing).toEqual([])
  })
})

// `npm run bench:bundle`: the bundle part of `npm run bench` on its own, in a few seconds and without a visit or
// wrangler. Builds the deployed Worker (scripts/build.mjs) into .tmp/bundle and prints, per audience, what one
// request loads (bench/bundle-size.mjs) against the budget (bench/budgets.mjs), and the chunks it may import later.
// `npm run bench:bundle -- <audience>…` lists, for those audiences, the largest sources of what a request loads
// (esbuild's metafile: minified bytes each source adds to the output). Exits 1 when an audience is over budget.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildWorker } from '../scripts/build.mjs'
import { bundleGzipBytes } from './budgets.mjs'
import { audienceSizes } from './bundle-size.mjs'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const kib = (n) => (n / 1024).toFixed(1)

const metafile = await buildWorker(path.join(root, '.tmp', 'bundle'))
const { sizes, all, main } = audienceSizes(metafile, root)
const width = Math.max(...sizes.map((s) => s.audience.length))
console.log(`${'audience'.padEnd(width)}  gzip KiB  raw KiB  modules  lazy gzip KiB (not loaded up front)`)
for (const s of sizes) {
  const verdict = s.gzipBytes <= bundleGzipBytes ? '' : `  over ${kib(bundleGzipBytes)}`
  const lazy = s.lazy.map((l) => `${l.name} ${kib(l.gzipBytes)}`).join(', ')
  console.log(
    `${s.audience.padEnd(width)}  ${kib(s.gzipBytes).padStart(8)}  ${kib(s.rawBytes).padStart(7)}  ` +
      `${String(s.modules).padStart(7)}  ${lazy}${verdict}`,
  )
}
console.log(
  `main module ${kib(main.gzipBytes)} KiB gzip; every module ${kib(all.gzipBytes)} KiB (${all.modules})`,
)

for (const audience of process.argv.slice(2)) {
  const size = sizes.find((s) => s.audience === audience)
  if (!size)
    throw new Error(`no audience "${audience}"; there are: ${sizes.map((s) => s.audience).join(', ')}`)
  const bytes = new Map()
  for (const file of size.files) {
    for (const [input, { bytesInOutput }] of Object.entries(metafile.outputs[file].inputs)) {
      // node_modules/<package>/… (or @scope/package) counts as its package; the app's own files one by one.
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1]
      const key = pkg ? `${pkg} (package)` : input
      bytes.set(key, (bytes.get(key) ?? 0) + bytesInOutput)
    }
  }
  console.log(`\n${audience}: the largest of ${bytes.size} sources (minified KiB, before gzip)`)
  for (const [input, n] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`${kib(n).padStart(7)}  ${input}`)
}
process.exitCode = sizes.some((s) => s.gzipBytes > bundleGzipBytes) ? 1 : 0

// The deployed Worker as ES-module chunks (issue 19): `workers/index.ts` is the main module and imports each
// audience's app (workers/audiences) with `import()`; esbuild's code splitting makes each of those a chunk, and
// the code two audiences share a chunk of its own, so a request loads only the modules its audience needs.
// wrangler runs this as the `[build] command` of the deployed environments (wrangler.toml) and uploads the
// files as they are (`no_bundle`, `find_additional_modules`). `wrangler dev` and the tests keep wrangler's own
// bundle of the same code (one file; the same dispatch).
//
// `node scripts/build.mjs [outdir]` (default dist/worker). Beside the output it writes `<outdir>.meta.json`,
// esbuild's metafile, which `npm run bench` reads to add up what each audience loads.
import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
// esbuild comes with wrangler (the bundler wrangler itself uses); it is not a dependency of its own.
import * as esbuild from 'esbuild'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))

/** Builds the chunks into outdir; answers esbuild's metafile. */
export async function buildWorker(outdir = path.join(root, 'dist', 'worker')) {
  await fs.rm(outdir, { recursive: true, force: true })
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { index: 'workers/index.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    chunkNames: '[name]-[hash]',
    // As wrangler bundles (wrangler.toml `minify = true`, wrangler's default `keep_names`, its target and
    // conditions), so the chunks hold the same code the one-file bundle did.
    minify: true,
    keepNames: true,
    target: 'es2024',
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    define: { 'process.env.NODE_ENV': '"production"', 'navigator.userAgent': '"Cloudflare-Workers"' },
    // The runtime's own modules (nodejs_compat, cloudflare:*) are imported, not bundled.
    external: ['node:*', 'cloudflare:*'],
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  })
  await fs.writeFile(`${outdir}.meta.json`, JSON.stringify(result.metafile))
  return result.metafile
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outdir = process.argv[2] ? path.resolve(process.argv[2]) : undefined
  const metafile = await buildWorker(outdir)
  const files = Object.keys(metafile.outputs).filter((f) => f.endsWith('.js'))
  console.log(`built ${files.length} modules into ${path.relative(root, outdir ?? 'dist/worker') || '.'}`)
}

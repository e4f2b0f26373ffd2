// The deployed Worker as ES-module chunks (issue 19): `workers/index.ts` is the main module and imports each
// audience's app (workers/audiences) with `import()`; esbuild's code splitting makes each of those a chunk, and
// the code two audiences share a chunk of its own, so a request loads only the modules its audience needs.
// wrangler runs this as the `[build] command` of the deployed environments (wrangler.toml) and uploads the
// files as they are (`no_bundle`, `find_additional_modules`). `wrangler dev` and the tests keep wrangler's own
// bundle of the same code (one file; the same dispatch).
//
// The API's description (/api/openapi.json, /api/docs) is generated from every route of the whole app: here it
// is generated once, at build time, from the same createApp() and generator the tests use, and the chunk of
// workers/audiences/description.ts serves that document instead of loading the whole app.
//
// `node scripts/build.mjs [outdir]` (default dist/worker). Beside the output it writes `<outdir>.meta.json`,
// esbuild's metafile, which `npm run bench` reads to add up what each audience loads.
import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
// esbuild: the version wrangler itself bundles with (0.27.3), pinned as a devDependency of its own.
import * as esbuild from 'esbuild'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))

// As wrangler bundles (wrangler.toml `minify = true`, wrangler's default `keep_names`, its target and
// conditions), so the chunks hold the same code the one-file bundle did.
const workerOptions = {
  bundle: true,
  format: 'esm',
  minify: true,
  keepNames: true,
  target: 'es2024',
  platform: 'browser',
  conditions: ['workerd', 'worker', 'browser'],
  define: { 'process.env.NODE_ENV': '"production"', 'navigator.userAgent': '"Cloudflare-Workers"' },
  // The runtime's own modules (nodejs_compat, cloudflare:*) are imported, not bundled.
  external: ['node:*', 'cloudflare:*'],
  logLevel: 'warning',
}

/** The OpenAPI document of the whole app, generated in Node from the Worker's own code. */
async function apiDocument(outdir) {
  const file = `${outdir}.describe.mjs`
  await esbuild.build({
    ...workerOptions,
    minify: false,
    absWorkingDir: root,
    stdin: {
      contents:
        "import { createApp } from './workers/app'\n" +
        "import { documentOf } from './workers/platform/http/api-docs'\n" +
        'export const document = documentOf(createApp())\n',
      resolveDir: root,
      loader: 'ts',
    },
    outfile: file,
  })
  try {
    return (await import(`${pathToFileURL(file).href}?${Date.now()}`)).document
  } finally {
    await fs.rm(file, { force: true })
  }
}

/** workers/audiences/description.ts as deployed: the document made at build time, served as the app serves it. */
function describedAt(document) {
  return {
    name: 'api-description',
    setup(build) {
      build.onLoad({ filter: /[\\/]workers[\\/]audiences[\\/]description\.ts$/ }, () => ({
        loader: 'ts',
        resolveDir: path.join(root, 'workers', 'audiences'),
        contents: [
          "import { mountApiDescription } from '../api-description'",
          "import { servedFrom } from '../platform/http/api-docs'",
          "import { composeApp } from '../shell'",
          `const document = ${JSON.stringify(document)}`,
          'export const app = composeApp((app) => mountApiDescription(app, (origin) => servedFrom(document, origin)))',
        ].join('\n'),
      }))
    },
  }
}

/** Builds the chunks into outdir; answers esbuild's metafile. */
export async function buildWorker(outdir = path.join(root, 'dist', 'worker')) {
  await fs.rm(outdir, { recursive: true, force: true })
  const document = await apiDocument(outdir)
  const result = await esbuild.build({
    ...workerOptions,
    absWorkingDir: root,
    entryPoints: { index: 'workers/index.ts' },
    outdir,
    splitting: true,
    chunkNames: '[name]-[hash]',
    sourcemap: 'linked',
    metafile: true,
    plugins: [describedAt(document)],
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

// Issue 19: what one request loads of the deployed build (scripts/build.mjs), per audience. A request loads the
// main module, the chunk of its audience (workers/audiences/<audience>.ts, imported on its first request), the
// dictionary of its language (imported by the i18n middleware) and every chunk those import statically; what the
// code imports only on some paths (import()) is listed apart. Sizes come from esbuild's metafile; the gzip
// figure is that of those files one after another, as the one-file bundle was measured.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

/** The output files one output file loads: itself and its static imports, transitively (never `import()`). */
export function staticClosure(outputs, file, seen = new Set()) {
  if (seen.has(file)) return seen
  seen.add(file)
  for (const imported of outputs[file]?.imports ?? []) {
    if (imported.kind === 'import-statement' && !imported.external)
      staticClosure(outputs, imported.path, seen)
  }
  return seen
}

/**
 * What every request imports besides its audience's chunks: the dictionary of its language (the i18n middleware,
 * shared/i18n/index.ts `loadMessages`), one of these. A request counts the heavier one; the cron's run, which
 * may write mails in each language, counts them all.
 */
export const dictionaries = ['shared/i18n/nl.ts', 'shared/i18n/en.ts']

/**
 * Per audience, the modules a request of it loads (`files`) and their size, raw and gzip: the main module, the
 * audience's chunk, a dictionary (above) and what those import statically; "scheduled" is the cron run (every
 * job); "all" is every module uploaded. `root` is the folder the metafile's paths are relative to.
 * `lazy` lists what that audience's code may import() besides (markdown-it for a report rendered afresh, the
 * other language's dictionary for a mail in it): per such import, named by its source, the modules it adds to
 * those already loaded; they never count in the audience's own figure, which is what every request of it loads.
 */
export function audienceSizes(metafile, root) {
  const outputs = metafile.outputs
  const js = Object.keys(outputs).filter((f) => f.endsWith('.js'))
  const entryOf = (source) => js.find((f) => outputs[f].entryPoint === source)
  const main = entryOf('workers/index.ts')
  if (!main) throw new Error('the metafile has no main module (workers/index.ts)')
  const measure = (files) => {
    const code = Buffer.concat([...files].sort().map((f) => readFileSync(path.join(root, f))))
    return { modules: files.size, rawBytes: code.byteLength, gzipBytes: gzipSync(code).byteLength }
  }
  const groups = new Map()
  for (const f of js) {
    const source = outputs[f].entryPoint ?? ''
    const audience = /^workers\/audiences\/([a-z-]+)\.tsx?$/.exec(source)?.[1]
    const name = audience ?? (source.startsWith('workers/jobs/') ? 'scheduled' : undefined)
    if (name) groups.set(name, [...(groups.get(name) ?? []), f])
  }
  const apps = new Set([...groups.values()].flat())
  // The import()s of the audience's own code; the main module's (every audience, the cron's jobs) are not its.
  const lazyOf = (files) => {
    const targets = new Set()
    for (const f of files) {
      if (f === main) continue
      for (const imported of outputs[f].imports ?? [])
        if (imported.kind === 'dynamic-import' && !imported.external && !apps.has(imported.path))
          targets.add(imported.path)
    }
    return [...targets]
      .sort()
      .map((target) => {
        const added = new Set([...staticClosure(outputs, target)].filter((f) => !files.has(f)))
        return { name: outputs[target].entryPoint ?? target, ...measure(added) }
      })
      .filter((l) => l.modules > 0)
  }
  if (!groups.size) throw new Error('the metafile has no audience chunks (workers/audiences/*)')
  const sizes = [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([audience, entries]) => {
      const files = staticClosure(outputs, main)
      for (const entry of entries) staticClosure(outputs, entry, files)
      // A dictionary imported statically is in `files` already; one that is neither there nor a chunk of its own
      // would be missing from the figure.
      const statically = new Set([...files].flatMap((f) => Object.keys(outputs[f].inputs)))
      const chunks = dictionaries.flatMap((source) => {
        const chunk = entryOf(source)
        if (!chunk && !statically.has(source)) throw new Error(`no module of the metafile holds ${source}`)
        return chunk ? [chunk] : []
      })
      const withChunks = (some) => {
        const loaded = new Set(files)
        for (const chunk of some) staticClosure(outputs, chunk, loaded)
        return { files: loaded, ...measure(loaded) }
      }
      const choices = audience === 'scheduled' ? [withChunks(chunks)] : chunks.map((c) => withChunks([c]))
      const heaviest = choices.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a), withChunks([]))
      const { files: loaded, ...size } = heaviest
      return { audience, ...size, files: [...loaded].sort(), lazy: lazyOf(loaded) }
    })
  return { sizes, all: measure(new Set(js)), main: measure(staticClosure(outputs, main)) }
}

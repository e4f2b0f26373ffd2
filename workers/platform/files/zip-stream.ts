import { Zip, ZipPassThrough } from 'fflate'

/** A file of a ZIP as it is read: its name in the archive, its time, and its bytes as they arrive. */
export type ZipEntry = {
  name: string
  modified: Date
  body: () => Promise<ReadableStream<Uint8Array> | Uint8Array | null>
}

/**
 * A ZIP archive as a stream (fflate's streaming Zip, pure JavaScript): each file is read only when the reader
 * asks for more, stored without compression (photos are compressed already), and its bytes pass straight
 * through, so the Worker holds one chunk at a time whatever the archive's size. A file whose body is gone is
 * left out.
 */
export function zipStream(entries: readonly ZipEntry[]): ReadableStream<Uint8Array> {
  const ready: Uint8Array[] = []
  let failure: Error | null = null
  const zip = new Zip((error, chunk) => {
    if (error) failure = error
    else if (chunk.byteLength > 0) ready.push(chunk)
  })
  async function* chunks(): AsyncGenerator<Uint8Array> {
    const drain = function* () {
      if (failure) throw failure
      while (ready.length > 0) yield ready.shift() as Uint8Array
    }
    for (const entry of entries) {
      const body = await entry.body()
      if (!body) continue
      const file = new ZipPassThrough(entry.name)
      file.mtime = entry.modified
      zip.add(file)
      if (body instanceof Uint8Array) {
        file.push(body, true)
      } else {
        const reader = body.getReader()
        for (;;) {
          const { done, value } = await reader.read()
          if (done) break
          file.push(value)
          yield* drain()
        }
        file.push(new Uint8Array(0), true)
      }
      yield* drain()
    }
    zip.end()
    yield* drain()
  }
  const it = chunks()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await it.next()
      if (done) controller.close()
      else controller.enqueue(value)
    },
    async cancel() {
      await it.return(undefined)
    },
  })
}

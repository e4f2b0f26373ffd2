import { SELF } from 'cloudflare:test'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'

export type JsonSchema = Record<string, unknown>
export type Operation = { responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }> }
export type Document = {
  paths: Record<string, Record<string, Operation>>
  components: { schemas: JsonSchema }
}

/** The OpenAPI document the Worker serves. */
export async function servedDocument() {
  const res = await SELF.fetch('http://rondgang.test/api/openapi.json')
  return (await res.json()) as Document
}

/**
 * The schema as the tests read it: an object may hold no property the description leaves out (the document
 * itself stays open, so clients keep working when a field is added), so an undocumented field fails.
 */
export function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed)
  if (!schema || typeof schema !== 'object') return schema
  const out = Object.fromEntries(
    Object.entries(schema).map(([k, v]) => [k, k === 'examples' ? v : closed(v)]),
  )
  return 'properties' in out && !('additionalProperties' in out)
    ? { ...out, unevaluatedProperties: false }
    : out
}

const ajv = new Ajv2020({ strict: false, allErrors: true })
addFormats(ajv)

/** Ajv's complaints about a JSON answer against a schema (closed as above); none when it fits. */
export function misfits(schema: JsonSchema | undefined, body: unknown): string[] {
  const validate = ajv.compile(closed(schema ?? {}) as JsonSchema)
  return validate(body)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`)
}

let cached: Promise<Document> | undefined

/**
 * What is wrong with a real answer of `method path` (the path as the document writes it): a status it does not
 * list, a media type it does not list, or a JSON body that does not fit the schema of that status.
 */
export async function wrongWith(method: string, path: string, res: Response): Promise<string[]> {
  cached ??= servedDocument()
  const op = (await cached).paths[path]?.[method.toLowerCase()]
  if (!op) return [`${method} ${path} is not documented`]
  const status = String(res.status)
  if (!(status in op.responses)) return [`${method} ${path}: ${status} is not documented`]
  if (res.status === 204) return (await res.text()) === '' ? [] : ['204 with a body']
  const type = res.headers.get('content-type')?.split(';')[0] ?? ''
  const media = op.responses[status]?.content ?? {}
  if (!(type in media)) return [`${method} ${path} ${status}: ${type} is not documented`]
  if (!type.includes('json')) return []
  return misfits(media[type]?.schema, await res.json()).map((m) => `${method} ${path} ${status}: ${m}`)
}

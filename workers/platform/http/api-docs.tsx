import type { Hono } from 'hono'
import type { Messages } from '../../../shared/i18n'
import type { AppEnv } from '../env'
import { generateDocument, type OpenApiDocument, problemCodes, routeProblemCodes } from './openapi-document'

const info = {
  title: 'Rondgang API',
  version: '1',
  description:
    'Visits, venues, programme items, groups, releases and teams. Sign in through an e-mailed link; the ' +
    'session cookie then authorises calls. Bodies are JSON only; errors are RFC 9457 problem documents; ' +
    'updates carry the `version` they were based on and answer 409 when it is stale. The public schedule ' +
    'and its feeds need no sign-in.',
}

let cached: OpenApiDocument | undefined

/** The OpenAPI document of an app's routes, without its server. */
export function documentOf(app: Pick<Hono<AppEnv>, 'routes'>): OpenApiDocument {
  return generateDocument(app, info)
}

/** A document as served from an origin. */
export function servedFrom(document: OpenApiDocument, origin: string) {
  return { ...document, servers: [{ url: origin, description: 'This deployment' }] }
}

/** The OpenAPI document, generated once per isolate from the routes and their valibot schemas. */
export function openApiDocument(app: Hono<AppEnv>, origin: string) {
  cached ??= documentOf(app)
  return servedFrom(cached, origin)
}

type JsonSchema = {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  items?: JsonSchema
  enum?: unknown[]
  const?: unknown
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  format?: string
  minimum?: number
  examples?: unknown[]
  default?: unknown
}

/** A plausible value of a schema, for the reference page's examples (never a real record). */
export function exampleOf(schema: JsonSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 6) return null
  if (schema.examples?.length) return schema.examples[0]
  if (schema.default !== undefined) return schema.default
  if (schema.const !== undefined) return schema.const
  if (schema.enum?.length) return schema.enum[0]
  const alt = schema.anyOf ?? schema.oneOf
  if (alt?.length) return exampleOf(alt.find((s) => s.type !== 'null') ?? alt[0], depth + 1)
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([k, s]) => [k, exampleOf(s, depth + 1)]),
      )
    case 'array':
      return [exampleOf(schema.items, depth + 1)]
    case 'integer':
    case 'number':
      return schema.minimum ?? 1
    case 'boolean':
      return true
    case 'string':
      if (schema.format === 'email') return 'name@example.org'
      if (schema.format === 'date-time') return '2026-06-13T10:00:00Z'
      if (schema.format === 'date') return '2026-06-13'
      if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000'
      if (schema.format === 'uri') return 'https://example.org/'
      return 'string'
    default:
      return null
  }
}

type Media = Record<string, { schema?: JsonSchema }>
type Response = { description?: string; content?: Media; $ref?: string }
type Operation = {
  summary?: string
  tags?: string[]
  security?: unknown[]
  requestBody?: { content?: Media }
  responses?: Record<string, Response>
}

/** A short word for a schema's type: `string`, `string | null`, `array of object`, `"a" | "b"`. */
function typeWord(schema: JsonSchema | undefined, depth = 0): string {
  if (!schema) return 'any'
  if (schema.enum?.length) return schema.enum.map((e) => JSON.stringify(e)).join(' | ')
  if (schema.const !== undefined) return JSON.stringify(schema.const)
  const alt = schema.anyOf ?? schema.oneOf
  if (alt?.length) return depth > 2 ? 'one of several' : alt.map((s) => typeWord(s, depth + 1)).join(' | ')
  if (schema.type === 'array') return `array of ${typeWord(schema.items, depth + 1)}`
  if (Array.isArray(schema.type)) return schema.type.join(' | ')
  return schema.type ?? 'any'
}

/** The fields of an answer at the first level, with their types; a union of shapes names its alternatives. */
type Words = Messages['apiDocs']

function SchemaSummary({ schema, t }: { schema: JsonSchema; t: Words }) {
  const alt = schema.anyOf ?? schema.oneOf
  const object = alt?.find((s) => s.properties) ?? schema
  const fields = Object.entries(object.properties ?? {})
  if (!fields.length) return <p>{typeWord(schema)}</p>
  const required = new Set((object as { required?: string[] }).required ?? [])
  return (
    <>
      {alt && alt.length > 1 ? <p>{t.shapes(alt.length)}</p> : null}
      <ul class="api-fields">
        {fields.map(([name, s]) => (
          <li>
            <code>{name}</code>
            {required.has(name) ? '' : '?'}: {typeWord(s)}
          </li>
        ))}
      </ul>
    </>
  )
}

/**
 * A body: its fields and an example; a request also shows its whole schema (an answer's whole schema is in
 * openapi.json: printed here for each of them it made the page ten times heavier).
 */
function Example({
  label,
  media,
  t,
  withSchema = false,
}: {
  label: string
  media: Media | undefined
  t: Words
  withSchema?: boolean
}) {
  const [type, body] = Object.entries(media ?? {})[0] ?? []
  if (!type || !body?.schema) return null
  const example = type.includes('json') ? JSON.stringify(exampleOf(body.schema), null, 2) : `(${type})`
  return (
    <>
      <h4>
        {label} <code>{type}</code>
      </h4>
      {type.includes('json') ? <SchemaSummary schema={body.schema} t={t} /> : null}
      <h5>{t.example}</h5>
      <pre>{example}</pre>
      {withSchema && type.includes('json') ? (
        <details>
          <summary>{t.schema}</summary>
          <pre>{JSON.stringify(body.schema, null, 2)}</pre>
        </details>
      ) : null}
    </>
  )
}

/** The success answers of an operation, each with its status, description, fields and example. */
function Responses({ responses, t }: { responses: Record<string, Response>; t: Words }) {
  const ok = Object.entries(responses).filter(([code]) => code.startsWith('2'))
  const problems = Object.keys(responses).filter((code) => !code.startsWith('2'))
  return (
    <>
      {ok.map(([status, r]) => (
        <section class="api-response">
          <h4>
            {t.response(status)}: {r.description}
          </h4>
          {r.content ? <Example label={t.body} media={r.content} t={t} /> : <p>{t.noBody}</p>}
        </section>
      ))}
      <h4>
        {t.problems} (<a href="/problems">application/problem+json</a>)
      </h4>
      <ul class="api-problems">
        {problems.map((code) => (
          <li>
            <code>{code}</code> {{ ...problemCodes, ...routeProblemCodes }[Number(code) as 400] ?? ''}
          </li>
        ))}
      </ul>
    </>
  )
}

/** A readable reference of the API, rendered by the Worker itself (no CDN scripts). */
export function ApiReferencePage({ spec, t }: { spec: ReturnType<typeof openApiDocument>; t: Words }) {
  const paths = Object.entries(spec.paths) as [string, Record<string, Operation>][]
  const byTag = new Map<string, { method: string; path: string; op: Operation }[]>()
  for (const [path, ops] of paths) {
    for (const [method, op] of Object.entries(ops)) {
      const tag = op.tags?.[0] ?? 'other'
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method: method.toUpperCase(), path, op }])
    }
  }
  return (
    <>
      <h1>{spec.info.title}</h1>
      <p class="lead">{spec.info.description}</p>
      <p>
        {t.docsLink}: <a href="/api/openapi.json">openapi.json</a> (OpenAPI {spec.openapi}). {t.errors}:{' '}
        <a href="/problems">{t.problemCodes}</a>.
      </p>
      {[...byTag].map(([tag, ops]) => (
        <section aria-labelledby={`tag-${tag}`}>
          <h2 id={`tag-${tag}`}>{tag}</h2>
          {ops.map(({ method, path, op }) => (
            <details class="api-op">
              <summary>
                <code class="method">{method}</code> <code>{path}</code> — {op.summary ?? ''}
                {op.security?.length === 0 ? ` ${t.noSignIn}` : ''}
              </summary>
              <Example label={t.request} media={op.requestBody?.content} t={t} withSchema />
              <Responses responses={op.responses ?? {}} t={t} />
            </details>
          ))}
        </section>
      ))}
    </>
  )
}

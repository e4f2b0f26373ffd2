import type { Hono } from 'hono'
import { generateSpecs } from 'hono-openapi'
import type { AppEnv } from '../env'

type Spec = Awaited<ReturnType<typeof generateSpecs>>

const documentation = {
  info: {
    title: 'Rondgang API',
    version: '1',
    description:
      'Visits, venues, programme items, groups, releases and teams. Sign in through an e-mailed link; the ' +
      'session cookie then authorises calls. Bodies are JSON only; errors are RFC 9457 problem documents; ' +
      'updates carry the `version` they were based on and answer 409 when it is stale.',
  },
}

let cached: Spec | undefined

/** The OpenAPI document, generated once per isolate from the routes and their valibot schemas. */
export async function openApiDocument(app: Hono<AppEnv>, origin: string): Promise<Spec> {
  cached ??= await generateSpecs(app, {
    documentation,
    exclude: [/^(?!\/api\/)/, '/api/openapi.json', '/api/docs'],
    defaultValidationErrorResponse: false,
  })
  return { ...cached, servers: [{ url: origin }] }
}

type Operation = {
  summary?: string
  tags?: string[]
  requestBody?: { content?: Record<string, { schema?: unknown }> }
}

/** A readable reference of the API, rendered by the Worker itself (no CDN scripts). */
export function ApiReferencePage({ spec }: { spec: Spec }) {
  const paths = Object.entries(spec.paths ?? {}) as [string, Record<string, Operation>][]
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
        <a href="/api/openapi.json">openapi.json</a> (OpenAPI {spec.openapi})
      </p>
      {[...byTag].map(([tag, ops]) => (
        <section aria-labelledby={`tag-${tag}`}>
          <h2 id={`tag-${tag}`}>{tag}</h2>
          {ops.map(({ method, path, op }) => {
            const schema = op.requestBody?.content?.['application/json']?.schema
            return (
              <details class="api-op">
                <summary>
                  <code class="method">{method}</code> <code>{path}</code> — {op.summary ?? ''}
                </summary>
                {schema ? <pre>{JSON.stringify(schema, null, 2)}</pre> : null}
              </details>
            )
          })}
        </section>
      ))}
    </>
  )
}

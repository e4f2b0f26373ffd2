// The generator of the OpenAPI document (openapi.ts holds what routes say about themselves): kept apart so
// that only the app serving /api/openapi.json loads @valibot/to-json-schema (issue 19).
import { toJsonSchema } from '@valibot/to-json-schema'
import type { Hono } from 'hono'
import type * as v from 'valibot'
import { SESSION_COOKIE } from '../auth/session'
import type { AppEnv } from '../env'
import { type Access, type Part, partOf, type Schema, type Success } from './openapi'

type JsonSchema = Record<string, unknown>

const accessByPath = (path: string): Access =>
  path.startsWith('/api/public/') || !path.startsWith('/api/')
    ? 'public'
    : path.startsWith('/api/photo-link/')
      ? 'photo-link'
      : path.startsWith('/api/photo-uploads/')
        ? 'session-or-photo-link'
        : 'session'

const securityOf: Record<Access, { security?: Record<string, never[]>[] }> = {
  session: {},
  public: { security: [] },
  'photo-link': { security: [{ photoLink: [] }] },
  'session-or-photo-link': { security: [{ session: [] }, { photoLink: [] }] },
}

/** A JSON Schema (2020-12, as OpenAPI 3.1 uses) of a valibot schema; what JSON cannot say is left out. */
export function jsonSchemaOf(schema: Schema, typeMode: 'input' | 'output' = 'input'): JsonSchema {
  const { $schema: _drop, ...rest } = toJsonSchema(schema as v.GenericSchema, {
    target: 'draft-2020-12',
    errorMode: 'ignore',
    typeMode,
  }) as JsonSchema
  return rest
}

const problemRef = { $ref: '#/components/responses/Problem' }
/** What each problem status of an operation means (the body is always a Problem). */
export const problemCodes = {
  400: 'Bad request (a malformed path, header or query)',
  401: 'Not signed in',
  403: 'Not allowed for your role',
  404: 'Not found (or not visible to you)',
  409: 'Conflict: the version was stale, or the state does not allow it',
  413: 'The body is larger than this route takes',
  415: 'The body is not application/json',
  422: 'The input is not valid; `errors` names the fields',
  429: 'Too many requests; see Retry-After',
  503: 'The database is briefly unavailable; try again after Retry-After',
} as const

/** Problem statuses that a route names itself (`Success.problems`). */
export const routeProblemCodes = {
  411: 'The body has no Content-Length: send it whole, not chunked',
} as const

const problemSchema: JsonSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string', format: 'uri', description: 'A page that explains the code' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    code: { type: 'string', description: 'The closed error code clients branch on' },
    reason: { type: 'string', description: 'A typed reason when the code alone does not say enough' },
    requestId: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
}

type RouteLike = { method: string; path: string; handler: unknown }

/**
 * `/items/:itemId{[a-z]+\.ics}` → `/items/{itemId}.ics`, with the parameter names: a pattern that ends in a
 * fixed extension keeps it in the path (the parameter is the part before it).
 */
function openApiPath(path: string): { path: string; params: string[] } {
  const params: string[] = []
  const out = path.replace(
    /:([A-Za-z0-9_]+)(\{(?:[^{}]|\{[^{}]*\})*\})?/g,
    (_m, name: string, pattern: string | undefined) => {
      params.push(name)
      const extension = pattern?.match(/\\(\.[a-z0-9]+)\}$/)?.[1] ?? ''
      return `{${name}}${extension}`
    },
  )
  return { path: out, params }
}

/** The media type a path's extension names (a CSV, a calendar, a feed), when the route says none. */
const typeByExtension: Record<string, string> = {
  '.csv': 'text/csv',
  '.ics': 'text/calendar',
  '.xml': 'application/xml',
  '.atom': 'application/atom+xml',
}
const typeOfPath = (path: string) => typeByExtension[path.match(/\.[a-z]+$/)?.[0] ?? '']

const operationId = (method: string, path: string) =>
  method.toLowerCase() +
  path
    .split('/')
    .filter((s) => s && s !== 'api')
    .map((s) =>
      s
        .replace(/[{}]/g, '')
        .replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase()),
    )
    .map((s) => s.charAt(0).toUpperCase() + s.slice(1))
    .join('')

function queryParameters(schema: Schema) {
  const json = jsonSchemaOf(schema)
  const props = (json.properties ?? {}) as Record<string, JsonSchema>
  const required = new Set((json.required ?? []) as string[])
  return Object.entries(props).map(([name, s]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema: s,
  }))
}

function successResponse(declared: Success, path: string) {
  const ok = declared.type || declared.schema ? declared : { ...declared, type: typeOfPath(path) }
  const headers: Record<string, unknown> = {}
  if (ok.etag) {
    headers.ETag = { description: 'The version of the resource, for If-Match', schema: { type: 'string' } }
  }
  if (ok.status === 201) {
    headers.Location = { description: 'Where the new resource lives', schema: { type: 'string' } }
  }
  const body =
    ok.status === 204
      ? {}
      : {
          content: {
            [ok.type ?? 'application/json']: {
              schema: ok.schema
                ? jsonSchemaOf(ok.schema, 'output')
                : ok.type && ok.type !== 'application/json'
                  ? { type: 'string' }
                  : { type: 'object' },
            },
          },
        }
  return { description: ok.description, ...(Object.keys(headers).length ? { headers } : {}), ...body }
}

/** Reads the routes of an app and builds an OpenAPI 3.1 document of those that carry a `doc()`. */
export function generateDocument(
  app: Pick<Hono<AppEnv>, 'routes'>,
  info: { title: string; version: string; description: string },
) {
  type Op = { method: string; path: string; params: string[]; parts: Part[] }
  const ops = new Map<string, Op>()
  for (const route of app.routes as RouteLike[]) {
    const part = partOf(route.handler)
    if (!part || route.method === 'ALL') continue
    const { path, params } = openApiPath(route.path)
    const key = `${route.method} ${path}`
    const op = ops.get(key) ?? { method: route.method.toLowerCase(), path, params, parts: [] }
    op.parts.push(part)
    ops.set(key, op)
  }
  const paths: Record<string, Record<string, unknown>> = {}
  const tags = new Set<string>()
  for (const { method, path, params, parts } of ops.values()) {
    const operation = parts.find((p) => p.kind === 'operation')
    if (!operation) continue
    tags.add(operation.tag)
    const { ok } = operation
    const parameters: unknown[] = params.map((name) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }))
    let requestBody: unknown
    for (const p of parts) {
      if (p.kind !== 'input') continue
      if (p.target === 'query') parameters.push(...queryParameters(p.schema))
      else
        requestBody = { required: true, content: { 'application/json': { schema: jsonSchemaOf(p.schema) } } }
    }
    if (ok.ifMatch) {
      parameters.push({
        name: 'If-Match',
        in: 'header',
        required: false,
        description: 'The version this change is based on, as `"vN"` (or `?version=N`)',
        schema: { type: 'string', pattern: '^(W/)?"v[0-9]+"$' },
      })
    }
    const access = ok.access ?? accessByPath(path)
    const problems = Object.fromEntries(
      Object.keys(problemCodes)
        .filter((code) => (access === 'public' ? code !== '401' && code !== '403' : true))
        .filter((code) => (requestBody ? true : !['413', '415', '422'].includes(code)))
        // A read changes nothing, so it has no version or state to conflict with.
        .filter((code) => (method === 'get' ? code !== '409' : true))
        .concat((ok.problems ?? []).map(String))
        .filter((code, i, all) => all.indexOf(code) === i)
        .sort()
        .map((code) => [code, problemRef]),
    )
    paths[path] ??= {}
    paths[path][method] = {
      operationId: operationId(method, path),
      tags: [operation.tag],
      summary: operation.summary,
      ...securityOf[access],
      ...(parameters.length ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses: { [ok.status]: successResponse(ok, path), ...problems },
    }
  }
  return {
    openapi: '3.1.0',
    info: { ...info, license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' } },
    tags: [...tags].sort().map((name) => ({ name, description: `Operations on ${name}` })),
    security: [{ session: [] }],
    paths,
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: 'The session made by following an e-mailed sign-in link',
        },
        photoLink: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Photo-Link',
          description: 'The token of a photo link made by the team',
        },
      },
      schemas: { Problem: problemSchema },
      responses: {
        Problem: {
          description: 'A problem (RFC 9457); `code` is one of a closed set',
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        },
      },
    },
  }
}

export type OpenApiDocument = ReturnType<typeof generateDocument>

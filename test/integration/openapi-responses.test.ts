import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { misfits, servedDocument } from './documented-answer'
import { matrix, send } from './matrix'
import { type ActorName, makeWorld } from './world'

/**
 * Every documented operation, called for real (the role × route matrix's request, as the first actor it lets
 * through), and its answer checked against the response schema the OpenAPI document gives for that status: a
 * handler that drifts from its description fails here.
 */

/** `/api/items/:itemId` and `/v/:slug/items/:itemId{[A-Za-z0-9-]+\.ics}` as the document writes them. */
const documentedPath = (route: string) =>
  route.replace(/:([A-Za-z0-9_]+)(\{(?:[^{}]|\{[^{}]*\})*\})?/g, (_m, name: string, pattern?: string) => {
    const extension = pattern?.match(/\\(\.[a-z0-9]+)\}$/)?.[1] ?? ''
    return `{${name}}${extension}`
  })

// The actor tried first is the one most likely to see everything an answer can hold.
const preference: ActorName[] = [
  'owner',
  'organiser',
  'host',
  'caterer',
  'viewer',
  'outsider',
  'anonymous',
  'speaker',
]

const rows = Object.entries(matrix).map(([key, row]) => {
  const [method, route] = key.split(' ') as [string, string]
  const actor = preference.find((a) => row.expect[a] >= 200 && row.expect[a] < 300)
  return { key, row, method: method.toLowerCase(), path: documentedPath(route), actor }
})

describe('the documented responses are the real ones', async () => {
  const doc = await servedDocument()
  const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ path, method, op })),
  )

  it('every documented operation is called here, but three the matrix cannot reach', () => {
    const unreached = operations
      .filter(({ path, method }) => !rows.some((r) => r.path === path && r.method === method && r.actor))
      .map(({ path, method }) => `${method} ${path}`)
    // The world's release has no items: the calendar event is called in openapi-responses-data.test.ts. A part
    // and the finish of an upload need a real image sent in order (photos.test.ts does that); a part answers
    // the upload, the schema GET /api/photo-uploads/{uploadId} is checked against; the finish is checked by its
    // example only (openapi.unit.test.ts).
    expect(unreached.sort()).toEqual([
      'get /v/{slug}/items/{itemId}.ics',
      'post /api/photo-uploads/{uploadId}/complete',
      'put /api/photo-uploads/{uploadId}/parts/{partNumber}',
    ])
  })

  it('lists every status the matrix expects of an operation, for any actor', () => {
    const undocumented = operations.flatMap(({ path, method, op }) =>
      rows
        .filter((r) => r.path === path && r.method === method)
        .flatMap((r) => Object.entries(r.row.expect))
        .filter(([, status]) => !(String(status) in op.responses))
        .map(([actor, status]) => `${method.toUpperCase()} ${path}: ${status} (${actor})`),
    )
    expect([...new Set(undocumented)]).toEqual([])
  })

  for (const { path, method, op } of operations) {
    const r = rows.find((x) => x.path === path && x.method === method && x.actor)
    if (!r?.actor) continue
    const actor = r.actor
    it(`${method.toUpperCase()} ${path} as ${actor}`, async () => {
      const w = await makeWorld()
      const res = await send(w, actor, r.key, r.row)
      const status = String(res.status)
      expect(Object.keys(op.responses), `${res.status} is documented`).toContain(status)
      const media = op.responses[status]?.content ?? {}
      const type = res.headers.get('content-type')?.split(';')[0] ?? ''
      if (res.status === 204) {
        expect(await res.text()).toBe('')
        return
      }
      expect(Object.keys(media), 'the media type is documented').toContain(type)
      if (!type.includes('json')) return
      expect(misfits(media[type]?.schema, await res.json())).toEqual([])
    })
  }
})

describe('the reference page', () => {
  const page = async (lang: 'nl' | 'en') => {
    const res = await SELF.fetch(`http://rondgang.test/api/docs?lang=${lang}`)
    expect(res.status).toBe(200)
    const html = await res.text()
    // One operation: from its path to the next operation (its schema is a <details> of its own).
    return (path: string) => {
      const from = html.slice(html.indexOf(`<code>${path}</code>`))
      return from.slice(0, from.indexOf('<details class="api-op">'))
    }
  }

  it('shows each operation with its answers: status, description, fields, example, problems', async () => {
    const operation = await page('en')
    const op = operation('/api/me')
    expect(op).toContain('Response 200: You')
    // The fields of the answer, and the example from its schema (a real answer's shape, not an empty object).
    expect(op).toMatch(/<code>visitRoles<\/code>: array of object/)
    expect(op).toMatch(
      /<h5>Example<\/h5><pre>\{\s+&quot;person&quot;: \{\s+&quot;id&quot;: &quot;[0-9a-f-]{36}&quot;/,
    )
    expect(op).toContain('<code>401</code> Not signed in')
    // An answer without a body says so.
    expect(operation('/api/visits/{visitId}/archive')).toContain('Response 204: Archived</h4><p>No body.</p>')
  })

  it('says its own words in Dutch too', async () => {
    const operation = await page('nl')
    expect(operation('/api/me')).toContain('Antwoord 200: You')
    expect(operation('/api/me')).toContain('<h5>Voorbeeld</h5>')
    expect(operation('/api/visits/{visitId}/archive')).toContain(
      'Antwoord 204: Archived</h4><p>Geen inhoud.</p>',
    )
  })
})

import { describeRoute } from 'hono-openapi'

const problem = { description: 'A problem (RFC 9457)', content: { 'application/problem+json': {} } }

/** Describes an API route for the OpenAPI document, with the problems every route can answer. */
export const doc = (tag: string, summary: string, ok: { status: number; description: string }) =>
  describeRoute({
    tags: [tag],
    summary,
    responses: {
      [ok.status]: { description: ok.description },
      401: problem,
      403: problem,
      404: problem,
      409: problem,
      422: problem,
    },
  })

/** The version an update or delete was based on: the body's `version`, or If-Match: "vN". */
export function versionFrom(ifMatch: string | undefined, query: string | undefined): number | null {
  const fromHeader = ifMatch?.match(/^(?:W\/)?"v(\d+)"$/)?.[1]
  const raw = fromHeader ?? query
  if (!raw || !/^\d{1,9}$/.test(raw)) return null
  const n = Number(raw)
  return n >= 1 ? n : null
}

import type { Hono } from 'hono'
import type { AppEnv } from './platform/env'
import { ApiReferencePage, openApiDocument } from './platform/http/api-docs'

/**
 * The API's own description, generated from the app's routes and their schemas (never written by hand); the
 * deployed build serves the same document generated at build time (scripts/build.mjs).
 */
export function mountApiDescription(
  app: Hono<AppEnv>,
  documentFor: (origin: string) => ReturnType<typeof openApiDocument> = (origin) =>
    openApiDocument(app, origin),
) {
  app.get('/api/openapi.json', (c) => c.json(documentFor(new URL(c.req.url).origin)))
  app.get('/api/docs', (c) =>
    c.render(<ApiReferencePage spec={documentFor(new URL(c.req.url).origin)} t={c.var.t.apiDocs} />, {
      title: 'API',
    }),
  )
}

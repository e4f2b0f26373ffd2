import type { Hono } from 'hono'
import type { AppEnv } from './platform/env'
import { ApiReferencePage, openApiDocument } from './platform/http/api-docs'

/** The API's own description, generated from the app's routes and their schemas (never written by hand). */
export function mountApiDescription(app: Hono<AppEnv>) {
  app.get('/api/openapi.json', (c) => c.json(openApiDocument(app, new URL(c.req.url).origin)))
  app.get('/api/docs', (c) =>
    c.render(<ApiReferencePage spec={openApiDocument(app, new URL(c.req.url).origin)} />, { title: 'API' }),
  )
}

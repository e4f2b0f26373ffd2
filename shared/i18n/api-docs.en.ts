/** The API reference page's own words in English (api-docs.ts has the Dutch and the shape). */
import type { apiDocsNl } from './api-docs'

export const apiDocsEn: typeof apiDocsNl = {
  docsLink: 'The description as OpenAPI',
  problemCodes: 'the problem codes',
  errors: 'Errors',
  noSignIn: '(no sign-in)',
  request: 'Request',
  response: (status: string) => `Response ${status}`,
  body: 'Body',
  noBody: 'No body.',
  example: 'Example',
  schema: 'Schema',
  shapes: (n: number) => `One of ${n} shapes, by who asks; the first:`,
  problems: 'Problems',
}

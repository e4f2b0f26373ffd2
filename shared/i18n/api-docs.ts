/**
 * The API reference page's own words in Dutch (api-docs.en.ts: English); the operations themselves are described
 * in English, as the API is.
 */

export const apiDocsNl = {
  docsLink: 'De beschrijving als OpenAPI',
  problemCodes: 'de foutcodes',
  errors: 'Fouten',
  noSignIn: '(zonder inloggen)',
  request: 'Verzoek',
  response: (status: string) => `Antwoord ${status}`,
  body: 'Inhoud',
  noBody: 'Geen inhoud.',
  example: 'Voorbeeld',
  schema: 'Schema',
  shapes: (n: number) => `Een van ${n} vormen, naar wie het vraagt; de eerste:`,
  problems: 'Fouten',
}

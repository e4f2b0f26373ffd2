/** The API reference page's own words; the operations themselves are described in English, as the API is. */

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

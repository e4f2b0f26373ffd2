/**
 * The Content-Security-Policy of every page, as data: app.tsx hands it to hono's secureHeaders (which adds the
 * request's nonce to script-src), and a page that needs one more origin (the human check) writes the same
 * policy with that origin added, instead of a second copy of it.
 */
export const pagePolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
} satisfies Record<string, string[]>

type Directive = keyof typeof pagePolicy | 'frameSrc'

/** The page policy with the nonce of this response and some sources added, as a header value. */
export function pagePolicyWith(nonce: string | undefined, added: Partial<Record<Directive, string[]>>) {
  const directives: Record<string, string[]> = { ...pagePolicy }
  if (nonce) directives.scriptSrc = [...pagePolicy.scriptSrc, `'nonce-${nonce}'`]
  for (const [name, sources] of Object.entries(added)) {
    directives[name] = [...(directives[name] ?? []), ...(sources ?? [])]
  }
  return Object.entries(directives)
    .map(([name, sources]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${sources.join(' ')}`)
    .join('; ')
}

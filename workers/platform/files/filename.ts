/** A file name safe to show and to put in Content-Disposition: no path, no quotes or control characters. */
export function cleanFilename(name: string, fallback: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  // Control characters (below space, and DEL) could split a header; quotes and angle brackets break markup.
  const clean = [...base]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f && !'"<>'.includes(ch))
    .join('')
    .trim()
    .slice(0, 120)
  return clean === '' ? fallback : clean
}

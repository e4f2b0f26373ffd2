/** A file name safe to show and to put in Content-Disposition: no path, no quotes or control characters. */
export function cleanFilename(name: string, fallback: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  // Control characters could split a header; format characters (a right-to-left override) make
  // `gpj.exe` look like `exe.jpg`; quotes and angle brackets break markup.
  const clean = [...base]
    .filter((ch) => !/[\p{Cc}\p{Cf}]/u.test(ch) && !'"<>'.includes(ch))
    .join('')
    .trim()
    .slice(0, 120)
  return clean === '' ? fallback : clean
}

/**
 * The name a download goes by: the cleaned title of what was uploaded, without any extension of its own, and
 * the extension of the type its bytes were found to be. `evil.html` that is a PDF downloads as `evil.pdf`;
 * `photo.exe.pdf` as `photo exe.pdf` — one extension, the true one, never the raw name.
 */
export function downloadName(name: string, extension: string, fallback: string): string {
  const title = cleanFilename(name, fallback)
    .replace(/\.[^.]*$/, '')
    .replaceAll('.', ' ')
    .trim()
  return `${title === '' ? fallback : title}.${extension}`
}

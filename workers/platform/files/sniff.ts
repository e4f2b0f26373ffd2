/**
 * What a file is, by its first bytes: the name or type a client claims says nothing. Pure, so any feature
 * that takes files (slides, portraits, photos) checks them the same way before a byte is stored.
 */

/** A PDF starts with `%PDF-`; the name or type a client claims says nothing. */
export function looksLikePdf(prefix: Uint8Array): boolean {
  const magic = [0x25, 0x50, 0x44, 0x46, 0x2d]
  return prefix.length >= magic.length && magic.every((b, i) => prefix[i] === b)
}

/** The kind of a portrait by its first bytes: JPEG, PNG or WebP; null for anything else. */
export function imageKind(prefix: Uint8Array): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  const at = (i: number) => prefix[i] ?? -1
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg'
  if (at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47) return 'image/png'
  const ascii = (from: number, to: number) => String.fromCharCode(...prefix.slice(from, to))
  if (prefix.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp'
  return null
}

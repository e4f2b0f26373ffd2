/** A title or name on one line: a mail subject or sentence never breaks on what someone typed. */
export const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim()

/** The first line of a mail: "Beste Anna," / "Dear Anna," when the name is known, else "Hallo," / "Hello,". */
export function greeting(lang: 'nl' | 'en', name?: string | null): string {
  const who = name ? oneLine(name) : ''
  if (lang === 'nl') return who ? `Beste ${who},` : 'Hallo,'
  return who ? `Dear ${who},` : 'Hello,'
}

/**
 * A release's name in the reader's language: the names made up on publishing ("Versie 3", "Version 3") follow
 * the reader; a name the organiser typed stays as typed.
 */
export function releaseLabel(name: string, lang: string): string {
  const numbered = /^(?:Versie|Version) (\d+)$/.exec(name)
  if (!numbered) return name
  return `${lang === 'en' ? 'Version' : 'Versie'} ${numbered[1]}`
}

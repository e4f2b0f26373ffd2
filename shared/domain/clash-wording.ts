// The words clash messages are built from, in Dutch and English.

/** A name in quotes, as the messages cite titles and names. */
export function q(text: string): string {
  return `‘${text}’`
}

/** Names joined the Dutch way: 'a, b en c'. */
export function listNl(parts: readonly string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} en ${parts[parts.length - 1]}`
}

/** Names joined the English way: 'a, b and c'. */
export function listEn(parts: readonly string[]): string {
  return parts.length <= 1
    ? parts.join('')
    : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`
}

/** '1 minuut', '5 minuten'. */
export function minutesNl(n: number): string {
  return n === 1 ? '1 minuut' : `${n} minuten`
}

/** '1 minute', '5 minutes'. */
export function minutesEn(n: number): string {
  return n === 1 ? '1 minute' : `${n} minutes`
}

/** '1 persoon', '40 mensen'. */
export function peopleNl(n: number): string {
  return n === 1 ? '1 persoon' : `${n} mensen`
}

/** '1 person', '40 people'. */
export function peopleEn(n: number): string {
  return n === 1 ? '1 person' : `${n} people`
}

/** A distance to the nearest 10 m, or in km with a decimal comma: '1,3 km'. */
export function distanceNl(metres: number): string {
  const rounded = Math.round(metres / 10) * 10
  return rounded < 1000 ? `${rounded} m` : `${(metres / 1000).toFixed(1).replace('.', ',')} km`
}

/** A distance to the nearest 10 m, or in km: '1.3 km'. */
export function distanceEn(metres: number): string {
  const rounded = Math.round(metres / 10) * 10
  return rounded < 1000 ? `${rounded} m` : `${(metres / 1000).toFixed(1)} km`
}

// Written out by hand rather than with Intl, so the words do not depend on the ICU version of the runtime.
const monthsNl = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
]
const monthsEn = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** A local date in words: '19 september 2026'. */
export function longDateNl(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return `${d} ${monthsNl[(m ?? 1) - 1]} ${y}`
}

/** A local date in words: '19 September 2026'. */
export function longDateEn(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return `${d} ${monthsEn[(m ?? 1) - 1]} ${y}`
}

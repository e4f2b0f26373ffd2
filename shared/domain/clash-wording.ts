/** The words clash messages are built from, in Dutch and English. */

export function q(text: string): string {
  return `‘${text}’`
}

export function listNl(parts: readonly string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} en ${parts[parts.length - 1]}`
}

export function listEn(parts: readonly string[]): string {
  return parts.length <= 1
    ? parts.join('')
    : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`
}

export function minutesNl(n: number): string {
  return n === 1 ? '1 minuut' : `${n} minuten`
}

export function minutesEn(n: number): string {
  return n === 1 ? '1 minute' : `${n} minutes`
}

export function peopleNl(n: number): string {
  return n === 1 ? '1 persoon' : `${n} mensen`
}

export function peopleEn(n: number): string {
  return n === 1 ? '1 person' : `${n} people`
}

export function distanceNl(metres: number): string {
  const rounded = Math.round(metres / 10) * 10
  return rounded < 1000 ? `${rounded} m` : `${(metres / 1000).toFixed(1).replace('.', ',')} km`
}

export function distanceEn(metres: number): string {
  const rounded = Math.round(metres / 10) * 10
  return rounded < 1000 ? `${rounded} m` : `${(metres / 1000).toFixed(1)} km`
}

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

// Written out by hand rather than with Intl, so the words do not depend on the ICU version of the runtime.
export function longDateNl(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return `${d} ${monthsNl[(m ?? 1) - 1]} ${y}`
}

export function longDateEn(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return `${d} ${monthsEn[(m ?? 1) - 1]} ${y}`
}

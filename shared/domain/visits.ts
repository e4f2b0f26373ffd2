/** The words of a visit that the tables, schemas and views share. */
import { dayBounds } from './time'

/** The kinds of visit: the city executive touring a neighbourhood, a delegation visiting another city. */
export const visitKinds = ['college_visit', 'delegation_tour', 'other'] as const

/** A visit is drafted, published (its schedule public once released), then archived. */
export const visitStatuses = ['draft', 'published', 'archived'] as const

/** The kinds of venue, most often a resident's garden opened as a host venue. */
export const venueKinds = ['garden', 'community_centre', 'street', 'bus', 'other'] as const

/** The years a visit may fall in: wide enough for an archive and for plans, narrow enough to stay sensible. */
export const VISIT_YEARS = { first: 1990, last: 2199 } as const

/** The longest a visit may last, in days from its first to its last day (a long delegation tour fits). */
export const MAX_VISIT_DAYS = 31

/** True when a local date (`YYYY-MM-DD`) lies in the years a visit may fall in. */
export const isVisitYear = (date: string) => {
  const year = Number(date.slice(0, 4))
  return year >= VISIT_YEARS.first && year <= VISIT_YEARS.last
}

/** True when `YYYY-MM-DD` names a day that exists (not 2027-02-30). */
export const isRealDate = (date: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(`${date}T12:00:00Z`).toISOString().slice(0, 10) === date

/** Days from the first to the last day of a visit (0 for a visit of one day). */
export function visitDays(startDate: string, endDate: string): number {
  const day = (d: string) =>
    Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)))
  return Math.round((day(endDate) - day(startDate)) / 86_400_000)
}

/**
 * True when the visit is over: its last day has ended in its own zone. Registrations and calls for talks
 * close then. An unknown zone counts as ended at the last day's end in UTC.
 */
export function visitHasEnded(visit: { endDate: string; timeZone: string }, now: Date): boolean {
  let end: number
  try {
    end = dayBounds(visit.endDate, visit.timeZone).end
  } catch {
    end = Date.parse(`${visit.endDate}T00:00:00Z`) + 86_400_000
  }
  return now.getTime() >= end
}

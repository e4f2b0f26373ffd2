/** The programme the clash tests build on: one day in Amsterdam, three venues, items by local time. */
import type { Clash, ClashInput, ClashItem, ClashKind, ClashVenue } from './clashes'
import type { Interval } from './interval'
import { zonedToUtc } from './time'

export const zone = 'Europe/Amsterdam'
export const day = '2026-09-19'
/** An instant given as local wall time in Amsterdam, on the visit's day unless another date is given. */
export const at = (time: string, date = day): number => zonedToUtc(date, time, zone)
export const span = (from: string, to: string): Interval => ({ start: at(from), end: at(to) })

// 0.009° of latitude apart: 1000.8 m in a straight line, so 1.3 km of street; 18 min walking at 4.5 km/h,
// 6 min cycling at 15 km/h, 4 min by bus at 20 km/h.
export const garden: ClashVenue = { id: 'garden', name: 'Tuin van Els', lat: 52.15, lng: 4.5, capacity: 60 }
export const centre: ClashVenue = {
  id: 'centre',
  name: 'Buurthuis De Stip',
  lat: 52.159,
  lng: 4.5,
  capacity: 100,
}
export const corner: ClashVenue = {
  id: 'corner',
  name: 'Hoek Vondellaan',
  lat: null,
  lng: null,
  capacity: null,
}

/** An item for everyone, without a venue, between two local times (`extra` says the rest). */
export function item(id: string, from: string, to: string, extra: Partial<ClashItem> = {}): ClashItem {
  return { id, title: id, start: at(from), end: at(to), venueId: null, groupIds: [], kind: 'other', ...extra }
}

/** A one-day visit in Amsterdam with the three venues and nothing planned yet, unless `parts` says so. */
export function programme(parts: Partial<ClashInput> = {}): ClashInput {
  return {
    visit: { startDate: day, endDate: day, timeZone: zone, walkingSpeedKmh: 4.5, expectedGuests: null },
    venues: [garden, centre, corner],
    groups: [],
    items: [],
    speakers: [],
    talks: [],
    ...parts,
  }
}

/** The kinds of the clashes, in the order found. */
export const kinds = (clashes: readonly Clash[]): ClashKind[] => clashes.map((clash) => clash.kind)
/** The clashes of one kind. */
export const ofKind = (clashes: readonly Clash[], kind: ClashKind): Clash[] =>
  clashes.filter((c) => c.kind === kind)

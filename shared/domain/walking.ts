/** Distances between venues and how long the company needs to get from one to the next. */

/** A point on earth in decimal degrees (WGS 84). */
export type LatLng = { lat: number; lng: number }

/** How the company travels to a programme item from the previous one. */
export type LegMode = 'walk' | 'cycle' | 'bus' | 'train' | 'car'

/** The modes whose time follows from distance and speed; a train (and a timetabled bus) runs to its timetable. */
export type SpeedMode = Exclude<LegMode, 'train'>

/** Speeds per mode and how much longer real roads are than a straight line. */
export type TravelSettings = {
  walkingSpeedKmh: number
  cyclingSpeedKmh: number
  busSpeedKmh: number
  carSpeedKmh: number
  detourFactor: number
}

/**
 * A relaxed group walking pace, a group bike ride, a city bus with stops, a car or coach on town roads and
 * motorway with parking at both ends; roads 30% longer than the straight line.
 */
export const defaultTravelSettings: Readonly<TravelSettings> = {
  walkingSpeedKmh: 4.5,
  cyclingSpeedKmh: 15,
  busSpeedKmh: 20,
  carSpeedKmh: 60,
  detourFactor: 1.3,
}

/**
 * True when a leg runs to a timetable rather than at a speed: a train always, a bus when the organiser
 * entered its departure or arrival time. Such a leg is checked against those times, never against a speed.
 */
export function isScheduledLeg(mode: LegMode, timetabled: boolean): boolean {
  return mode === 'train' || (mode === 'bus' && timetabled)
}

/** Mean earth radius (IUGG), in metres. */
const earthRadiusMetres = 6_371_008.8

/** Straight-line distance over the earth's surface between two points, in metres (haversine). */
export function greatCircleMetres(a: LatLng, b: LatLng): number {
  const toRadians = Math.PI / 180
  const dLat = (b.lat - a.lat) * toRadians
  const dLng = (b.lng - a.lng) * toRadians
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * toRadians) * Math.cos(b.lat * toRadians) * Math.sin(dLng / 2) ** 2
  // Clamped: rounding can push h a hair above 1 for antipodal points.
  return 2 * earthRadiusMetres * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** Minutes needed to cover a straight-line distance by the given mode, rounded up to whole minutes. */
export function legMinutes(
  distanceMetres: number,
  mode: SpeedMode,
  settings: Partial<TravelSettings> = {},
): number {
  const d = defaultTravelSettings
  const speedKmh = {
    walk: settings.walkingSpeedKmh ?? d.walkingSpeedKmh,
    cycle: settings.cyclingSpeedKmh ?? d.cyclingSpeedKmh,
    bus: settings.busSpeedKmh ?? d.busSpeedKmh,
    car: settings.carSpeedKmh ?? d.carSpeedKmh,
  }[mode]
  const detourFactor = settings.detourFactor ?? d.detourFactor
  if (!Number.isFinite(distanceMetres) || distanceMetres < 0) {
    throw new RangeError(`Distance must be zero or more metres: ${distanceMetres}`)
  }
  if (!(speedKmh > 0) || !Number.isFinite(speedKmh)) {
    throw new RangeError(`Speed must be positive: ${speedKmh}`)
  }
  if (!(detourFactor >= 1) || !Number.isFinite(detourFactor)) {
    throw new RangeError(`Detour factor must be 1 or more: ${detourFactor}`)
  }
  const minutes = (distanceMetres * detourFactor) / ((speedKmh * 1000) / 60)
  // Without the tolerance, 15.000000000000002 minutes of floating-point noise would become 16.
  return Math.max(0, Math.ceil(minutes - 1e-9))
}

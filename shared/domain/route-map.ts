/**
 * The route of a visit as a small map: venue coordinates projected onto an SVG canvas (no map tiles or outside
 * services), with the legs between consecutive venues and their walking time.
 */
import { greatCircleMetres, type LatLng, legMinutes } from './walking'

export type MapVenue = { id: string; name: string; lat: number | null; lng: number | null }
export type MapItem = {
  venueId: string | null
  start: number
  cancelled: boolean
  groupIds: readonly string[]
  /** Travel items (train, coach) are not walked: the route breaks there. */
  kind?: string
}

/** A venue placed on the canvas, numbered in the order it is first visited. */
export type MapPoint = { id: string; name: string; number: number; x: number; y: number }
/** A leg between two consecutive venues of the route. */
export type MapLeg = {
  from: string
  to: string
  metres: number
  walkMinutes: number
  x1: number
  y1: number
  x2: number
  y2: number
}
export type RouteMap = { width: number; height: number; points: MapPoint[]; legs: MapLeg[] }

/**
 * Projects the venues of a route (items in time order, for one group or everyone) onto a width × height
 * canvas with a margin, keeping the aspect ratio (an equirectangular projection scaled by the cosine of the
 * latitude, which is exact enough for a neighbourhood). Venues without coordinates are left out.
 */
export function routeMap(
  venues: readonly MapVenue[],
  items: readonly MapItem[],
  opts: {
    width?: number
    height?: number
    margin?: number
    walkingSpeedKmh?: number
    groupId?: string | null
  } = {},
): RouteMap {
  const width = opts.width ?? 600
  const height = opts.height ?? 400
  const margin = opts.margin ?? 40
  const byId = new Map(venues.map((v) => [v.id, v]))
  // `null` marks a break in the route: nobody walks from before a train ride to after it.
  const route: ((MapVenue & LatLng) | null)[] = []
  const inOrder = [...items]
    .filter((i) => !i.cancelled && (i.venueId || i.kind === 'travel'))
    .filter((i) => !opts.groupId || i.groupIds.length === 0 || i.groupIds.includes(opts.groupId))
    .sort((a, b) => a.start - b.start)
  for (const item of inOrder) {
    if (item.kind === 'travel') {
      route.push(null)
      continue
    }
    const v = byId.get(item.venueId as string)
    if (!v || v.lat === null || v.lng === null) continue
    if (route.at(-1)?.id === v.id) continue
    route.push({ ...v, lat: v.lat, lng: v.lng })
  }
  const stops = route.filter((v): v is MapVenue & LatLng => v !== null)
  const unique = [...new Map(stops.map((v) => [v.id, v])).values()]
  if (unique.length === 0) return { width, height, points: [], legs: [] }
  const meanLat = unique.reduce((s, v) => s + v.lat, 0) / unique.length
  const k = Math.cos((meanLat * Math.PI) / 180)
  const xs = unique.map((v) => v.lng * k)
  const ys = unique.map((v) => -v.lat)
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]
  const spanX = maxX - minX || 1e-9
  const spanY = maxY - minY || 1e-9
  const scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY)
  // Centre the drawing; a single venue sits in the middle.
  const offX = (width - spanX * scale) / 2
  const offY = (height - spanY * scale) / 2
  const place = (v: LatLng) => ({
    x: round(unique.length === 1 ? width / 2 : offX + (v.lng * k - minX) * scale),
    y: round(unique.length === 1 ? height / 2 : offY + (-v.lat - minY) * scale),
  })
  const points = unique.map((v, i) => ({ id: v.id, name: v.name, number: i + 1, ...place(v) }))
  const legs: MapLeg[] = []
  // Each stretch between two venues is drawn and listed once, the first time it is walked (either way): a
  // programme that goes back and forth, or groups in turn, would otherwise repeat the same line many times.
  const walked = new Set<string>()
  for (let i = 1; i < route.length; i++) {
    const a = route[i - 1]
    const b = route[i]
    if (!a || !b) continue
    const stretch = a.id < b.id ? `${a.id} ${b.id}` : `${b.id} ${a.id}`
    if (walked.has(stretch)) continue
    walked.add(stretch)
    const metres = greatCircleMetres(a, b)
    const pa = place(a)
    const pb = place(b)
    legs.push({
      from: a.id,
      to: b.id,
      metres: Math.round(metres),
      walkMinutes: legMinutes(metres, 'walk', { walkingSpeedKmh: opts.walkingSpeedKmh ?? 4.5 }),
      x1: pa.x,
      y1: pa.y,
      x2: pb.x,
      y2: pb.y,
    })
  }
  return { width, height, points, legs }
}

const round = (n: number) => Math.round(n * 10) / 10

/** The item running at `now` and the next ones to start, for the "now and next" bar on the visit day. */
export function nowAndNext<T extends { start: number; end: number; cancelled: boolean }>(
  items: readonly T[],
  now: number,
) {
  const live = items.filter((i) => !i.cancelled)
  const current = live.filter((i) => i.start <= now && now < i.end)
  const upcoming = live.filter((i) => i.start > now).sort((a, b) => a.start - b.start)
  const nextStart = upcoming[0]?.start
  return { current, next: nextStart === undefined ? [] : upcoming.filter((i) => i.start === nextStart) }
}

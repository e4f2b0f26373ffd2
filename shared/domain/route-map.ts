/**
 * The route of a visit as a small map: venue coordinates projected onto an SVG canvas (no map tiles or outside
 * services), with each group's path between the venues it goes to and the walking time of each leg.
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
/** A part of the company, for naming its path. */
export type MapGroup = { id: string; name: string }

/** A venue placed on the canvas, numbered in the order it is first visited. */
export type MapPoint = { id: string; name: string; number: number; x: number; y: number }
/** A leg between two consecutive venues of a path, as drawn (shifted aside when paths share it). */
export type MapLeg = {
  from: string
  to: string
  metres: number
  walkMinutes: number
  x1: number
  y1: number
  x2: number
  y2: number
  /** Where its label goes: along the line, at a different place for each path that shares the stretch. */
  labelX: number
  labelY: number
  /** The groups that walk this stretch (empty: everyone, when the company is not split). */
  groupIds: string[]
}
/**
 * The way one group (or several that go together) goes: its legs in order. `mark` (A, B, …) labels it on the
 * drawing and in the legend when there is more than one path, so paths differ by more than colour.
 */
export type MapPath = { groupIds: string[]; names: string[]; mark: string; legs: MapLeg[] }
export type RouteMap = {
  width: number
  height: number
  points: MapPoint[]
  /** Every stretch once, the first time it is walked, with the groups that walk it. */
  legs: MapLeg[]
  /** One per distinct way through the venues; one path when everyone goes together. */
  paths: MapPath[]
}

/** How far apart, on the canvas, paths that share a stretch are drawn. */
const sideBySide = 9

/**
 * Projects the venues of a route onto a width × height canvas with a margin, keeping the aspect ratio (an
 * equirectangular projection scaled by the cosine of the latitude, exact enough for a neighbourhood); venues
 * without coordinates are left out. For everyone, each group's path is drawn on its own (items for everyone
 * belong to every group), so groups that are apart at the same time are never joined by a leg nobody walks;
 * groups that go the same way share one path. With `groupId`, only that group's path.
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
    groups?: readonly MapGroup[]
  } = {},
): RouteMap {
  const width = opts.width ?? 600
  const height = opts.height ?? 400
  const margin = opts.margin ?? 40
  const byId = new Map(venues.map((v) => [v.id, v]))
  const live = [...items]
    .filter((i) => !i.cancelled && (i.venueId || i.kind === 'travel'))
    .sort((a, b) => a.start - b.start)
  const known = [...(opts.groups ?? []).map((g) => g.id), ...live.flatMap((i) => i.groupIds)]
  const audiences: (string | null)[] = opts.groupId
    ? [opts.groupId]
    : known.length > 0
      ? [...new Set(known)]
      : [null]
  const nameOf = new Map((opts.groups ?? []).map((g) => [g.id, g.name]))
  // Each audience's stops in time order; `null` marks a break: nobody walks from before a train ride to after it.
  const routes = audiences.map((audience) => {
    const route: ((MapVenue & LatLng) | null)[] = []
    for (const item of live) {
      if (audience !== null && item.groupIds.length > 0 && !item.groupIds.includes(audience)) continue
      if (item.kind === 'travel') {
        route.push(null)
        continue
      }
      const v = byId.get(item.venueId as string)
      if (!v || v.lat === null || v.lng === null) continue
      if (route.at(-1)?.id === v.id) continue
      route.push({ ...v, lat: v.lat, lng: v.lng })
    }
    return { audience, route }
  })
  // Venues numbered in the order the programme first reaches them, whichever group goes there.
  const firstVisit = new Map<string, MapVenue & LatLng>()
  const shown = (item: MapItem) =>
    item.groupIds.length === 0 || audiences.some((a) => a === null || item.groupIds.includes(a))
  for (const item of live) {
    if (!shown(item)) continue
    const v = item.venueId && item.kind !== 'travel' ? byId.get(item.venueId) : undefined
    const onRoute = routes.some((r) => r.route.some((stop) => stop?.id === v?.id))
    if (v && v.lat !== null && v.lng !== null && onRoute && !firstVisit.has(v.id)) {
      firstVisit.set(v.id, { ...v, lat: v.lat, lng: v.lng })
    }
  }
  const unique = [...firstVisit.values()]
  if (unique.length === 0) return { width, height, points: [], legs: [], paths: [] }
  const meanLat = unique.reduce((sum, v) => sum + v.lat, 0) / unique.length
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
    x: unique.length === 1 ? width / 2 : offX + (v.lng * k - minX) * scale,
    y: unique.length === 1 ? height / 2 : offY + (-v.lat - minY) * scale,
  })
  const points = unique.map((v, i) => ({
    id: v.id,
    name: v.name,
    number: i + 1,
    x: round(place(v).x),
    y: round(place(v).y),
  }))
  const stretchOf = (a: MapVenue, b: MapVenue) => (a.id < b.id ? `${a.id} ${b.id}` : `${b.id} ${a.id}`)
  // Each audience's stretches, each once (a programme that goes back and forth walks a stretch again).
  type Stretch = { key: string; a: MapVenue & LatLng; b: MapVenue & LatLng }
  const walkedBy = routes.map(({ audience, route }) => {
    const seen = new Set<string>()
    const stretches: Stretch[] = []
    for (let i = 1; i < route.length; i++) {
      const a = route[i - 1]
      const b = route[i]
      if (!a || !b) continue
      const key = stretchOf(a, b)
      if (seen.has(key)) continue
      seen.add(key)
      stretches.push({ key, a, b })
    }
    return { audience, stretches }
  })
  // Groups that go exactly the same way share one path.
  const paths: { audiences: (string | null)[]; stretches: Stretch[] }[] = []
  for (const w of walkedBy) {
    const signature = w.stretches.map((x) => x.key).join('|')
    const same = paths.find((p) => p.stretches.map((x) => x.key).join('|') === signature)
    if (same) same.audiences.push(w.audience)
    else paths.push({ audiences: [w.audience], stretches: w.stretches })
  }
  const drawn = paths.filter((p) => p.stretches.length > 0)
  const walkers = (key: string) =>
    walkedBy
      .filter((w) => w.audience !== null && w.stretches.some((x) => x.key === key))
      .map((w) => w.audience as string)
  const pathsOn = (key: string) => drawn.filter((p) => p.stretches.some((x) => x.key === key))
  const legOf = (x: Stretch, shift: number, along = 0.5): MapLeg => {
    const metres = greatCircleMetres(x.a, x.b)
    const pa = place(x.a)
    const pb = place(x.b)
    // Shifted at right angles to the leg, so paths over the same stretch lie side by side.
    const length = Math.hypot(pb.x - pa.x, pb.y - pa.y) || 1
    const dx = (-(pb.y - pa.y) / length) * shift
    const dy = ((pb.x - pa.x) / length) * shift
    return {
      from: x.a.id,
      to: x.b.id,
      metres: Math.round(metres),
      walkMinutes: legMinutes(metres, 'walk', { walkingSpeedKmh: opts.walkingSpeedKmh ?? 4.5 }),
      x1: round(pa.x + dx),
      y1: round(pa.y + dy),
      x2: round(pb.x + dx),
      y2: round(pb.y + dy),
      labelX: round(pa.x + dx + (pb.x - pa.x) * along),
      labelY: round(pa.y + dy + (pb.y - pa.y) * along - 8),
      groupIds: walkers(x.key),
    }
  }
  const mapPaths: MapPath[] = drawn.map((p, index) => {
    const groupIds = p.audiences.filter((a): a is string => a !== null)
    return {
      groupIds,
      names: groupIds.map((id) => nameOf.get(id) ?? id),
      mark: String.fromCharCode(65 + (index % 26)),
      legs: p.stretches.map((x) => {
        const sharing = pathsOn(x.key)
        const at = sharing.indexOf(p)
        // Measured from the same end whichever way a path walks it, so the labels never meet.
        const share = sharing.length > 1 ? 0.3 + (0.4 * at) / (sharing.length - 1) : 0.5
        const along = x.a.id < x.b.id ? share : 1 - share
        return legOf(x, (at - (sharing.length - 1) / 2) * sideBySide, along)
      }),
    }
  })
  const listed = new Set<string>()
  const legs: MapLeg[] = []
  for (const w of walkedBy) {
    for (const x of w.stretches) {
      if (listed.has(x.key)) continue
      listed.add(x.key)
      legs.push(legOf(x, 0))
    }
  }
  return { width, height, points, legs, paths: mapPaths }
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

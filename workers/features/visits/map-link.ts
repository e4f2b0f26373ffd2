/**
 * Coordinates from a pasted map link (OpenStreetMap, Google Maps) or a plain "52.1512, 4.4960": residents and
 * committees copy a link from their map app far more easily than they type two numbers.
 */

export type MapLinkResult = { lat: number; lng: number } | { problem: 'no_coordinates' | 'short_link' }

const pair = (lat: string | undefined, lng: string | undefined) => {
  const a = Number(lat)
  const b = Number(lng)
  if (!Number.isFinite(a) || !Number.isFinite(b) || Math.abs(a) > 90 || Math.abs(b) > 180) return null
  return { lat: Math.round(a * 1e6) / 1e6, lng: Math.round(b * 1e6) / 1e6 }
}

const NUM = String.raw`(-?\d{1,3}(?:\.\d+)?)`

/** The coordinates in a map link or a typed pair, or why there are none. */
export function coordinatesFromMapLink(input: string): MapLinkResult {
  const text = input.trim()
  const plain = new RegExp(String.raw`^${NUM}\s*[,;]\s*${NUM}$`).exec(text.replace(/\s+/g, ' '))
  if (plain) return pair(plain[1], plain[2]) ?? { problem: 'no_coordinates' }
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return { problem: 'no_coordinates' }
  }
  const host = url.hostname.replace(/^www\./, '')
  // Short links (maps.app.goo.gl, goo.gl/maps) only hold coordinates after a redirect we do not follow.
  if (host === 'maps.app.goo.gl' || host === 'goo.gl') return { problem: 'short_link' }
  const q = url.searchParams
  const candidates: [string | undefined, string | undefined][] = []
  // OpenStreetMap: a marker (?mlat=&mlon=), ?lat=&lon=, or the view in the fragment (#map=17/52.15/4.49).
  candidates.push([q.get('mlat') ?? undefined, q.get('mlon') ?? undefined])
  candidates.push([q.get('lat') ?? undefined, q.get('lon') ?? q.get('lng') ?? undefined])
  const view = new RegExp(String.raw`map=\d{1,2}(?:\.\d+)?/${NUM}/${NUM}`).exec(url.hash)
  if (view) candidates.push([view[1], view[2]])
  // Google Maps: the place itself (!3d…!4d…), the view (/@52.15,4.49,17z), or ?q= / ?query= / ?ll=.
  const place = new RegExp(String.raw`!3d${NUM}!4d${NUM}`).exec(url.pathname + url.search)
  if (place) candidates.push([place[1], place[2]])
  const at = new RegExp(String.raw`/@${NUM},${NUM}`).exec(url.pathname)
  if (at) candidates.push([at[1], at[2]])
  for (const key of ['q', 'query', 'll', 'destination']) {
    const m = new RegExp(String.raw`^${NUM},\s*${NUM}$`).exec(q.get(key) ?? '')
    if (m) candidates.push([m[1], m[2]])
  }
  for (const [lat, lng] of candidates) {
    if (lat === undefined || lng === undefined) continue
    const found = pair(lat, lng)
    if (found) return found
  }
  return { problem: 'no_coordinates' }
}

import * as v from 'valibot'

/**
 * Coordinates for an address from the Dutch government's PDOK Locatieserver (free, no key), for venues whose
 * committee knows the address but not two numbers. Off in development and tests; production turns it on with
 * ADDRESS_LOOKUP = "pdok". A slow or broken service never holds a form for long: the call is aborted.
 */

export const PDOK_FREE_URL = 'https://api.pdok.nl/bzk/locatieserver/search/v3_1/free'
/** A person is waiting at a form: give up after this long and say so. */
export const LOOKUP_TIMEOUT_MS = 4000

export type AddressLookup = { url: string; fetch: typeof fetch; timeoutMs: number }
export type AddressLookupResult =
  | { lat: number; lng: number; label: string }
  | { problem: 'not_found' | 'timeout' | 'unavailable' }

const answerSchema = v.object({
  response: v.object({
    docs: v.array(
      v.object({
        centroide_ll: v.optional(v.string()),
        weergavenaam: v.optional(v.string(), ''),
      }),
    ),
  }),
})

/** "POINT(4.4960 52.1512)" (longitude first) as coordinates, rounded as a typed pair is; null when malformed. */
export function pointOf(wkt: string): { lat: number; lng: number } | null {
  const m = /^POINT\s*\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)$/i.exec(wkt.trim())
  if (!m) return null
  const lng = Number(m[1])
  const lat = Number(m[2])
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return null
  return { lat: Math.round(lat * 1e6) / 1e6, lng: Math.round(lng * 1e6) / 1e6 }
}

/** The coordinates of the best match for an address, or why there are none. Never throws. */
export async function lookUpAddress(lookup: AddressLookup, address: string): Promise<AddressLookupResult> {
  const url = new URL(lookup.url)
  url.searchParams.set('q', address.trim())
  url.searchParams.set('rows', '1')
  url.searchParams.set('fl', 'weergavenaam,centroide_ll')
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), lookup.timeoutMs)
  try {
    const res = await lookup.fetch(url.toString(), {
      headers: { accept: 'application/json' },
      signal: controller.signal,
    })
    if (!res.ok) return { problem: 'unavailable' }
    const parsed = v.safeParse(answerSchema, await res.json())
    if (!parsed.success) return { problem: 'unavailable' }
    const [doc] = parsed.output.response.docs
    const point = doc?.centroide_ll ? pointOf(doc.centroide_ll) : null
    return point && doc ? { ...point, label: doc.weergavenaam } : { problem: 'not_found' }
  } catch (error) {
    const name = error instanceof Error || error instanceof DOMException ? error.name : ''
    if (controller.signal.aborted || name === 'AbortError' || name === 'TimeoutError')
      return { problem: 'timeout' }
    return { problem: 'unavailable' }
  } finally {
    clearTimeout(timer)
  }
}

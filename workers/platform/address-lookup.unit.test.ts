import { describe, expect, it } from 'vitest'
import { lookUpAddress, PDOK_FREE_URL, pointOf } from './address-lookup'
import { breestraatAnswer, hangingFetch, nothingFound, recordedFetch } from './address-lookup.test-fixture'

const lookup = (fetcher: typeof fetch, timeoutMs = 4000) => ({
  url: PDOK_FREE_URL,
  fetch: fetcher,
  timeoutMs,
})

describe('the PDOK address lookup', () => {
  it('asks for one row with the address and reads "POINT(lon lat)" as lat, lng', async () => {
    const pdok = recordedFetch(breestraatAnswer)
    expect(await lookUpAddress(lookup(pdok.fetcher), '  Breestraat 117, Leiden ')).toEqual({
      lat: 52.15829,
      lng: 4.48687,
      label: 'Breestraat 117, 2311CL Leiden',
    })
    const [asked] = pdok.asked
    expect(`${asked?.origin}${asked?.pathname}`).toBe(PDOK_FREE_URL)
    expect(asked?.searchParams.get('q')).toBe('Breestraat 117, Leiden')
    expect(asked?.searchParams.get('rows')).toBe('1')
  })

  it('says not_found for no match or a match without a usable point', async () => {
    expect(await lookUpAddress(lookup(recordedFetch(nothingFound).fetcher), 'Nergensstraat 0')).toEqual({
      problem: 'not_found',
    })
    const noPoint = { response: { docs: [{ weergavenaam: 'Leiden', centroide_ll: 'POINT(bad)' }] } }
    expect(await lookUpAddress(lookup(recordedFetch(noPoint).fetcher), 'Leiden')).toEqual({
      problem: 'not_found',
    })
  })

  it('says unavailable for an error status, an answer of another shape, or a failed connection', async () => {
    const down = recordedFetch(() => new Response('busy', { status: 503 }))
    expect(await lookUpAddress(lookup(down.fetcher), 'Breestraat 117')).toEqual({ problem: 'unavailable' })
    const odd = recordedFetch({ hello: 'world' })
    expect(await lookUpAddress(lookup(odd.fetcher), 'Breestraat 117')).toEqual({ problem: 'unavailable' })
    const refused = (async () => {
      throw new TypeError('Network connection lost.')
    }) as typeof fetch
    expect(await lookUpAddress(lookup(refused), 'Breestraat 117')).toEqual({ problem: 'unavailable' })
  })

  it('gives up on a service that hangs after its timeout, and says so', async () => {
    const started = Date.now()
    expect(await lookUpAddress(lookup(hangingFetch, 50), 'Breestraat 117')).toEqual({ problem: 'timeout' })
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('reads only well-formed points inside the world', () => {
    expect(pointOf('POINT(4.5 52.1)')).toEqual({ lat: 52.1, lng: 4.5 })
    expect(pointOf('point ( -0.1 51.5 )')).toEqual({ lat: 51.5, lng: -0.1 })
    expect(pointOf('POINT(200 52)')).toBeNull()
    expect(pointOf('POLYGON((1 2, 3 4))')).toBeNull()
  })
})

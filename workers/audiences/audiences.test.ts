import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { createApp } from '../app'
import { composeApp } from '../shell'
import { app as api } from './api'
import { app as apiCatering } from './api-catering'
import { app as apiGuests } from './api-guests'
import { app as apiPhotos } from './api-photos'
import { app as apiProgramme } from './api-programme'
import { app as apiReports } from './api-reports'
import { app as apiTalks } from './api-talks'
import { app as description } from './description'
import { app as dev } from './dev'
import { app as gallery } from './gallery'
import { type Audience, audienceOf, audiences } from './paths'
import { app as privacy } from './privacy'
import { app as providers } from './providers'
import { app as reader } from './reader'
import { app as report } from './report'
import { app as speakers } from './speakers'
import { app as team } from './team'
import { app as teamCatering } from './team-catering'
import { app as teamGuests } from './team-guests'
import { app as teamPhotos } from './team-photos'
import { app as teamProgramme } from './team-programme'
import { app as teamReports } from './team-reports'
import { app as teamTalks } from './team-talks'

const apps: Record<Audience, { routes: { method: string; path: string }[] }> = {
  reader,
  report,
  gallery,
  privacy,
  speakers,
  providers,
  team,
  'team-guests': teamGuests,
  'api-guests': apiGuests,
  'team-programme': teamProgramme,
  'team-talks': teamTalks,
  'team-catering': teamCatering,
  'team-photos': teamPhotos,
  'team-reports': teamReports,
  api,
  'api-programme': apiProgramme,
  'api-talks': apiTalks,
  'api-catering': apiCatering,
  'api-photos': apiPhotos,
  'api-reports': apiReports,
  description,
  dev,
}

const key = (route: { method: string; path: string }) => `${route.method} ${route.path}`
// What composeApp puts on every app (its middleware), whatever the audience.
const everywhere = new Set(composeApp(() => {}).routes.map(key))
/** An address the route answers, for the dispatch (which reads literal segments only). */
const addressOf = (pattern: string) =>
  new Request(`http://rondgang.test${pattern.replace(/:\w+(\{.*?\})?(?=\/|$)/g, 'x1').replaceAll('*', 'x1')}`)

describe('one app per audience (issue 19)', () => {
  it('serves every route of the whole app from the audience its address is sent to', () => {
    const missing = createApp()
      .routes.filter((r) => !everywhere.has(key(r)))
      .filter((r) => !apps[audienceOf(addressOf(r.path))].routes.some((a) => key(a) === key(r)))
      .map((r) => `${key(r)} (sent to ${audienceOf(addressOf(r.path))})`)
    expect(missing).toEqual([])
  })

  it('gives an audience only routes whose addresses are sent to it, and only routes of the whole app', () => {
    const whole = new Set(createApp().routes.map(key))
    for (const audience of audiences.filter((a) => a !== 'description')) {
      const routes = apps[audience].routes.filter((r) => !everywhere.has(key(r)))
      expect(routes.length, audience).toBeGreaterThan(0)
      expect(routes.filter((r) => audienceOf(addressOf(r.path)) !== audience).map(key), audience).toEqual([])
      expect(routes.filter((r) => !whole.has(key(r))).map(key), audience).toEqual([])
    }
  })

  it('sends paths by their segments, as Hono reads them', () => {
    const of = (path: string) => audienceOf(new Request(`http://rondgang.test${path}`))
    expect(of('/')).toBe('reader')
    expect(of('/v/report')).toBe('reader')
    expect(of('/v/a-visit/report/comment')).toBe('report')
    expect(of('/v/a-visit/photos.zip')).toBe('gallery')
    expect(of('/r/token/my-data.json')).toBe('privacy')
    expect(of('/r/token')).toBe('reader')
    expect(of('/api/openapi.json')).toBe('description')
    expect(of('/api/visits/1')).toBe('api')
    expect(of('/apis')).toBe('team')
    expect(of('/api/visits/1/catering/orders.csv')).toBe('api-catering')
    expect(of('/visits/1/talks')).toBe('team-talks')
    expect(of('/visits/1')).toBe('team')
    expect(of('/%76/a-visit/speakers')).toBe('speakers')
  })

  it('answers through the Worker for every audience', async () => {
    for (const [path, status] of [
      ['/healthz', 200],
      ['/sign-in', 200],
      ['/privacy', 200],
      ['/t/no-such-link', 404],
      ['/c/no-such-link', 404],
      ['/v/no-such-visit/photos', 404],
      ['/v/no-such-visit/report', 404],
      ['/api/teams', 401],
    ] as const) {
      const res = await SELF.fetch(`http://rondgang.test${path}`, { headers: { accept: 'text/html' } })
      await res.arrayBuffer()
      expect(res.status, path).toBe(status)
    }
    const document = await SELF.fetch('http://rondgang.test/api/openapi.json')
    const paths = Object.keys(((await document.json()) as { paths: object }).paths)
    // The feeds' routes (reader) are described beside the API's.
    expect(paths.some((p) => p.startsWith('/v/'))).toBe(true)
    expect(paths.some((p) => p.startsWith('/api/'))).toBe(true)
  })
})

import { describe, expect, it } from 'vitest'
import { createApp } from '../../workers/app'
import { productionEnv, testContext } from './helpers'
import { baseRows, checkRow, matrix, routeKeys } from './matrix'

/**
 * Every route of the app against every kind of actor, with the exact status expected — in the style of
 * pretalx's permission tests. The route list is read from the app itself: a route without a row fails here.
 * The rows run in several files (access-matrix*.test.ts) so that each gets fresh storage and they run in
 * parallel.
 */
describe('role × route matrix', () => {
  it('has a row for every route of the app, and no row for a route that does not exist', () => {
    expect(routeKeys.filter((k) => !(k in matrix))).toEqual([])
    expect(Object.keys(matrix).filter((k) => !routeKeys.includes(k))).toEqual([])
  })

  for (const key of Object.keys(baseRows)) it(key, () => checkRow(key))
})

describe('development helpers in production', () => {
  it('do not exist', async () => {
    const app = createApp()
    const production = productionEnv()
    for (const [path, method] of [
      ['/dev/mail', 'GET'],
      ['/dev/mail/latest?to=a@b.nl', 'GET'],
      ['/dev/seed', 'POST'],
    ] as const) {
      const { ctx } = testContext()
      const res = await app.request(
        path,
        { method, headers: { origin: 'http://localhost' } },
        production,
        ctx,
      )
      expect(res.status, path).toBe(404)
    }
  })
})

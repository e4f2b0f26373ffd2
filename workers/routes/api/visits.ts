import { Hono } from 'hono'
import { visitRoleSchema } from '../../../shared/schemas/teams'
import { venuePatchSchema } from '../../../shared/schemas/venues'
import type { AppEnv } from '../../env'
import { jsonBody } from '../../http/validation'
import { requirePerson } from '../../middleware/session'
import { getVenue, updateVenue } from '../../services/venues'
import { getVisit, grantVisitRole } from '../../services/visits'

/** Visits and venues as each role may see them. */
export const visitsApi = new Hono<AppEnv>()
  .get('/visits/:visitId', async (c) => {
    const signedIn = requirePerson(c)
    return c.json(await getVisit(c.var.db, signedIn.actor, c.req.param('visitId')))
  })
  .post('/visits/:visitId/roles', jsonBody(visitRoleSchema), async (c) => {
    const signedIn = requirePerson(c)
    const granted = await grantVisitRole(
      c.var.db,
      signedIn.actor,
      c.req.param('visitId'),
      c.req.valid('json'),
      new Date(),
    )
    return c.json(granted, 201)
  })
  .get('/venues/:venueId', async (c) => {
    const signedIn = requirePerson(c)
    const { venue } = await getVenue(c.var.db, signedIn.actor, c.req.param('venueId'))
    c.header('etag', `"v${venue.version}"`)
    return c.json(venue)
  })
  .patch('/venues/:venueId', jsonBody(venuePatchSchema), async (c) => {
    const signedIn = requirePerson(c)
    const { version, ...patch } = c.req.valid('json')
    const venue = await updateVenue(
      c.var.db,
      signedIn.actor,
      c.req.param('venueId'),
      patch,
      version,
      new Date(),
    )
    c.header('etag', `"v${venue.version}"`)
    return c.json(venue)
  })

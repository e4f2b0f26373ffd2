import { Hono } from 'hono'
import type { AppEnv } from '../../env'
import { requirePerson } from '../../middleware/session'
import { listRsvps, rsvpTotals } from '../../services/rsvps'
import { RsvpListPage } from '../../views/rsvp-pages'

/** The registrations of a visit for its team (totals, list, CSV) and for its caterers (totals only). */
export const rsvpPages = new Hono<AppEnv>().get('/visits/:visitId/rsvps', async (c) => {
  const signedIn = requirePerson(c)
  const visitId = c.req.param('visitId')
  const { access, visit, totals } = await rsvpTotals(c.var.db, signedIn.actor, visitId)
  const list =
    access === 'organise' || access === 'read' ? await listRsvps(c.var.db, signedIn.actor, visitId) : null
  c.header('cache-control', 'private, no-store')
  return c.render(
    <RsvpListPage t={c.var.t} visit={visit} totals={totals} list={list} groups={list?.groups ?? []} />,
    { title: `${c.var.t.rsvp.listTitle} · ${visit.title}` },
  )
})

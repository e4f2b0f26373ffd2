import { Hono } from 'hono'
import type { AppEnv } from '../../platform/env'
import { requirePerson } from '../../platform/middleware/session'
import { guestsPage } from './team-lists'
import { RsvpListPage } from './views/rsvp-pages'

/** The registrations of a visit for its team (totals, list, CSV) and for its caterers (totals only). */
export const rsvpPages = new Hono<AppEnv>().get('/visits/:visitId/rsvps', async (c) => {
  const signedIn = requirePerson(c)
  const { visit, totals, list, waiting } = await guestsPage(c.var.db, signedIn.actor, c.req.param('visitId'))
  c.header('cache-control', 'private, no-store')
  return c.render(
    <RsvpListPage
      t={c.var.t}
      visit={visit}
      totals={totals}
      list={list}
      waiting={waiting}
      groups={list?.groups ?? []}
    />,
    { title: `${c.var.t.rsvp.listTitle} · ${visit.title}` },
  )
})

import { Hono } from 'hono'
import * as v from 'valibot'
import { DomainError } from '../../../shared/errors'
import type { AppEnv } from '../../platform/env'
import { confirmFirst } from '../../platform/http/confirm'
import { deliverSoon } from '../../platform/mail/outbox'
import { requirePerson } from '../../platform/middleware/session'
import { guestListQuerySchema } from './schemas'
import { cancelRsvpForTeam } from './team-cancel'
import { type GuestListQuery, guestsPage } from './team-lists'
import { RsvpListPage } from './views/guest-list-page'

const idPattern = /^[A-Za-z0-9-]{1,64}$/

/**
 * The registrations of a visit for its team (totals, a page of the list, CSV) and for its caterers (totals
 * only). The list's search and page are GET parameters, so they work without JavaScript; parameters that
 * cannot be read answer 400 with a sentence above the whole list, never a 500.
 */
export const rsvpPages = new Hono<AppEnv>()
  .get('/visits/:visitId/rsvps', async (c) => {
    const signedIn = requirePerson(c)
    const parsed = v.safeParse(guestListQuerySchema, c.req.query())
    const query: GuestListQuery = parsed.success
      ? { search: parsed.output.q, status: parsed.output.status || null, page: parsed.output.page }
      : { search: '', status: null, page: 1 }
    const { visit, totals, list, waiting } = await guestsPage(
      c.var.db,
      signedIn.actor,
      c.req.param('visitId'),
      query,
    )
    const done = c.req.query('done')
    c.header('cache-control', 'private, no-store')
    if (!parsed.success) c.status(400)
    return c.render(
      <RsvpListPage
        t={c.var.t}
        visit={visit}
        totals={totals}
        list={list}
        waiting={waiting}
        groups={list?.groups ?? []}
        notice={done === 'cancelled' ? c.var.t.rsvps.guestList.cancelled : undefined}
        problem={parsed.success ? undefined : c.var.t.rsvps.guestList.badQuery}
      />,
      { title: `${c.var.t.rsvp.listTitle} · ${visit.title}` },
    )
  })
  // Cancelling a guest's registration asks first (also without JavaScript); the guest is mailed.
  .post('/visits/:visitId/rsvps/:rsvpId/cancel', confirmFirst('cancelRsvp'), async (c) => {
    const signedIn = requirePerson(c)
    const { visitId, rsvpId } = c.req.param()
    if (!idPattern.test(visitId) || !idPattern.test(rsvpId)) throw new DomainError('not_found')
    await cancelRsvpForTeam(c.var.db, c.var.config, signedIn.actor, visitId, rsvpId, new Date())
    deliverSoon(c.executionCtx, c.var.db, c.var.config)
    // No name in the address: it would stay in the browser's history.
    return c.redirect(`/visits/${visitId}/rsvps?done=cancelled`, 303)
  })

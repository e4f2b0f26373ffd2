import { Hono } from 'hono'
import * as v from 'valibot'
import { DomainError } from '../../../shared/errors'
import type { AppEnv } from '../../platform/env'
import { doc } from '../../platform/http/openapi'
import { jsonBody } from '../../platform/http/validation'
import { deliverSoon } from '../../platform/mail/outbox'
import { rateLimit } from '../../platform/middleware/rate-limit'
import { requirePerson } from '../../platform/middleware/session'
import { visitRsvpsPostResponse, visitRsvpsResponse, visitRsvpTotalsResponse } from './responses'
import { createRsvp } from './rsvps'
import { rsvpSchema } from './schemas'
import { listRsvps, rsvpCsv, rsvpTotals } from './team-lists'

const slugSchema = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), v.maxLength(80))

/** Guests' registrations as JSON: the public registration, and the list, totals and CSV for the team. */
export const rsvpsApi = new Hono<AppEnv>()
  .post(
    '/public/visits/:slug/rsvps',
    doc(
      'rsvps',
      'Register for a published visit (no sign-in; ?k= for an unlisted one): confirmed, waitlisted or "check your mail"',
      {
        status: 202,
        description: '{ status: "confirmed" | "waitlisted" | "check_mail" }; the details come by mail',
        schema: visitRsvpsPostResponse,
      },
    ),
    rateLimit('rsvp'),
    jsonBody(rsvpSchema),
    async (c) => {
      const slug = v.safeParse(slugSchema, c.req.param('slug'))
      if (!slug.success) throw new DomainError('not_found')
      const status = await createRsvp(
        c.var.db,
        c.var.config,
        slug.output,
        c.req.valid('json'),
        c.var.lang,
        new Date(),
        c.req.query('k'),
      )
      deliverSoon(c.executionCtx, c.var.db, c.var.config)
      return c.json({ status }, 202)
    },
  )
  .get(
    '/visits/:visitId/rsvps',
    doc('rsvps', 'The guest list (viewers: without e-mail, dietary and access needs)', {
      status: 200,
      description: 'Registrations',
      schema: visitRsvpsResponse,
    }),
    async (c) => {
      const signedIn = requirePerson(c)
      const { rsvps } = await listRsvps(c.var.db, signedIn.actor, c.req.param('visitId'))
      c.header('cache-control', 'private, no-store')
      return c.json({ rsvps })
    },
  )
  .get(
    '/visits/:visitId/rsvp-totals',
    doc('rsvps', 'Counts and dietary totals (also for caterers); never names', {
      status: 200,
      description: 'Totals',
      schema: visitRsvpTotalsResponse,
    }),
    async (c) => {
      const signedIn = requirePerson(c)
      const { totals } = await rsvpTotals(c.var.db, signedIn.actor, c.req.param('visitId'))
      c.header('cache-control', 'private, no-store')
      return c.json(totals)
    },
  )
  .get(
    '/visits/:visitId/rsvps.csv',
    doc('rsvps', 'The guest list as CSV for a spreadsheet (organisers)', { status: 200, description: 'CSV' }),
    async (c) => {
      const signedIn = requirePerson(c)
      const { filename, csv } = await rsvpCsv(c.var.db, signedIn.actor, c.req.param('visitId'), c.var.lang)
      return c.body(csv, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${filename}"`,
        'cache-control': 'private, no-store',
      })
    },
  )

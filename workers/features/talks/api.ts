import { Hono } from 'hono'
import * as v from 'valibot'
import type { TalkState } from '../../../shared/domain/talks'
import { talkStates } from '../../../shared/domain/talks'
import { DomainError } from '../../../shared/errors'
import { slugSchema } from '../../../shared/schemas/common'
import type { AppEnv } from '../../platform/env'
import { doc } from '../../platform/http/openapi'
import { jsonBody, queryParams } from '../../platform/http/validation'
import { deliverSoon } from '../../platform/mail/outbox'
import { limitAddress, rateLimit } from '../../platform/middleware/rate-limit'
import { requirePerson } from '../../platform/middleware/session'
import { callForTeam, saveCall } from './call'
import {
  talkResponse,
  visitCallPutResponse,
  visitCallResponse,
  visitMailTemplatePreviewPostResponse,
  visitMailTemplatesResponse,
  visitSlotsPostResponse,
  visitSlotsResponse,
  visitTalksBulkPostResponse,
  visitTalksPostResponse,
  visitTalksResponse,
} from './responses'
import { listTalksForTeam, moveTalk, moveTalks, saveNotes, saveReview, talkDetailForTeam } from './review'
import {
  callSchema,
  mailTemplateKeySchema,
  mailTemplateSchema,
  slotSchema,
  talkBulkSchema,
  talkLinkResendSchema,
  talkNotesSchema,
  talkPlaceSchema,
  talkReviewSchema,
  talkStateSchema,
  talkSubmissionSchema,
} from './schemas'
import { resendLinks } from './speaker-links'
import { submitTalk } from './submission'
import { mailTemplatesForTeam, previewMailTemplate, resetMailTemplate, saveMailTemplate } from './talk-mail'
import { createSlot, deleteSlot, placeTalk, slotsForTeam } from './talk-slots'

function slugOf(value: string | undefined): string {
  const slug = v.safeParse(slugSchema, value)
  if (!slug.success) throw new DomainError('not_found')
  return slug.output
}

const listQuery = v.object({
  state: v.optional(v.picklist(talkStates)),
  q: v.optional(v.pipe(v.string(), v.maxLength(100))),
  owes: v.optional(v.picklist(['0', '1'])),
})

function templateKey(kind: string | undefined, lang: string | undefined) {
  const key = v.safeParse(mailTemplateKeySchema, { kind, lang })
  if (!key.success) throw new DomainError('not_found')
  return key.output
}

/** Talks as JSON: the public submission, and the call, review, decisions, scheduling and mails for the team. */
export const talksApi = new Hono<AppEnv>()
  .post(
    '/public/visits/:slug/talks',
    doc('talks', 'Submit a talk to a visit’s call (no sign-in); the private link comes by mail', {
      status: 202,
      description: '{ status: "submitted" }; closed call or past deadline: 422 with the field "call"',
      schema: visitTalksPostResponse,
    }),
    rateLimit('talk-submit'),
    jsonBody(talkSubmissionSchema),
    async (c) => {
      await submitTalk(
        c.var.db,
        c.var.config,
        slugOf(c.req.param('slug')),
        c.req.valid('json'),
        c.var.lang,
        new Date(),
        // An unlisted visit's call takes submissions only with a live share link, as its pages.
        { shareToken: c.req.query('k') },
      )
      deliverSoon(c.executionCtx, c.var.db, c.var.config)
      return c.json({ status: 'submitted' }, 202)
    },
  )
  .post(
    '/public/visits/:slug/talks/resend',
    doc('talks', 'Mail new private links to a speaker’s address (the same answer for unknown addresses)', {
      status: 202,
      description: '{ status: "check_mail" }',
      schema: visitTalksPostResponse,
    }),
    rateLimit('talk-resend'),
    jsonBody(talkLinkResendSchema),
    async (c) => {
      const slug = slugOf(c.req.param('slug'))
      const { email } = c.req.valid('json')
      await limitAddress(c, 'talk-link', email)
      await resendLinks(c.var.db, c.var.config, slug, email, c.var.lang, new Date(), c.req.query('k'))
      deliverSoon(c.executionCtx, c.var.db, c.var.config)
      return c.json({ status: 'check_mail' }, 202)
    },
  )
  .get(
    '/visits/:visitId/call',
    doc('talks', 'The call for talks of a visit (defaults when none was saved yet)', {
      status: 200,
      description: 'Call',
      schema: visitCallResponse,
    }),
    async (c) => {
      const signedIn = requirePerson(c)
      const { call, exists } = await callForTeam(c.var.db, signedIn.actor, c.req.param('visitId'))
      return c.json({ ...call, exists })
    },
  )
  .put(
    '/visits/:visitId/call',
    doc(
      'talks',
      'Save the call: open, deadline (local, in the visit’s zone), durations, languages, questions',
      {
        status: 200,
        description: '{ version }',
        schema: visitCallPutResponse,
      },
    ),
    jsonBody(callSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      return c.json(
        await saveCall(c.var.db, signedIn.actor, c.req.param('visitId'), c.req.valid('json'), new Date()),
      )
    },
  )
  .get(
    '/visits/:visitId/talks',
    doc('talks', 'The talks of a visit with counts per state and who still owes slides or a bio', {
      status: 200,
      description: 'Talks',
      schema: visitTalksResponse,
    }),
    queryParams(listQuery),
    async (c) => {
      const signedIn = requirePerson(c)
      const q = c.req.valid('query')
      const data = await listTalksForTeam(c.var.db, signedIn.actor, c.req.param('visitId'), {
        state: q.state as TalkState | undefined,
        q: q.q,
        owes: q.owes === '1',
      })
      c.header('cache-control', 'private, no-store')
      return c.json({ counts: data.counts, talks: data.talks, owing: data.owing })
    },
  )
  .post(
    '/visits/:visitId/talks/bulk',
    doc('talks', 'Accept, reject or waitlist several talks; `notify` mails the speakers', {
      status: 200,
      description: '{ changed, skipped }',
      schema: visitTalksBulkPostResponse,
    }),
    jsonBody(talkBulkSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const input = c.req.valid('json')
      const result = await moveTalks(
        c.var.db,
        c.var.config,
        signedIn.actor,
        c.req.param('visitId'),
        input.talkIds,
        input.state,
        input.notify,
        new Date(),
      )
      deliverSoon(c.executionCtx, c.var.db, c.var.config)
      return c.json(result)
    },
  )
  .get(
    '/talks/:talkId',
    doc('talks', 'One talk with answers, speakers, files, reviews, placement, clashes and history', {
      status: 200,
      description: 'Talk',
      schema: talkResponse,
    }),
    async (c) => {
      const signedIn = requirePerson(c)
      const data = await talkDetailForTeam(c.var.db, signedIn.actor, c.req.param('talkId'))
      const { visit: _v, ...rest } = data
      c.header('cache-control', 'private, no-store')
      return c.json(rest)
    },
  )
  .post(
    '/talks/:talkId/state',
    doc('talks', 'Move a talk to another state (every change is logged)', {
      status: 204,
      description: 'Moved',
    }),
    jsonBody(talkStateSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const input = c.req.valid('json')
      await moveTalk(
        c.var.db,
        c.var.config,
        signedIn.actor,
        c.req.param('talkId'),
        input.state,
        input.notify,
        new Date(),
      )
      deliverSoon(c.executionCtx, c.var.db, c.var.config)
      return c.body(null, 204)
    },
  )
  .put(
    '/talks/:talkId/review',
    doc('talks', 'My score (1–5) and note for a talk', { status: 204, description: 'Saved' }),
    jsonBody(talkReviewSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      await saveReview(c.var.db, signedIn.actor, c.req.param('talkId'), c.req.valid('json'), new Date())
      return c.body(null, 204)
    },
  )
  .put(
    '/talks/:talkId/notes',
    doc('talks', 'The team’s internal notes on a talk', { status: 204, description: 'Saved' }),
    jsonBody(talkNotesSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      await saveNotes(c.var.db, signedIn.actor, c.req.param('talkId'), c.req.valid('json'), new Date())
      return c.body(null, 204)
    },
  )
  .put(
    '/talks/:talkId/placement',
    doc('talks', 'Place an accepted talk in a programme item, or take it out (null)', {
      status: 204,
      description: 'Placed',
    }),
    jsonBody(talkPlaceSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      await placeTalk(c.var.db, signedIn.actor, c.req.param('talkId'), c.req.valid('json').itemId, new Date())
      return c.body(null, 204)
    },
  )
  .get(
    '/visits/:visitId/slots',
    doc('talks', 'The slots opened for self-scheduling, and who took them', {
      status: 200,
      description: 'Slots',
      schema: visitSlotsResponse,
    }),
    async (c) => {
      const signedIn = requirePerson(c)
      const { slots } = await slotsForTeam(c.var.db, signedIn.actor, c.req.param('visitId'))
      return c.json({ slots })
    },
  )
  .post(
    '/visits/:visitId/slots',
    doc('talks', 'Open a slot for self-scheduling (local date and times)', {
      status: 201,
      description: 'The slot',
      schema: visitSlotsPostResponse,
    }),
    jsonBody(slotSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      return c.json(
        await createSlot(c.var.db, signedIn.actor, c.req.param('visitId'), c.req.valid('json'), new Date()),
        201,
      )
    },
  )
  .delete(
    '/slots/:slotId',
    doc('talks', 'Remove a free slot (a taken one answers 409)', { status: 204, description: 'Removed' }),
    async (c) => {
      const signedIn = requirePerson(c)
      await deleteSlot(c.var.db, signedIn.actor, c.req.param('slotId'), new Date())
      return c.body(null, 204)
    },
  )
  .get(
    '/visits/:visitId/mail-templates',
    doc('talks', 'The decision mails (accepted, rejected, waitlisted) in Dutch and English', {
      status: 200,
      description: 'Templates',
      schema: visitMailTemplatesResponse,
    }),
    async (c) => {
      const signedIn = requirePerson(c)
      const { templates } = await mailTemplatesForTeam(c.var.db, signedIn.actor, c.req.param('visitId'))
      return c.json({ templates })
    },
  )
  .put(
    '/visits/:visitId/mail-templates/:kind/:lang',
    doc('talks', 'Word a decision mail (placeholders {name}, {talk}, {visit}, {date})', {
      status: 204,
      description: 'Saved',
    }),
    jsonBody(mailTemplateSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const { kind, lang } = templateKey(c.req.param('kind'), c.req.param('lang'))
      await saveMailTemplate(
        c.var.db,
        signedIn.actor,
        c.req.param('visitId'),
        kind,
        lang,
        c.req.valid('json'),
        new Date(),
      )
      return c.body(null, 204)
    },
  )
  .delete(
    '/visits/:visitId/mail-templates/:kind/:lang',
    doc('talks', 'Go back to the standard wording of a decision mail', { status: 204, description: 'Reset' }),
    async (c) => {
      const signedIn = requirePerson(c)
      const { kind, lang } = templateKey(c.req.param('kind'), c.req.param('lang'))
      await resetMailTemplate(c.var.db, signedIn.actor, c.req.param('visitId'), kind, lang, new Date())
      return c.body(null, 204)
    },
  )
  .post(
    '/visits/:visitId/mail-templates/:kind/:lang/preview',
    doc('talks', 'Render wording as the speaker would get it, without saving or sending', {
      status: 200,
      description: '{ subject, text, html }',
      schema: visitMailTemplatePreviewPostResponse,
    }),
    jsonBody(mailTemplateSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const { kind, lang } = templateKey(c.req.param('kind'), c.req.param('lang'))
      return c.json(
        await previewMailTemplate(
          c.var.db,
          c.var.config,
          signedIn.actor,
          c.req.param('visitId'),
          kind,
          lang,
          c.req.valid('json'),
        ),
      )
    },
  )

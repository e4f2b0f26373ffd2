import { Hono } from 'hono'
import type { AppEnv } from '../../platform/env'
import { doc } from '../../platform/http/openapi'
import { jsonBody, queryParams } from '../../platform/http/validation'
import { requirePerson } from '../../platform/middleware/session'
import {
  createFollowUp,
  followUpFor,
  listTeamFollowUps,
  listVisitFollowUps,
  projectFollowUp,
  updateFollowUp,
} from './follow-ups'
import { decideComment, projectReport, saveReport, setReportStatus, teamReport } from './reports'
import {
  followUpPatchResponse,
  followUpResponse,
  teamFollowUpsResponse,
  visitReportCommentPostResponse,
  visitReportPutResponse,
  visitReportResponse,
} from './responses'
import {
  commentDecisionSchema,
  followUpCreateSchema,
  followUpFilterSchema,
  followUpUpdateSchema,
  reportSaveSchema,
  reportStatusSchema,
} from './schemas'

/** The reports' API: a visit's report and its comments for the team, and follow-ups per visit and team. */
export const reportsApi = new Hono<AppEnv>()
  .get(
    '/visits/:visitId/report',
    doc('reports', "A visit's report as the team sees it (null before it is written), with its comments", {
      status: 200,
      description: 'The report and its comments',
      schema: visitReportResponse,
    }),
    async (c) => {
      const signedIn = requirePerson(c)
      const found = await teamReport(c.var.db, signedIn.actor, c.req.param('visitId'))
      return c.json({ report: projectReport(found), comments: found.comments })
    },
  )
  .put(
    '/visits/:visitId/report',
    doc('reports', 'Write the report (organisers): text in Markdown, what it shows, its photo impression', {
      status: 200,
      description: 'The report',
      schema: visitReportPutResponse,
    }),
    jsonBody(reportSaveSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const found = await saveReport(
        c.var.db,
        signedIn.actor,
        c.req.param('visitId'),
        c.req.valid('json'),
        new Date(),
      )
      return c.json({ report: projectReport(found) })
    },
  )
  .post(
    '/visits/:visitId/report/status',
    doc('reports', 'Publish, withdraw or take back to draft (organisers)', {
      status: 200,
      description: 'The report',
      schema: visitReportPutResponse,
    }),
    jsonBody(reportStatusSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const { status, version } = c.req.valid('json')
      const found = await setReportStatus(
        c.var.db,
        signedIn.actor,
        c.req.param('visitId'),
        status,
        version,
        new Date(),
      )
      return c.json({ report: projectReport(found) })
    },
  )
  .post(
    '/visits/:visitId/report/comments/:commentId',
    doc('reports', 'Approve or reject a comment (organisers)', {
      status: 200,
      description: 'The comment',
      schema: visitReportCommentPostResponse,
    }),
    jsonBody(commentDecisionSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      return c.json(
        await decideComment(
          c.var.db,
          signedIn.actor,
          c.req.param('visitId'),
          c.req.param('commentId'),
          c.req.valid('json').status,
          new Date(),
        ),
      )
    },
  )
  .get(
    '/visits/:visitId/follow-ups',
    doc('reports', "A visit's follow-ups, filtered by status (or overdue) and owner", {
      status: 200,
      description: 'Follow-ups',
      schema: teamFollowUpsResponse,
    }),
    queryParams(followUpFilterSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const found = await listVisitFollowUps(
        c.var.db,
        signedIn.actor,
        c.req.param('visitId'),
        c.req.valid('query'),
        new Date(),
      )
      return c.json({ followUps: found.followUps })
    },
  )
  .post(
    '/visits/:visitId/follow-ups',
    doc('reports', 'Add a follow-up (organisers); the owner is a member of the team', {
      status: 201,
      description: 'The follow-up',
      schema: followUpPatchResponse,
    }),
    jsonBody(followUpCreateSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const made = await createFollowUp(
        c.var.db,
        signedIn.actor,
        c.req.param('visitId'),
        c.req.valid('json'),
        new Date(),
      )
      return c.json(projectFollowUp(made), 201, { location: `/api/follow-ups/${made.id}` })
    },
  )
  .get(
    '/teams/:teamId/follow-ups',
    doc('reports', "A team's follow-ups over its visits, filtered", {
      status: 200,
      description: 'Follow-ups',
      schema: teamFollowUpsResponse,
    }),
    queryParams(followUpFilterSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const found = await listTeamFollowUps(
        c.var.db,
        signedIn.actor,
        c.req.param('teamId'),
        c.req.valid('query'),
        new Date(),
      )
      return c.json({ followUps: found.followUps })
    },
  )
  .get(
    '/follow-ups/:followUpId',
    doc('reports', 'One follow-up with its history', {
      status: 200,
      description: 'The follow-up',
      schema: followUpResponse,
    }),
    async (c) => {
      const signedIn = requirePerson(c)
      const found = await followUpFor(c.var.db, signedIn.actor, c.req.param('followUpId'))
      return c.json({ ...projectFollowUp(found.followUp), history: found.history })
    },
  )
  .patch(
    '/follow-ups/:followUpId',
    doc('reports', 'Change a follow-up (organisers), with a note for its history', {
      status: 200,
      description: 'The follow-up',
      schema: followUpPatchResponse,
    }),
    jsonBody(followUpUpdateSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const changed = await updateFollowUp(
        c.var.db,
        signedIn.actor,
        c.req.param('followUpId'),
        c.req.valid('json'),
        new Date(),
      )
      return c.json(projectFollowUp(changed))
    },
  )

import * as v from 'valibot'
import {
  commentStatuses,
  followUpStatuses,
  reportCategories,
  reportStatuses,
} from '../../../shared/db/schema'
import * as ex from './response-examples'

const reportStatusValue = v.picklist(reportStatuses)

const followUpStatusValue = v.picklist(followUpStatuses)

const reportJson = v.object({
  id: v.string(),
  visitId: v.string(),
  status: reportStatusValue,
  category: v.picklist(reportCategories),
  title: v.string(),
  intro: v.string(),
  body: v.string(),
  authorName: v.string(),
  showProgramme: v.boolean(),
  showTalks: v.boolean(),
  photoIds: v.array(v.string()),
  publishedAt: v.nullable(v.string()),
  version: v.number(),
})

const followUpJson = v.object({
  overdue: v.boolean(),
  id: v.string(),
  visitId: v.string(),
  visitTitle: v.string(),
  title: v.string(),
  description: v.string(),
  raisedBy: v.string(),
  ownerId: v.nullable(v.string()),
  ownerName: v.nullable(v.string()),
  ownerEmail: v.nullable(v.string()),
  dueDate: v.nullable(v.string()),
  status: followUpStatusValue,
  showOnReport: v.boolean(),
  doneAt: v.nullable(v.string()),
  version: v.number(),
  updatedAt: v.nullable(v.string()),
})

/** GET /visits/:visitId/report 200 */
export const visitReportResponse = v.pipe(
  v.object({
    report: v.nullable(reportJson),
    comments: v.union([
      v.array(v.never()),
      v.array(
        v.object({
          id: v.string(),
          name: v.string(),
          body: v.string(),
          status: v.picklist(commentStatuses),
          createdAt: v.string(),
          decidedAt: v.nullable(v.string()),
        }),
      ),
    ]),
  }),
  v.metadata({ examples: [ex.visitReportExample] }),
)

/** PUT /visits/:visitId/report 200; POST /visits/:visitId/report/status 200 */
export const visitReportPutResponse = v.pipe(
  v.object({ report: v.nullable(reportJson) }),
  v.metadata({ examples: [ex.visitReportPutExample] }),
)

/** POST /visits/:visitId/report/comments/:commentId 200 */
export const visitReportCommentPostResponse = v.pipe(
  v.object({ id: v.string(), status: v.picklist(['rejected', 'approved']) }),
  v.metadata({ examples: [ex.visitReportCommentPostExample] }),
)

/** GET /teams/:teamId/follow-ups 200; GET /visits/:visitId/follow-ups 200 */
export const teamFollowUpsResponse = v.pipe(
  v.object({ followUps: v.array(followUpJson) }),
  v.metadata({ examples: [ex.teamFollowUpsExample] }),
)

/** PATCH /follow-ups/:followUpId 200; POST /visits/:visitId/follow-ups 201 */
export const followUpPatchResponse = v.pipe(
  v.object({
    id: v.string(),
    visitId: v.string(),
    title: v.string(),
    description: v.string(),
    raisedBy: v.string(),
    ownerId: v.nullable(v.string()),
    dueDate: v.nullable(v.string()),
    status: followUpStatusValue,
    showOnReport: v.boolean(),
    doneAt: v.nullable(v.string()),
    version: v.number(),
  }),
  v.metadata({ examples: [ex.followUpPatchExample] }),
)

/** GET /follow-ups/:followUpId 200 */
export const followUpResponse = v.pipe(
  v.object({
    history: v.array(
      v.object({
        changes: v.record(v.string(), v.tuple([v.unknown(), v.unknown()])),
        id: v.string(),
        comment: v.string(),
        createdAt: v.string(),
        actorName: v.nullable(v.string()),
        actorEmail: v.nullable(v.string()),
      }),
    ),
    id: v.string(),
    visitId: v.string(),
    title: v.string(),
    description: v.string(),
    raisedBy: v.string(),
    ownerId: v.nullable(v.string()),
    dueDate: v.nullable(v.string()),
    status: followUpStatusValue,
    showOnReport: v.boolean(),
    doneAt: v.nullable(v.string()),
    version: v.number(),
  }),
  v.metadata({ examples: [ex.followUpExample] }),
)

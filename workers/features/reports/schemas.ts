import * as v from 'valibot'
import { followUpStatuses, reportCategories } from '../../../shared/db/schema'
import {
  emailSchema,
  idSchema,
  lineSchema,
  localDateSchema,
  msg,
  textSchema,
  versionSchema,
} from '../../../shared/schemas/common'

/** What the team writes: title, introduction and body (Markdown), who wrote it, what the report shows. */
export const reportFields = {
  title: lineSchema(200),
  intro: textSchema(2_000),
  body: textSchema(50_000),
  authorName: textSchema(120),
  category: v.picklist(reportCategories, msg.invalid),
  showProgramme: v.boolean(msg.invalid),
  showTalks: v.boolean(msg.invalid),
  /** The photo impression: approved photos of the visit, in this order (at most 60). */
  photoIds: v.pipe(v.array(idSchema, msg.invalid), v.maxLength(60, msg.tooLong(60))),
}

/** A report saved (created on first save): every field, and the version it was based on (none the first time). */
export const reportSaveSchema = v.strictObject({
  ...reportFields,
  version: v.optional(versionSchema),
})

/** A step of the report's status. */
export const reportStatusSchema = v.strictObject({
  status: v.picklist(['published', 'withdrawn', 'draft'], msg.invalid),
  version: versionSchema,
})

/** A resident's comment: a name and plain text, an optional address; the spam fields of the form. */
export const commentSchema = v.strictObject({
  name: lineSchema(80),
  body: v.pipe(
    v.string(msg.required),
    v.trim(),
    v.nonEmpty(msg.required),
    v.maxLength(2_000, msg.tooLong(2_000)),
  ),
  email: v.optional(v.union([v.literal(''), emailSchema], msg.email), ''),
  /** A field people do not see (a bot fills it in). */
  website: v.optional(v.pipe(v.string(msg.invalid), v.maxLength(200, msg.invalid)), ''),
  /** When the form was shown, signed by us: `<ms>.<signature>`. */
  shown: v.pipe(v.string(msg.required), v.maxLength(100, msg.invalid)),
  /** Turnstile's token, where the human check is on (checked against siteverify, not here). */
  'cf-turnstile-response': v.optional(v.pipe(v.string(msg.invalid), v.maxLength(4_096, msg.invalid))),
})

/** The team's decision on a comment. */
export const commentDecisionSchema = v.strictObject({
  status: v.picklist(['approved', 'rejected'], msg.invalid),
})

/** A date people type as YYYY-MM-DD, or nothing. */
const dueDateSchema = v.nullable(localDateSchema)

/** A follow-up as the team writes it. */
export const followUpFields = {
  title: lineSchema(200),
  description: textSchema(4_000),
  raisedBy: textSchema(200),
  ownerId: v.nullable(idSchema),
  dueDate: dueDateSchema,
  status: v.picklist(followUpStatuses, msg.invalid),
  showOnReport: v.boolean(msg.invalid),
}

/** A new follow-up of a visit. */
export const followUpCreateSchema = v.strictObject({
  ...followUpFields,
  status: v.optional(v.picklist(followUpStatuses, msg.invalid), 'open'),
  showOnReport: v.optional(v.boolean(msg.invalid), false),
  description: v.optional(textSchema(4_000), ''),
  raisedBy: v.optional(textSchema(200), ''),
})

/** A change to a follow-up: any of its fields, with a comment for its history, and the version it was based on. */
export const followUpUpdateSchema = v.strictObject({
  ...v.partial(v.strictObject(followUpFields)).entries,
  comment: v.optional(textSchema(2_000), ''),
  version: versionSchema,
})

/** The filters of a follow-up list. */
export const followUpFilterSchema = v.strictObject({
  status: v.optional(v.picklist([...followUpStatuses, 'overdue', 'all'], msg.invalid), 'all'),
  ownerId: v.optional(v.union([v.literal(''), idSchema], msg.invalid), ''),
  visitId: v.optional(v.union([v.literal(''), idSchema], msg.invalid), ''),
})

export type ReportSave = v.InferOutput<typeof reportSaveSchema>
export type CommentInput = v.InferOutput<typeof commentSchema>
export type FollowUpCreate = v.InferOutput<typeof followUpCreateSchema>
export type FollowUpUpdate = v.InferOutput<typeof followUpUpdateSchema>
export type FollowUpFilter = v.InferOutput<typeof followUpFilterSchema>

import * as v from 'valibot'
import { photoConsents } from '../../../shared/db/schema'
import {
  emailSchema,
  idSchema,
  lineSchema,
  localDateSchema,
  localTimeSchema,
  msg,
  textSchema,
  versionSchema,
} from '../../../shared/schemas/common'
import { LIMITS, MiB } from './rules'

/** A file about to be sent: its name and size as the browser knows them, and what the browser says it is. */
export const uploadStartSchema = v.strictObject({
  filename: v.pipe(v.string(msg.required), v.trim(), v.maxLength(255, msg.tooLong(255))),
  sizeBytes: v.pipe(v.number(msg.required), v.integer(msg.invalid), v.minValue(1, msg.invalid)),
  /** The type the browser reports (a hint only: the bytes decide); an iPhone's HEIC is refused up front. */
  type: v.optional(v.pipe(v.string(msg.invalid), v.maxLength(100, msg.tooLong(100))), ''),
  /** Name, size and last-modified time: how a reloaded page finds this upload again. */
  fingerprint: v.optional(v.pipe(v.string(msg.invalid), v.maxLength(400, msg.tooLong(400))), ''),
})

/** Who sends photos through a photo link: a name for the credit, and an address for questions (both optional). */
export const linkUploaderSchema = v.strictObject({
  ...uploadStartSchema.entries,
  name: v.optional(textSchema(120), ''),
  email: v.optional(v.union([v.literal(''), emailSchema], msg.email), ''),
})

/** When a photo was taken, as the team corrects it: a local date and time in the visit's zone, or none. */
const takenAtSchema = v.nullable(v.strictObject({ date: localDateSchema, time: localTimeSchema }))

const photoFields = {
  caption: textSchema(500),
  credit: textSchema(120),
  source: textSchema(120),
  takenAt: takenAtSchema,
  itemId: v.nullable(idSchema),
  consent: v.picklist(photoConsents, msg.invalid),
  approved: v.boolean(msg.invalid),
  cover: v.boolean(msg.invalid),
}

/** A change of a photo's description or curation, on the version it was based on. */
export const photoUpdateSchema = v.strictObject({
  ...v.partial(v.strictObject(photoFields)).entries,
  version: versionSchema,
})

/** Several photos at once: approve or not, or set consent (the team's page and the API). */
export const photoBulkSchema = v.strictObject({
  ids: v.pipe(v.array(idSchema, msg.invalid), v.minLength(1, msg.required), v.maxLength(500, msg.invalid)),
  approved: v.optional(v.boolean(msg.invalid)),
  consent: v.optional(v.picklist(photoConsents, msg.invalid)),
})

/** The gallery's order: every photo id of the visit, first to last. */
export const photoOrderSchema = v.strictObject({
  ids: v.pipe(v.array(idSchema, msg.invalid), v.maxLength(5000, msg.invalid)),
})

/** A photo link for a photographer or guests: who it is for, and what their photos are credited with. */
export const photoLinkSchema = v.strictObject({
  label: lineSchema(120),
  credit: v.optional(textSchema(120), ''),
  source: v.optional(textSchema(120), ''),
})

const megabytes = (max: number) =>
  v.pipe(
    v.number(msg.required),
    v.integer(msg.invalid),
    v.minValue(1, msg.invalid),
    v.maxValue(max, msg.invalid),
  )

/** A visit's photo limits in MB: per file and for the whole visit. */
export const photoSettingsSchema = v.strictObject({
  maxFileMb: megabytes(LIMITS.maxFileBytes / MiB),
  maxVisitMb: megabytes(LIMITS.maxVisitBytes / MiB),
})

import * as v from 'valibot'
import { lineSchema } from '../../../shared/schemas/common'

/** Publishing the current programme as a release, optionally named. */
export const publishSchema = v.strictObject({ name: v.optional(lineSchema(80)) })

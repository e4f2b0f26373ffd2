import * as v from 'valibot'
import { venueKinds } from '../db/schema'
import { lineSchema, msg } from './common'

const optionalText = (max: number) => v.pipe(v.string(msg.invalid), v.trim(), v.maxLength(max, msg.tooLong))

/** A partial change to a venue, with the version it was based on (lost updates answer 409). */
export const venuePatchSchema = v.pipe(
  v.strictObject({
    version: v.pipe(v.number(msg.required), v.integer(msg.invalid), v.minValue(1, msg.invalid)),
    name: v.optional(lineSchema(120)),
    kind: v.optional(v.picklist(venueKinds, msg.invalid)),
    address: v.optional(optionalText(300)),
    lat: v.optional(
      v.nullable(v.pipe(v.number(msg.invalid), v.minValue(-90, msg.invalid), v.maxValue(90, msg.invalid))),
    ),
    lng: v.optional(
      v.nullable(v.pipe(v.number(msg.invalid), v.minValue(-180, msg.invalid), v.maxValue(180, msg.invalid))),
    ),
    capacity: v.optional(
      v.nullable(v.pipe(v.number(msg.invalid), v.integer(msg.invalid), v.minValue(0, msg.invalid))),
    ),
    stepFree: v.optional(v.nullable(v.boolean(msg.invalid))),
    toilet: v.optional(v.nullable(v.boolean(msg.invalid))),
    shelter: v.optional(v.nullable(v.boolean(msg.invalid))),
    notes: v.optional(optionalText(2000)),
    hostName: v.optional(optionalText(120)),
    hostContact: v.optional(optionalText(200)),
  }),
)

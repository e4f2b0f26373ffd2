import * as v from 'valibot'
import { itemKinds, legModes, participantFunctions } from '../../../shared/domain/programme'
import {
  countSchema,
  idSchema,
  lineSchema,
  localDateSchema,
  localTimeSchema,
  msg,
  textSchema,
  versionSchema,
} from '../../../shared/schemas/common'

/** A group of the company. */
export const groupSchema = v.strictObject({
  name: lineSchema(80),
  position: v.optional(countSchema(1000), 0),
})

const participantFields = {
  name: lineSchema(120),
  function: v.optional(v.picklist(participantFunctions, msg.invalid), 'other'),
  organisation: v.optional(textSchema(120), ''),
  groupId: v.optional(v.nullable(idSchema), null),
  dietaryNeeds: v.optional(textSchema(300), ''),
  contact: v.optional(textSchema(200), ''),
}

/** Someone in the visiting company. */
export const participantCreateSchema = v.strictObject(participantFields)
export const participantUpdateSchema = v.strictObject({
  ...v.partial(v.strictObject(participantFields)).entries,
  version: versionSchema,
})

const itemFields = {
  kind: v.picklist(itemKinds, msg.invalid),
  title: lineSchema(200),
  description: v.optional(textSchema(5000), ''),
  /** Local date and times in the visit's zone. An end at or before the start on the same date is refused. */
  date: localDateSchema,
  start: localTimeSchema,
  end: localTimeSchema,
  /** When the item ends on a later day (a night train); defaults to `date`. */
  endDate: v.optional(localDateSchema),
  /** Which of the two, when a start or end time happens twice (the night the clocks go back). */
  startFold: v.optional(v.picklist(['earlier', 'later'], msg.invalid)),
  endFold: v.optional(v.picklist(['earlier', 'later'], msg.invalid)),
  venueId: v.optional(v.nullable(idSchema), null),
  // A group named twice (a hand-made request) counts once; it made a duplicate key in the item's groups (500).
  groupIds: v.optional(
    v.pipe(
      v.array(idSchema, msg.invalid),
      v.maxLength(50, msg.invalid),
      v.transform((ids) => [...new Set(ids)]),
    ),
    [],
  ),
  legMode: v.optional(v.picklist(legModes, msg.invalid), 'walk'),
  departurePlace: v.optional(v.nullable(textSchema(120)), null),
  arrivalPlace: v.optional(v.nullable(textSchema(120)), null),
  /** A train's (or timetabled bus's) departure and arrival, local times on the item's date; checked, not guessed. */
  legDeparts: v.optional(v.nullable(localTimeSchema)),
  legArrives: v.optional(v.nullable(localTimeSchema)),
  cancelled: v.optional(v.boolean(msg.invalid), false),
  /** The people the organiser expects; null (or absent): derived from the item's groups. */
  expectedAttendance: v.optional(v.nullable(countSchema(100_000)), null),
}

/** Creating a programme item. */
export const itemCreateSchema = v.strictObject(itemFields)

/** Removing a programme item names the version it was based on, like every other write. */
export const itemDeleteSchema = v.strictObject({ version: versionSchema })

/** Changing a programme item. Date and times go together: send all three to move it. */
export const itemUpdateSchema = v.pipe(
  v.strictObject({ ...v.partial(v.strictObject(itemFields)).entries, version: versionSchema }),
  v.forward(
    v.check(
      (x) =>
        [x.date, x.start, x.end].every((f) => f === undefined) ||
        [x.date, x.start, x.end].every((f) => f !== undefined),
      msg.key('dateAndTimesTogether'),
    ),
    ['date'],
  ),
)

/** "Running late": shift every later item of a group (or everyone) by N minutes. */
export const runningLateSchema = v.strictObject({
  groupId: v.optional(v.nullable(idSchema), null),
  minutes: v.pipe(
    v.number(msg.required),
    v.integer(msg.invalid),
    v.minValue(-180, msg.invalid),
    v.maxValue(600, msg.invalid),
    v.check((n) => n !== 0, msg.invalid),
  ),
  /** Items starting at or after this local time move; default: now. */
  from: v.optional(v.strictObject({ date: localDateSchema, time: localTimeSchema })),
  /** Publish the shifted programme at once, so guests see it now (otherwise after the next publish). */
  publish: v.optional(v.boolean(msg.invalid), false),
})

import * as v from 'valibot'
import { dietaryOptions } from '../../../shared/db/schema'
import { emailSchema, lineSchema, msg } from '../../../shared/schemas/common'

/** The most people one registration may bring; a larger group talks to the organisers first. */
export const MAX_PARTY_SIZE = 20

const text = (max: number) => v.pipe(v.string(msg.invalid), v.trim(), v.maxLength(max, msg.tooLong(max)))
const id = v.pipe(v.string(msg.invalid), v.regex(/^[A-Za-z0-9-]{1,64}$/, msg.invalid))
const version = v.pipe(v.number(msg.required), v.integer(msg.invalid), v.minValue(1, msg.invalid))

const partySize = v.pipe(
  v.number(msg.required),
  v.integer(msg.invalid),
  v.minValue(1, msg.key('rsvp.validation.partySizeMin')),
  v.maxValue(MAX_PARTY_SIZE, msg.key('rsvp.validation.partySizeMax')),
)

// Ticking the same box twice (a hand-made request) counts once.
const unique = <T>(list: T[]) => [...new Set(list)]

const rsvpFields = {
  name: lineSchema(120),
  email: emailSchema,
  partySize,
  dietary: v.optional(
    v.pipe(v.array(v.picklist(dietaryOptions, msg.invalid), msg.invalid), v.transform(unique)),
    [],
  ),
  dietaryNotes: v.optional(text(300), ''),
  accessNeeds: v.optional(text(300), ''),
  groupIds: v.optional(
    v.pipe(v.array(id, msg.invalid), v.maxLength(50, msg.invalid), v.transform(unique)),
    [],
  ),
}

/** A guest's registration for a visit (the public form and API). */
export const rsvpSchema = v.strictObject(rsvpFields)

/** A guest changing their registration through their private link: any fields, with the version it was based on. */
export const rsvpUpdateSchema = v.strictObject({ ...v.partial(v.strictObject(rsvpFields)).entries, version })

/** Changes mails on or off (the opt-out link). */
export const rsvpNotifySchema = v.strictObject({
  notify: v.optional(v.picklist(['yes', 'no'], msg.invalid), 'no'),
})

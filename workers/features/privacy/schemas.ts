import * as v from 'valibot'
import { emailSchema, msg } from '../../../shared/schemas/common'

/** Asking for a link to see or erase what is held about an address (the privacy page and the API). */
export const privacyRequestSchema = v.strictObject({
  email: emailSchema,
  kind: v.picklist(['export', 'erase'], msg.invalid),
})

/** An owner starts a request for someone who asked the team itself; the mail goes out in `lang`. */
export const teamPrivacyRequestSchema = v.strictObject({
  email: emailSchema,
  kind: v.picklist(['export', 'erase'], msg.invalid),
  lang: v.picklist(['nl', 'en'], msg.invalid),
})

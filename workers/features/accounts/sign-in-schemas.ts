import * as v from 'valibot'
import { emailSchema, msg, nextPathSchema } from '../../../shared/schemas/common'

/** Asking for a sign-in link (form and API). */
export const signInRequestSchema = v.object({
  email: emailSchema,
  next: nextPathSchema,
})

/** Redeeming a sign-in link. */
export const signInVerifySchema = v.object({
  token: v.pipe(v.string(msg.required), v.regex(/^[A-Za-z0-9_-]{43}$/, msg.invalid)),
  next: nextPathSchema,
})

/** A person's own details. */
export const profileSchema = v.object({
  name: v.pipe(v.string(msg.required), v.trim(), v.maxLength(120, msg.tooLong(120))),
})

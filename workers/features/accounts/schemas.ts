import * as v from 'valibot'
import { teamRoles } from '../../../shared/domain/access'
import { emailSchema, lineSchema, msg } from '../../../shared/schemas/common'

export const teamRoleSchema = v.picklist(teamRoles, msg.invalid)

/** Creating or renaming a team. */
export const teamSchema = v.object({ name: lineSchema(120) })

/** Inviting someone by e-mail with a role. */
export const invitationSchema = v.object({ email: emailSchema, role: teamRoleSchema })

/** Changing a member's role. */
export const memberRoleSchema = v.object({ role: teamRoleSchema })

/** Giving someone a role for one visit: host of a venue, or caterer. */
export const visitRoleSchema = v.variant('role', [
  v.object({
    role: v.literal('host'),
    email: emailSchema,
    venueId: v.pipe(v.string(msg.required), v.nonEmpty(msg.required)),
  }),
  v.object({ role: v.literal('caterer'), email: emailSchema }),
])

import * as v from 'valibot'
import { teamRoles } from '../../../shared/domain/access'
import { languages } from '../../../shared/i18n'
import * as ex from './response-examples'

const teamJson = v.object({
  id: v.string(),
  name: v.string(),
  role: v.picklist(teamRoles),
})

const invitationJson = v.object({
  id: v.string(),
  email: v.string(),
  role: v.picklist(teamRoles),
  expiresAt: v.string(),
})

const memberJson = v.object({
  personId: v.string(),
  name: v.string(),
  email: v.string(),
  role: v.picklist(teamRoles),
})

const teamRecordJson = v.object({
  id: v.string(),
  name: v.string(),
  createdAt: v.string(),
})

/** GET /teams 200 */
export const teamsResponse = v.pipe(
  v.object({ teams: v.array(teamJson) }),
  v.metadata({ examples: [ex.teamsExample] }),
)

/** POST /teams 201 */
export const teamsPostResponse = v.pipe(
  v.object({ id: v.string(), name: v.string() }),
  v.metadata({ examples: [ex.teamsPostExample] }),
)

/** GET /teams/:teamId 200; PATCH /teams/:teamId 200 */
export const teamResponse = v.pipe(
  v.object({
    team: teamRecordJson,
    members: v.array(memberJson),
    invitations: v.nullable(v.array(invitationJson)),
  }),
  v.metadata({ examples: [ex.teamExample] }),
)

/** POST /teams/:teamId/invitations 201 */
export const teamInvitationsPostResponse = v.pipe(
  v.object({ id: v.string() }),
  v.metadata({ examples: [ex.teamInvitationsPostExample] }),
)

/** GET /teams/:teamId/audit 200 */
export const teamAuditResponse = v.pipe(
  v.object({
    entries: v.array(
      v.object({
        summary: v.object({
          before: v.record(v.string(), v.unknown()),
          after: v.record(v.string(), v.unknown()),
        }),
        id: v.string(),
        action: v.string(),
        entityType: v.string(),
        entityId: v.string(),
        createdAt: v.string(),
        actorName: v.nullable(v.string()),
        actorEmail: v.nullable(v.string()),
      }),
    ),
  }),
  v.metadata({ examples: [ex.teamAuditExample] }),
)

/** POST /auth/sign-in-link 202 */
export const authSignInLinkPostResponse = v.pipe(
  v.object({ status: v.string() }),
  v.metadata({ examples: [ex.authSignInLinkPostExample] }),
)

/** GET /me 200 */
export const meResponse = v.pipe(
  v.object({
    person: v.object({
      id: v.string(),
      email: v.string(),
      name: v.string(),
      locale: v.picklist(languages),
    }),
    teams: v.array(teamJson),
    visitRoles: v.array(
      v.object({
        visitId: v.string(),
        role: v.picklist(['host', 'caterer']),
        venueId: v.nullable(v.string()),
      }),
    ),
  }),
  v.metadata({ examples: [ex.meExample] }),
)

import { Hono } from 'hono'
import { canManageTeam } from '../../../shared/domain/access'
import { DomainError } from '../../../shared/errors'
import { listAudit } from '../../platform/audit'
import type { AppEnv } from '../../platform/env'
import { doc } from '../../platform/http/openapi'
import { jsonBody } from '../../platform/http/validation'
import { deliverSoon } from '../../platform/mail/outbox'
import { requirePerson } from '../../platform/middleware/session'
import {
  teamAuditResponse,
  teamInvitationsPostResponse,
  teamResponse,
  teamsPostResponse,
  teamsResponse,
} from './responses'
import { invitationSchema, memberRoleSchema, teamSchema } from './schemas'
import {
  changeMemberRole,
  createTeam,
  getTeam,
  inviteMember,
  listMyTeams,
  removeMember,
  renameTeam,
  revokeInvitation,
} from './teams'

/** Teams, members, invitations and the audit log as JSON. */
export const teamsApi = new Hono<AppEnv>()
  .get(
    '/teams',
    doc('teams', 'The teams you belong to', { status: 200, description: 'Teams', schema: teamsResponse }),
    async (c) => {
      const signedIn = requirePerson(c)
      return c.json({ teams: await listMyTeams(c.var.db, signedIn.person.id) })
    },
  )
  .post(
    '/teams',
    doc('teams', 'Make a team (you become its owner)', {
      status: 201,
      description: 'The team',
      schema: teamsPostResponse,
    }),
    jsonBody(teamSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const team = await createTeam(c.var.db, signedIn.actor, c.req.valid('json').name, new Date())
      return c.json(team, 201, { location: `/api/teams/${team.id}` })
    },
  )
  .get(
    '/teams/:teamId',
    doc('teams', 'A team with its members and invitations', {
      status: 200,
      description: 'The team',
      schema: teamResponse,
    }),
    async (c) => {
      const signedIn = requirePerson(c)
      return c.json(await getTeam(c.var.db, signedIn.actor, c.req.param('teamId'), new Date()))
    },
  )
  .patch(
    '/teams/:teamId',
    doc('teams', 'Rename a team', { status: 200, description: 'The team', schema: teamResponse }),
    jsonBody(teamSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      await renameTeam(c.var.db, signedIn.actor, c.req.param('teamId'), c.req.valid('json').name, new Date())
      return c.json(await getTeam(c.var.db, signedIn.actor, c.req.param('teamId'), new Date()))
    },
  )
  .post(
    '/teams/:teamId/invitations',
    doc('teams', 'Invite someone by e-mail (the link is mailed)', {
      status: 201,
      description: 'The invitation',
      schema: teamInvitationsPostResponse,
    }),
    jsonBody(invitationSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const teamId = c.req.param('teamId')
      const invitation = await inviteMember(
        c.var.db,
        c.var.config,
        signedIn.actor,
        teamId,
        c.req.valid('json'),
        c.var.lang,
        new Date(),
      )
      deliverSoon(c.executionCtx, c.var.db, c.var.config)
      return c.json(invitation, 201)
    },
  )
  .delete(
    '/teams/:teamId/invitations/:invitationId',
    doc('teams', 'Revoke an invitation', { status: 204, description: 'Revoked' }),
    async (c) => {
      const signedIn = requirePerson(c)
      const { teamId, invitationId } = c.req.param()
      await revokeInvitation(c.var.db, signedIn.actor, teamId, invitationId, new Date())
      return c.body(null, 204)
    },
  )
  .patch(
    '/teams/:teamId/members/:personId',
    doc('teams', "Change a member's role", { status: 204, description: 'Changed' }),
    jsonBody(memberRoleSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const { teamId, personId } = c.req.param()
      await changeMemberRole(c.var.db, signedIn.actor, teamId, personId, c.req.valid('json').role, new Date())
      return c.body(null, 204)
    },
  )
  .delete(
    '/teams/:teamId/members/:personId',
    doc('teams', 'Remove a member from the team', { status: 204, description: 'Removed' }),
    async (c) => {
      const signedIn = requirePerson(c)
      const { teamId, personId } = c.req.param()
      await removeMember(c.var.db, signedIn.actor, teamId, personId, new Date())
      return c.body(null, 204)
    },
  )
  .get(
    '/teams/:teamId/audit',
    doc('teams', "The team's audit log (owners)", {
      status: 200,
      description: 'Entries',
      schema: teamAuditResponse,
    }),
    async (c) => {
      const signedIn = requirePerson(c)
      const teamId = c.req.param('teamId')
      await getTeam(c.var.db, signedIn.actor, teamId, new Date())
      if (!canManageTeam(signedIn.actor, teamId)) throw new DomainError('forbidden')
      return c.json({ entries: await listAudit(c.var.db, teamId) })
    },
  )

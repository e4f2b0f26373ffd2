import type { Context } from 'hono'
import { Hono } from 'hono'
import { teamRoleOf } from '../../../shared/domain/access'
import { DomainError } from '../../../shared/errors'
import { listAudit } from '../../platform/audit'
import { endAllSessions, listSessions } from '../../platform/auth/session'
import type { AppEnv } from '../../platform/env'
import { confirmFirst } from '../../platform/http/confirm'
import { saveOrShowAgain } from '../../platform/http/form-outcome'
import { formBody } from '../../platform/http/validation'
import { deliverSoon } from '../../platform/mail/outbox'
import { clearSessionCookie, requirePerson } from '../../platform/middleware/session'
import type { FormState } from '../../platform/ui/form'
import { myTeamsAndVisits } from './my-visits'
import { invitationSchema, memberRoleSchema, teamSchema } from './schemas'
import { profileSchema } from './sign-in-schemas'
import {
  acceptInvitation,
  changeMemberRole,
  createTeam,
  findInvitation,
  getTeam,
  inviteMember,
  removeMember,
  renameTeam,
  revokeInvitation,
  updateProfile,
} from './teams'
import { AccountPage, AuditPage, InvitationPage, TeamPage, TeamsPage } from './views/team-pages'

type C = Context<AppEnv>

/** The sentence for a refused change of the members: a team always keeps an owner. */
function lastOwnerNotice(c: C, error: DomainError): string {
  if (error.reason === 'last_owner') return c.var.t.teams.lastOwner
  throw error
}

async function renderTeam(
  c: C,
  teamId: string,
  extra: { notice?: string; renameState?: FormState; inviteState?: FormState } = {},
) {
  const signedIn = requirePerson(c)
  const data = await getTeam(c.var.db, signedIn.actor, teamId, new Date())
  const myRole = teamRoleOf(signedIn.actor, teamId)
  if (!myRole) throw new DomainError('not_found')
  return c.render(<TeamPage t={c.var.t} data={data} myRole={myRole} myId={signedIn.person.id} {...extra} />, {
    title: data.team.name,
  })
}

/** The landing page after sign-in: the person's teams, and the visits they host or cater for. */
async function renderTeams(c: C, state?: FormState) {
  const signedIn = requirePerson(c)
  const { teams, visits } = await myTeamsAndVisits(c.var.db, signedIn.actor)
  const title = teams.length === 0 && visits.length > 0 ? c.var.t.roles.myVisits : c.var.t.teams.title
  return c.render(<TeamsPage t={c.var.t} teams={teams} visits={visits} state={state} />, { title })
}

async function renderAccount(c: C, extra: { notice?: string; state?: FormState } = {}) {
  const signedIn = requirePerson(c)
  const sessions = await listSessions(c.var.db, signedIn.person.id, signedIn.sessionIdHash, new Date())
  return c.render(
    <AccountPage
      t={c.var.t}
      name={signedIn.person.name}
      email={signedIn.person.email}
      sessions={sessions}
      {...extra}
    />,
    { title: c.var.t.account.title },
  )
}

/** Team pages: my teams, settings, members and invitations, audit log; and my account with its sessions. */
export const teamPages = new Hono<AppEnv>()
  .get('/teams', (c) => renderTeams(c))
  .post(
    '/teams',
    formBody(teamSchema, (c, errors, values) => renderTeams(c, { errors, values })),
    async (c) => {
      const signedIn = requirePerson(c)
      const team = await createTeam(c.var.db, signedIn.actor, c.req.valid('form').name, new Date())
      return c.redirect(`/teams/${team.id}`, 303)
    },
  )
  .get('/teams/:teamId', (c) => renderTeam(c, c.req.param('teamId')))
  .post(
    '/teams/:teamId',
    formBody(teamSchema, (c, errors, values) =>
      renderTeam(c, c.req.param('teamId') ?? '', { renameState: { errors, values } }),
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const teamId = c.req.param('teamId')
      await renameTeam(c.var.db, signedIn.actor, teamId, c.req.valid('form').name, new Date())
      return c.redirect(`/teams/${teamId}`, 303)
    },
  )
  .post(
    '/teams/:teamId/invitations',
    formBody(invitationSchema, (c, errors, values) =>
      renderTeam(c, c.req.param('teamId') ?? '', { inviteState: { errors, values } }),
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const teamId = c.req.param('teamId')
      const input = c.req.valid('form')
      await inviteMember(c.var.db, c.var.config, signedIn.actor, teamId, input, c.var.lang, new Date())
      deliverSoon(c.executionCtx, c.var.db, c.var.config)
      return renderTeam(c, teamId, { notice: c.var.t.teams.invited(input.email) })
    },
  )
  .post('/teams/:teamId/invitations/:invitationId/revoke', confirmFirst('revokeInvitation'), async (c) => {
    const signedIn = requirePerson(c)
    const { teamId, invitationId } = c.req.param()
    await revokeInvitation(c.var.db, signedIn.actor, teamId, invitationId, new Date())
    return c.redirect(`/teams/${teamId}`, 303)
  })
  .post(
    '/teams/:teamId/members/:personId',
    formBody(memberRoleSchema, (c) => renderTeam(c, c.req.param('teamId') ?? '')),
    async (c) => {
      const signedIn = requirePerson(c)
      const { teamId, personId } = c.req.param()
      const role = c.req.valid('form').role
      return saveOrShowAgain(
        c,
        async () => {
          await changeMemberRole(c.var.db, signedIn.actor, teamId, personId, role, new Date())
          return c.redirect(`/teams/${teamId}`, 303)
        },
        () => renderTeam(c, teamId),
        (error) => renderTeam(c, teamId, { notice: lastOwnerNotice(c, error) }),
      )
    },
  )
  .post('/teams/:teamId/members/:personId/remove', confirmFirst('removeMember'), async (c) => {
    const signedIn = requirePerson(c)
    const { teamId, personId } = c.req.param()
    return saveOrShowAgain(
      c,
      async () => {
        await removeMember(c.var.db, signedIn.actor, teamId, personId, new Date())
        return c.redirect(personId === signedIn.person.id ? '/teams' : `/teams/${teamId}`, 303)
      },
      () => renderTeam(c, teamId),
      (error) => renderTeam(c, teamId, { notice: lastOwnerNotice(c, error) }),
    )
  })
  .get('/teams/:teamId/audit', async (c) => {
    const signedIn = requirePerson(c)
    const teamId = c.req.param('teamId')
    const data = await getTeam(c.var.db, signedIn.actor, teamId, new Date())
    if (teamRoleOf(signedIn.actor, teamId) !== 'owner') throw new DomainError('forbidden')
    const entries = await listAudit(c.var.db, teamId)
    return c.render(<AuditPage t={c.var.t} teamName={data.team.name} entries={entries} />, {
      title: c.var.t.teams.audit,
    })
  })
  .get('/invitations/:token', async (c) => {
    const signedIn = requirePerson(c)
    const token = c.req.param('token')
    const invitation = await findInvitation(c.var.db, token, new Date())
    c.header('referrer-policy', 'no-referrer')
    if (!invitation) c.status(404)
    return c.render(
      <InvitationPage
        t={c.var.t}
        token={token}
        invitation={invitation}
        signedInEmail={signedIn.person.email}
      />,
      { title: c.var.t.invitation.title },
    )
  })
  .post('/invitations/:token', async (c) => {
    const signedIn = requirePerson(c)
    const { teamId } = await acceptInvitation(c.var.db, signedIn.actor, c.req.param('token'), new Date())
    return c.redirect(`/teams/${teamId}`, 303)
  })
  .get('/account', (c) => renderAccount(c))
  .post(
    '/account',
    formBody(profileSchema, (c, errors, values) => renderAccount(c, { state: { errors, values } })),
    async (c) => {
      const signedIn = requirePerson(c)
      await updateProfile(c.var.db, signedIn.actor, c.req.valid('form').name)
      return c.redirect('/account', 303)
    },
  )
  .post('/account/sign-out-everywhere', async (c) => {
    const signedIn = requirePerson(c)
    await endAllSessions(c.var.db, signedIn.person.id)
    clearSessionCookie(c)
    return c.redirect('/sign-in', 303)
  })

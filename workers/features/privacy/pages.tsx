import { Hono } from 'hono'
import type { AppEnv } from '../../platform/env'
import { requirePerson } from '../../platform/middleware/session'
import { getTeam } from '../accounts/teams'
import { eraseNow, pendingErasuresOf } from './requests'
import { TeamPrivacyPage } from './views/team-privacy-page'

/** For a team's owners: the requests to erase that concern the team, and its record of processing. */
export const privacyPages = new Hono<AppEnv>()
  .get('/teams/:teamId/privacy', async (c) => {
    const signedIn = requirePerson(c)
    const teamId = c.req.param('teamId')
    const { team } = await getTeam(c.var.db, signedIn.actor, teamId, new Date())
    const requests = await pendingErasuresOf(c.var.db, signedIn.actor, teamId)
    return c.render(
      <TeamPrivacyPage
        t={c.var.t}
        teamId={teamId}
        teamName={team.name}
        requests={requests}
        notice={c.req.query('erased') ? c.var.t.privacy.erased : undefined}
      />,
      { title: c.var.t.privacy.teamTitle },
    )
  })
  .post('/teams/:teamId/privacy/:requestId/erase', async (c) => {
    const signedIn = requirePerson(c)
    const { teamId, requestId } = c.req.param()
    await eraseNow(c.var.db, c.env.PHOTOS, signedIn.actor, teamId, requestId, new Date())
    return c.redirect(`/teams/${teamId}/privacy?erased=1`, 303)
  })

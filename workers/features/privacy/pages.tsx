import { type Context, Hono } from 'hono'
import type { Lang } from '../../../shared/i18n'
import type { AppEnv } from '../../platform/env'
import { confirmFirst } from '../../platform/http/confirm'
import { defined, text } from '../../platform/http/form-values'
import { formBody } from '../../platform/http/validation'
import { deliverSoon } from '../../platform/mail/outbox'
import { limitAddress } from '../../platform/middleware/rate-limit'
import { requirePerson } from '../../platform/middleware/session'
import type { FormState } from '../../platform/ui/form'
import { getTeam } from '../accounts/teams'
import { eraseNow, mailPrivacyLinkForTeam, pendingErasuresOf } from './requests'
import { teamPrivacyRequestSchema } from './schemas'
import { TeamPrivacyPage } from './views/team-privacy-page'

type C = Context<AppEnv>

/** The owners' page, with a notice after an action or the team's request form as sent with its errors. */
async function renderTeamPrivacy(c: C, opts: { notice?: string | undefined; state?: FormState } = {}) {
  const signedIn = requirePerson(c)
  const teamId = c.req.param('teamId') ?? ''
  const { team } = await getTeam(c.var.db, signedIn.actor, teamId, new Date())
  const requests = await pendingErasuresOf(c.var.db, signedIn.actor, teamId)
  if (opts.state) c.status(422)
  return c.render(
    <TeamPrivacyPage
      t={c.var.t}
      teamId={teamId}
      teamName={team.name}
      requests={requests}
      notice={opts.notice}
      state={opts.state}
      lang={c.var.lang as Lang}
    />,
    { title: c.var.t.privacy.teamTitle },
  )
}

const notices = ['erased', 'exportSent', 'eraseSent'] as const

/**
 * For a team's owners: the requests to erase that concern the team, a way to start a request for someone
 * who asked the team itself, and the team's record of processing.
 */
export const privacyPages = new Hono<AppEnv>()
  .get('/teams/:teamId/privacy', (c) => {
    const done = notices.find((n) => c.req.query(n))
    return renderTeamPrivacy(c, { notice: done ? c.var.t.privacy[done] : undefined })
  })
  .post(
    '/teams/:teamId/privacy/requests',
    formBody(
      teamPrivacyRequestSchema,
      (c, errors, values) => renderTeamPrivacy(c, { state: { errors, values } }),
      (form) => defined({ email: text(form, 'email'), kind: text(form, 'kind'), lang: text(form, 'lang') }),
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const teamId = c.req.param('teamId')
      const input = c.req.valid('form')
      await limitAddress(c, 'privacy', input.email)
      const sent = await mailPrivacyLinkForTeam(
        c.var.db,
        c.var.config,
        signedIn.actor,
        teamId,
        input,
        new Date(),
      )
      if (!sent) {
        const errors = [{ field: 'email', message: c.var.t.privacy.notInTeam }]
        return renderTeamPrivacy(c, { state: { errors, values: { ...input } } })
      }
      deliverSoon(c.executionCtx, c.var.db, c.var.config)
      return c.redirect(
        `/teams/${teamId}/privacy?${input.kind === 'erase' ? 'eraseSent' : 'exportSent'}=1`,
        303,
      )
    },
  )
  .post('/teams/:teamId/privacy/:requestId/erase', confirmFirst('eraseRequest'), async (c) => {
    const signedIn = requirePerson(c)
    const { teamId, requestId } = c.req.param()
    await eraseNow(c.var.db, c.env.PHOTOS, signedIn.actor, teamId, requestId, new Date())
    return c.redirect(`/teams/${teamId}/privacy?erased=1`, 303)
  })

import type { Context } from 'hono'
import { Hono } from 'hono'
import { canOrganise } from '../../../shared/domain/access'
import type { AppEnv } from '../../platform/env'
import { saveOrShowAgain } from '../../platform/http/form-outcome'
import { formBody } from '../../platform/http/validation'
import { requirePerson } from '../../platform/middleware/session'
import type { FormState } from '../../platform/ui/form'
import { visitCreateSchema } from './schemas'
import { VisitsPage } from './views/visit-list-page'
import { visitForm } from './visit-form'
import { createVisit, listTeamVisits } from './visits'

type C = Context<AppEnv>

// --- rendering pages, also after a refused or stale write -----------------------------------------------------

async function renderVisits(c: C, teamId: string, state?: FormState) {
  const signedIn = requirePerson(c)
  const visits = await listTeamVisits(c.var.db, signedIn.actor, teamId)
  return c.render(
    <VisitsPage
      t={c.var.t}
      teamId={teamId}
      visits={visits}
      canOrganise={canOrganise(signedIn.actor, teamId)}
      state={state}
    />,
    { title: c.var.t.visits.title },
  )
}

const param = (c: C, name: string) => c.req.param(name) ?? ''

/** The visits of a team: the list, and for organisers the form to start a new one. */
export const visitPages = new Hono<AppEnv>()
  .get('/teams/:teamId/visits', (c) => renderVisits(c, c.req.param('teamId')))
  .post(
    '/teams/:teamId/visits',
    formBody(
      visitCreateSchema,
      (c, errors, values) => renderVisits(c, param(c, 'teamId'), { errors, values }),
      visitForm,
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const teamId = c.req.param('teamId')
      return saveOrShowAgain(
        c,
        async () => {
          const visit = await createVisit(c.var.db, signedIn.actor, teamId, c.req.valid('form'), new Date())
          return c.redirect(`/visits/${visit.id}`, 303)
        },
        (state) => renderVisits(c, teamId, state),
      )
    },
  )

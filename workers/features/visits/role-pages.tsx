import type { Context } from 'hono'
import { Hono } from 'hono'
import type { AppEnv } from '../../platform/env'
import { confirmFirst } from '../../platform/http/confirm'
import { saveOrShowAgain } from '../../platform/http/form-outcome'
import { text } from '../../platform/http/form-values'
import { formBody, type RawForm } from '../../platform/http/validation'
import { deliverSoon } from '../../platform/mail/outbox'
import { requirePerson } from '../../platform/middleware/session'
import type { FormState } from '../../platform/ui/form'
import { visitRoleSchema } from '../accounts/schemas'
import { VisitRolesPage } from './views/role-page'
import { grantVisitRole, listVisitRoles, revokeVisitRole } from './visit-roles'

type C = Context<AppEnv>

async function renderRoles(c: C, visitId: string, extra: { notice?: string; state?: FormState } = {}) {
  const signedIn = requirePerson(c)
  const data = await listVisitRoles(c.var.db, signedIn.actor, visitId)
  return c.render(<VisitRolesPage t={c.var.t} data={data} {...extra} />, { title: c.var.t.roles.page.title })
}

/** The form as the shared schema takes it: a venue only with the host role. */
const roleForm = (form: RawForm) => {
  const role = text(form, 'role')
  const email = text(form, 'email')
  return role === 'host' ? { role, email, venueId: text(form, 'venueId') } : { role, email }
}

/**
 * A visit's hosts and caterers for its organisers: who has which role, and the form that gives one (the
 * person is mailed a link to the visit). Post, then back to the list with what happened.
 */
export const rolePages = new Hono<AppEnv>()
  .get('/visits/:visitId/roles', (c) => {
    const done = c.req.query('done')
    const words = c.var.t.roles.page
    const notice =
      done === 'granted'
        ? words.granted
        : done === 'already'
          ? words.already
          : done === 'revoked'
            ? words.revoked
            : undefined
    return renderRoles(c, c.req.param('visitId'), notice ? { notice } : {})
  })
  .post(
    '/visits/:visitId/roles',
    formBody(
      visitRoleSchema,
      (c, errors, values) => renderRoles(c, c.req.param('visitId') ?? '', { state: { errors, values } }),
      roleForm,
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const visitId = c.req.param('visitId')
      return saveOrShowAgain(
        c,
        async () => {
          const input = c.req.valid('form')
          const granted = await grantVisitRole(
            c.var.db,
            c.var.config,
            signedIn.actor,
            visitId,
            input,
            c.var.lang,
            new Date(),
          )
          deliverSoon(c.executionCtx, c.var.db, c.var.config)
          // What happened, without the address in the URL (it would end up in logs).
          return c.redirect(`/visits/${visitId}/roles?done=${granted.isNew ? 'granted' : 'already'}`, 303)
        },
        (state) => renderRoles(c, visitId, { state }),
      )
    },
  )
  .post('/visits/:visitId/roles/:roleId/remove', confirmFirst('revokeRole'), async (c) => {
    const signedIn = requirePerson(c)
    const { visitId, roleId } = c.req.param()
    await revokeVisitRole(c.var.db, signedIn.actor, visitId, roleId, new Date())
    return c.redirect(`/visits/${visitId}/roles?done=revoked`, 303)
  })

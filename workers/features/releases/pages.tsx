import type { Context } from 'hono'
import { Hono } from 'hono'
import type { AppEnv } from '../../platform/env'
import { saveOrShowAgain } from '../../platform/http/form-outcome'
import { defined, optionalText } from '../../platform/http/form-values'
import { formBody } from '../../platform/http/validation'
import { deliverSoon } from '../../platform/mail/outbox'
import { requirePerson } from '../../platform/middleware/session'
import type { FormState } from '../../platform/ui/form'
import { publish, releasesOverview } from './releases'
import { publishSchema } from './schemas'
import { ReleasesPage } from './views/releases-page'

type C = Context<AppEnv>

// --- rendering pages, also after a refused or stale write -----------------------------------------------------

async function renderReleases(c: C, visitId: string, extra: { notice?: string; state?: FormState } = {}) {
  const signedIn = requirePerson(c)
  const { access, visit, releases, pending } = await releasesOverview(c.var.db, signedIn.actor, visitId)
  return c.render(
    <ReleasesPage
      t={c.var.t}
      access={access}
      visit={visit}
      releases={releases}
      pending={pending}
      {...extra}
    />,
    { title: `${c.var.t.releases.title}: ${visit.title}` },
  )
}

const param = (c: C, name: string) => c.req.param(name) ?? ''

/** The release history of a visit, what publishing now would change, and the publish form. */
export const releasePages = new Hono<AppEnv>()
  .get('/visits/:visitId/releases', (c) => renderReleases(c, c.req.param('visitId')))
  .post(
    '/visits/:visitId/releases',
    formBody(
      publishSchema,
      (c, errors, values) => renderReleases(c, param(c, 'visitId'), { state: { errors, values } }),
      (form) => defined({ name: optionalText(form, 'name') }),
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const visitId = c.req.param('visitId')
      return saveOrShowAgain(
        c,
        async () => {
          await publish(
            c.var.db,
            c.var.config,
            signedIn.actor,
            visitId,
            c.req.valid('form'),
            c.var.lang,
            new Date(),
          )
          deliverSoon(c.executionCtx, c.var.db, c.var.config)
          return c.redirect(`/visits/${visitId}/releases`, 303)
        },
        (state) => renderReleases(c, visitId, { state }),
        // Archived, or someone published at the same moment: show the history as it now is.
        () => renderReleases(c, visitId, { notice: c.var.t.visits.archivedCannotPublish }),
      )
    },
  )

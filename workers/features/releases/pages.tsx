import type { Context } from 'hono'
import { Hono } from 'hono'
import { DomainError } from '../../../shared/errors'
import type { AppEnv } from '../../platform/env'
import { saveOrShowAgain } from '../../platform/http/form-outcome'
import { defined, optionalText, text } from '../../platform/http/form-values'
import { formBody } from '../../platform/http/validation'
import { deliverSoon } from '../../platform/mail/outbox'
import { requirePerson } from '../../platform/middleware/session'
import type { FormState } from '../../platform/ui/form'
import { publishFormSchema, publishPreview, publishRefusal } from './publish-check'
import { publish } from './releases'
import { ReleasesPage } from './views/releases-page'

type C = Context<AppEnv>

// --- rendering pages, also after a refused or stale write -----------------------------------------------------

async function renderReleases(
  c: C,
  visitId: string,
  extra: { notice?: string; state?: FormState; published?: boolean } = {},
) {
  const signedIn = requirePerson(c)
  const preview = await publishPreview(c.var.db, signedIn.actor, visitId)
  return c.render(<ReleasesPage t={c.var.t} preview={preview} {...extra} />, {
    title: `${c.var.t.releases.title}: ${preview.visit.title}`,
  })
}

const param = (c: C, name: string) => c.req.param(name) ?? ''

/**
 * The release history of a visit, what publishing now would change with the open clashes, and the publish
 * form: clashes are confirmed with a tick, an empty release is refused, and after publishing the page says so
 * and links the public schedule.
 */
export const releasePages = new Hono<AppEnv>()
  .get('/visits/:visitId/releases', (c) =>
    renderReleases(c, c.req.param('visitId'), { published: c.req.query('done') === 'published' }),
  )
  .post(
    '/visits/:visitId/releases',
    formBody(
      publishFormSchema,
      (c, errors, values) => renderReleases(c, param(c, 'visitId'), { state: { errors, values } }),
      (form) =>
        defined({
          name: optionalText(form, 'name'),
          seen: text(form, 'seen'),
          // The checkbox part sends a hidden "no" first and "yes" when ticked.
          confirmClashes: [form.confirmClashes].flat().includes('yes') ? 'yes' : undefined,
        }),
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const visitId = c.req.param('visitId')
      const t = c.var.t
      const input = c.req.valid('form')
      const values = { name: input.name ?? '' }
      const preview = await publishPreview(c.var.db, signedIn.actor, visitId)
      // Readers of the team may look, not publish: refused before anything is said about the draft.
      if (preview.access !== 'organise') throw new DomainError('forbidden')
      const refusal = publishRefusal(preview, input)
      if (refusal === 'empty' || refusal === 'changed') {
        c.status(refusal === 'empty' ? 422 : 409)
        const notice =
          refusal === 'changed'
            ? t.organiser.publish.changedMeanwhile
            : preview.releases.length === 0
              ? t.organiser.publish.emptyFirst
              : t.organiser.publish.empty
        return renderReleases(c, visitId, { notice, state: { values } })
      }
      if (refusal === 'unconfirmed') {
        c.status(422)
        const message = t.organiser.publish.confirmClashesNeeded(preview.clashes.length)
        return renderReleases(c, visitId, {
          state: { values, errors: [{ field: 'confirmClashes', message }] },
        })
      }
      return saveOrShowAgain(
        c,
        async () => {
          await publish(
            c.var.db,
            c.var.config,
            signedIn.actor,
            visitId,
            defined({ name: input.name }),
            c.var.lang,
            new Date(),
          )
          deliverSoon(c.executionCtx, c.var.db, c.var.config)
          return c.redirect(`/visits/${visitId}/releases?done=published#published`, 303)
        },
        (state) => renderReleases(c, visitId, { state }),
        // Archived, or someone published at the same moment: show the history as it now is.
        () => renderReleases(c, visitId, { notice: c.var.t.visits.archivedCannotPublish }),
      )
    },
  )

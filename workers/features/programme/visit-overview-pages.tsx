import type { Context } from 'hono'
import { Hono } from 'hono'
import type { AppEnv } from '../../platform/env'
import { confirmFirst } from '../../platform/http/confirm'
import { saveOrShowAgain } from '../../platform/http/form-outcome'
import { defined, optionalText, text } from '../../platform/http/form-values'
import { formBody } from '../../platform/http/validation'
import { deliverSoon } from '../../platform/mail/outbox'
import { requirePerson } from '../../platform/middleware/session'
import type { FormState } from '../../platform/ui/form'
import { type ChecklistFacts, visitChecklist } from '../visits/checklist'
import { overviewSection } from '../visits/overview-sections'
import { visitDuplicateSchema, visitUpdateSchema } from '../visits/schemas'
import { VisitChecklist } from '../visits/views/visit-checklist'
import { VisitOverviewPage } from '../visits/views/visit-overview-page'
import { visitForm, withVersion } from '../visits/visit-form'
import { duplicateVisit, restoreVisit, setVisitStatus, updateVisit } from '../visits/visits'
import { visitOverview } from './programme'

type C = Context<AppEnv>

// --- rendering pages, also after a refused or stale write -----------------------------------------------------

async function renderVisit(
  c: C,
  visitId: string,
  extra: { notice?: string; editState?: FormState; duplicateState?: FormState } = {},
) {
  const signedIn = requirePerson(c)
  // Clashes are for the team only; hosts and caterers see their slice of the visit without them.
  const { clashCount, facts, ...data } = await visitOverview(c.var.db, signedIn.actor, visitId)
  const catering = await overviewSection('catering', c, data.visit, data.access)
  const checklist = data.access === 'organise' && facts ? checklistOf(c, data, facts) : null
  return c.render(
    <VisitOverviewPage
      t={c.var.t}
      data={data}
      clashCount={clashCount}
      catering={catering}
      checklist={checklist}
      publicUrl={c.var.config.publicUrl}
      {...extra}
    />,
    {
      title: data.visit.title,
    },
  )
}

/** The guided path for the team: what is left to do, in order (venues used by the programme). */
function checklistOf(
  c: C,
  data: Pick<Awaited<ReturnType<typeof visitOverview>>, 'visit' | 'items' | 'venues'>,
  facts: ChecklistFacts,
) {
  const used = new Set(data.items.map((i) => i.venueId))
  const steps = visitChecklist({
    visit: data.visit,
    venues: data.venues.filter((v) => used.has(v.id)),
    items: data.items.length,
    facts,
  })
  return <VisitChecklist t={c.var.t} steps={steps} />
}

const param = (c: C, name: string) => c.req.param(name) ?? ''

/**
 * A visit's overview page and the forms on it: edit, duplicate, archive. It lives here rather than in visits/
 * because the team sees the programme's clash count on it, which only this feature (above visits) may read.
 */
export const visitOverviewPages = new Hono<AppEnv>()
  .get('/visits/:visitId', (c) => renderVisit(c, c.req.param('visitId')))
  .post(
    '/visits/:visitId',
    formBody(
      visitUpdateSchema,
      (c, errors, values) => renderVisit(c, param(c, 'visitId'), { editState: { errors, values } }),
      (form) => ({ ...visitForm(form), ...withVersion(form) }),
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const visitId = c.req.param('visitId')
      return saveOrShowAgain(
        c,
        async () => {
          await updateVisit(c.var.db, c.var.config, signedIn.actor, visitId, c.req.valid('form'), new Date())
          deliverSoon(c.executionCtx, c.var.db, c.var.config)
          return c.redirect(`/visits/${visitId}`, 303)
        },
        (editState) => renderVisit(c, visitId, { editState }),
        // The form is drawn again from the database, so the newer values are what the organiser sees.
        () => renderVisit(c, visitId, { notice: c.var.t.visits.stale }),
      )
    },
  )
  .post(
    '/visits/:visitId/duplicate',
    formBody(
      visitDuplicateSchema,
      (c, errors, values) => renderVisit(c, param(c, 'visitId'), { duplicateState: { errors, values } }),
      (form) =>
        defined({
          title: text(form, 'title'),
          slug: optionalText(form, 'slug'),
          startDate: text(form, 'startDate'),
        }),
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const visitId = c.req.param('visitId')
      return saveOrShowAgain(
        c,
        async () => {
          const copy = await duplicateVisit(
            c.var.db,
            signedIn.actor,
            visitId,
            c.req.valid('form'),
            new Date(),
          )
          return c.redirect(`/visits/${copy.id}`, 303)
        },
        (duplicateState) => renderVisit(c, visitId, { duplicateState }),
      )
    },
  )
  .post('/visits/:visitId/archive', confirmFirst('archiveVisit'), async (c) => {
    const signedIn = requirePerson(c)
    const visitId = c.req.param('visitId')
    await setVisitStatus(c.var.db, signedIn.actor, visitId, 'archived', new Date())
    return c.redirect(`/visits/${visitId}`, 303)
  })
  .post('/visits/:visitId/restore', async (c) => {
    const signedIn = requirePerson(c)
    const visitId = c.req.param('visitId')
    await restoreVisit(c.var.db, signedIn.actor, visitId, new Date())
    return c.redirect(`/visits/${visitId}`, 303)
  })

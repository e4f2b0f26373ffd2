import { type Context, Hono } from 'hono'
import * as v from 'valibot'
import type { TalkState } from '../../../shared/domain/talks'
import { talkStates } from '../../../shared/domain/talks'
import { DomainError, type FieldError } from '../../../shared/errors'
import type { AppEnv } from '../../platform/env'
import { downloadName } from '../../platform/files/filename'
import { confirmFirst } from '../../platform/http/confirm'
import { downloadResponse } from '../../platform/http/file-response'
import { saveOrShowAgain } from '../../platform/http/form-outcome'
import { filledRows, remapRows } from '../../platform/http/form-rows'
import { defined, idOrNull, list, optionalText, requiredNumber, text } from '../../platform/http/form-values'
import { fieldErrors, formBody, type RawForm } from '../../platform/http/validation'
import { deliverSoon } from '../../platform/mail/outbox'
import { requirePerson } from '../../platform/middleware/session'
import type { FormState } from '../../platform/ui/form'
import { callForTeam, saveCall } from './call'
import {
  listTalksForTeam,
  moveTalk,
  moveTalks,
  planMove,
  saveNotes,
  saveReview,
  talkDetailForTeam,
} from './review'
import {
  callSchema,
  editableMailKinds,
  mailTemplateKeySchema,
  mailTemplateSchema,
  slotSchema,
  talkBulkSchema,
  talkLanguages,
  talkNotesSchema,
  talkPlaceNewSchema,
  talkPlaceSchema,
  talkReviewSchema,
  talkStateSchema,
} from './schemas'
import { talkForTeam } from './talk-context'
import { fileForTeam } from './talk-files'
import {
  decisionTemplateFor,
  mailTemplatesForTeam,
  previewMailTemplate,
  resetMailTemplate,
  saveMailTemplate,
} from './talk-mail'
import {
  createSlot,
  deleteSlot,
  placeTalk,
  placeTalkInNewItem,
  slotsForTeam,
  slotVisitId,
} from './talk-slots'
import { CallPage } from './views/call-page'
import { DecisionPreviewPage } from './views/decision-preview-page'
import { MailTemplatesPage } from './views/mail-templates-page'
import { SlotsPage } from './views/slots-page'
import { type DetailStates, TalkDetailPage } from './views/talk-detail-page'
import { type ListFilter, TalkListPage } from './views/talk-list-page'

type C = Context<AppEnv>

/** The Checkbox component: a hidden 'no' first, then 'yes' when ticked. */
const ticked = (form: RawForm, name: string) => list(form, name).includes('yes')

// --- the call -----------------------------------------------------------------------------------------------

const callFromForm = (form: RawForm) =>
  defined({
    open: ticked(form, 'open'),
    deadlineDate: optionalText(form, 'deadlineDate') ?? null,
    deadlineTime: optionalText(form, 'deadlineTime') ?? null,
    intro: text(form, 'intro'),
    durations: (text(form, 'durations') ?? '')
      .split(/[,;\s]+/)
      .filter((d) => d !== '')
      .map((d) => (/^\d{1,3}$/.test(d) ? Number(d) : Number.NaN)),
    languages: list(form, 'languages'),
    selfScheduling: ticked(form, 'selfScheduling'),
    questions: filledRows(form, 'questions').map((i) =>
      defined({
        id: optionalText(form, `questions.${i}.id`),
        kind: text(form, `questions.${i}.kind`),
        label: text(form, `questions.${i}.label`),
        options: (text(form, `questions.${i}.options`) ?? '')
          .split(',')
          .map((o) => o.trim())
          .filter((o) => o !== ''),
        required: ticked(form, `questions.${i}.required`),
      }),
    ),
    version: optionalText(form, 'version') === undefined ? undefined : requiredNumber(form, 'version'),
  })

/** The errors of list fields belong to the field as a whole (`durations.2` → `durations`). */
const wholeFields = (errors: readonly FieldError[], form: Record<string, unknown>) =>
  remapRows(errors, form).map((e) => (/^durations\.\d+$/.test(e.field) ? { ...e, field: 'durations' } : e))

async function renderCall(c: C, extra: { notice?: string; state?: FormState } = {}) {
  const signedIn = requirePerson(c)
  const data = await callForTeam(c.var.db, signedIn.actor, c.req.param('visitId') ?? '')
  const formUrl = `${c.var.config.publicUrl.replace(/\/$/, '')}/v/${data.visit.slug}/talks/new`
  c.header('cache-control', 'private, no-store')
  return c.render(
    <CallPage
      t={c.var.t}
      visit={data.visit}
      access={data.access === 'organise' ? 'organise' : 'read'}
      call={data.call}
      exists={data.exists}
      formUrl={formUrl}
      {...extra}
    />,
    { title: `${c.var.t.talks.callTitle} · ${data.visit.title}` },
  )
}

// --- the list and decisions ---------------------------------------------------------------------------------

function filterOf(c: C): ListFilter {
  const state = c.req.query('state')
  const q = c.req.query('q')?.slice(0, 100)
  return {
    state: state && (talkStates as readonly string[]).includes(state) ? (state as TalkState) : undefined,
    q: q || undefined,
    owes: c.req.query('owes') === '1',
  }
}

async function renderList(c: C, extra: { notice?: string; state?: FormState } = {}) {
  const signedIn = requirePerson(c)
  const filter = filterOf(c)
  const data = await listTalksForTeam(c.var.db, signedIn.actor, c.req.param('visitId') ?? '', filter)
  c.header('cache-control', 'private, no-store')
  return c.render(<TalkListPage t={c.var.t} data={data} filter={filter} {...extra} />, {
    title: `${c.var.t.talks.title} · ${data.visit.title}`,
  })
}

const bulkFromForm = (form: RawForm) =>
  defined({ talkIds: list(form, 'talkIds'), state: text(form, 'state'), notify: ticked(form, 'notify') })

/** True when the preview was confirmed (the form posted again with confirm=yes). */
async function confirmed(c: C) {
  const form = (await c.req.parseBody({ all: true })) as RawForm
  return text(form, 'confirm') === 'yes'
}

// --- one talk -----------------------------------------------------------------------------------------------

const doneNotices = ['state', 'notes', 'review', 'placed', 'unplaced'] as const

async function renderDetail(c: C, extra: { notice?: string | undefined; states?: DetailStates } = {}) {
  const signedIn = requirePerson(c)
  const data = await talkDetailForTeam(c.var.db, signedIn.actor, c.req.param('talkId') ?? '')
  const t = c.var.t.talks
  const done = c.req.query('done')
  const notices: Record<(typeof doneNotices)[number], string> = {
    state: t.stateChanged,
    notes: t.notesSaved,
    review: t.reviewSaved,
    placed: t.placedNotice,
    unplaced: t.unplacedNotice,
  }
  const notice =
    extra.notice ??
    (done && (doneNotices as readonly string[]).includes(done)
      ? notices[done as (typeof doneNotices)[number]]
      : undefined)
  c.header('cache-control', 'private, no-store')
  return c.render(<TalkDetailPage t={c.var.t} data={data} notice={notice} states={extra.states ?? {}} />, {
    title: `${data.talk.title} · ${data.visit.title}`,
  })
}

/** A change on the detail page: refused input shows that form again (422); a refusal (409) says why. */
function detailChange(c: C, form: keyof DetailStates, change: () => Promise<string>): Promise<Response> {
  const talkId = c.req.param('talkId')
  return saveOrShowAgain(
    c,
    async () => {
      const done = await change()
      deliverSoon(c.executionCtx, c.var.db, c.var.config)
      return c.redirect(`/talks/${talkId}?done=${done}`, 303)
    },
    (state) => renderDetail(c, { states: { [form]: state } }),
    // The page is drawn again from the database: the organiser sees the talk as it is now.
    () => renderDetail(c, { notice: c.var.t.errors.byCode.conflict }),
  )
}

const rerenderDetail =
  (form: keyof DetailStates) => (c: C, errors: FieldError[], values: Record<string, unknown>) =>
    renderDetail(c, { states: { [form]: { errors, values } } })

// --- slots and mails ----------------------------------------------------------------------------------------

async function renderSlots(c: C, extra: { notice?: string; state?: FormState } = {}, ofVisit?: string) {
  const signedIn = requirePerson(c)
  const visitId = ofVisit ?? c.req.param('visitId') ?? ''
  const [data, call] = await Promise.all([
    slotsForTeam(c.var.db, signedIn.actor, visitId),
    callForTeam(c.var.db, signedIn.actor, visitId),
  ])
  c.header('cache-control', 'private, no-store')
  return c.render(
    <SlotsPage t={c.var.t} data={data} selfScheduling={call.call.selfScheduling} {...extra} />,
    {
      title: `${c.var.t.talks.slotsTitle} · ${data.visit.title}`,
    },
  )
}

const templateKey = (kind: unknown, lang: unknown) => {
  const key = v.safeParse(mailTemplateKeySchema, { kind, lang })
  return key.success ? key.output : { kind: editableMailKinds[0], lang: talkLanguages[0] }
}

async function renderMails(
  c: C,
  key: ReturnType<typeof templateKey>,
  extra: {
    notice?: string
    state?: FormState
    preview?: Awaited<ReturnType<typeof previewMailTemplate>> | null
  } = {},
) {
  const signedIn = requirePerson(c)
  const data = await mailTemplatesForTeam(c.var.db, signedIn.actor, c.req.param('visitId') ?? '')
  c.header('cache-control', 'private, no-store')
  return c.render(<MailTemplatesPage t={c.var.t} data={data} kind={key.kind} lang={key.lang} {...extra} />, {
    title: `${c.var.t.talks.mailsTitle} · ${data.visit.title}`,
  })
}

/**
 * The team's pages for talks: the call, the list with decisions in bulk (after a preview of the mail), one
 * talk with reviews, notes and scheduling, slots for self-scheduling, and the wording of the decision mails.
 */
export const talkPages = new Hono<AppEnv>()
  .get('/visits/:visitId/call', (c) => {
    const notice = c.req.query('saved') ? c.var.t.talks.callSaved : undefined
    return renderCall(c, notice ? { notice } : {})
  })
  .post(
    '/visits/:visitId/call',
    formBody(
      callSchema,
      (c, errors, values) => renderCall(c, { state: { errors: wholeFields(errors, values), values } }),
      callFromForm,
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const visitId = c.req.param('visitId')
      return saveOrShowAgain(
        c,
        async () => {
          await saveCall(c.var.db, signedIn.actor, visitId, c.req.valid('form'), new Date())
          return c.redirect(`/visits/${visitId}/call?saved=1`, 303)
        },
        (state) => renderCall(c, { state }),
        () => renderCall(c, { notice: c.var.t.errors.byCode.conflict }),
      )
    },
  )
  .get('/visits/:visitId/talks', (c) => {
    const moved = c.req.query('moved')
    const skipped = Number(c.req.query('skipped') ?? '0')
    const t = c.var.t.talks
    const notice = moved
      ? [t.moved(Number(moved) || 0), skipped > 0 ? t.movedSkipped(skipped) : ''].filter(Boolean).join(' ')
      : undefined
    return renderList(c, notice ? { notice } : {})
  })
  .post(
    '/visits/:visitId/talks/bulk',
    formBody(
      talkBulkSchema,
      (c, errors, values) => renderList(c, { state: { errors, values } }),
      bulkFromForm,
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const visitId = c.req.param('visitId')
      const input = c.req.valid('form')
      if (!(await confirmed(c))) {
        const plan = await planMove(
          c.var.db,
          c.var.config,
          signedIn.actor,
          visitId,
          input.talkIds,
          input.state,
        )
        c.header('cache-control', 'private, no-store')
        return c.render(
          <DecisionPreviewPage
            t={c.var.t}
            visit={plan.visit}
            action={`/visits/${visitId}/talks/bulk`}
            target={input.state}
            moving={plan.moving}
            skipped={plan.skipped}
            notify={input.notify}
            mail={plan.mail}
          />,
          { title: c.var.t.talks.previewTitle },
        )
      }
      const result = await moveTalks(
        c.var.db,
        c.var.config,
        signedIn.actor,
        visitId,
        input.talkIds,
        input.state,
        input.notify,
        new Date(),
      )
      deliverSoon(c.executionCtx, c.var.db, c.var.config)
      return c.redirect(
        `/visits/${visitId}/talks?moved=${result.changed.length}&skipped=${result.skipped.length}`,
        303,
      )
    },
  )
  .get('/talks/:talkId', (c) => renderDetail(c))
  .post(
    '/talks/:talkId/state',
    formBody(talkStateSchema, rerenderDetail('state'), (form) =>
      defined({ state: text(form, 'state'), notify: ticked(form, 'notify') }),
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const talkId = c.req.param('talkId')
      const input = c.req.valid('form')
      if (input.notify && decisionTemplateFor(input.state) && !(await confirmed(c))) {
        const { talk } = await talkForTeam(c.var.db, signedIn.actor, talkId, 'organise')
        const plan = await planMove(
          c.var.db,
          c.var.config,
          signedIn.actor,
          talk.visitId,
          [talkId],
          input.state,
        )
        c.header('cache-control', 'private, no-store')
        return c.render(
          <DecisionPreviewPage
            t={c.var.t}
            visit={plan.visit}
            action={`/talks/${talkId}/state`}
            target={input.state}
            moving={plan.moving}
            skipped={plan.skipped}
            notify={input.notify}
            mail={plan.mail}
          />,
          { title: c.var.t.talks.previewTitle },
        )
      }
      return detailChange(c, 'state', async () => {
        await moveTalk(c.var.db, c.var.config, signedIn.actor, talkId, input.state, input.notify, new Date())
        return 'state'
      })
    },
  )
  .post(
    '/talks/:talkId/review',
    formBody(talkReviewSchema, rerenderDetail('review'), (form) =>
      defined({ score: requiredNumber(form, 'score'), note: text(form, 'note') }),
    ),
    (c) =>
      detailChange(c, 'review', async () => {
        const signedIn = requirePerson(c)
        await saveReview(c.var.db, signedIn.actor, c.req.param('talkId'), c.req.valid('form'), new Date())
        return 'review'
      }),
  )
  .post(
    '/talks/:talkId/notes',
    formBody(talkNotesSchema, rerenderDetail('notes'), (form) =>
      defined({
        internalNotes: text(form, 'internalNotes') ?? '',
        version: optionalText(form, 'version') === undefined ? undefined : requiredNumber(form, 'version'),
      }),
    ),
    (c) =>
      detailChange(c, 'notes', async () => {
        const signedIn = requirePerson(c)
        await saveNotes(c.var.db, signedIn.actor, c.req.param('talkId'), c.req.valid('form'), new Date())
        return 'notes'
      }),
  )
  .post(
    '/talks/:talkId/place',
    formBody(talkPlaceSchema, rerenderDetail('place'), (form) => ({
      itemId: idOrNull(form, 'itemId') ?? null,
    })),
    (c) =>
      detailChange(c, 'place', async () => {
        const signedIn = requirePerson(c)
        const { itemId } = c.req.valid('form')
        await placeTalk(c.var.db, signedIn.actor, c.req.param('talkId'), itemId, new Date())
        return itemId ? 'placed' : 'unplaced'
      }),
  )
  .post(
    '/talks/:talkId/place-new',
    formBody(talkPlaceNewSchema, rerenderDetail('placeNew'), (form) =>
      defined({ date: text(form, 'date'), start: text(form, 'start'), venueId: idOrNull(form, 'venueId') }),
    ),
    (c) =>
      detailChange(c, 'placeNew', async () => {
        const signedIn = requirePerson(c)
        await placeTalkInNewItem(
          c.var.db,
          signedIn.actor,
          c.req.param('talkId'),
          c.req.valid('form'),
          new Date(),
        )
        return 'placed'
      }),
  )
  .get('/talks/:talkId/files/:fileId', async (c) => {
    const signedIn = requirePerson(c)
    const { file, object } = await fileForTeam(
      c.var.db,
      c.env.PHOTOS,
      signedIn.actor,
      c.req.param('talkId'),
      c.req.param('fileId'),
    )
    // Named again on the way out, so files stored before the names were cleaned are safe too.
    return downloadResponse(c, object, downloadName(file.filename, 'pdf', 'slides'))
  })
  .get('/visits/:visitId/slots', (c) => {
    const done = c.req.query('done')
    const t = c.var.t.talks
    const notice = done === 'added' ? t.slotAdded : done === 'deleted' ? t.slotDeleted : undefined
    return renderSlots(c, notice ? { notice } : {})
  })
  .post(
    '/visits/:visitId/slots',
    formBody(
      slotSchema,
      (c, errors, values) => renderSlots(c, { state: { errors, values } }),
      (form) =>
        defined({
          date: text(form, 'date'),
          start: text(form, 'start'),
          end: text(form, 'end'),
          venueId: idOrNull(form, 'venueId'),
          itemId: idOrNull(form, 'itemId'),
        }),
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const visitId = c.req.param('visitId')
      return saveOrShowAgain(
        c,
        async () => {
          await createSlot(c.var.db, signedIn.actor, visitId, c.req.valid('form'), new Date())
          return c.redirect(`/visits/${visitId}/slots?done=added`, 303)
        },
        (state) => renderSlots(c, { state }),
      )
    },
  )
  .post('/slots/:slotId/delete', confirmFirst('deleteSlot'), async (c) => {
    const signedIn = requirePerson(c)
    const slotId = c.req.param('slotId')
    const visitId = await slotVisitId(c.var.db, slotId)
    return saveOrShowAgain(
      c,
      async () => {
        await deleteSlot(c.var.db, signedIn.actor, slotId, new Date())
        return c.redirect(`/visits/${visitId}/slots?done=deleted`, 303)
      },
      (state) => renderSlots(c, { state }, visitId),
      // The only refusal: the slot was taken meanwhile.
      () => renderSlots(c, { notice: c.var.t.talks.slotTaken }, visitId),
    )
  })
  .get('/visits/:visitId/mail-templates', (c) => {
    const done = c.req.query('done')
    const notice =
      done === 'saved' ? c.var.t.talks.mailSaved : done === 'reset' ? c.var.t.talks.mailReset : undefined
    return renderMails(c, templateKey(c.req.query('kind'), c.req.query('lang')), notice ? { notice } : {})
  })
  .post('/visits/:visitId/mail-templates', async (c) => {
    const signedIn = requirePerson(c)
    const visitId = c.req.param('visitId')
    const form = (await c.req.parseBody()) as RawForm
    const key = v.safeParse(mailTemplateKeySchema, { kind: text(form, 'kind'), lang: text(form, 'lang') })
    if (!key.success)
      throw new DomainError('validation_failed', undefined, { errors: fieldErrors(key.issues, c.var.t) })
    const { kind, lang } = key.output
    const intent = text(form, 'intent')
    const back = `/visits/${visitId}/mail-templates?kind=${kind}&lang=${lang}`
    if (intent === 'reset') {
      await resetMailTemplate(c.var.db, signedIn.actor, visitId, kind, lang, new Date())
      return c.redirect(`${back}&done=reset`, 303)
    }
    const values = { subject: text(form, 'subject'), body: text(form, 'body') }
    return saveOrShowAgain(
      c,
      async () => {
        const input = v.safeParse(mailTemplateSchema, values)
        if (!input.success) {
          throw new DomainError('validation_failed', undefined, {
            errors: fieldErrors(input.issues, c.var.t),
          })
        }
        if (intent === 'save') {
          await saveMailTemplate(c.var.db, signedIn.actor, visitId, kind, lang, input.output, new Date())
          return c.redirect(`${back}&done=saved`, 303)
        }
        const preview = await previewMailTemplate(
          c.var.db,
          c.var.config,
          signedIn.actor,
          visitId,
          kind,
          lang,
          input.output,
        )
        return renderMails(c, key.output, { preview, state: { values } })
      },
      (state) => renderMails(c, key.output, { state: { errors: state.errors, values } }),
    )
  })

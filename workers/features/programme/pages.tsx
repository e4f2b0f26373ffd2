import type { Context } from 'hono'
import { Hono } from 'hono'
import type { AppEnv } from '../../platform/env'
import { confirmFirst } from '../../platform/http/confirm'
import { saveOrShowAgain } from '../../platform/http/form-outcome'
import {
  defined,
  idOrNull,
  list,
  numberOrNull,
  optionalText,
  requiredNumber,
  text,
} from '../../platform/http/form-values'
import { formBody, type RawForm } from '../../platform/http/validation'
import { requirePerson } from '../../platform/middleware/session'
import type { FormState } from '../../platform/ui/form'
import { withVersion, yesOrNo } from '../visits/visit-form'
import { editorDayPlan, editorDayRead, programmeDay } from './editor-reads'
import { createGroup, deleteGroup, getGroup, updateGroup } from './groups'
import {
  createParticipant,
  deleteParticipant,
  getParticipant,
  listParticipants,
  updateParticipant,
} from './participants'
import { createItem, deleteItem, getItem, getProgramme, updateItem } from './programme'
import { runLate } from './running-late'
import {
  groupSchema,
  itemCreateSchema,
  itemDeleteSchema,
  itemUpdateSchema,
  participantCreateSchema,
  participantUpdateSchema,
  runningLateSchema,
} from './schemas'
import { GroupPage } from './views/group-page'
import { ItemPage } from './views/item-page'
import { ParticipantPage } from './views/participant-page'
import { ParticipantsPage } from './views/participants-page'
import { ProgrammePage } from './views/programme-page'

type C = Context<AppEnv>

// --- reading forms into the shared schemas' shapes -----------------------------------------------------------

/** A repeated field the form always sends (an empty hidden value first): absent means "leave it alone". */
const presentList = (form: RawForm, name: string) =>
  form[name] === undefined && form[`${name}[]`] === undefined ? undefined : list(form, name)

/** Optional text that may be cleared: present but empty → null. */
const textOrNull = (form: RawForm, name: string) =>
  form[name] === undefined ? undefined : (optionalText(form, name) ?? null)

const itemForm = (form: RawForm) =>
  defined({
    kind: text(form, 'kind'),
    title: text(form, 'title'),
    description: text(form, 'description'),
    date: text(form, 'date'),
    start: text(form, 'start'),
    end: text(form, 'end'),
    endDate: optionalText(form, 'endDate'),
    startFold: optionalText(form, 'startFold'),
    endFold: optionalText(form, 'endFold'),
    venueId: idOrNull(form, 'venueId'),
    groupIds: presentList(form, 'groupIds'),
    legMode: text(form, 'legMode'),
    departurePlace: textOrNull(form, 'departurePlace'),
    arrivalPlace: textOrNull(form, 'arrivalPlace'),
    legDeparts: textOrNull(form, 'legDeparts'),
    legArrives: textOrNull(form, 'legArrives'),
    cancelled: yesOrNo(form, 'cancelled'),
    expectedAttendance: numberOrNull(form, 'expectedAttendance'),
  })

/** The fields of someone in the company, as the add and change forms send them. */
const participantForm = (form: RawForm) =>
  defined({
    name: text(form, 'name'),
    function: text(form, 'function'),
    organisation: text(form, 'organisation'),
    groupId: idOrNull(form, 'groupId'),
    dietaryNeeds: text(form, 'dietaryNeeds'),
    contact: text(form, 'contact'),
  })

async function renderProgramme(
  c: C,
  visitId: string,
  extra: { addState?: FormState; lateState?: FormState; groupState?: FormState } = {},
) {
  const signedIn = requirePerson(c)
  const asked = c.req.query('view')
  // On the editor's own GET its rows came with the session (editorDayRead); a form shown again reads them.
  const read = editorDayRead.take(c)
  const plan = read?.plan ?? editorDayPlan(visitId, c.req.query('day'), new Date(), c.var.lang)
  const programme = await programmeDay(c.var.db, signedIn.actor, plan, read?.results)
  return c.render(
    <ProgrammePage
      t={c.var.t}
      programme={programme}
      view={asked === 'list' || asked === 'timeline' ? asked : undefined}
      {...extra}
    />,
    { title: `${c.var.t.programme.title}: ${programme.visit.title}` },
  )
}

async function renderGroup(c: C, groupId: string, state?: FormState) {
  const signedIn = requirePerson(c)
  const data = await getGroup(c.var.db, signedIn.actor, groupId)
  return c.render(<GroupPage t={c.var.t} {...data} state={state} />, { title: data.group.name })
}

async function renderParticipant(c: C, id: string, extra: { notice?: string; state?: FormState } = {}) {
  const signedIn = requirePerson(c)
  const data = await getParticipant(c.var.db, signedIn.actor, id)
  return c.render(<ParticipantPage t={c.var.t} {...data} {...extra} />, { title: data.participant.name })
}

async function renderItem(c: C, itemId: string, extra: { notice?: string; state?: FormState } = {}) {
  const signedIn = requirePerson(c)
  const data = await getItem(c.var.db, signedIn.actor, itemId)
  return c.render(<ItemPage t={c.var.t} {...data} {...extra} />, { title: data.item.title })
}

async function renderParticipants(c: C, visitId: string, state?: FormState) {
  const signedIn = requirePerson(c)
  const participants = await listParticipants(c.var.db, signedIn.actor, visitId)
  const { access, programme } = await getProgramme(c.var.db, signedIn.actor, visitId, 'plan')
  return c.render(
    <ParticipantsPage
      t={c.var.t}
      access={access}
      programme={programme}
      participants={participants}
      state={state}
    />,
    { title: `${c.var.t.participants.title}: ${programme.visit.title}` },
  )
}
const param = (c: C, name: string) => c.req.param(name) ?? ''

/**
 * The programme pages: the day view and the list with their clashes, items, running late, groups and the
 * company. Every write goes through its service; a refused write shows the form again (422), a stale one the
 * newer data (409).
 */
export const programmePages = new Hono<AppEnv>()
  .get('/visits/:visitId/programme', editorDayRead.middleware, (c) =>
    renderProgramme(c, c.req.param('visitId')),
  )
  .post(
    '/visits/:visitId/items',
    formBody(
      itemCreateSchema,
      (c, errors, values) => renderProgramme(c, param(c, 'visitId'), { addState: { errors, values } }),
      itemForm,
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const visitId = c.req.param('visitId')
      return saveOrShowAgain(
        c,
        async () => {
          const input = c.req.valid('form')
          await createItem(c.var.db, signedIn.actor, visitId, input, new Date())
          // Back to the day of the new item, where it can be seen.
          return c.redirect(`/visits/${visitId}/programme?day=${input.date}`, 303)
        },
        (addState) => renderProgramme(c, visitId, { addState }),
      )
    },
  )
  .post(
    '/visits/:visitId/running-late',
    formBody(
      runningLateSchema,
      (c, errors, values) => renderProgramme(c, param(c, 'visitId'), { lateState: { errors, values } }),
      (form) => {
        const date = optionalText(form, 'from.date')
        const time = optionalText(form, 'from.time')
        return defined({
          groupId: idOrNull(form, 'groupId'),
          minutes: requiredNumber(form, 'minutes'),
          // Either half given asks for a starting point; the schema then names the missing half.
          from: date || time ? { date: date ?? '', time: time ?? '' } : undefined,
          publish: yesOrNo(form, 'publish'),
        })
      },
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const visitId = c.req.param('visitId')
      return saveOrShowAgain(
        c,
        async () => {
          const late = await runLate(c.var.db, signedIn.actor, visitId, c.req.valid('form'), new Date(), {
            config: c.var.config,
            lang: c.var.lang,
          })
          // Published at once: the releases page shows the new release; otherwise back to the programme.
          return c.redirect(
            late.published ? `/visits/${visitId}/releases` : `/visits/${visitId}/programme#running-late`,
            303,
          )
        },
        (lateState) => renderProgramme(c, visitId, { lateState }),
      )
    },
  )
  .post(
    '/visits/:visitId/groups',
    formBody(
      groupSchema,
      (c, errors, values) => renderProgramme(c, param(c, 'visitId'), { groupState: { errors, values } }),
      (form) => defined({ name: text(form, 'name'), position: requiredNumber(form, 'position') }),
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const visitId = c.req.param('visitId')
      await createGroup(c.var.db, signedIn.actor, visitId, c.req.valid('form'), new Date())
      return c.redirect(`/visits/${visitId}/programme#groups`, 303)
    },
  )
  .get('/groups/:groupId', (c) => renderGroup(c, c.req.param('groupId')))
  .post(
    '/groups/:groupId',
    formBody(
      groupSchema,
      (c, errors, values) => renderGroup(c, param(c, 'groupId'), { errors, values }),
      (form) => defined({ name: text(form, 'name'), position: requiredNumber(form, 'position') }),
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const { visitId } = await updateGroup(
        c.var.db,
        signedIn.actor,
        c.req.param('groupId'),
        c.req.valid('form'),
        new Date(),
      )
      return c.redirect(`/visits/${visitId}/programme#groups`, 303)
    },
  )
  .post('/groups/:groupId/delete', confirmFirst('deleteGroup'), async (c) => {
    const signedIn = requirePerson(c)
    const { visitId } = await deleteGroup(c.var.db, signedIn.actor, c.req.param('groupId'), new Date())
    return c.redirect(`/visits/${visitId}/programme#groups`, 303)
  })
  .get('/items/:itemId', (c) => renderItem(c, c.req.param('itemId')))
  .post(
    '/items/:itemId',
    formBody(
      itemUpdateSchema,
      (c, errors, values) => renderItem(c, param(c, 'itemId'), { state: { errors, values } }),
      (form) => ({ ...itemForm(form), ...withVersion(form) }),
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const itemId = c.req.param('itemId')
      return saveOrShowAgain(
        c,
        async () => {
          const input = c.req.valid('form')
          const { visitId } = await updateItem(c.var.db, signedIn.actor, itemId, input, new Date())
          return c.redirect(`/visits/${visitId}/programme${input.date ? `?day=${input.date}` : ''}`, 303)
        },
        (state) => renderItem(c, itemId, { state }),
        () => renderItem(c, itemId, { notice: c.var.t.visits.stale }),
      )
    },
  )
  .post(
    '/items/:itemId/delete',
    confirmFirst('deleteItem'),
    formBody(itemDeleteSchema, (c) => renderItem(c, param(c, 'itemId')), withVersion),
    async (c) => {
      const signedIn = requirePerson(c)
      const itemId = c.req.param('itemId')
      return saveOrShowAgain(
        c,
        async () => {
          const { visitId } = await deleteItem(
            c.var.db,
            signedIn.actor,
            itemId,
            c.req.valid('form').version,
            new Date(),
          )
          return c.redirect(`/visits/${visitId}/programme`, 303)
        },
        (state) => renderItem(c, itemId, { state }),
        () => renderItem(c, itemId, { notice: c.var.t.visits.stale }),
      )
    },
  )
  .get('/visits/:visitId/participants', (c) => renderParticipants(c, c.req.param('visitId')))
  .post(
    '/visits/:visitId/participants',
    formBody(
      participantCreateSchema,
      (c, errors, values) => renderParticipants(c, param(c, 'visitId'), { errors, values }),
      participantForm,
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const visitId = c.req.param('visitId')
      return saveOrShowAgain(
        c,
        async () => {
          await createParticipant(c.var.db, signedIn.actor, visitId, c.req.valid('form'), new Date())
          return c.redirect(`/visits/${visitId}/participants`, 303)
        },
        (state) => renderParticipants(c, visitId, state),
      )
    },
  )
  .get('/participants/:participantId', (c) => renderParticipant(c, c.req.param('participantId')))
  .post(
    '/participants/:participantId',
    formBody(
      participantUpdateSchema,
      (c, errors, values) => renderParticipant(c, param(c, 'participantId'), { state: { errors, values } }),
      (form) => ({ ...participantForm(form), ...withVersion(form) }),
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      const id = c.req.param('participantId')
      return saveOrShowAgain(
        c,
        async () => {
          const { visitId } = await updateParticipant(
            c.var.db,
            c.var.config,
            signedIn.actor,
            id,
            c.req.valid('form'),
            new Date(),
          )
          return c.redirect(`/visits/${visitId}/participants`, 303)
        },
        (state) => renderParticipant(c, id, { state }),
        () => renderParticipant(c, id, { notice: c.var.t.visits.stale }),
      )
    },
  )
  .post(
    '/visits/:visitId/participants/:participantId/delete',
    confirmFirst('removeParticipant'),
    async (c) => {
      const signedIn = requirePerson(c)
      const { visitId, participantId } = c.req.param()
      // The service checks the participant's own visit; the path's visit only says where to go back to.
      await deleteParticipant(c.var.db, c.var.config, signedIn.actor, participantId, new Date())
      return c.redirect(`/visits/${visitId}/participants`, 303)
    },
  )

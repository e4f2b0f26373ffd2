import { Hono } from 'hono'
import { summariseClashes } from '../../../shared/domain/clashes'
import { DomainError } from '../../../shared/errors'
import type { AppEnv } from '../../platform/env'
import { doc, versionFrom } from '../../platform/http/openapi'
import { storedGzipAnswer } from '../../platform/http/stored-gzip'
import { jsonBody } from '../../platform/http/validation'
import { requirePerson } from '../../platform/middleware/session'
import { clashListAnswer, clashListPlan, clashListRead } from './editor-reads'
import { createGroup, deleteGroup, updateGroup } from './groups'
import { writeThenItemClashes } from './item-clashes'
import { createParticipant, deleteParticipant, listParticipants, updateParticipant } from './participants'
import { createItem, deleteItem, getItem, getProgramme, updateItem } from './programme'
import {
  groupPatchResponse,
  itemResponse,
  visitClashesResponse,
  visitParticipantsPostResponse,
  visitParticipantsResponse,
  visitProgrammeResponse,
  visitRunningLatePostResponse,
} from './responses'
import { runLate } from './running-late'
import {
  groupSchema,
  itemCreateSchema,
  itemUpdateSchema,
  participantCreateSchema,
  participantUpdateSchema,
  runningLateSchema,
} from './schemas'

const requiredVersion = (ifMatch: string | undefined, query: string | undefined) => {
  const version = versionFrom(ifMatch, query)
  if (version === null) {
    throw new DomainError(
      'validation_failed',
      'Say which version you deleted: If-Match: "vN" or ?version=N.',
      {
        errors: [{ field: 'version', message: 'required' }],
      },
    )
  }
  return version
}

/** The programme: items, groups, the company, running late and clashes. */
export const programmeApi = new Hono<AppEnv>()
  .get(
    '/visits/:visitId/programme',
    doc('programme', 'The draft programme with its clashes', {
      status: 200,
      description: 'Programme',
      schema: visitProgrammeResponse,
    }),
    async (c) => {
      const signedIn = requirePerson(c)
      const { programme, clashes } = await getProgramme(c.var.db, signedIn.actor, c.req.param('visitId'))
      const { visit, items, groups, venues, visitVenues, releases } = programme
      return c.json({
        visit: { id: visit.id, title: visit.title, timeZone: visit.timeZone, version: visit.version },
        items,
        groups,
        venues: venues.map(({ hostName: _n, hostContact: _c, ...v }) => v),
        visitVenues,
        releases,
        clashes,
        clashCounts: summariseClashes(clashes),
      })
    },
  )
  .get(
    '/visits/:visitId/clashes',
    doc('programme', 'The clashes in the draft', {
      status: 200,
      description: 'Clashes',
      schema: visitClashesResponse,
    }),
    clashListRead.middleware,
    async (c) => {
      const signedIn = requirePerson(c)
      // The list kept for the draft's version, as stored: no parse and no encoding again when it is fresh.
      // Its rows came with the session (clashListRead), read only after the access check in clashListAnswer.
      const read = clashListRead.take(c)
      const plan = read?.plan ?? clashListPlan(c.req.param('visitId'))
      const answer = await clashListAnswer(c.var.db, signedIn.actor, plan, read?.results)
      if (answer.json === undefined) return storedGzipAnswer(c, answer.gzip, 'application/json')
      return c.body(answer.json, 200, { 'content-type': 'application/json' })
    },
  )
  .post(
    '/visits/:visitId/items',
    doc('programme', 'Add an item (clashes are reported, never refused)', {
      status: 201,
      description: 'Item and its clashes',
      schema: itemResponse,
    }),
    jsonBody(itemCreateSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const result = await createItem(
        c.var.db,
        signedIn.actor,
        c.req.param('visitId'),
        c.req.valid('json'),
        new Date(),
      )
      c.header('etag', `"v${result.item.version}"`)
      return c.json(result, 201, { location: `/api/items/${result.item.id}` })
    },
  )
  .get(
    '/items/:itemId',
    doc('programme', 'One item with its clashes', {
      status: 200,
      description: 'Item',
      etag: true,
      schema: itemResponse,
    }),
    async (c) => {
      const signedIn = requirePerson(c)
      const { item, clashes } = await getItem(c.var.db, signedIn.actor, c.req.param('itemId'))
      c.header('etag', `"v${item.version}"`)
      return c.json({ item, clashes })
    },
  )
  .patch(
    '/items/:itemId',
    doc('programme', 'Change an item (with the version it was based on)', {
      status: 200,
      description: 'Item and its clashes',
      schema: itemResponse,
    }),
    jsonBody(itemUpdateSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const result = await updateItem(
        c.var.db,
        signedIn.actor,
        c.req.param('itemId'),
        c.req.valid('json'),
        new Date(),
        writeThenItemClashes,
      )
      c.header('etag', `"v${result.item.version}"`)
      return c.json(result)
    },
  )
  .delete(
    '/items/:itemId',
    doc('programme', 'Remove an item (If-Match: "vN")', {
      status: 204,
      description: 'Removed',
      ifMatch: true,
    }),
    async (c) => {
      const signedIn = requirePerson(c)
      const version = requiredVersion(c.req.header('if-match'), c.req.query('version'))
      await deleteItem(c.var.db, signedIn.actor, c.req.param('itemId'), version, new Date())
      return c.body(null, 204)
    },
  )
  .post(
    '/visits/:visitId/running-late',
    doc('programme', 'Shift every later item of a group by N minutes', {
      status: 200,
      description: 'Moved items',
      schema: visitRunningLatePostResponse,
    }),
    jsonBody(runningLateSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      return c.json(
        await runLate(c.var.db, signedIn.actor, c.req.param('visitId'), c.req.valid('json'), new Date(), {
          config: c.var.config,
          lang: c.var.lang,
        }),
      )
    },
  )
  .post(
    '/visits/:visitId/groups',
    doc('groups', 'Add a group to the company', {
      status: 201,
      description: 'The group',
      schema: groupPatchResponse,
    }),
    jsonBody(groupSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      return c.json(
        await createGroup(c.var.db, signedIn.actor, c.req.param('visitId'), c.req.valid('json'), new Date()),
        201,
      )
    },
  )
  .patch(
    '/groups/:groupId',
    doc('groups', 'Rename or reorder a group', {
      status: 200,
      description: 'The group',
      schema: groupPatchResponse,
    }),
    jsonBody(groupSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      return c.json(
        await updateGroup(c.var.db, signedIn.actor, c.req.param('groupId'), c.req.valid('json'), new Date()),
      )
    },
  )
  .delete(
    '/groups/:groupId',
    doc('groups', 'Remove a group', { status: 204, description: 'Removed' }),
    async (c) => {
      const signedIn = requirePerson(c)
      await deleteGroup(c.var.db, signedIn.actor, c.req.param('groupId'), new Date())
      return c.body(null, 204)
    },
  )
  .get(
    '/visits/:visitId/participants',
    doc('participants', 'The visiting company', {
      status: 200,
      description: 'Participants',
      schema: visitParticipantsResponse,
    }),
    async (c) => {
      const signedIn = requirePerson(c)
      return c.json({
        participants: await listParticipants(c.var.db, signedIn.actor, c.req.param('visitId')),
      })
    },
  )
  .post(
    '/visits/:visitId/participants',
    doc('participants', 'Add someone to the company', {
      status: 201,
      description: 'The participant',
      schema: visitParticipantsPostResponse,
    }),
    jsonBody(participantCreateSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const p = await createParticipant(
        c.var.db,
        signedIn.actor,
        c.req.param('visitId'),
        c.req.valid('json'),
        new Date(),
      )
      return c.json(p, 201)
    },
  )
  .patch(
    '/participants/:participantId',
    doc('participants', 'Change someone in the company', {
      status: 200,
      description: 'The participant',
      schema: visitParticipantsPostResponse,
    }),
    jsonBody(participantUpdateSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const p = await updateParticipant(
        c.var.db,
        c.var.config,
        signedIn.actor,
        c.req.param('participantId'),
        c.req.valid('json'),
        new Date(),
      )
      return c.json(p)
    },
  )
  .delete(
    '/participants/:participantId',
    doc('participants', 'Remove someone from the company', { status: 204, description: 'Removed' }),
    async (c) => {
      const signedIn = requirePerson(c)
      await deleteParticipant(
        c.var.db,
        c.var.config,
        signedIn.actor,
        c.req.param('participantId'),
        new Date(),
      )
      return c.body(null, 204)
    },
  )

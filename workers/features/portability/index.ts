import { Hono } from 'hono'
import * as v from 'valibot'
import { DomainError } from '../../../shared/errors'
import type { AppEnv } from '../../platform/env'
import { doc } from '../../platform/http/openapi'
import { fieldErrors } from '../../platform/http/validation'
import { uploadLimit } from '../../platform/middleware/body-limit'
import { requirePerson } from '../../platform/middleware/session'
import { teamVisitImportsPostResponse, visitExportResponse } from './responses'
import { exportVisit, importVisit, visitDocumentSchema } from './visit-document'

/** A visit's document may be large (a thousand registrations, a programme, photo metadata). */
const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

/** Backup and portability: a whole visit as one versioned JSON document, and that document made anew. */
export const portability = new Hono<AppEnv>()
  .get(
    '/api/visits/:visitId/export',
    doc('portability', 'The whole visit as one versioned JSON document (organisers)', {
      status: 200,
      description: 'The document: { format: "rondgang.visit", version: 1, tables }',
      schema: visitExportResponse,
    }),
    async (c) => {
      const signedIn = requirePerson(c)
      const document = await exportVisit(c.var.db, signedIn.actor, c.req.param('visitId'), new Date())
      c.header('cache-control', 'private, no-store')
      c.header('content-disposition', `attachment; filename="visit-${document.visitId}.json"`)
      return c.json(document)
    },
  )
  .post(
    '/api/teams/:teamId/visit-imports',
    doc('portability', 'Make a visit anew in this team from an exported document (organisers)', {
      status: 201,
      description: '{ visitId, objects }: the new visit, and how many files were copied',
      schema: teamVisitImportsPostResponse,
    }),
    uploadLimit(MAX_DOCUMENT_BYTES),
    async (c) => {
      const signedIn = requirePerson(c)
      const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase()
      if (type !== 'application/json')
        throw new DomainError('unsupported_media_type', 'Send the document as application/json.')
      const body = await c.req.json().catch(() => {
        throw new DomainError('malformed_json')
      })
      const parsed = v.safeParse(visitDocumentSchema, body)
      if (!parsed.success) {
        throw new DomainError('validation_failed', undefined, { errors: fieldErrors(parsed.issues, c.var.t) })
      }
      const made = await importVisit(
        c.var.db,
        c.env.DB,
        c.env.PHOTOS,
        signedIn.actor,
        c.req.param('teamId'),
        parsed.output,
      )
      return c.json(made, 201, { location: `/api/visits/${made.visitId}` })
    },
  )

import { Hono } from 'hono'
import type { AppEnv } from '../../platform/env'
import { doc } from '../../platform/http/openapi'
import { jsonBody } from '../../platform/http/validation'
import { deliverSoon } from '../../platform/mail/outbox'
import { requirePerson } from '../../platform/middleware/session'
import { publishRead } from './publish-reads'
import { getRelease, listReleases, pendingChanges, publish } from './releases'
import {
  releaseResponse,
  visitPendingChangesResponse,
  visitReleasesPostResponse,
  visitReleasesResponse,
} from './responses'
import { publishSchema } from './schemas'

/** Releases as JSON: the history, publishing, what publishing now would change, one release. */
export const releasesApi = new Hono<AppEnv>()
  .get(
    '/visits/:visitId/releases',
    doc('releases', 'Release history', {
      status: 200,
      description: 'Releases',
      schema: visitReleasesResponse,
    }),
    async (c) => {
      const signedIn = requirePerson(c)
      return c.json({ releases: await listReleases(c.var.db, signedIn.actor, c.req.param('visitId')) })
    },
  )
  .post(
    '/visits/:visitId/releases',
    doc('releases', 'Publish the draft programme as the next release', {
      status: 201,
      description: 'The release',
      schema: visitReleasesPostResponse,
    }),
    publishRead.middleware,
    jsonBody(publishSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      // Its reads came with the session (publishRead); publish uses them only after its own access check.
      const read = publishRead.take(c)
      const release = await publish(
        c.var.db,
        c.var.config,
        signedIn.actor,
        c.req.param('visitId'),
        c.req.valid('json'),
        c.var.lang,
        new Date(),
        read?.results,
      )
      deliverSoon(c.executionCtx, c.var.db, c.var.config)
      return c.json(release, 201, { location: `/api/releases/${release.id}` })
    },
  )
  .get(
    '/visits/:visitId/pending-changes',
    doc('releases', 'What publishing now would change', {
      status: 200,
      description: 'Changes',
      schema: visitPendingChangesResponse,
    }),
    async (c) => {
      const signedIn = requirePerson(c)
      return c.json({ changes: await pendingChanges(c.var.db, signedIn.actor, c.req.param('visitId')) })
    },
  )
  .get(
    '/releases/:releaseId',
    doc('releases', 'One release with its programme', {
      status: 200,
      description: 'The release',
      schema: releaseResponse,
    }),
    async (c) => {
      const signedIn = requirePerson(c)
      return c.json(await getRelease(c.var.db, signedIn.actor, c.req.param('releaseId')))
    },
  )

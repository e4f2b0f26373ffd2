import { type Context, Hono } from 'hono'
import { DomainError } from '../../../shared/errors'
import type { AppEnv } from '../../platform/env'
import { doc } from '../../platform/http/openapi'
import { jsonBody } from '../../platform/http/validation'
import { uploadLimit } from '../../platform/middleware/body-limit'
import { rateLimit } from '../../platform/middleware/rate-limit'
import { requirePerson } from '../../platform/middleware/session'
import { createPhotoLink, listPhotoLinks, revokePhotoLink } from './photo-links'
import {
  deletePhoto,
  listPhotos,
  photoFor,
  projectPhoto,
  reorderPhotos,
  updatePhoto,
  updatePhotoSettings,
  updatePhotos,
} from './photos'
import {
  photoLinkUploadsPostResponse,
  photoLinkUploadsResponse,
  photoResponse,
  photoUploadCompletePostResponse,
  visitPhotoLinksPostResponse,
  visitPhotoLinksResponse,
  visitPhotoSettingsPutResponse,
  visitPhotosPatchResponse,
  visitPhotosResponse,
} from './responses'
import { PART_BYTES } from './rules'
import {
  linkUploaderSchema,
  photoBulkSchema,
  photoLinkSchema,
  photoOrderSchema,
  photoSettingsSchema,
  photoUpdateSchema,
  uploadStartSchema,
} from './schemas'
import {
  cancelUpload,
  completeUpload,
  receivePart,
  type Sender,
  startLinkUpload,
  startTeamUpload,
  unfinishedUploads,
  uploadStatus,
} from './uploads'

/** Who sends: the session's person, and a photo link's token when the request carries one (X-Photo-Link). */
export const senderOf = (c: Context<AppEnv>): Sender => ({
  actor: c.var.actor,
  linkToken: c.req.header('x-photo-link'),
})

/** The part number of the path: a whole number, anything else is no part of an upload (404). */
const partNumberOf = (raw: string | undefined) => {
  if (!raw || !/^\d{1,5}$/.test(raw)) throw new DomainError('not_found')
  return Number(raw)
}

/** The Content-Length of a part, or null without one (a chunked body: R2 must know the length up front). */
const lengthOf = (c: Context<AppEnv>) => {
  const length = c.req.header('content-length')
  if (!length || !/^\d{1,10}$/.test(length) || c.req.header('transfer-encoding') !== undefined) return null
  return Number(length)
}

/**
 * Photos: uploads in parts (R2 multipart, the part list in D1, so an upload resumes), the team's curation,
 * photo links and limits. An upload is sent by the signed-in person who opened it or through the photo link
 * it was opened with (X-Photo-Link header); anyone else gets 404.
 */
export const photosApi = new Hono<AppEnv>()
  .post(
    '/visits/:visitId/photo-uploads',
    doc('photos', 'Open an upload (organisers and hosts): the file is then sent in parts', {
      status: 201,
      description: 'The upload: part size, part count, parts done',
      schema: photoLinkUploadsPostResponse,
    }),
    jsonBody(uploadStartSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const upload = await startTeamUpload(
        c.var.db,
        c.env.PHOTOS,
        signedIn.actor,
        c.req.param('visitId'),
        c.req.valid('json'),
        new Date(),
      )
      return c.json(upload, 201, { location: `/api/photo-uploads/${upload.id}` })
    },
  )
  .get(
    '/visits/:visitId/photo-uploads',
    doc('photos', 'Your uploads of this visit still on their way (to resume them)', {
      status: 200,
      description: 'Uploads',
      schema: photoLinkUploadsResponse,
    }),
    async (c) => {
      requirePerson(c)
      return c.json({ uploads: await unfinishedUploads(c.var.db, senderOf(c), c.req.param('visitId')) })
    },
  )
  .post(
    '/photo-link/uploads',
    doc('photos', 'Open an upload through a photo link (X-Photo-Link header); it waits for the team', {
      status: 201,
      description: 'The upload',
      schema: photoLinkUploadsPostResponse,
    }),
    rateLimit('photo-link'),
    jsonBody(linkUploaderSchema),
    async (c) => {
      const upload = await startLinkUpload(
        c.var.db,
        c.env.PHOTOS,
        c.req.header('x-photo-link'),
        c.req.valid('json'),
        new Date(),
      )
      return c.json(upload, 201, { location: `/api/photo-uploads/${upload.id}` })
    },
  )
  .get(
    '/photo-link/uploads',
    doc('photos', "A photo link's uploads still on their way", {
      status: 200,
      description: 'Uploads',
      schema: photoLinkUploadsResponse,
    }),
    async (c) => c.json({ uploads: await unfinishedUploads(c.var.db, senderOf(c), null) }),
  )
  .get(
    '/photo-uploads/:uploadId',
    doc('photos', 'Where an upload stands: the parts stored, the next to send', {
      status: 200,
      description: 'The upload',
      schema: photoLinkUploadsPostResponse,
    }),
    async (c) => c.json(await uploadStatus(c.var.db, senderOf(c), c.req.param('uploadId'))),
  )
  .put(
    '/photo-uploads/:uploadId/parts/:partNumber',
    doc(
      'photos',
      'Send one part (raw bytes with Content-Length; in order; the first is checked by content)',
      {
        status: 200,
        description: 'The upload after this part',
        schema: photoLinkUploadsPostResponse,
        problems: [411, 413, 415],
      },
    ),
    uploadLimit(PART_BYTES),
    async (c) => {
      const upload = await receivePart(
        c.var.db,
        c.env.PHOTOS,
        senderOf(c),
        c.req.param('uploadId'),
        partNumberOf(c.req.param('partNumber')),
        c.req.raw.body,
        lengthOf(c),
        new Date(),
      )
      return c.json(upload)
    },
  )
  .post(
    '/photo-uploads/:uploadId/complete',
    doc('photos', 'Finish an upload: the photo and its location-safe variants are made', {
      status: 201,
      description: 'The photo',
      schema: photoUploadCompletePostResponse,
    }),
    async (c) => {
      const photo = await completeUpload(
        c.var.db,
        c.env.PHOTOS,
        c.env.IMAGES,
        senderOf(c),
        c.req.param('uploadId'),
        new Date(),
      )
      return c.json({ id: photo.id, filename: photo.filename, approved: photo.approved }, 201, {
        location: `/api/photos/${photo.id}`,
      })
    },
  )
  .delete(
    '/photo-uploads/:uploadId',
    doc('photos', 'Give up an upload: its parts are removed', { status: 204, description: 'Aborted' }),
    async (c) => {
      await cancelUpload(c.var.db, c.env.PHOTOS, senderOf(c), c.req.param('uploadId'))
      return c.body(null, 204)
    },
  )
  .get(
    '/visits/:visitId/photos',
    doc('photos', "A visit's photos for the team (a host: their own uploads)", {
      status: 200,
      description: 'Photos, limits and room used',
      schema: visitPhotosResponse,
    }),
    async (c) => {
      const signedIn = requirePerson(c)
      const found = await listPhotos(c.var.db, signedIn.actor, c.req.param('visitId'))
      return c.json({
        photos: found.photos.map((p) => projectPhoto(p, found.access, found.visit.timeZone)),
        limits: found.limits,
        used: found.used,
      })
    },
  )
  .patch(
    '/visits/:visitId/photos',
    doc('photos', 'Approve several photos, or set their consent (organisers)', {
      status: 200,
      description: 'How many changed',
      schema: visitPhotosPatchResponse,
    }),
    jsonBody(photoBulkSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const changed = await updatePhotos(
        c.var.db,
        signedIn.actor,
        c.req.param('visitId'),
        c.req.valid('json'),
        new Date(),
      )
      return c.json({ changed })
    },
  )
  .put(
    '/visits/:visitId/photo-order',
    doc('photos', "The gallery's order: every photo id of the visit (organisers)", {
      status: 204,
      description: 'Reordered',
    }),
    jsonBody(photoOrderSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      await reorderPhotos(
        c.var.db,
        signedIn.actor,
        c.req.param('visitId'),
        c.req.valid('json').ids,
        new Date(),
      )
      return c.body(null, 204)
    },
  )
  .get(
    '/photos/:photoId',
    doc('photos', 'One photo for the team', { status: 200, description: 'Photo', schema: photoResponse }),
    async (c) => {
      const signedIn = requirePerson(c)
      const { photo, visit, access } = await photoFor(c.var.db, signedIn.actor, c.req.param('photoId'))
      c.header('etag', `"v${photo.version}"`)
      return c.json(projectPhoto(photo, access, visit.timeZone))
    },
  )
  .patch(
    '/photos/:photoId',
    doc(
      'photos',
      "Change a photo's caption, credit, taken-at, item, consent, approval or cover (organisers)",
      {
        status: 200,
        description: 'Photo',
        schema: photoResponse,
      },
    ),
    jsonBody(photoUpdateSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const { photo, visit } = await updatePhoto(
        c.var.db,
        signedIn.actor,
        c.req.param('photoId'),
        c.req.valid('json'),
        new Date(),
      )
      c.header('etag', `"v${photo.version}"`)
      return c.json(projectPhoto(photo, 'curate', visit.timeZone))
    },
  )
  .delete(
    '/photos/:photoId',
    doc('photos', 'Delete a photo with its original and variants (organisers, or the host who sent it)', {
      status: 204,
      description: 'Deleted',
    }),
    async (c) => {
      const signedIn = requirePerson(c)
      await deletePhoto(c.var.db, c.env.PHOTOS, signedIn.actor, c.req.param('photoId'), new Date())
      return c.body(null, 204)
    },
  )
  .get(
    '/visits/:visitId/photo-links',
    doc('photos', "A visit's live photo links (team)", {
      status: 200,
      description: 'Links',
      schema: visitPhotoLinksResponse,
    }),
    async (c) => {
      const signedIn = requirePerson(c)
      return c.json({ links: await listPhotoLinks(c.var.db, signedIn.actor, c.req.param('visitId')) })
    },
  )
  .post(
    '/visits/:visitId/photo-links',
    doc('photos', 'Make a photo link for a photographer or guests (organisers); its address is shown once', {
      status: 201,
      description: 'The link with its address',
      schema: visitPhotoLinksPostResponse,
    }),
    jsonBody(photoLinkSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      const link = await createPhotoLink(
        c.var.db,
        c.var.config,
        signedIn.actor,
        c.req.param('visitId'),
        c.req.valid('json'),
        new Date(),
      )
      return c.json(link, 201)
    },
  )
  .delete(
    '/photo-links/:linkId',
    doc('photos', 'Revoke a photo link: it uploads nothing more (organisers)', {
      status: 204,
      description: 'Revoked',
    }),
    async (c) => {
      const signedIn = requirePerson(c)
      await revokePhotoLink(c.var.db, c.env.PHOTOS, signedIn.actor, c.req.param('linkId'), new Date())
      return c.body(null, 204)
    },
  )
  .put(
    '/visits/:visitId/photo-settings',
    doc('photos', "A visit's photo limits, per file and in all, in MB (organisers)", {
      status: 200,
      description: 'The limits in bytes',
      schema: visitPhotoSettingsPutResponse,
    }),
    jsonBody(photoSettingsSchema),
    async (c) => {
      const signedIn = requirePerson(c)
      return c.json(
        await updatePhotoSettings(
          c.var.db,
          signedIn.actor,
          c.req.param('visitId'),
          c.req.valid('json'),
          new Date(),
        ),
      )
    },
  )

import * as v from 'valibot'
import { photoConsents } from '../../../shared/db/schema'
import * as ex from './response-examples'

/** A photo upload as its uploader and the team see it: its parts, size and progress. */
const photoUploadJson = v.object({
  id: v.string(),
  visitId: v.string(),
  filename: v.string(),
  fingerprint: v.string(),
  sizeBytes: v.number(),
  partSize: v.number(),
  partCount: v.number(),
  partsDone: v.array(v.number()),
  bytesDone: v.number(),
  nextPart: v.nullable(v.number()),
})

/** POST /photo-link/uploads 201; GET /photo-uploads/:uploadId 200; POST /visits/:visitId/photo-uploads 201; PUT /photo-uploads/:uploadId/parts/:partNumber 200 */
export const photoLinkUploadsPostResponse = v.pipe(
  photoUploadJson,
  v.metadata({ examples: [ex.photoLinkUploadsPostExample] }),
)

/** GET /photo-link/uploads 200; GET /visits/:visitId/photo-uploads 200 */
export const photoLinkUploadsResponse = v.pipe(
  v.object({
    uploads: v.array(photoUploadJson),
  }),
  v.metadata({ examples: [ex.photoLinkUploadsExample] }),
)

/** POST /photo-uploads/:uploadId/complete 201 */
export const photoUploadCompletePostResponse = v.pipe(
  v.object({ id: v.string(), filename: v.string(), approved: v.boolean() }),
  v.metadata({ examples: [ex.photoUploadCompletePostExample] }),
)

/** The photo limits of a visit: per file and in all. */
const photoLimitsJson = v.object({ maxFileBytes: v.number(), maxVisitBytes: v.number() })

/** A photo as the team sees it: its variants, consent, credit and who uploaded it. */
const teamPhotoJson = v.object({
  takenAtLocal: v.nullable(v.object({ date: v.string(), time: v.string() })),
  public: v.boolean(),
  uploaderEmail: v.optional(v.string()),
  consent: v.picklist(photoConsents),
  id: v.string(),
  createdAt: v.string(),
  version: v.number(),
  updatedAt: v.nullable(v.string()),
  visitId: v.string(),
  itemId: v.nullable(v.string()),
  filename: v.string(),
  personId: v.nullable(v.string()),
  position: v.number(),
  takenAt: v.nullable(v.string()),
  credit: v.string(),
  source: v.string(),
  linkId: v.nullable(v.string()),
  uploaderName: v.string(),
  originalType: v.string(),
  originalBytes: v.number(),
  webWidth: v.number(),
  webHeight: v.number(),
  webBytes: v.number(),
  thumbWidth: v.number(),
  thumbHeight: v.number(),
  caption: v.string(),
  cover: v.boolean(),
  approved: v.boolean(),
})

/** GET /visits/:visitId/photos 200 */
export const visitPhotosResponse = v.pipe(
  v.object({
    photos: v.array(teamPhotoJson),
    limits: photoLimitsJson,
    used: v.object({ stored: v.number(), underway: v.number() }),
  }),
  v.metadata({ examples: [ex.visitPhotosExample] }),
)

/** PATCH /visits/:visitId/photos 200 */
export const visitPhotosPatchResponse = v.pipe(
  v.object({ changed: v.number() }),
  v.metadata({ examples: [ex.visitPhotosPatchExample] }),
)

/** GET /photos/:photoId 200; PATCH /photos/:photoId 200 */
export const photoResponse = v.pipe(teamPhotoJson, v.metadata({ examples: [ex.photoExample] }))

/** GET /visits/:visitId/photo-links 200 */
export const visitPhotoLinksResponse = v.pipe(
  v.object({
    links: v.array(
      v.object({
        id: v.string(),
        label: v.string(),
        credit: v.string(),
        source: v.string(),
        createdAt: v.string(),
      }),
    ),
  }),
  v.metadata({ examples: [ex.visitPhotoLinksExample] }),
)

/** POST /visits/:visitId/photo-links 201 */
export const visitPhotoLinksPostResponse = v.pipe(
  v.object({ id: v.string(), label: v.string(), credit: v.string(), source: v.string(), url: v.string() }),
  v.metadata({ examples: [ex.visitPhotoLinksPostExample] }),
)

/** PUT /visits/:visitId/photo-settings 200 */
export const visitPhotoSettingsPutResponse = v.pipe(
  photoLimitsJson,
  v.metadata({ examples: [ex.visitPhotoSettingsPutExample] }),
)

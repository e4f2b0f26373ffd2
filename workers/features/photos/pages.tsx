import { type Context, Hono } from 'hono'

import { DomainError } from '../../../shared/errors'
import type { AppEnv } from '../../platform/env'
import { confirmFirst } from '../../platform/http/confirm'
import { objectResponse } from '../../platform/http/file-response'
import { saveOrShowAgain } from '../../platform/http/form-outcome'
import { defined, idOrNull, list, requiredNumber, text } from '../../platform/http/form-values'
import { formBody, type RawForm } from '../../platform/http/validation'
import { requirePerson } from '../../platform/middleware/session'
import type { FormState } from '../../platform/ui/form'
import { createPhotoLink, listPhotoLinks, revokePhotoLink } from './photo-links'
import {
  deletePhoto,
  listPhotos,
  movePhoto,
  photoFor,
  updatePhoto,
  updatePhotoSettings,
  updatePhotos,
} from './photos'
import { photoLinkSchema, photoSettingsSchema, photoUpdateSchema } from './schemas'
import { PhotoPage } from './views/photo-page'
import { PhotosPage } from './views/photos-page'

type C = Context<AppEnv>

async function renderPhotos(c: C, extra: { madeLink?: string; notice?: string; state?: FormState } = {}) {
  const signedIn = requirePerson(c)
  const visitId = c.req.param('visitId') ?? ''
  const found = await listPhotos(c.var.db, signedIn.actor, visitId)
  const links = found.access === 'curate' ? await listPhotoLinks(c.var.db, signedIn.actor, visitId) : []
  c.header('cache-control', 'private, no-store')
  return c.render(
    <PhotosPage
      t={c.var.t}
      visit={found.visit}
      access={found.access}
      photos={found.photos}
      links={links}
      limits={found.limits}
      used={found.used}
      {...extra}
    />,
    { title: `${c.var.t.photos.title} · ${found.visit.title}` },
  )
}

async function renderPhoto(c: C, extra: { notice?: string; state?: FormState } = {}) {
  const signedIn = requirePerson(c)
  const { photo, visit, access } = await photoFor(c.var.db, signedIn.actor, c.req.param('photoId') ?? '')
  if (photo.visitId !== c.req.param('visitId')) throw new DomainError('not_found')
  const { items } = await listPhotos(c.var.db, signedIn.actor, visit.id)
  c.header('cache-control', 'private, no-store')
  return c.render(
    <PhotoPage t={c.var.t} visit={visit} photo={photo} access={access} items={items} {...extra} />,
    {
      title: `${photo.caption || photo.filename} · ${visit.title}`,
    },
  )
}

/** A photo of the visit in the path, for the team: a photo of another visit is 404. */
async function visitPhoto(c: C) {
  const signedIn = requirePerson(c)
  const found = await photoFor(c.var.db, signedIn.actor, c.req.param('photoId') ?? '')
  if (found.photo.visitId !== c.req.param('visitId')) throw new DomainError('not_found')
  return { signedIn, ...found }
}

const photoFromForm = (form: RawForm) => {
  const date = text(form, 'takenDate')?.trim() ?? ''
  const time = text(form, 'takenTime')?.trim() ?? ''
  return defined({
    version: requiredNumber(form, 'version'),
    caption: text(form, 'caption'),
    credit: text(form, 'credit'),
    source: text(form, 'source'),
    itemId: idOrNull(form, 'itemId'),
    consent: text(form, 'consent'),
    approved: list(form, 'approved').includes('yes'),
    cover: list(form, 'cover').includes('yes'),
    takenAt: date === '' && time === '' ? null : { date, time: time || '12:00' },
  })
}

const settingsFromForm = (form: RawForm) =>
  defined({ maxFileMb: requiredNumber(form, 'maxFileMb'), maxVisitMb: requiredNumber(form, 'maxVisitMb') })

const bulkActions = {
  approve: { approved: true },
  unapprove: { approved: false },
  'consent-none': { consent: 'none' },
  'consent-given': { consent: 'given' },
} as const

const stale = (c: C) => (_e: DomainError) => renderPhoto(c)

/** The team's photo pages: the photos of a visit with the uploader, one photo, links and limits. */
export const photoPages = new Hono<AppEnv>()
  .get('/visits/:visitId/photos', (c) => {
    const done = c.req.query('done')
    const notices: Record<string, string> = {
      deleted: c.var.t.photos.deleted,
      revoked: c.var.t.photos.revoked,
      settings: c.var.t.photos.settingsSaved,
    }
    const bulk = /^\d{1,4}$/.test(c.req.query('bulk') ?? '')
      ? c.var.t.photos.bulkDone(Number(c.req.query('bulk')))
      : undefined
    return renderPhotos(c, { notice: bulk ?? (done ? notices[done] : undefined) })
  })
  .post('/visits/:visitId/photos/bulk', async (c) => {
    const signedIn = requirePerson(c)
    const form = (await c.req.parseBody({ all: true })) as RawForm
    const action = text(form, 'action') as keyof typeof bulkActions | undefined
    const ids = list(form, 'ids').filter((id) => /^[A-Za-z0-9-]{1,64}$/.test(id))
    const visitId = c.req.param('visitId')
    if (!action || !(action in bulkActions) || ids.length === 0)
      return c.redirect(`/visits/${visitId}/photos`, 303)
    const changed = await updatePhotos(
      c.var.db,
      signedIn.actor,
      visitId,
      { ids, ...bulkActions[action] },
      new Date(),
    )
    return c.redirect(`/visits/${visitId}/photos?bulk=${changed}`, 303)
  })
  .get('/visits/:visitId/photos/:photoId', (c) =>
    renderPhoto(c, { notice: c.req.query('done') === 'saved' ? c.var.t.photos.saved : undefined }),
  )
  .post(
    '/visits/:visitId/photos/:photoId',
    formBody(
      photoUpdateSchema,
      (c, errors, values) => renderPhoto(c, { state: { errors, values } }),
      photoFromForm,
    ),
    (c) =>
      saveOrShowAgain(
        c,
        async () => {
          const { signedIn } = await visitPhoto(c)
          await updatePhoto(c.var.db, signedIn.actor, c.req.param('photoId'), c.req.valid('form'), new Date())
          return c.redirect(
            `/visits/${c.req.param('visitId')}/photos/${c.req.param('photoId')}?done=saved`,
            303,
          )
        },
        (state) => renderPhoto(c, { state }),
        stale(c),
      ),
  )
  .post('/visits/:visitId/photos/:photoId/delete', confirmFirst('deletePhoto'), async (c) => {
    const { signedIn } = await visitPhoto(c)
    await deletePhoto(c.var.db, c.env.PHOTOS, signedIn.actor, c.req.param('photoId'), new Date())
    return c.redirect(`/visits/${c.req.param('visitId')}/photos?done=deleted`, 303)
  })
  .post('/visits/:visitId/photos/:photoId/move', async (c) => {
    const { signedIn } = await visitPhoto(c)
    const form = (await c.req.parseBody()) as RawForm
    const by = text(form, 'by') === '-1' ? -1 : 1
    await movePhoto(c.var.db, signedIn.actor, c.req.param('photoId'), by, new Date())
    return c.redirect(`/visits/${c.req.param('visitId')}/photos`, 303)
  })
  .get('/visits/:visitId/photos/:photoId/original', async (c) => {
    const { photo, access } = await visitPhoto(c)
    if (access === 'upload') throw new DomainError('forbidden')
    return objectResponse(c, c.env.PHOTOS, photo.originalKey, {
      contentType: photo.originalType,
      cache: 'private, no-store',
      disposition: 'attachment',
      filename: photo.filename,
    })
  })
  .get('/visits/:visitId/photos/:photoId/preview/:variant{thumb|web}', async (c) => {
    const { photo } = await visitPhoto(c)
    const web = c.req.param('variant') === 'web'
    return objectResponse(c, c.env.PHOTOS, web ? photo.webKey : photo.thumbKey, {
      contentType: 'image/webp',
      cache: 'private, max-age=300',
      disposition: 'inline',
      filename: `${photo.id}-${web ? 'web' : 'thumb'}.webp`,
    })
  })
  .post(
    '/visits/:visitId/photo-links',
    formBody(photoLinkSchema, (c, errors, values) => renderPhotos(c, { state: { errors, values } })),
    async (c) => {
      const signedIn = requirePerson(c)
      const link = await createPhotoLink(
        c.var.db,
        c.var.config,
        signedIn.actor,
        c.req.param('visitId'),
        c.req.valid('form'),
        new Date(),
      )
      // The address is shown once, on this answer (never in a redirect's query: it would land in the history).
      return renderPhotos(c, { madeLink: link.url })
    },
  )
  .post('/visits/:visitId/photo-links/:linkId/revoke', confirmFirst('revokePhotoLink'), async (c) => {
    const signedIn = requirePerson(c)
    await revokePhotoLink(c.var.db, c.env.PHOTOS, signedIn.actor, c.req.param('linkId'), new Date())
    return c.redirect(`/visits/${c.req.param('visitId')}/photos?done=revoked#links`, 303)
  })
  .post(
    '/visits/:visitId/photo-settings',
    formBody(
      photoSettingsSchema,
      (c, errors, values) => renderPhotos(c, { state: { errors, values } }),
      settingsFromForm,
    ),
    async (c) => {
      const signedIn = requirePerson(c)
      await updatePhotoSettings(
        c.var.db,
        signedIn.actor,
        c.req.param('visitId'),
        c.req.valid('form'),
        new Date(),
      )
      return c.redirect(`/visits/${c.req.param('visitId')}/photos?done=settings#limits`, 303)
    },
  )

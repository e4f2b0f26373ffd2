import { type Context, Hono } from 'hono'
import { getCookie } from 'hono/cookie'
import { etag } from 'hono/etag'
import { DomainError } from '../../../shared/errors'
import { SESSION_COOKIE } from '../../platform/auth/session'
import type { AppEnv } from '../../platform/env'
import { contentDisposition, objectResponse } from '../../platform/http/file-response'
import { withPrivateLink } from '../../platform/http/private-link'
import { cachedPublic } from '../../platform/http/public-cache'
import { publicRelease } from '../releases/public-schedule'
import { photosCss, photosJs } from './assets'
import { fileOf, galleryVersionBySlug, galleryZip, publicGallery, publicVariant, versionOf } from './gallery'
import { liveLink } from './photo-context'
import { limitsOf } from './uploads'
import { GalleryPage } from './views/gallery-page'
import { LinkInvalidPage, LinkUploadPage } from './views/link-page'

type C = Context<AppEnv>

/** A variant's address names its content (`web-<hash>.webp`): what it points at never changes. */
const IMMUTABLE = 'public, max-age=31536000, immutable'

/**
 * The newest release with the gallery's version, in one round trip, kept with the release head for a few
 * seconds (HEAD_MEMORY_MS) as the schedule keeps its head: a page from this isolate's memory or the edge then
 * costs no D1 query. The version changes with the photos, not with a release, but only through a write: the
 * isolate that approves, removes or reorders a photo forgets the head at once (forgetRecentHeads), and other
 * isolates see the new version as late as they see a new release. The photos themselves are read only when
 * the page is rendered, and each variant is checked on its own request.
 */
const galleryRelease = (c: C) =>
  publicRelease(c, c.req.param('slug'), galleryVersionBySlug(c.var.db), 'gallery-version')

async function galleryPage(c: C) {
  const published = await galleryRelease(c)
  const render = async () => {
    const gallery = await publicGallery(c.var.db, published.visitId, published.release.id)
    // The slug as asked (the visit was found by it); title and zone as the release froze them.
    const visit = { ...gallery.visit, slug: c.req.param('slug') ?? '' }
    return c.render(
      <GalleryPage t={c.var.t} visit={visit} photos={gallery.photos} shareQuery={published.shareQuery} />,
      { title: `${c.var.t.photos.galleryTitle} · ${visit.title}` },
    )
  }
  // Signed-in readers get it fresh (their menu is personal); everyone else the copy of this gallery version.
  if (getCookie(c, SESSION_COOKIE)) {
    c.header('cache-control', 'private, no-cache')
    return render()
  }
  return cachedPublic(
    c,
    {
      published,
      variant: `photos.g${versionOf(published.alongside)}.${c.var.lang}`,
      contentType: 'text/html; charset=UTF-8',
    },
    async () => (await render()).text(),
  )
}

/** The public face of the photos: the gallery, its variants and ZIP; a photo link's page; the assets. */
export const photoPublicRoutes = new Hono<AppEnv>()
  .use('/assets/photos.*', etag())
  .get('/assets/photos.css', (c) => {
    c.header('cache-control', 'public, max-age=3600, must-revalidate')
    return c.body(photosCss, 200, { 'content-type': 'text/css; charset=utf-8' })
  })
  .get('/assets/photos.js', (c) => {
    c.header('cache-control', 'public, max-age=3600, must-revalidate')
    return c.body(photosJs, 200, { 'content-type': 'text/javascript; charset=utf-8' })
  })
  .get('/v/:slug/photos', galleryPage)
  .get('/v/:slug/photos.zip', async (c) => {
    const published = await galleryRelease(c)
    const gallery = await publicGallery(c.var.db, published.visitId, published.release.id)
    if (gallery.photos.length === 0) throw new DomainError('not_found')
    const visit = { ...gallery.visit, slug: c.req.param('slug') ?? '' }
    const body = galleryZip(c.env.PHOTOS, visit, gallery.photos, c.var.t.photos.creditsTitle, new Date())
    return c.body(body, 200, {
      'content-type': 'application/zip',
      'content-disposition': contentDisposition('attachment', `${visit.slug}-fotos.zip`),
      'cache-control': published.shareQuery ? 'private, no-store' : 'public, max-age=300',
      etag: `"g${versionOf(published.alongside)}.${fileOf(gallery.photos[0]?.webKey ?? '')}"`,
      'x-content-type-options': 'nosniff',
    })
  })
  .get('/v/:slug/photos/:photoId/:file{(?:thumb|web)-[0-9a-f]{20}\\.webp}', async (c) => {
    const published = await publicRelease(c, c.req.param('slug'))
    const { key, caption } = await publicVariant(
      c.var.db,
      published.visitId,
      c.req.param('photoId'),
      c.req.param('file'),
    )
    // An unlisted visit's photos are for those with its link: kept by their browser only.
    const cache = published.shareQuery ? 'private, max-age=31536000, immutable' : IMMUTABLE
    const name = caption ? `${caption.slice(0, 60)}.webp` : c.req.param('file')
    return objectResponse(c, c.env.PHOTOS, key, {
      contentType: 'image/webp',
      cache,
      disposition: 'inline',
      filename: name,
    })
  })
  .get('/p/:token', (c) =>
    withPrivateLink(
      c,
      () => c.render(<LinkInvalidPage t={c.var.t} />, { title: c.var.t.photos.title }),
      async (token) => {
        const { visit } = await liveLink(c.var.db, token)
        const limits = await limitsOf(c.var.db, visit.id)
        return c.render(
          <LinkUploadPage t={c.var.t} visit={visit} token={token} maxFileBytes={limits.maxFileBytes} />,
          { title: c.var.t.photos.linkPageTitle(visit.title) },
        )
      },
    ),
  )

import type { Messages } from '../../../../shared/i18n'
import { formatLongDate, formatTime } from '../../../../shared/i18n/format'
import type { GalleryPhoto } from '../gallery'

type Props = {
  t: Messages
  visit: { slug: string; title: string; timeZone: string }
  photos: readonly GalleryPhoto[]
  /** The reader's share query (`k=…` or `g=…`) for an unlisted visit, kept in every link. */
  shareQuery: string
}

/**
 * The public photo impression at /v/{slug}/photos: a responsive grid of thumbnails (srcset with the web size,
 * lazy loading, their size known so nothing jumps), each linking to its web size, so it works without script;
 * photos.js turns the links into a lightbox. Credits under every photo; "download all" as a ZIP.
 */
export function GalleryPage({ t, visit, photos, shareQuery }: Props) {
  const q = shareQuery ? `?${shareQuery}` : ''
  const base = `/v/${visit.slug}`
  const src = (photo: GalleryPhoto, file: string) => `${base}/photos/${photo.id}/${file}${q}`
  return (
    <article class="gallery">
      <link rel="stylesheet" href="/assets/photos.css" />
      <script src="/assets/photos.js" defer />
      <h1>{t.photos.galleryTitle}</h1>
      <p class="lead">{visit.title}</p>
      <p>
        <a href={`${base}${q}`}>{t.photos.backToSchedule}</a>
        {photos.length > 0 ? (
          <>
            {' · '}
            <a href={`${base}/photos.zip${q}`} download>
              {t.photos.downloadAll}
            </a>
          </>
        ) : null}
      </p>
      {photos.length === 0 ? (
        <p class="notice">{t.photos.none}</p>
      ) : (
        <>
          <p class="muted">{t.photos.galleryLead}</p>
          <ul
            class="photo-grid"
            data-lightbox
            data-messages={JSON.stringify({
              lightbox: t.photos.lightbox,
              close: t.photos.close,
              previous: t.photos.previous,
              next: t.photos.next,
              counter: t.photos
                .counter(Number.NaN, Number.POSITIVE_INFINITY)
                .replace('NaN', '{n}')
                .replace('Infinity', '{total}'),
            })}
          >
            {photos.map((photo) => {
              const credit = photo.creditLine ? t.photos.photoBy(photo.creditLine) : ''
              const alt = photo.caption || photo.itemTitle || t.photos.galleryTitle
              return (
                <li>
                  <figure>
                    <a
                      href={src(photo, photo.webFile)}
                      data-full={src(photo, photo.webFile)}
                      data-caption={[photo.caption, credit].filter(Boolean).join(' — ')}
                    >
                      <img
                        src={src(photo, photo.thumbFile)}
                        srcset={`${src(photo, photo.thumbFile)} ${photo.thumbWidth}w, ${src(photo, photo.webFile)} ${photo.webWidth}w`}
                        sizes="(max-width: 40rem) 50vw, 14rem"
                        width={photo.thumbWidth}
                        height={photo.thumbHeight}
                        loading="lazy"
                        decoding="async"
                        alt={alt}
                      />
                    </a>
                    <figcaption>
                      {photo.caption}
                      {photo.itemTitle && !photo.caption ? photo.itemTitle : null}
                      {credit ? <span class="credit">{credit}</span> : null}
                      {photo.takenAt ? (
                        <span class="credit">
                          <time datetime={photo.takenAt.toISOString()}>
                            {formatLongDate(photo.takenAt, visit.timeZone, t.locale)},{' '}
                            {formatTime(photo.takenAt, visit.timeZone, t.locale)}
                          </time>
                        </span>
                      ) : null}
                    </figcaption>
                  </figure>
                </li>
              )
            })}
          </ul>
        </>
      )}
    </article>
  )
}

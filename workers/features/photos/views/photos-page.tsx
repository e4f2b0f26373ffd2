import type { Messages } from '../../../../shared/i18n'
import type { FormState } from '../../../platform/ui/form'
import { ErrorSummary, Field } from '../../../platform/ui/form'
import type { PhotoRow } from '../photos'
import { isPublic, MiB } from '../rules'
import { Uploader } from './uploader'

type Props = {
  t: Messages
  visit: { id: string; title: string; slug: string }
  access: 'curate' | 'read' | 'upload'
  photos: readonly PhotoRow[]
  links: readonly { id: string; label: string; credit: string; source: string }[]
  limits: { maxFileBytes: number; maxVisitBytes: number }
  used: { stored: number; underway: number }
  /** A link just made: its address, shown this once. */
  madeLink?: string | undefined
  notice?: string | undefined
  state?: FormState | undefined
}

const mb = (bytes: number) => `${Math.round(bytes / MiB).toLocaleString('nl-NL')} MB`

/** What a photo's badge says: public, or why not yet. */
function statusOf(t: Messages, photo: PhotoRow) {
  if (isPublic(photo)) return { text: t.photos.status.public, cls: 'is-public' }
  if (!photo.approved) return { text: t.photos.status.waiting, cls: 'is-hidden' }
  return { text: t.photos.status.consentOpen, cls: 'is-hidden' }
}

/**
 * The team's photo page: upload many at once, see every photo with what keeps it from the public, approve or
 * settle consent for several at once, order them, and the photo links and limits. Viewers only look; a host
 * uploads and sees their own.
 */
export function PhotosPage({
  t,
  visit,
  access,
  photos,
  links,
  limits,
  used,
  madeLink,
  notice,
  state,
}: Props) {
  const base = `/visits/${visit.id}/photos`
  const curate = access === 'curate'
  const left = Math.max(0, limits.maxVisitBytes - used.stored - used.underway)
  return (
    <section class="team-photos">
      <link rel="stylesheet" href="/assets/photos.css" />
      <script src="/assets/photos.js" defer />
      <p>
        <a href={`/visits/${visit.id}`}>{visit.title}</a>
      </p>
      <h1>{t.photos.title}</h1>
      <p class="lead">{t.photos.teamLead}</p>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorSummary t={t} state={state} />
      {access !== 'read' ? (
        <Uploader
          t={t}
          start={`/api/visits/${visit.id}/photo-uploads`}
          unfinished={`/api/visits/${visit.id}/photo-uploads`}
          after="reload"
          limitsLine={t.photos.limits(mb(limits.maxFileBytes), mb(left))}
        />
      ) : null}
      <h2>
        {t.photos.title} ({t.photos.count(photos.length)})
      </h2>
      <p>
        <a href={`/v/${visit.slug}/photos`}>{t.photos.galleryTitle}</a>
      </p>
      <form method="post" action={`${base}/bulk`} id="bulk" />
      <ul class="photo-grid">
        {photos.map((photo, i) => {
          const status = statusOf(t, photo)
          const name = photo.caption || photo.filename
          return (
            <li>
              <figure>
                <img
                  src={`${base}/${photo.id}/preview/thumb`}
                  width={photo.thumbWidth}
                  height={photo.thumbHeight}
                  loading="lazy"
                  alt={name}
                />
                <figcaption>
                  <span class={`photo-status ${status.cls}`}>{status.text}</span> {name}
                  <span class="credit">{t.photos.consent[photo.consent]}</span>
                </figcaption>
              </figure>
              <div class="photo-tools">
                {curate ? (
                  <label>
                    <input
                      type="checkbox"
                      name="ids"
                      value={photo.id}
                      form="bulk"
                      aria-label={t.photos.select(name)}
                    />
                  </label>
                ) : null}
                <a href={`${base}/${photo.id}`}>{t.photos.edit}</a>
                {curate && i > 0 ? (
                  <form method="post" action={`${base}/${photo.id}/move`}>
                    <input type="hidden" name="by" value="-1" />
                    <button type="submit" class="link-button">
                      {t.photos.moveUp}
                    </button>
                  </form>
                ) : null}
                {curate && i < photos.length - 1 ? (
                  <form method="post" action={`${base}/${photo.id}/move`}>
                    <input type="hidden" name="by" value="1" />
                    <button type="submit" class="link-button">
                      {t.photos.moveDown}
                    </button>
                  </form>
                ) : null}
              </div>
            </li>
          )
        })}
      </ul>
      {curate && photos.length > 0 ? (
        <fieldset>
          <legend>{t.photos.bulk}</legend>
          <button type="submit" form="bulk" name="action" value="approve">
            {t.photos.bulkApprove}
          </button>{' '}
          <button type="submit" form="bulk" name="action" value="unapprove">
            {t.photos.bulkUnapprove}
          </button>{' '}
          <button type="submit" form="bulk" name="action" value="consent-none">
            {t.photos.bulkConsentNone}
          </button>{' '}
          <button type="submit" form="bulk" name="action" value="consent-given">
            {t.photos.bulkConsentGiven}
          </button>
        </fieldset>
      ) : null}
      {curate ? (
        <>
          <h2 id="links">{t.photos.links}</h2>
          <p>{t.photos.linksLead}</p>
          {madeLink ? (
            <div class="notice" role="status">
              <p>{t.photos.linkMade}</p>
              <p class="link-once">{madeLink}</p>
            </div>
          ) : null}
          {links.length === 0 ? <p class="muted">{t.photos.noLinks}</p> : null}
          <ul>
            {links.map((link) => (
              <li>
                {link.label}{' '}
                {link.credit ? `(${[link.credit, link.source].filter(Boolean).join(' / ')})` : ''}{' '}
                <form
                  method="post"
                  action={`/visits/${visit.id}/photo-links/${link.id}/revoke`}
                  class="inline-form"
                >
                  <button type="submit" class="link-button">
                    {t.photos.revoke}
                  </button>
                </form>
              </li>
            ))}
          </ul>
          <form method="post" action={`/visits/${visit.id}/photo-links`}>
            <Field name="label" label={t.photos.linkLabel} state={state} required />
            <Field name="credit" label={t.photos.linkCredit} state={state} />
            <Field name="source" label={t.photos.linkSource} state={state} />
            <button type="submit">{t.photos.makeLink}</button>
          </form>
          <h2 id="limits">{t.photos.settings}</h2>
          <form method="post" action={`/visits/${visit.id}/photo-settings`}>
            <Field
              name="maxFileMb"
              type="number"
              label={t.photos.maxFileMb}
              state={state}
              value={String(Math.round(limits.maxFileBytes / MiB))}
              min={1}
            />
            <Field
              name="maxVisitMb"
              type="number"
              label={t.photos.maxVisitMb}
              state={state}
              value={String(Math.round(limits.maxVisitBytes / MiB))}
              min={1}
            />
            <button type="submit">{t.photos.saveSettings}</button>
          </form>
        </>
      ) : null}
    </section>
  )
}

import { photoConsents } from '../../../../shared/db/schema'
import { utcToZoned } from '../../../../shared/domain/time'
import type { Messages } from '../../../../shared/i18n'
import { formatTime } from '../../../../shared/i18n/format'
import { Checkbox, ErrorSummary, Field, type FormState, Select, Textarea } from '../../../platform/ui/form'
import type { PhotoRow } from '../photos'

type Props = {
  t: Messages
  visit: { id: string; title: string; timeZone: string }
  photo: PhotoRow
  access: 'curate' | 'read' | 'upload'
  items: readonly { id: string; title: string; startsAt: Date }[]
  notice?: string | undefined
  state?: FormState | undefined
}

/** One photo for the team: the web size, its description and curation, the private original, delete. */
export function PhotoPage({ t, visit, photo, access, items, notice, state }: Props) {
  const base = `/visits/${visit.id}/photos/${photo.id}`
  const taken = photo.takenAt ? utcToZoned(photo.takenAt.getTime(), visit.timeZone) : null
  const curate = access === 'curate'
  return (
    <section>
      <link rel="stylesheet" href="/assets/photos.css" />
      <p>
        <a href={`/visits/${visit.id}/photos`}>{t.photos.title}</a>
      </p>
      <h1>{photo.caption || photo.filename}</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <img
        class="photo-preview"
        src={`${base}/preview/web`}
        width={photo.webWidth}
        height={photo.webHeight}
        alt={photo.caption || photo.filename}
      />
      <p>
        {access !== 'upload' ? <a href={`${base}/original`}>{t.photos.original}</a> : null}
        {photo.uploaderName ? ` · ${t.photos.uploadedBy}: ${photo.uploaderName}` : ''}
      </p>
      {curate ? (
        <form method="post" action={base}>
          <ErrorSummary t={t} state={state} />
          <input type="hidden" name="version" value={String(photo.version)} />
          <Textarea name="caption" label={t.photos.caption} state={state} value={photo.caption} rows={2} />
          <Field name="credit" label={t.photos.credit} state={state} value={photo.credit} />
          <Field name="source" label={t.photos.source} state={state} value={photo.source} />
          <Select
            name="itemId"
            label={t.photos.item}
            state={state}
            value={photo.itemId ?? ''}
            options={[
              { value: '', label: t.photos.noItem },
              ...items.map((i) => ({
                value: i.id,
                label: `${formatTime(i.startsAt, visit.timeZone, t.locale)} ${i.title}`,
              })),
            ]}
          />
          <Field
            name="takenDate"
            type="date"
            label={t.photos.takenDate}
            state={state}
            value={taken?.date ?? ''}
          />
          <Field
            name="takenTime"
            type="time"
            label={t.photos.takenTime}
            state={state}
            value={taken?.time ?? ''}
          />
          <Select
            name="consent"
            label={t.photos.consentLabel}
            state={state}
            value={photo.consent}
            options={photoConsents.map((c) => ({ value: c, label: t.photos.consent[c] }))}
          />
          <Checkbox name="approved" label={t.photos.approved} state={state} checked={photo.approved} />
          <Checkbox name="cover" label={t.photos.cover} state={state} checked={photo.cover} />
          <button type="submit">{t.photos.save}</button>
        </form>
      ) : null}
      {access !== 'read' ? (
        <form method="post" action={`${base}/delete`}>
          <button type="submit" class="danger">
            {t.photos.delete}
          </button>
        </form>
      ) : null}
    </section>
  )
}

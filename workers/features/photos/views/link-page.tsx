import type { Messages } from '../../../../shared/i18n'
import { Field } from '../../../platform/ui/form'
import { MiB } from '../rules'
import { Uploader } from './uploader'

/** The page behind a photo link: a photographer or guest sends photos; they wait for the team. */
export function LinkUploadPage({
  t,
  visit,
  token,
  maxFileBytes,
}: {
  t: Messages
  visit: { title: string }
  token: string
  maxFileBytes: number
}) {
  return (
    <section>
      <link rel="stylesheet" href="/assets/photos.css" />
      <script src="/assets/photos.js" defer />
      <h1>{t.photos.linkPageTitle(visit.title)}</h1>
      <p class="lead">{t.photos.linkPageLead}</p>
      <Uploader
        t={t}
        start="/api/photo-link/uploads"
        unfinished="/api/photo-link/uploads"
        link={token}
        after="message"
        limitsLine={t.photos.limits(`${Math.round(maxFileBytes / MiB)} MB`, '…').split(';')[0] ?? ''}
      >
        <Field name="uploaderName" label={t.photos.yourName} autocomplete="name" />
        <Field name="uploaderEmail" type="email" label={t.photos.yourEmail} autocomplete="email" />
      </Uploader>
    </section>
  )
}

/** A link that does not work (unknown or revoked): said plainly, never which. */
export function LinkInvalidPage({ t }: { t: Messages }) {
  return (
    <section>
      <h1>{t.photos.title}</h1>
      <p class="notice">{t.photos.linkInvalid}</p>
    </section>
  )
}

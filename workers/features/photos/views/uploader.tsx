import type { Messages } from '../../../../shared/i18n'

/** The strings the upload script shows, in the reader's language ({t} and {n} are filled in there). */
const scriptMessages = (t: Messages) => ({
  waiting: t.photos.waiting,
  uploading: t.photos.uploading,
  processing: t.photos.processing,
  done: t.photos.done,
  failed: t.photos.failed,
  retrying: t.photos.retrying,
  timeLeft: t.photos.timeLeft('{t}'),
  sent: t.photos.sent(Number.NaN).replace('NaN', '{n}'),
  ...t.photos.refused,
})

type Props = {
  t: Messages
  /** Where an upload is opened (team: the visit's; a link: the link's), and where unfinished ones are listed. */
  start: string
  unfinished: string
  /** A photo link's token, sent as X-Photo-Link; none for the team. */
  link?: string
  /** After the uploads: reload the page (the team sees its new photos) or only say how many arrived. */
  after: 'reload' | 'message'
  limitsLine: string
  /** Extra fields sent with each upload (a link holder's name and address). */
  children?: unknown
}

/**
 * Many files at once, each with its progress bar, and one overall with time left. The file picker asks for
 * JPEG, PNG or WebP only, so an iPhone converts its HEIC photos on the way. Without JavaScript it says so.
 */
export function Uploader({ t, start, unfinished, link, after, limitsLine, children }: Props) {
  return (
    <section
      class="uploader"
      aria-labelledby="upload-title"
      data-uploader
      data-start={start}
      data-unfinished={unfinished}
      data-link={link ?? ''}
      data-after={after}
      data-messages={JSON.stringify(scriptMessages(t))}
    >
      <h2 id="upload-title">{t.photos.upload}</h2>
      <p class="muted" id="upload-hint">
        {t.photos.uploadHint} {limitsLine}
      </p>
      <p class="notice needs-script">{t.photos.uploadNeedsScript}</p>
      <form hidden>
        {children as never}
        <div class="field">
          <label for="photo-files">{t.photos.chooseFiles}</label>
          <input
            id="photo-files"
            type="file"
            multiple
            accept="image/jpeg,image/png,image/webp"
            aria-describedby="upload-hint"
          />
        </div>
        <button type="submit">{t.photos.startUpload}</button>
      </form>
      <div class="upload-overall" hidden>
        <label for="upload-overall-bar">{t.photos.overall}</label>
        <progress id="upload-overall-bar" max={1} value={0} />
        <span class="text" />
      </div>
      <ul class="upload-list" />
      <p role="status" aria-live="polite" />
    </section>
  )
}

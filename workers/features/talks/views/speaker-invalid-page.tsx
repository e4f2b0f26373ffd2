import type { Messages } from '../../../../shared/i18n'

/** A private link that is unknown, malformed or replaced by a newer one. */
export function SpeakerInvalidPage({ t }: { t: Messages }) {
  return (
    <section class="narrow">
      <h1>{t.talks.invalidTitle}</h1>
      <p class="notice">{t.talks.invalid}</p>
    </section>
  )
}

import type { Messages } from '../../../../shared/i18n'

/** A provider's link that is unknown, malformed or replaced by a newer one. */
export function LinkInvalidPage({ t }: { t: Messages }) {
  return (
    <section class="narrow">
      <h1>{t.catering.invalidTitle}</h1>
      <p class="notice">{t.catering.invalid}</p>
    </section>
  )
}

import type { Messages } from '../../../../shared/i18n'

/** A co-speaker declined: their link is gone, so this page carries no token. */
export function CoDeclinedPage({ t }: { t: Messages }) {
  return (
    <section class="narrow">
      <h1>{t.talks.coDeclinedTitle}</h1>
      <p class="notice" role="status">
        {t.talks.coDeclined}
      </p>
    </section>
  )
}

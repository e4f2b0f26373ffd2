import type { Messages } from '../../../../shared/i18n'

/** The mailed renewal of a speaker's link: a button, so a mail scanner that opens links renews nothing. */
export function SpeakerRenewPage({ t, action }: { t: Messages; action: string }) {
  return (
    <section class="narrow">
      <h1>{t.talks.renewTitle}</h1>
      <p>{t.talks.renewIntro}</p>
      <form method="post" action={action}>
        <button type="submit">{t.talks.renewButton}</button>
      </form>
    </section>
  )
}

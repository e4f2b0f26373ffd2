import type { Messages } from '../../../../shared/i18n'
import { BackToProgramme, type TalkVisit } from './talk-parts'

/** After a submission: check your mail. */
export function TalkSentPage({ t, visit }: { t: Messages; visit: TalkVisit }) {
  return (
    <section class="narrow">
      <h1>{t.talks.sentTitle}</h1>
      <p class="notice" role="status">
        {t.talks.sent}
      </p>
      <BackToProgramme t={t} visit={visit} />
    </section>
  )
}

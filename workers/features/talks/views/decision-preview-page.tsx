import type { TalkState } from '../../../../shared/domain/talks'
import type { Messages } from '../../../../shared/i18n'
import type { RenderedMail } from '../../../../shared/mail/templates'
import { TalksNav, type VisitHead } from './team-parts'

/**
 * Before a decision is sent: which talks move, which cannot, and the mail as the first speaker will get it.
 * Confirming posts the same choice again with `confirm=yes`.
 */
export function DecisionPreviewPage({
  t,
  visit,
  action,
  target,
  moving,
  skipped,
  notify,
  mail,
}: {
  t: Messages
  visit: VisitHead
  action: string
  target: TalkState
  moving: readonly { id: string; title: string; state: TalkState }[]
  skipped: number
  notify: boolean
  mail: RenderedMail | null
}) {
  return (
    <>
      <TalksNav t={t} visit={visit} current="talks" />
      <h1>{t.talks.previewTitle}</h1>
      <p class="lead">{t.talks.previewLead(moving.length, t.talks.states[target])}</p>
      <ul>
        {moving.map((talk) => (
          <li>
            {talk.title} <span class="muted">({t.talks.states[talk.state]})</span>
          </li>
        ))}
      </ul>
      {skipped > 0 ? <p class="notice">{t.talks.previewSkipped(skipped)}</p> : null}
      {notify && mail ? (
        <section aria-labelledby="mail-preview">
          <h2 id="mail-preview">{t.talks.previewMail}</h2>
          <dl class="details">
            <dt>{t.talks.subject}</dt>
            <dd>{mail.subject}</dd>
          </dl>
          <pre>{mail.text}</pre>
        </section>
      ) : (
        <p class="muted">{t.talks.previewNoMail}</p>
      )}
      <form method="post" action={action}>
        {moving.map((talk) => (
          <input type="hidden" name="talkIds" value={talk.id} />
        ))}
        <input type="hidden" name="state" value={target} />
        <input type="hidden" name="notify" value={notify ? 'yes' : 'no'} />
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit" disabled={moving.length === 0}>
          {notify && mail ? t.talks.confirmSend : t.talks.confirmNoMail}
        </button>{' '}
        <a href={`/visits/${visit.id}/talks`}>{t.talks.cancel}</a>
      </form>
    </>
  )
}

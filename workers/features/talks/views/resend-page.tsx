import type { Messages } from '../../../../shared/i18n'
import { ErrorSummary, Field, type FormState } from '../../../platform/ui/form'
import { type TalkVisit, VisitLink, visitPath } from './talk-parts'

/** Asking for the private links again; the answer is the same whether the address is known or not. */
export function ResendPage({
  t,
  visit,
  sent,
  state,
}: {
  t: Messages
  visit: TalkVisit
  sent: boolean
  state?: FormState | undefined
}) {
  return (
    <section class="narrow">
      <h1>{sent ? t.talks.resentTitle : t.talks.resendTitle}</h1>
      <p class="lead">
        <VisitLink visit={visit} />
      </p>
      {sent ? (
        <p class="notice" role="status">
          {t.talks.resent}
        </p>
      ) : (
        <>
          <p>{t.talks.resendLead}</p>
          <ErrorSummary t={t} state={state} />
          <form method="post" action={visitPath(visit, '/talks/resend')} novalidate>
            <Field
              name="email"
              type="email"
              label={t.talks.email}
              state={state}
              required
              autocomplete="email"
            />
            <button type="submit">{t.talks.resendButton}</button>
          </form>
        </>
      )}
    </section>
  )
}

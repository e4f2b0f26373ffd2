import type { Messages } from '../../../../shared/i18n'
import { ErrorSummary, Field, type FormState } from '../../../platform/ui/form'

/** Sign in: one field, the e-mail address. */
export function SignInPage({
  t,
  state,
  next,
  notice,
}: {
  t: Messages
  state?: FormState
  next?: string | undefined
  notice?: string
}) {
  return (
    <section aria-labelledby="title" class="narrow">
      <h1 id="title">{t.auth.signIn}</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <p>{t.auth.signInIntro}</p>
      <ErrorSummary t={t} state={state} />
      <form method="post" action="/sign-in" novalidate>
        <Field name="email" type="email" label={t.auth.email} state={state} autocomplete="email" required />
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <button type="submit">{t.auth.sendLink}</button>
      </form>
    </section>
  )
}

/** After asking for a link: the same page whether or not the address is known. */
export function CheckMailPage({ t, minutes }: { t: Messages; minutes: number }) {
  return (
    <section aria-labelledby="title" class="narrow">
      <h1 id="title">{t.auth.checkMailTitle}</h1>
      <p class="lead">{t.auth.checkMail(minutes)}</p>
      <p>
        <a href="/sign-in">{t.auth.askAgain}</a>
      </p>
    </section>
  )
}

/**
 * Opening the mailed link shows a button instead of signing in at once: mail scanners that follow links
 * would otherwise spend the single-use token before the person clicks.
 */
export function VerifyPage({ t, token, next }: { t: Messages; token: string; next?: string | undefined }) {
  return (
    <section aria-labelledby="title" class="narrow">
      <h1 id="title">{t.auth.verifyTitle}</h1>
      <p>{t.auth.verifyIntro}</p>
      <form method="post" action="/sign-in/verify">
        <input type="hidden" name="token" value={token} />
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <button type="submit">{t.auth.verifyButton}</button>
      </form>
    </section>
  )
}

import type { Messages } from '../../../../shared/i18n'
import { HUMAN_CHECK_ORIGIN } from '../../../platform/auth/human-check'
import { ErrorSummary, Field, type FormState, Textarea } from '../../../platform/ui/form'

/** The comment form at /v/{slug}/report/comment: name, text, an optional address, a hidden field for bots. */
export function CommentFormPage({
  t,
  reportTitle,
  action,
  back,
  stamp,
  state,
  humanCheck,
}: {
  t: Messages
  reportTitle: string
  action: string
  back: string
  stamp: string
  state?: FormState | undefined
  /** Turnstile's widget, where the deployment has it set up. */
  humanCheck: { siteKey: string; nonce: string | undefined } | null
}) {
  return (
    <article>
      <link rel="stylesheet" href="/assets/reports.css" />
      <h1>{t.reports.comments.formTitle}</h1>
      <p class="lead">{reportTitle}</p>
      <p>{t.reports.comments.formLead}</p>
      <ErrorSummary t={t} state={state} />
      <form method="post" action={action} class="comment-form">
        <input type="hidden" name="shown" value={stamp} />
        <Field name="name" label={t.reports.comments.name} state={state} required autocomplete="name" />
        <Textarea name="body" label={t.reports.comments.body} state={state} rows={6} />
        <Field
          name="email"
          type="email"
          label={t.reports.comments.email}
          state={state}
          autocomplete="email"
        />
        <div class="hp-field" aria-hidden="true">
          <label for="field-website">{t.reports.comments.website}</label>
          <input id="field-website" name="website" type="text" tabindex={-1} autocomplete="off" value="" />
        </div>
        {humanCheck ? (
          <>
            <div class="cf-turnstile" data-sitekey={humanCheck.siteKey} data-language={t.lang} />
            <noscript>
              <p class="form-hint">{t.reports.comments.humanCheckNeedsScript}</p>
            </noscript>
            <script src={`${HUMAN_CHECK_ORIGIN}/turnstile/v0/api.js`} async defer nonce={humanCheck.nonce} />
          </>
        ) : null}
        <button type="submit">{t.reports.comments.send}</button>
      </form>
      <p>
        <a href={back}>{t.reports.backToVisit}</a>
      </p>
    </article>
  )
}

/** After sending: thanks, and the private link that withdraws the comment. */
export function CommentThanksPage({ t, link, back }: { t: Messages; link: string; back: string }) {
  return (
    <article>
      <h1>{t.reports.comments.thanksTitle}</h1>
      <p>{t.reports.comments.thanks}</p>
      <p>
        <strong>{t.reports.comments.withdrawLink}:</strong>
        <br />
        <a href={link} class="break-all">
          {link}
        </a>
      </p>
      <p>
        <a href={back}>{t.reports.title}</a>
      </p>
    </article>
  )
}

/** The commenter's private page: withdraw the comment (or see that it is). */
export function CommentWithdrawPage({
  t,
  token,
  status,
  body,
  back,
}: {
  t: Messages
  token: string
  status: string
  body: string
  back: string
}) {
  const done = status === 'withdrawn'
  return (
    <article>
      <h1>{done ? t.reports.comments.withdrawnTitle : t.reports.comments.withdrawTitle}</h1>
      {done ? (
        <p>{t.reports.comments.withdrawn}</p>
      ) : (
        <>
          <blockquote class="pre-line">{body}</blockquote>
          <p>{t.reports.comments.withdrawLead}</p>
          <form method="post" action={`/rc/${token}/withdraw`}>
            <button type="submit" class="danger">
              {t.reports.comments.withdrawButton}
            </button>
          </form>
        </>
      )}
      <p>
        <a href={back}>{t.reports.title}</a>
      </p>
    </article>
  )
}

/** A private comment link that is unknown. */
export function CommentLinkInvalidPage({ t }: { t: Messages }) {
  return (
    <article>
      <h1>{t.reports.comments.invalidTitle}</h1>
      <p>{t.reports.comments.invalid}</p>
    </article>
  )
}

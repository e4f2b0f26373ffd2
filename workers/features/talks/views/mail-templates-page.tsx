import type { Messages } from '../../../../shared/i18n'
import type { RenderedMail } from '../../../../shared/mail/templates'
import { ErrorSummary, Field, type FormState, Textarea } from '../../../platform/ui/form'
import type { editableMailKinds, talkLanguages } from '../schemas'
import type { mailTemplatesForTeam } from '../talk-mail'
import { Notice } from './talk-parts'
import { TalksNav } from './team-parts'

type Templates = Awaited<ReturnType<typeof mailTemplatesForTeam>>

/** The decision mails: which exist (own text or standard), one open in the editor, and its preview. */
export function MailTemplatesPage({
  t,
  data,
  kind,
  lang,
  notice,
  state,
  preview,
}: {
  t: Messages
  data: Templates
  kind: (typeof editableMailKinds)[number]
  lang: (typeof talkLanguages)[number]
  notice?: string | undefined
  state?: FormState | undefined
  preview?: RenderedMail | null | undefined
}) {
  const { visit } = data
  const organise = data.access === 'organise'
  const current = data.templates.find((x) => x.kind === kind && x.lang === lang)
  const base = `/visits/${visit.id}/mail-templates`
  return (
    <>
      <TalksNav t={t} visit={visit} current="mails" />
      <h1>{t.talks.mailsTitle}</h1>
      <p class="lead">{t.talks.mailsLead}</p>
      <Notice text={notice} />
      <nav class="tabs" aria-label={t.talks.mailsTitle}>
        {data.templates.map((x) => (
          <a
            href={`${base}?kind=${x.kind}&lang=${x.lang}`}
            aria-current={x.kind === kind && x.lang === lang ? 'page' : undefined}
          >
            {t.talks.mailKinds[x.kind]} ({t.talks.languages[x.lang]}) –{' '}
            {x.custom ? t.talks.customised : t.talks.standard}
          </a>
        ))}
      </nav>
      <h2 id="editor">
        {t.talks.mailKinds[kind]} ({t.talks.languages[lang]})
      </h2>
      <p class="muted">{t.talks.placeholders}</p>
      <ErrorSummary t={t} state={state} />
      <form method="post" action={base} novalidate aria-labelledby="editor">
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="lang" value={lang} />
        <Field name="subject" label={t.talks.mailSubject} value={current?.subject} state={state} />
        <Textarea
          name="body"
          label={t.talks.mailBody}
          hint={t.talks.mailBodyHint}
          value={current?.body}
          state={state}
          rows={8}
        />
        <button type="submit" name="intent" value="preview" class="secondary">
          {t.talks.previewButton}
        </button>{' '}
        {organise ? (
          <button type="submit" name="intent" value="save">
            {t.talks.saveMail}
          </button>
        ) : null}
      </form>
      {organise && current?.custom ? (
        <form method="post" action={base}>
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="lang" value={lang} />
          <input type="hidden" name="intent" value="reset" />
          <button type="submit" class="link-button">
            {t.talks.resetMail}
          </button>
        </form>
      ) : null}
      {preview ? (
        <section aria-labelledby="preview">
          <h2 id="preview">{t.talks.preview}</h2>
          <dl class="details">
            <dt>{t.talks.subject}</dt>
            <dd>{preview.subject}</dd>
          </dl>
          <pre>{preview.text}</pre>
        </section>
      ) : null}
    </>
  )
}

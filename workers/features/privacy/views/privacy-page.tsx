import type { Messages } from '../../../../shared/i18n'
import { ErrorSummary, Field, type FormState, Select } from '../../../platform/ui/form'

/** The privacy statement (what, why, how long, who) with the form to see or erase one's data. */
export function PrivacyPage({ t, state, notice }: { t: Messages; state?: FormState; notice?: string }) {
  const p = t.privacy
  return (
    <section aria-labelledby="title" class="narrow">
      <h1 id="title">{p.title}</h1>
      <p class="lead">{p.intro}</p>
      {p.sections.map((section) => (
        <>
          <h2>{section.heading}</h2>
          <ul>
            {section.items.map((item) => (
              <li>{item}</li>
            ))}
          </ul>
        </>
      ))}
      <h2 id="ask">{p.askTitle}</h2>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorSummary t={t} state={state} />
      <form method="post" action="/privacy/requests#ask" novalidate>
        <Field name="email" type="email" label={p.email} state={state} autocomplete="email" required />
        <Select
          name="kind"
          label={p.kind}
          state={state}
          options={[
            { value: 'export', label: p.kindExport },
            { value: 'erase', label: p.kindErase },
          ]}
        />
        <button type="submit">{p.send}</button>
      </form>
    </section>
  )
}

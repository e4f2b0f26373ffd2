import type { Messages } from '../../../../shared/i18n'

/** The export document as the contract makes it: owner → section → rows. */
export type PersonalDataDocument = { email: string; parts: Record<string, Record<string, unknown[]>> }

const show = (value: unknown): string =>
  value === null || value === undefined
    ? '—'
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value)

/** Every row held about the address, readable: a list of fields per row, grouped by part. */
function Parts({ t, document }: { t: Messages; document: PersonalDataDocument }) {
  const parts = Object.entries(document.parts).filter(([, sections]) =>
    Object.values(sections).some((rows) => rows.length > 0),
  )
  if (parts.length === 0) return <p>{t.privacy.nothing}</p>
  return (
    <>
      {parts.map(([owner, sections]) => (
        <section class="card">
          <h2>{t.privacy.parts[owner] ?? owner}</h2>
          {Object.entries(sections)
            .filter(([, rows]) => rows.length > 0)
            .map(([section, rows]) =>
              rows.map((row) => (
                <dl class="facts" data-section={section}>
                  {Object.entries(row as Record<string, unknown>).map(([key, value]) => (
                    <>
                      <dt>{key}</dt>
                      <dd>{show(value)}</dd>
                    </>
                  ))}
                </dl>
              )),
            )}
        </section>
      ))}
    </>
  )
}

/** What is held about an address, with the JSON download and, where allowed, the way to erase it. */
export function ExportPage({
  t,
  document,
  jsonHref,
  eraseHref,
}: {
  t: Messages
  document: PersonalDataDocument
  jsonHref: string
  eraseHref?: string
}) {
  return (
    <section aria-labelledby="title">
      <h1 id="title">{t.privacy.exportTitle}</h1>
      <p class="lead">{t.privacy.exportIntro(document.email)}</p>
      <p>
        <a class="button" href={jsonHref} download>
          {t.privacy.download}
        </a>
        {eraseHref ? (
          <>
            {' '}
            <a href={eraseHref}>{t.privacy.kindErase}</a>
          </>
        ) : null}
      </p>
      <Parts t={t} document={document} />
    </section>
  )
}

/** What will be erased, and the button that confirms it (a POST: a link scanner cannot erase anything). */
export function ErasePage({
  t,
  document,
  action,
}: {
  t: Messages
  document: PersonalDataDocument
  action: string
}) {
  return (
    <section aria-labelledby="title">
      <h1 id="title">{t.privacy.eraseTitle}</h1>
      <p class="lead">{t.privacy.eraseIntro(document.email)}</p>
      <form method="post" action={action}>
        <button type="submit" class="danger">
          {t.privacy.eraseConfirm}
        </button>
      </form>
      <Parts t={t} document={document} />
    </section>
  )
}

/** After confirming: when it will happen. */
export function ErasePendingPage({ t, date }: { t: Messages; date: string }) {
  return (
    <section aria-labelledby="title" class="narrow">
      <h1 id="title">{t.privacy.eraseTitle}</h1>
      <p class="notice" role="status">
        {t.privacy.erasePending(date)}
      </p>
    </section>
  )
}

import type { ErrorCode } from '../../../shared/errors'
import type { Messages } from '../../../shared/i18n'
import { Layout } from './layout'

type Props = { t: Messages; code: ErrorCode; status: number; requestId: string; currentUrl: string }

/** A friendly page for any failure: what happened in plain words, a way back, and a reference for support. */
export function ErrorPage({ t, code, status, requestId, currentUrl }: Props) {
  // A missing page is not "something went wrong": it says what it is.
  const title = code === 'not_found' ? t.organiser.notFoundTitle : t.errors.title
  return (
    <Layout t={t} title={title} currentUrl={currentUrl}>
      <section class="error-page" aria-labelledby="error-title">
        <h1 id="error-title">{title}</h1>
        <p class="lead">{t.errors.byCode[code]}</p>
        <p>
          <a class="button" href="/">
            {t.errors.back}
          </a>
        </p>
        <p class="muted">
          {t.errors.requestId}: <code>{requestId}</code> ({status})
        </p>
      </section>
    </Layout>
  )
}

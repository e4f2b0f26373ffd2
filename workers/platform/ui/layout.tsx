import type { Child } from 'hono/jsx'
import type { Messages } from '../../../shared/i18n'
import { iconPath } from '../assets/icon-path'
import type { SavedNotice } from '../middleware/saved-notice'

export type LayoutProps = {
  t: Messages
  title: string
  /** Path and query of the current page, to build the language switch link. */
  currentUrl: string
  nonce?: string | undefined
  /** The signed-in person, for the menu; absent for guests. */
  person?: { email: string; name: string } | null | undefined
  /** More elements for the head: a page's share-card metadata or feed link. */
  head?: Child
  /** The last form was saved: a notice at the top of the page. */
  saved?: SavedNotice | undefined
  children?: Child
}

/** The language switch keeps the reader on the same page. */
function switchHref(currentUrl: string, lang: string): string {
  const url = new URL(currentUrl, 'http://x')
  url.searchParams.set('lang', lang)
  return `${url.pathname}${url.search}`
}

/** The page frame every HTML page shares: landmarks, skip link, language switch, one stylesheet. */
export function Layout({ t, title, currentUrl, person, head, saved, children }: LayoutProps) {
  const other = t.lang === 'nl' ? 'en' : 'nl'
  return (
    <html lang={t.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t.app.name}`}</title>
        <meta name="description" content={t.app.tagline} />
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="icon" href="/assets/icon.svg" type="image/svg+xml" />
        <link rel="apple-touch-icon" sizes="180x180" href={iconPath(180)} />
        <link rel="manifest" href="/assets/manifest.webmanifest" />
        <meta name="theme-color" content="#1f6b3a" />
        {head}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t.app.skipToContent}
        </a>
        <header class="site-header">
          <div class="wrap">
            <a class="brand" href="/">
              {t.app.name}
            </a>
            <nav aria-label={t.app.mainNav}>
              {person ? (
                <>
                  <a href="/teams">{t.teams.title}</a>
                  <a href="/account">{t.account.title}</a>
                  <form method="post" action="/sign-out" class="inline-form">
                    <button type="submit" class="link-button">
                      {t.auth.signOut}
                    </button>
                  </form>
                </>
              ) : (
                <a href="/sign-in">{t.auth.signIn}</a>
              )}
              <a
                href={switchHref(currentUrl, other)}
                hreflang={other}
                lang={other}
                aria-label={t.app.switchLanguageLabel}
              >
                {t.app.switchLanguage}
              </a>
            </nav>
          </div>
        </header>
        <main id="main" class="wrap" tabindex={-1}>
          {saved ? (
            <p class="notice success saved-notice" role="status">
              {saved === 'saved' ? t.organiser.savedNotice : t.organiser.doneNotice[saved]}
            </p>
          ) : null}
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            {t.app.footer} · <a href="/privacy">{t.privacy.footerLink}</a>
          </div>
        </footer>
      </body>
    </html>
  )
}

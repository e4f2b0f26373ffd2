import type { MiddlewareHandler } from 'hono'
import { languageDetector } from 'hono/language'
import { languages, loadMessages, toLang } from '../../../shared/i18n'
import type { AppEnv } from '../env'

/**
 * Dutch first. `?lang=en` switches and is remembered in a cookie; on a first visit the browser's
 * Accept-Language decides.
 */
export const i18n = (): MiddlewareHandler<AppEnv> => {
  const detect = languageDetector({
    order: ['querystring', 'cookie', 'header'],
    lookupQueryString: 'lang',
    lookupCookie: 'lang',
    supportedLanguages: [...languages],
    fallbackLanguage: 'nl',
    caches: ['cookie'],
    cookieOptions: { path: '/', sameSite: 'Lax', secure: true, httpOnly: true, maxAge: 365 * 24 * 3600 },
  })
  return async function i18n(c, next) {
    return detect(c, async () => {
      const lang = toLang(c.var.language)
      c.set('lang', lang)
      // Only this language's texts are loaded (and then kept by the isolate).
      c.set('t', await loadMessages(lang))
      c.header('content-language', lang)
      await next()
    })
  }
}

import { type Lang, languages } from '../../../shared/i18n'
import type { StoredBodies } from '../../platform/http/public-cache'

/** Where a report's public page is kept, per language: one object each, overwritten as the report changes. */
const pageKey = (reportId: string, lang: Lang) => `reports/${reportId}/page.${lang}`

/** Every stored page of a report (one per language), for an erasure to delete with its rows. */
export const storedReportPageKeys = (reportId: string) => languages.map((lang) => pageKey(reportId, lang))

/**
 * The public report page made once per state of what it shows and kept in R2, for cachedPublic: a reader the
 * edge has nothing for (another data centre, a new isolate) gets it with one R2 read after the head lookup,
 * with no D1 read of the report and no Markdown rendering. The object carries the `stamp` it was made for (the
 * release, the report's public version, the gallery's, the talks'): one made for another state is never
 * served, so a publish, an edit, an approved or withdrawn comment or a photo change shows at once; the next
 * reader makes the page anew and overwrites the object (so old states do not pile up).
 */
export function storedReportPage(
  bucket: R2Bucket,
  reportId: string,
  lang: Lang,
  stamp: string,
): StoredBodies {
  const key = pageKey(reportId, lang)
  return {
    async read() {
      const object = await bucket.get(key)
      if (!object) return null
      if (object.customMetadata?.stamp === stamp) return object
      await object.body.cancel()
      return null
    },
    write: (body) => bucket.put(key, body, { customMetadata: { stamp } }),
  }
}

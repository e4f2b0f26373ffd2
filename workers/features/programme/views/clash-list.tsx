import { raw } from 'hono/html'
import type { Clash } from '../../../../shared/domain/clashes'
import type { Messages } from '../../../../shared/i18n'
import { escapeHtml } from '../../../../shared/mail/templates'

/** A clash as a list shows it: with its sentence in both languages, or already in the reader's. */
export type ShownClash = Pick<Clash, 'kind' | 'itemIds'> & ({ message: Clash['message'] } | { text: string })

/** The clash sentence in the reader's language. */
export const clashText = (clash: ShownClash, t: Messages) =>
  'text' in clash ? clash.text : t.lang === 'en' ? clash.message.en : clash.message.nl

/**
 * The clashes as sentences with links to the items they name. Written as one string (a conference day can
 * list hundreds of clashes, and a JSX node per part was a tenth of the editor's time), escaped as JSX would.
 */
export function ClashList({
  t,
  clashes,
  titleOf,
}: {
  t: Messages
  clashes: readonly ShownClash[]
  titleOf: Map<string, string>
}) {
  if (clashes.length === 0) return <p class="muted">{t.programme.noClashes}</p>
  const e = escapeHtml
  const label = e(t.programme.clashItems)
  const parts = ['<ol class="clash-list">']
  for (const c of clashes) {
    parts.push(`<li class="clash kind-${e(c.kind)}"><p>${e(clashText(c, t))}</p><p class="muted">${label}: `)
    c.itemIds.forEach((id, i) => {
      parts.push(`${i > 0 ? ', ' : ''}<a href="/items/${e(id)}">${e(titleOf.get(id) ?? id)}</a>`)
    })
    parts.push('</p></li>')
  }
  parts.push('</ol>')
  return raw(parts.join(''))
}

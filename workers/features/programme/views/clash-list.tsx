import type { Clash } from '../../../../shared/domain/clashes'
import type { Messages } from '../../../../shared/i18n'

/** The clash sentence in the reader's language. */
export const clashText = (clash: Clash, t: Messages) =>
  t.lang === 'en' ? clash.message.en : clash.message.nl

/** The clashes as sentences with links to the items they name. */
export function ClashList({
  t,
  clashes,
  titleOf,
}: {
  t: Messages
  clashes: readonly Clash[]
  titleOf: Map<string, string>
}) {
  if (clashes.length === 0) return <p class="muted">{t.programme.noClashes}</p>
  return (
    <ol class="clash-list">
      {clashes.map((c) => (
        <li class={`clash kind-${c.kind}`}>
          <p>{clashText(c, t)}</p>
          <p class="muted">
            {t.programme.clashItems}:{' '}
            {c.itemIds.map((id, i) => (
              <>
                {i > 0 ? ', ' : ''}
                <a href={`/items/${id}`}>{titleOf.get(id) ?? id}</a>
              </>
            ))}
          </p>
        </li>
      ))}
    </ol>
  )
}

import type { Clash } from '../../../../shared/domain/clashes'
import { utcToZoned } from '../../../../shared/domain/time'
import type { Messages } from '../../../../shared/i18n'
import { formatLocalDate } from '../../../../shared/i18n/format'
import { ErrorSummary, type FormState } from '../../../platform/ui/form'
import { Notice, VisitNav } from '../../visits/views/visit-parts'
import type { VisitAccess } from '../../visits/visits'
import type { Programme, ProgrammeItem } from '../queries'
import { ClashList } from './clash-list'
import { span } from './day-view'
import { ItemFields } from './item-fields'

/** One item: its clashes, and for organisers the edit form and the delete button, both with the version. */
export function ItemPage({
  t,
  access,
  programme,
  item,
  clashes,
  notice,
  state,
}: {
  t: Messages
  access: VisitAccess
  programme: Programme
  item: ProgrammeItem
  clashes: readonly Clash[]
  notice?: string | undefined
  state?: FormState | undefined
}) {
  const { visit } = programme
  const zone = visit.timeZone
  const titleOf = new Map(programme.items.map((i) => [i.id, i.title]))
  const venue = item.venueId ? programme.venues.find((v) => v.id === item.venueId) : undefined
  return (
    <>
      <VisitNav t={t} visit={visit} access={access} current="programme" />
      <p>
        <a href={`/visits/${visit.id}/programme`}>{t.programme.backToProgramme}</a>
      </p>
      <span class="tag">{t.itemKinds[item.kind]}</span>
      <h1>{item.title}</h1>
      <p class="lead">
        {formatLocalDate(utcToZoned(item.startsAt.getTime(), zone).date, t.locale)},{' '}
        {span(item.startsAt.getTime(), item.endsAt.getTime(), zone)}
        {venue ? ` · ${venue.name}` : ''}
      </p>
      <Notice text={notice} />
      <section aria-labelledby="item-clashes">
        <h2 id="item-clashes">{t.programme.itemClashes}</h2>
        <ClashList t={t} clashes={clashes} titleOf={titleOf} />
      </section>
      {access === 'organise' ? (
        <>
          <section aria-labelledby="edit-item">
            <h2 id="edit-item">{t.programme.editItem}</h2>
            <ErrorSummary t={t} state={state} />
            <form method="post" action={`/items/${item.id}`} novalidate>
              <input type="hidden" name="version" value={String(item.version)} />
              <ItemFields t={t} programme={programme} state={state} item={item} />
              <button type="submit">{t.programme.save}</button>
            </form>
          </section>
          <section aria-labelledby="delete-item">
            <h2 id="delete-item">{t.programme.delete}</h2>
            <p class="muted">{t.programme.deleteIntro}</p>
            <form method="post" action={`/items/${item.id}/delete`}>
              <input type="hidden" name="version" value={String(item.version)} />
              <button type="submit" class="secondary">
                {t.programme.delete}
              </button>
            </form>
          </section>
        </>
      ) : item.description ? (
        <p class="prewrap">{item.description}</p>
      ) : null}
    </>
  )
}

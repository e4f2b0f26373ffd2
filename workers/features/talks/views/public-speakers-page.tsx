import type { Messages } from '../../../../shared/i18n'
import type { PublicSpeaker } from '../speaker-pages'

/** The public list of speakers of a released programme: who consented and confirmed. */
export function PublicSpeakersPage({
  t,
  visit,
  speakers,
  query,
}: {
  t: Messages
  visit: { slug: string; title: string }
  speakers: readonly PublicSpeaker[]
  query: string
}) {
  return (
    <>
      <p>
        <a href={`/v/${visit.slug}${query}`}>{t.speakerPages.backToProgramme}</a>
      </p>
      <h1>{t.speakerPages.title}</h1>
      <p class="lead">{t.speakerPages.lead(visit.title)}</p>
      {speakers.length === 0 ? (
        <p class="notice">{t.speakerPages.none}</p>
      ) : (
        <ul class="cards">
          {speakers.map((s) => (
            <li class="card">
              <h2 class="card-title">
                <a href={`/v/${visit.slug}/speakers/${s.id}${query}`}>{s.name}</a>
              </h2>
              {s.organisation ? <p class="muted">{s.organisation}</p> : null}
              <p>{s.talks.map((talk) => talk.title).join(' · ')}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

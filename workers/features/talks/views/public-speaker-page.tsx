import type { Messages } from '../../../../shared/i18n'
import type { PublicSpeaker } from '../speaker-pages'
import { When } from './talk-parts'

/** One public speaker: name, photo (with consent), bio and their talks in the released programme. */
export function PublicSpeakerPage({
  t,
  visit,
  speaker,
  query,
}: {
  t: Messages
  visit: { slug: string; title: string; timeZone: string }
  speaker: PublicSpeaker
  query: string
}) {
  const base = `/v/${visit.slug}`
  return (
    <section class="narrow">
      <p>
        <a href={`${base}/speakers${query}`}>{t.speakerPages.allSpeakers}</a>
      </p>
      <h1>{speaker.name}</h1>
      {speaker.organisation ? <p class="lead">{speaker.organisation}</p> : null}
      {speaker.hasPhoto ? (
        <p>
          <img
            src={`${base}/speakers/${speaker.id}/photo${query}`}
            alt={t.speakerPages.photoOf(speaker.name)}
            width="200"
          />
        </p>
      ) : null}
      {speaker.bio ? <p class="prewrap">{speaker.bio}</p> : null}
      <h2>{t.speakerPages.talks}</h2>
      <ul>
        {speaker.talks.map((talk) => (
          <li>
            <strong>{talk.title}</strong>
            <br />
            <a href={`${base}${query}#item-${talk.itemId}`}>{talk.itemTitle}</a>,{' '}
            <When t={t} start={talk.start} end={talk.end} timeZone={visit.timeZone} />
            {talk.venueName ? ` · ${talk.venueName}` : null}
            {talk.abstract ? <p class="prewrap">{talk.abstract}</p> : null}
          </li>
        ))}
      </ul>
      <p>
        <a href={`${base}${query}`}>{t.speakerPages.backToProgramme}</a>
      </p>
    </section>
  )
}

import type { Messages } from '../../../../shared/i18n'
import { formatLocalDate } from '../../../../shared/i18n/format'
import type { listPublishedVisits } from '../queries'

type VisitCard = Awaited<ReturnType<typeof listPublishedVisits>>[number]

/** Splits visits into upcoming (soonest first) and past (latest first), by the local date of `today`. */
export function splitByDate(visits: VisitCard[], today: string) {
  const upcoming = visits.filter((v) => v.endDate >= today)
  const past = visits.filter((v) => v.endDate < today).reverse()
  return { upcoming, past }
}

function VisitList({ t, visits }: { t: Messages; visits: VisitCard[] }) {
  return (
    <ul class="cards">
      {visits.map((v) => (
        <li class="card">
          <span class="tag">{t.visit.kinds[v.kind]}</span>
          <h3>
            <a href={`/v/${encodeURIComponent(v.slug)}`}>{v.title}</a>
          </h3>
          <p class="muted">
            <time datetime={v.startDate}>{formatLocalDate(v.startDate, t.locale)}</time>
            {v.endDate !== v.startDate ? (
              <>
                {' – '}
                <time datetime={v.endDate}>{formatLocalDate(v.endDate, t.locale)}</time>
              </>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  )
}

/** The home page: the published visits, upcoming first. */
export function HomePage({ t, visits, today }: { t: Messages; visits: VisitCard[]; today: string }) {
  const { upcoming, past } = splitByDate(visits, today)
  return (
    <>
      <h1>{t.home.title}</h1>
      <p class="lead">{t.home.intro}</p>
      {visits.length === 0 ? <p class="notice">{t.home.none}</p> : null}
      {upcoming.length > 0 ? (
        <section aria-labelledby="upcoming">
          <h2 id="upcoming">{t.home.upcoming}</h2>
          <VisitList t={t} visits={upcoming} />
        </section>
      ) : null}
      {past.length > 0 ? (
        <section aria-labelledby="past">
          <h2 id="past">{t.home.past}</h2>
          <VisitList t={t} visits={past} />
        </section>
      ) : null}
    </>
  )
}

/** Travel, times and running late: the words of forms, messages and the route map, in Dutch and English. */

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
const offset = (minutes: number) => {
  const whole = Math.abs(minutes)
  return `${minutes < 0 ? '-' : '+'}${hhmm(whole)}`
}
/** The gap packed by localTimeProblemMessage: start and end as minutes of the day. */
const gapOf = (n: number) => [hhmm(Math.floor(n / 10_000)), hhmm(n % 10_000)] as const
/** The two offsets packed by localTimeProblemMessage, each plus 1000. */
const offsetsOf = (n: number) => [offset(Math.floor(n / 10_000) - 1000), offset((n % 10_000) - 1000)] as const

export const travelNl = {
  validation: {
    timeInGap: (n: number) => {
      const [from, to] = gapOf(n)
      return `Deze tijd bestaat die dag niet: de klok springt van ${from} naar ${to} (zomertijd). Kies een tijd vóór ${from} of vanaf ${to}.`
    },
    timeTwice: (n: number) => {
      const [earlier, later] = offsetsOf(n)
      return `Deze tijd komt die nacht twee keer voor: de klok gaat terug (wintertijd). Kies hieronder de eerste (UTC${earlier}) of de tweede (UTC${later}).`
    },
  },
  map: {
    legend: 'Wie gaat waarheen',
    path: (mark: string, names: string) => `Route ${mark}: ${names}`,
    everyone: 'iedereen',
    walkedBy: (names: string) => ` (${names})`,
  },
  late: {
    publishNow: 'Meteen publiceren, zodat gasten de nieuwe tijden nu zien',
    publishHint:
      'Zonder dit vinkje zien gasten de verschuiving pas na de volgende publicatie. Voordrachten in de verschoven onderdelen schuiven mee; hun sprekers krijgen een mail.',
  },
  leg: {
    departs: 'Vertrektijd van de trein of bus',
    arrives: 'Aankomsttijd',
    hint: 'Voor een trein of een bus met dienstregeling: we controleren of hij vertrekt na het vorige onderdeel en aankomt vóór dit onderdeel. Lopen, fietsen en de auto rekenen we uit met de afstand.',
  },
  fold: {
    startLabel: 'Welke begintijd?',
    endLabel: 'Welke eindtijd?',
    earlier: (o: string) => `De eerste keer (zomertijd, UTC${o})`,
    later: (o: string) => `De tweede keer (wintertijd, UTC${o})`,
  },
}

export const travelEn: typeof travelNl = {
  validation: {
    timeInGap: (n: number) => {
      const [from, to] = gapOf(n)
      return `This time does not exist that day: the clocks jump from ${from} to ${to} (summer time starts). Choose a time before ${from} or from ${to}.`
    },
    timeTwice: (n: number) => {
      const [earlier, later] = offsetsOf(n)
      return `This time happens twice that night: the clocks go back (summer time ends). Choose the first (UTC${earlier}) or the second (UTC${later}) below.`
    },
  },
  map: {
    legend: 'Who goes where',
    path: (mark: string, names: string) => `Route ${mark}: ${names}`,
    everyone: 'everyone',
    walkedBy: (names: string) => ` (${names})`,
  },
  late: {
    publishNow: 'Publish at once, so guests see the new times now',
    publishHint:
      'Without this tick guests see the shift only after the next publish. Talks in the moved items move along; their speakers get a mail.',
  },
  leg: {
    departs: 'Departure of the train or bus',
    arrives: 'Arrival',
    hint: 'For a train or a timetabled bus: we check that it leaves after the previous item and arrives before this one. Walking, cycling and driving are worked out from the distance.',
  },
  fold: {
    startLabel: 'Which start time?',
    endLabel: 'Which end time?',
    earlier: (o: string) => `The first time (summer time, UTC${o})`,
    later: (o: string) => `The second time (winter time, UTC${o})`,
  },
}

/** Travel, times and running late in English (travel.ts has the Dutch and the shape). */
import { gapOf, offsetsOf } from './packed-times'
import type { travelNl } from './travel'

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

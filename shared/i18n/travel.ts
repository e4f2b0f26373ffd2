/**
 * Travel, times and running late: the words of forms, messages and the route map, in Dutch (nl.ts takes them
 * in; travel.en.ts has the English, a module of its own so that a request loads only its language).
 */
import { gapOf, offsetsOf } from './packed-times'

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

/**
 * Demo data: the two visits of September 2017 as they happened, in realistic Dutch. Fixed ids make loading
 * idempotent. The names of residents are invented.
 */

type Item = {
  id: string
  visit: 'vreewijk' | 'deventer'
  kind: 'welcome' | 'talk' | 'walk' | 'tour' | 'break' | 'catering' | 'discussion' | 'travel'
  title: string
  description: string
  venue: string | null
  /** Local times on the visit's day (CEST in September: +02:00). */
  start: string
  end: string
  groups?: string[]
  legMode?: 'walk' | 'cycle' | 'bus' | 'train' | 'car'
  departurePlace?: string
  arrivalPlace?: string
}

const at = (date: string, time: string) => new Date(`${date}T${time}:00+02:00`)

export const demoTeams = [
  { id: 'demo-team-vreewijk', name: 'Bewonersvereniging Vreewijk' },
  { id: 'demo-team-leiden', name: 'Gemeente Leiden — wijkgericht werken' },
]

/** Sign in locally with this address (the link arrives at /dev/mail) to see the demo visits as an organiser. */
export const demoOrganiser = {
  id: 'demo-person-organiser',
  email: 'organisator@vreewijk.example',
  name: 'Marja de Vries',
}

export const demoVisits = [
  {
    id: 'demo-visit-vreewijk',
    teamId: 'demo-team-vreewijk',
    slug: 'collegebezoek-vreewijk-2017',
    kind: 'college_visit' as const,
    title: 'Collegebezoek aan Vreewijk',
    description:
      'Het college van burgemeester en wethouders sluit zijn wijkbezoeken af in Vreewijk. De bewonersvereniging en ' +
      'haar werkgroepen laten zien wat er speelt in de tuinwijk, in een gastvrije tuin, met korte verhalen van ' +
      'bewoners en een wandeling door de buurt.',
    startDate: '2017-09-19',
    endDate: '2017-09-19',
    meetingPoint: 'Tuin van de familie De Wit, Lusthoflaan 12, Leiden',
    expectedGuests: 25,
    budgetCents: 35000,
  },
  {
    id: 'demo-visit-deventer',
    teamId: 'demo-team-leiden',
    slug: 'delegatiebezoek-deventer-2017',
    kind: 'delegation_tour' as const,
    title: 'Delegatiebezoek aan Deventer: wijkbudgetten in de praktijk',
    description:
      'Ambtenaren, raadsleden, leden van de commissie en bewoners uit Leiden gaan op bezoek in Deventer om te leren ' +
      'hoe de wijkteams daar een jaarlijks budget van ongeveer € 50.000 per wijk besteden.',
    startDate: '2017-09-22',
    endDate: '2017-09-22',
    meetingPoint: 'Leiden Centraal, onder het grote bord in de stationshal',
    expectedGuests: 18,
    budgetCents: 120000,
  },
]

export const demoVenues = [
  {
    id: 'demo-venue-tuin-dewit',
    teamId: 'demo-team-vreewijk',
    name: 'Tuin van de familie De Wit',
    kind: 'garden' as const,
    address: 'Lusthoflaan 12, 2313 AE Leiden',
    lat: 52.15187,
    lng: 4.50531,
    capacity: 40,
    stepFree: true,
    toilet: true,
    shelter: true,
    notes: 'Ingang via het tuinpad naast het huis. Bij regen staan er partytenten.',
    hostName: 'Els de Wit',
    hostContact: '06 12 34 56 78',
  },
  {
    id: 'demo-venue-vreewijk-wandeling',
    teamId: 'demo-team-vreewijk',
    name: 'Wandelroute door Vreewijk',
    kind: 'street' as const,
    address: 'Start en einde: Lusthoflaan, Leiden',
    lat: 52.1509,
    lng: 4.5072,
    capacity: null,
    stepFree: true,
    toilet: false,
    shelter: false,
    notes: 'Route langs de Kweekerijstraat, het Vreewijkpark en de speeltuin; ongeveer 1,5 km.',
    hostName: '',
    hostContact: '',
  },
  {
    id: 'demo-venue-leiden-cs',
    teamId: 'demo-team-leiden',
    name: 'Station Leiden Centraal',
    kind: 'other' as const,
    address: 'Stationsplein 3, 2312 AJ Leiden',
    lat: 52.16607,
    lng: 4.48167,
    capacity: null,
    stepFree: true,
    toilet: true,
    shelter: true,
    notes: '',
    hostName: '',
    hostContact: '',
  },
  {
    id: 'demo-venue-deventer-stadhuis',
    teamId: 'demo-team-leiden',
    name: 'Stadhuis Deventer',
    kind: 'community_centre' as const,
    address: 'Grote Kerkhof 4, 7411 KT Deventer',
    lat: 52.25121,
    lng: 6.15851,
    capacity: 60,
    stepFree: true,
    toilet: true,
    shelter: true,
    notes: 'Melden bij de balie; de zaal is op de eerste verdieping (lift aanwezig).',
    hostName: 'Gemeente Deventer, team wijkaanpak',
    hostContact: 'wijkaanpak@deventer.example',
  },
  {
    id: 'demo-venue-rivierenwijk',
    teamId: 'demo-team-leiden',
    name: 'Buurthuis De Rivierenwijk',
    kind: 'community_centre' as const,
    address: 'Rembrandtkade 2, 7415 DD Deventer',
    lat: 52.2463,
    lng: 6.1742,
    capacity: 30,
    stepFree: true,
    toilet: true,
    shelter: true,
    notes: '',
    hostName: 'Wijkteam Rivierenwijk',
    hostContact: 'rivierenwijk@wijkteam.example',
  },
  {
    id: 'demo-venue-keizerslanden',
    teamId: 'demo-team-leiden',
    name: 'Wijkcentrum Keizerslanden',
    kind: 'community_centre' as const,
    address: 'Karel de Grotestraat 40, 7416 JN Deventer',
    lat: 52.2575,
    lng: 6.1828,
    capacity: 25,
    stepFree: false,
    toilet: true,
    shelter: true,
    notes: 'Drie treden bij de ingang; een oprijplaat is op verzoek aanwezig.',
    hostName: 'Wijkteam Keizerslanden',
    hostContact: 'keizerslanden@wijkteam.example',
  },
]

export const demoGroups = [
  {
    id: 'demo-group-a',
    visitId: 'demo-visit-deventer',
    name: 'Groep A — bestuurders en raadsleden',
    position: 0,
  },
  {
    id: 'demo-group-b',
    visitId: 'demo-visit-deventer',
    name: 'Groep B — ambtenaren en bewoners',
    position: 1,
  },
]

const V = '2017-09-19'
const D = '2017-09-22'

export const demoItems: Item[] = [
  {
    id: 'demo-item-v1',
    visit: 'vreewijk',
    kind: 'welcome',
    title: 'Welkom in de tuin',
    description:
      'De voorzitter van de bewonersvereniging heet het college welkom en vertelt kort over Vreewijk.',
    venue: 'demo-venue-tuin-dewit',
    start: '15:30',
    end: '15:40',
  },
  {
    id: 'demo-item-v2',
    visit: 'vreewijk',
    kind: 'talk',
    title: 'Groen en water in de tuinwijk',
    description:
      'Anneke Smit (werkgroep Groen) over wateroverlast na zware buien en het onderhoud van de hagen.',
    venue: 'demo-venue-tuin-dewit',
    start: '15:40',
    end: '15:50',
  },
  {
    id: 'demo-item-v3',
    visit: 'vreewijk',
    kind: 'talk',
    title: 'Veilig over straat: parkeren en verkeer',
    description: 'Joost van Leeuwen (werkgroep Verkeer) over sluipverkeer en de parkeerdruk rond de scholen.',
    venue: 'demo-venue-tuin-dewit',
    start: '15:50',
    end: '16:00',
  },
  {
    id: 'demo-item-v4',
    visit: 'vreewijk',
    kind: 'talk',
    title: 'Samen ouder worden in Vreewijk',
    description:
      'Fatima el Amrani (werkgroep Zorg en Welzijn) over burenhulp en levensloopbestendige woningen.',
    venue: 'demo-venue-tuin-dewit',
    start: '16:00',
    end: '16:10',
  },
  {
    id: 'demo-item-v5',
    visit: 'vreewijk',
    kind: 'walk',
    title: 'Wandeling door de wijk',
    description: 'Bewoners laten de plekken zien waar de verhalen over gingen.',
    venue: 'demo-venue-vreewijk-wandeling',
    start: '16:15',
    end: '16:50',
  },
  {
    id: 'demo-item-v6',
    visit: 'vreewijk',
    kind: 'catering',
    title: 'Hapje en drankje',
    description:
      'Verzorgd door buurtbewoners Karin Bos en Ahmed Yilmaz: koffie, thee, sap en zelfgemaakte hapjes.',
    venue: 'demo-venue-tuin-dewit',
    start: '16:55',
    end: '17:30',
  },
  {
    id: 'demo-item-v7',
    visit: 'vreewijk',
    kind: 'discussion',
    title: 'Afsluiting en vervolgafspraken',
    description: 'De burgemeester bedankt de bewoners; samen worden concrete vervolgstappen afgesproken.',
    venue: 'demo-venue-tuin-dewit',
    start: '17:30',
    end: '17:45',
  },
  {
    id: 'demo-item-d1',
    visit: 'deventer',
    kind: 'travel',
    title: 'Met de trein naar Deventer',
    description: 'Overstap in Amersfoort. De kaartjes regelt het secretariaat.',
    venue: 'demo-venue-leiden-cs',
    start: '08:32',
    end: '10:15',
    legMode: 'train',
    departurePlace: 'Leiden Centraal',
    arrivalPlace: 'Deventer',
  },
  {
    id: 'demo-item-d2',
    visit: 'deventer',
    kind: 'welcome',
    title: 'Ontvangst op het stadhuis',
    description: 'Welkom door de wethouder wijkaanpak van Deventer, met koffie.',
    venue: 'demo-venue-deventer-stadhuis',
    start: '10:30',
    end: '10:50',
  },
  {
    id: 'demo-item-d3',
    visit: 'deventer',
    kind: 'talk',
    title: 'Zo werken de Deventer wijkteams',
    description:
      'Hoe bewoners in elk wijkteam samen beslissen over een jaarlijks budget van ongeveer € 50.000, en wat dat oplevert.',
    venue: 'demo-venue-deventer-stadhuis',
    start: '10:50',
    end: '11:45',
  },
  {
    id: 'demo-item-d4',
    visit: 'deventer',
    kind: 'tour',
    title: 'Werkbezoek Rivierenwijk',
    description: 'Met het wijkteam langs projecten die uit het wijkbudget zijn betaald.',
    venue: 'demo-venue-rivierenwijk',
    start: '12:15',
    end: '13:30',
    groups: ['demo-group-a'],
    legMode: 'bus',
  },
  {
    id: 'demo-item-d5',
    visit: 'deventer',
    kind: 'tour',
    title: 'Werkbezoek Keizerslanden',
    description: 'Bewoners vertellen hoe zij hun plannen indienen en hoe het wijkteam kiest.',
    venue: 'demo-venue-keizerslanden',
    start: '12:15',
    end: '13:30',
    groups: ['demo-group-b'],
    legMode: 'bus',
  },
  {
    id: 'demo-item-d6',
    visit: 'deventer',
    kind: 'catering',
    title: 'Lunch en uitwisseling',
    description: 'Broodjeslunch met leden van de wijkteams; de groepen komen weer samen.',
    venue: 'demo-venue-rivierenwijk',
    start: '13:45',
    end: '14:45',
    legMode: 'bus',
  },
  {
    id: 'demo-item-d7',
    visit: 'deventer',
    kind: 'discussion',
    title: 'Wat nemen we mee naar Leiden?',
    description: 'Nagesprek onder leiding van de wijkregisseur; een bewoner schrijft het verslag.',
    venue: 'demo-venue-deventer-stadhuis',
    start: '15:00',
    end: '15:45',
    legMode: 'bus',
  },
  {
    id: 'demo-item-d8',
    visit: 'deventer',
    kind: 'travel',
    title: 'Terugreis naar Leiden',
    description: '',
    venue: null,
    start: '16:12',
    end: '17:55',
    legMode: 'train',
    departurePlace: 'Deventer',
    arrivalPlace: 'Leiden Centraal',
  },
]

/** The items with their instants and visit ids resolved. */
export function demoProgramme() {
  return demoItems.map((i) => {
    const date = i.visit === 'vreewijk' ? V : D
    return {
      ...i,
      visitId: i.visit === 'vreewijk' ? 'demo-visit-vreewijk' : 'demo-visit-deventer',
      startsAt: at(date, i.start),
      endsAt: at(date, i.end),
    }
  })
}

/** Hosts and caterers: their landing page, their venue's times, the roles page and the address lookup. */

const peopleNl = (n: number) => `${n} ${n === 1 ? 'persoon' : 'personen'}`
const peopleEn = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`

export const rolesNl = {
  myVisits: 'Mijn bezoeken',
  yourRoles: 'Jouw rol bij bezoeken',
  yourRolesIntro: 'Hier vind je de bezoeken waarvoor een organisatieteam je heeft gevraagd.',
  hostOf: (venue: string) => `Gastheer of gastvrouw van ${venue}`,
  caterer: 'Catering',
  openVisit: 'Bekijk het bezoek',
  yourOrders: 'Jouw bestellingen',
  ownTeam: 'Zelf iets organiseren?',
  ownTeamIntro: 'Maak dan een eigen organisatieteam aan.',
  atYourVenue: (venue: string) => `Bij ${venue}`,
  atYourVenueIntro:
    'Wanneer er mensen bij jouw locatie zijn, en hoeveel er verwacht worden (het gezelschap en de aangemelde gasten).',
  nothingYet: 'Er staat nog niets op het programma bij jouw locatie.',
  when: 'Wanneer',
  what: 'Wat',
  expected: 'Verwacht',
  people: peopleNl,
  unknown: 'nog niet bekend',
  cancelled: 'gaat niet door',
  editVenue: 'Gegevens van je locatie bijwerken',
}

export const rolesEn: typeof rolesNl = {
  myVisits: 'My visits',
  yourRoles: 'Your role in visits',
  yourRolesIntro: 'Here are the visits an organising team asked you to help with.',
  hostOf: (venue: string) => `Host of ${venue}`,
  caterer: 'Catering',
  openVisit: 'See the visit',
  yourOrders: 'Your orders',
  ownTeam: 'Organising something yourself?',
  ownTeamIntro: 'Then start an organising team of your own.',
  atYourVenue: (venue: string) => `At ${venue}`,
  atYourVenueIntro:
    'When people are at your venue, and how many are expected (the company and the registered guests).',
  nothingYet: 'Nothing is planned at your venue yet.',
  when: 'When',
  what: 'What',
  expected: 'Expected',
  people: peopleEn,
  unknown: 'not known yet',
  cancelled: 'cancelled',
  editVenue: 'Update the details of your venue',
}

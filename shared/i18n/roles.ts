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
  lookup: {
    label: 'Coördinaten opzoeken bij dit adres',
    hint: 'Met de Locatieserver van de overheid (PDOK), voor adressen in Nederland. Staan de coördinaten er al, dan blijven die staan.',
    not_found:
      'Dit adres kunnen we niet vinden. Controleer straat, huisnummer en plaats, of plak een kaartlink.',
    timeout: 'Het opzoeken van het adres duurde te lang. Probeer het nog eens, of plak een kaartlink.',
    unavailable: 'Het adres kon nu niet worden opgezocht. Probeer het later nog eens, of plak een kaartlink.',
    off: 'Adressen opzoeken kan hier niet. Plak een kaartlink of vul de coördinaten in.',
    located:
      'Opgeslagen, met de coördinaten van het adres. Klopt de plek niet? Plak dan een kaartlink of vul de coördinaten zelf in.',
  },
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
  lookup: {
    label: 'Look up the coordinates of this address',
    hint: 'With the Dutch government’s Locatieserver (PDOK), for addresses in the Netherlands. Coordinates already filled in are kept.',
    not_found: 'We cannot find this address. Check the street, house number and town, or paste a map link.',
    timeout: 'Looking up the address took too long. Try again, or paste a map link.',
    unavailable: 'The address could not be looked up just now. Try again later, or paste a map link.',
    off: 'Addresses cannot be looked up here. Paste a map link or fill in the coordinates.',
    located:
      'Saved, with the coordinates of the address. Is the place wrong? Then paste a map link or fill in the coordinates yourself.',
  },
}

/** Hosts and caterers: their landing page, their venue's times, the roles page and the address lookup (roles.en.ts: English). */

const peopleNl = (n: number) => `${n} ${n === 1 ? 'persoon' : 'personen'}`

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
  page: {
    title: 'Gastheren, gastvrouwen en catering',
    link: 'Gastheren, gastvrouwen en catering',
    intro:
      'Wie een locatie openstelt of de catering verzorgt, hoeft niet in het team. Ze zien alleen hun eigen deel van het bezoek, nooit namen van gasten.',
    none: 'Nog niemand.',
    host: (venue: string) => `Gastheer of gastvrouw van ${venue}`,
    caterer: 'Catering',
    add: 'Iemand toevoegen',
    role: 'Rol',
    roleHost: 'Gastheer of gastvrouw van een locatie',
    roleCaterer: 'Catering',
    email: 'E-mailadres',
    emailHint: 'Ze krijgen een mail met een link naar dit bezoek, en loggen in met dit adres.',
    venue: 'Locatie',
    venueNone: '— kies een locatie —',
    venueHint: 'Alleen voor een gastheer of gastvrouw.',
    button: 'Toevoegen en mailen',
    granted: 'Toegevoegd. Ze krijgen een mail met de link naar dit bezoek.',
    already: 'Deze persoon had deze rol al; er is geen nieuwe mail verstuurd.',
    revoke: 'Rol intrekken',
    revoked: 'De rol is ingetrokken. Deze persoon ziet het bezoek niet meer (tenzij via een andere rol).',
  },
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

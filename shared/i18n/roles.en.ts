/** Hosts' and caterers' words in English (roles.ts has the Dutch and the shape). */
import type { rolesNl } from './roles'

const peopleEn = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`

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
  page: {
    title: 'Hosts and catering',
    link: 'Hosts and catering',
    intro:
      'Someone who opens a venue or provides the catering need not join the team. They see only their own part of the visit, never guests’ names.',
    none: 'Nobody yet.',
    host: (venue: string) => `Host of ${venue}`,
    caterer: 'Catering',
    add: 'Add someone',
    role: 'Role',
    roleHost: 'Host of a venue',
    roleCaterer: 'Catering',
    email: 'E-mail address',
    emailHint: 'They get an e-mail with a link to this visit, and sign in with this address.',
    venue: 'Venue',
    venueNone: '— choose a venue —',
    venueHint: 'Only for a host.',
    button: 'Add and e-mail',
    granted: 'Added. An e-mail with the link to this visit is on its way.',
    already: 'This person had this role already; no new e-mail was sent.',
    revoke: 'Take the role back',
    revoked: 'The role was taken back. This person no longer sees the visit (unless through another role).',
  },
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

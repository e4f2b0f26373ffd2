/**
 * The registrations' words about room, the waitlist and closing, in Dutch and English (nl.ts and en.ts take
 * them in as `rsvps`). The older registration words stay in nl.ts/en.ts under `rsvp`.
 */

/** Where and when a venue limits guests: '‘Tuin van Ans’ (14:00–14:30)'. */
export type LimitPlace = { venue: string; when: string; capacity: number; members: number }

const q = (text: string) => `‘${text}’`
const peopleNl = (n: number) => (n === 1 ? '1 persoon' : `${n} personen`)
const peopleEn = (n: number) => (n === 1 ? '1 person' : `${n} people`)
const guestsNl = (n: number) => (n === 1 ? '1 gast' : `${n} gasten`)
const guestsEn = (n: number) => (n === 1 ? '1 guest' : `${n} guests`)
const companyNl = (n: number) => (n === 0 ? '' : `, van wie ${n} van het gezelschap`)
const companyEn = (n: number) => (n === 0 ? '' : `, ${n} of them from the visiting company`)

export const rsvpsNl = {
  /** The limit that applies to a guest of the whole company, and what sets it. */
  limitVisit: (limit: number) =>
    `Er is plek voor ${guestsNl(limit)}: het maximum dat de organisatie instelde.`,
  limitVenue: (limit: number, p: LimitPlace) =>
    `Er is plek voor ${guestsNl(limit)}: ${q(p.venue)} heeft om ${p.when} plaats voor ${peopleNl(p.capacity)}${companyNl(p.members)}.`,
  /** For organisers: no maximum is set, but a venue limits. */
  hiddenLimit: (limit: number, p: LimitPlace) =>
    `Er is geen maximum ingesteld, maar ${q(p.venue)} heeft om ${p.when} plaats voor ${peopleNl(p.capacity)}${companyNl(p.members)}: er kunnen dus ${guestsNl(limit)} komen.`,
  venueBelowMaximum: (limit: number, p: LimitPlace) =>
    `${q(p.venue)} heeft om ${p.when} plaats voor ${peopleNl(p.capacity)}${companyNl(p.members)}: er kunnen dus maar ${guestsNl(limit)} komen, minder dan het maximum.`,
  groupLimitsTitle: 'Plek per groep',
  groupLimit: (groups: string, limit: number, p: LimitPlace) =>
    `Wie met ${groups} meegaat: plek voor ${guestsNl(limit)}, door ${q(p.venue)} om ${p.when} (${peopleNl(p.capacity)}${companyNl(p.members)}).`,
  /** Why a party waits. */
  waitingVisit: (limit: number, guests: number) =>
    `Het maximum van ${guestsNl(limit)} is bereikt: er zijn er ${guests} aangemeld.`,
  waitingVenue: (p: LimitPlace, guests: number, room: number) =>
    `${q(p.venue)} om ${p.when} is vol: plaats voor ${peopleNl(p.capacity)}, er komen er al ${p.members + guests} (${p.members === 0 ? guestsNl(guests) : `${p.members} van het gezelschap, ${guestsNl(guests)}`}). Nog vrij: ${room}.`,
  waitingIntro: 'Je staat op de wachtlijst omdat er voor je gezelschap geen plek meer is:',
  skippedTitle: 'Wachtlijst: wie nog niet past, en waarom',
  skippedIntro:
    'Wie past, schuift vanzelf door in de volgorde van aanmelden. Een gezelschap dat nog niet past, houdt kleinere gezelschappen erachter niet tegen.',
  skippedParty: (name: string, size: number) => `${name} (${peopleNl(size)})`,
  endedTitle: 'Aanmelden kan niet meer',
  ended: 'Dit bezoek is voorbij. Aanmelden kan niet meer; er is niets opgeslagen.',
  restoreTitle: 'Terugzetten',
  restoreIntro:
    'Dit bezoek is gearchiveerd. Zet het terug om het weer te bewerken en, als het nog niet voorbij is, weer aanmeldingen te ontvangen.',
  restoreButton: 'Bezoek terugzetten',
  restored: 'Het bezoek is teruggezet.',
  expectedAttendance: 'Verwacht aantal mensen (mag leeg)',
  expectedAttendanceHint:
    'Leeg: we rekenen het uit met de groepen van dit onderdeel (gezelschap en aangemelde gasten); bij een onderdeel voor iedereen met het verwachte aantal gasten van het bezoek.',
  /** The team's guest list: search, paging and the counts (guard). */
  guestList: {
    search: 'Zoek op naam of e-mailadres',
    searchName: 'Zoek op naam',
    status: 'Status',
    allStatuses: 'Alle',
    filter: 'Zoeken',
    clear: 'Alles tonen',
    region: 'Lijst van aanmeldingen (schuift opzij)',
    pages: 'Pagina’s van de lijst',
    previous: 'Vorige',
    next: 'Volgende',
    pageOf: (page: number, pages: number) => `Pagina ${page} van ${pages}`,
    showing: (from: number, to: number, of: number) =>
      of === 0 ? 'Geen aanmeldingen' : `${from}–${to} van ${of} aanmeldingen`,
    noneMatch: (search: string) =>
      search ? `Geen aanmeldingen gevonden met ‘${search}’.` : 'Geen aanmeldingen met deze status.',
    badQuery:
      'Die zoekopdracht kon niet worden gelezen (een pagina of status die niet bestaat, of meer dan 100 tekens). De hele lijst staat hieronder.',
    registrations: 'Aanmeldingen (alle)',
    byStatusTitle: 'Per status',
    byGroupTitle: 'Bevestigd per groep',
    wholeCompany: 'Met het hele gezelschap',
    columns: { what: 'Wat', registrations: 'Aanmeldingen', people: 'Personen' },
    cancel: 'Aanmelding annuleren',
    cancelled:
      'De aanmelding is geannuleerd en de gast krijgt een mail. Wie op de wachtlijst past, schuift door.',
    actions: 'Actie',
  },
}

export const rsvpsEn: typeof rsvpsNl = {
  limitVisit: (limit) => `There is room for ${guestsEn(limit)}: the maximum the organisers set.`,
  limitVenue: (limit, p) =>
    `There is room for ${guestsEn(limit)}: ${q(p.venue)} holds ${peopleEn(p.capacity)} at ${p.when}${companyEn(p.members)}.`,
  hiddenLimit: (limit, p) =>
    `No maximum is set, but ${q(p.venue)} holds ${peopleEn(p.capacity)} at ${p.when}${companyEn(p.members)}: so ${guestsEn(limit)} can come.`,
  venueBelowMaximum: (limit, p) =>
    `${q(p.venue)} holds ${peopleEn(p.capacity)} at ${p.when}${companyEn(p.members)}: so only ${guestsEn(limit)} can come, fewer than the maximum.`,
  groupLimitsTitle: 'Room per group',
  groupLimit: (groups, limit, p) =>
    `Going with ${groups}: room for ${guestsEn(limit)}, set by ${q(p.venue)} at ${p.when} (${peopleEn(p.capacity)}${companyEn(p.members)}).`,
  waitingVisit: (limit, guests) => `The maximum of ${guestsEn(limit)} is reached: ${guests} are registered.`,
  waitingVenue: (p, guests, room) =>
    `${q(p.venue)} at ${p.when} is full: it holds ${peopleEn(p.capacity)}, and ${p.members + guests} are coming already (${p.members === 0 ? guestsEn(guests) : `${p.members} from the company, ${guestsEn(guests)}`}). Still free: ${room}.`,
  waitingIntro: 'You are on the waiting list because there is no room for your party:',
  skippedTitle: 'Waiting list: who does not fit yet, and why',
  skippedIntro:
    'Whoever fits moves up automatically, in the order they registered. A party that does not fit yet does not hold back smaller parties behind it.',
  skippedParty: (name, size) => `${name} (${peopleEn(size)})`,
  endedTitle: 'Registration is closed',
  ended: 'This visit is over. Registration is closed; nothing was saved.',
  restoreTitle: 'Restore',
  restoreIntro:
    'This visit is archived. Restore it to edit it again and, if it is not over yet, to take registrations again.',
  restoreButton: 'Restore visit',
  restored: 'The visit is restored.',
  expectedAttendance: 'Expected number of people (optional)',
  expectedAttendanceHint:
    "Empty: worked out from this item's groups (company and registered guests); for an item for everyone, with the visit's expected number of guests.",
  guestList: {
    search: 'Search by name or e-mail address',
    searchName: 'Search by name',
    status: 'Status',
    allStatuses: 'All',
    filter: 'Search',
    clear: 'Show all',
    region: 'List of registrations (scrolls sideways)',
    pages: 'Pages of the list',
    previous: 'Previous',
    next: 'Next',
    pageOf: (page, pages) => `Page ${page} of ${pages}`,
    showing: (from, to, of) => (of === 0 ? 'No registrations' : `${from}–${to} of ${of} registrations`),
    noneMatch: (search) =>
      search ? `No registrations found for ‘${search}’.` : 'No registrations with this status.',
    badQuery:
      'That search could not be read (a page or status that does not exist, or more than 100 characters). The whole list is below.',
    registrations: 'Registrations (all)',
    byStatusTitle: 'By status',
    byGroupTitle: 'Confirmed by group',
    wholeCompany: 'With the whole company',
    columns: { what: 'What', registrations: 'Registrations', people: 'People' },
    cancel: 'Cancel registration',
    cancelled:
      'The registration is cancelled and the guest gets an e-mail. Whoever fits from the waiting list moves up.',
    actions: 'Action',
  },
}

/**
 * The registrations' words about room, the waitlist and closing, in Dutch (nl.ts takes them in as `rsvps`;
 * rsvps.en.ts has the English, a module of its own so that a request loads only its language). The older
 * registration words stay in nl.ts/en.ts under `rsvp`.
 */

/** Where and when a venue limits guests: '‘Tuin van Ans’ (14:00–14:30)'. */
export type LimitPlace = { venue: string; when: string; capacity: number; members: number }

const q = (text: string) => `‘${text}’`
const peopleNl = (n: number) => (n === 1 ? '1 persoon' : `${n} personen`)
const guestsNl = (n: number) => (n === 1 ? '1 gast' : `${n} gasten`)
const companyNl = (n: number) => (n === 0 ? '' : `, van wie ${n} van het gezelschap`)

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

/** The registrations' words about room, the waitlist and closing in English (rsvps.ts: Dutch and the shape). */
import type { rsvpsNl } from './rsvps'

const q = (text: string) => `‘${text}’`

const peopleEn = (n: number) => (n === 1 ? '1 person' : `${n} people`)
const guestsEn = (n: number) => (n === 1 ? '1 guest' : `${n} guests`)
const companyEn = (n: number) => (n === 0 ? '' : `, ${n} of them from the visiting company`)

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

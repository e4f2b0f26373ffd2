/**
 * A released programme in Europe/Amsterdam around the end of summer time on Sunday 2026-10-25, when 03:00
 * summer time (+02:00) becomes 02:00 winter time (+01:00) and 02:00–03:00 happens twice.
 */
import type { ExportItem, ScheduleExport } from './model'

/** Epoch milliseconds of an ISO instant. */
export const at = (iso: string): number => Date.parse(iso)

const base = {
  description: '',
  groupIds: [],
  cancelled: false,
  sequence: 0,
  speakers: [],
} satisfies Partial<ExportItem>

const url = (id: string) => `https://rondgang.example/v/vreewijk-2026#${id}`

/** The programme items by their role in the tests. */
export const items = {
  summerDay: {
    ...base,
    id: 'item-summer',
    title: 'Welkom in de tuin',
    description: 'Koffie en een rondje langs de borders.',
    kind: 'talk',
    // Friday 14:00–15:30 summer time.
    start: at('2026-10-23T12:00:00Z'),
    end: at('2026-10-23T13:30:00Z'),
    venueId: 'venue-garden',
    url: url('item-summer'),
    speakers: [{ id: 'sp-marja', name: 'Marja de Vries' }],
    language: 'nl',
  },
  nightBefore: {
    ...base,
    id: 'item-night-before',
    title: 'Nachtwandeling',
    kind: 'walk',
    // Saturday 01:30–02:30 summer time, a day before the change.
    start: at('2026-10-23T23:30:00Z'),
    end: at('2026-10-24T00:30:00Z'),
    venueId: null,
    groupIds: ['group-aldermen'],
    url: url('item-night-before'),
  },
  beforeChange: {
    ...base,
    id: 'item-before-change',
    title: 'Gesprek; buren, gemeente\nen wethouder',
    description: 'Over de brug\\het plein; en verder, "samen" <nu> & later',
    kind: 'discussion',
    // Sunday 01:30–02:30 summer time; the end is the first 02:30 of the night.
    start: at('2026-10-24T23:30:00Z'),
    end: at('2026-10-25T00:30:00Z'),
    venueId: 'venue-centre',
    groupIds: ['group-aldermen', 'group-council'],
    sequence: 2,
    url: url('item-before-change'),
    language: 'en-GB',
  },
  afterChange: {
    ...base,
    id: 'item-after-change',
    title: 'Verhalen uit de wijk',
    description:
      'Één café, drie straten en een fietsenstalling 🚲 — wat bewoners van Vreewijk opvalt als ze ’s nachts ' +
      'door de buurt lopen. Ëën lange beschrijving zodat de regel gevouwen moet worden, ook midden in een ü.',
    kind: 'talk',
    // Sunday 02:30–03:30 winter time: the second 02:30 of the night.
    start: at('2026-10-25T01:30:00Z'),
    end: at('2026-10-25T02:30:00Z'),
    venueId: 'venue-centre',
    url: url('item-after-change'),
    speakers: [
      { id: 'sp-marja', name: 'Marja de Vries' },
      { id: 'sp-ahmed', name: 'Ahmed El Amrani' },
    ],
  },
  winterMorning: {
    ...base,
    id: 'item-winter',
    title: 'Koffie & koek',
    kind: 'catering',
    // Sunday 10:00–11:00 winter time.
    start: at('2026-10-25T09:00:00Z'),
    end: at('2026-10-25T10:00:00Z'),
    venueId: 'venue-garden',
    url: url('item-winter'),
  },
  cancelled: {
    ...base,
    id: 'item-cancelled',
    title: 'Optreden buurtkoor',
    kind: 'break',
    // Sunday 12:00–12:30 winter time, cancelled after it moved twice.
    start: at('2026-10-25T11:00:00Z'),
    end: at('2026-10-25T11:30:00Z'),
    venueId: 'venue-garden',
    cancelled: true,
    sequence: 3,
    url: url('item-cancelled'),
  },
} satisfies Record<string, ExportItem>

/** The whole release: a visit from Friday 23 to Sunday 25 October 2026 in Leiden. */
export function programme(): ScheduleExport {
  return {
    visit: {
      id: 'visit-vreewijk',
      slug: 'vreewijk-2026',
      title: 'Bezoek aan Vreewijk, Leiden',
      description: 'Het college bezoekt de wijk; bewoners laten zien wat er speelt.',
      timeZone: 'Europe/Amsterdam',
      startDate: '2026-10-23',
      endDate: '2026-10-25',
      url: 'https://rondgang.example/v/vreewijk-2026',
      baseUrl: 'https://rondgang.example/',
    },
    release: { id: 'release-3', name: 'Definitief', number: 3, publishedAt: at('2026-10-01T08:00:00Z') },
    venues: [
      {
        id: 'venue-garden',
        name: 'Tuin van Marja',
        address: 'Vreewijkstraat 12, 2315 Leiden',
        lat: 52.150_123_4,
        lng: 4.502_345_6,
      },
      { id: 'venue-centre', name: 'Buurthuis De Kiem & Co', address: '', lat: null, lng: null },
      { id: 'venue-unused', name: 'Sporthal', address: 'Sportlaan 1', lat: 52.1, lng: 4.5 },
    ],
    groups: [
      { id: 'group-aldermen', name: 'Wethouders' },
      { id: 'group-council', name: 'Raadsleden' },
    ],
    // Not in time order, as a query might return them.
    items: [
      items.winterMorning,
      items.afterChange,
      items.summerDay,
      items.cancelled,
      items.beforeChange,
      items.nightBefore,
    ],
  }
}

/** When the exports in the tests are made. */
export const generatedAt = at('2026-10-20T09:15:00Z')

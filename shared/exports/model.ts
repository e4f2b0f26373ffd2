/**
 * What the public schedule exports are made from: one released programme of a visit, independent of the
 * database. Instants are epoch milliseconds (UTC); dates are local 'YYYY-MM-DD' in the visit's zone.
 */
import { itemKindsIn } from '../i18n'
import { positiveIdOf, urlNamespace, uuidV5 } from './uuid'

/** The languages the exports can label things in. */
export type ExportLang = 'nl' | 'en'

/** Options every export takes: when it is made (DTSTAMP) and the language of its own labels. */
export type ExportOptions = { generatedAt: number; lang: ExportLang }

/** A venue of the programme; coordinates are null when not known. */
export type ExportVenue = {
  id: string
  name: string
  address: string
  lat: number | null
  lng: number | null
}

/** A part of the company that items can be for. */
export type ExportGroup = { id: string; name: string }

/** A speaker of an item, by their public name. */
export type ExportSpeaker = { id: string; name: string }

/** One programme item as released; `sequence` is raised whenever its time or place changed. */
export type ExportItem = {
  id: string
  title: string
  description: string
  kind: string
  start: number
  end: number
  venueId: string | null
  groupIds: string[]
  cancelled: boolean
  sequence: number
  url: string
  speakers: ExportSpeaker[]
  /** ISO 639-1 code of the item's own language, such as 'nl'. */
  language?: string
}

/** A released programme of a visit, everything the public exports show. */
export type ScheduleExport = {
  visit: {
    id: string
    slug: string
    title: string
    description: string
    timeZone: string
    startDate: string
    endDate: string
    /** The public schedule page, /v/{slug}. */
    url: string
    /** Where relative links start, such as https://rondgang.example/. */
    baseUrl: string
  }
  release: { id: string; name: string; number: number; publishedAt: number }
  venues: ExportVenue[]
  groups: ExportGroup[]
  items: ExportItem[]
}

/** The namespace of every Rondgang GUID, itself a version 5 UUID of the product's name. */
export const rondgangNamespace = uuidV5(urlNamespace, 'urn:rondgang')

/** The stable GUID of a programme item: the same visit and item give the same UUID in every release. */
export function itemGuid(visitId: string, itemId: string): string {
  return uuidV5(rondgangNamespace, `visit/${visitId}/item/${itemId}`)
}

/** The stable GUID of a venue within a visit; null for the room of items without a venue. */
export function venueGuid(visitId: string, venueId: string | null): string {
  return uuidV5(rondgangNamespace, `visit/${visitId}/venue/${venueId ?? '-'}`)
}

/** The stable GUID of a speaker, the same in every visit they speak at. */
export function speakerGuid(speakerId: string): string {
  return uuidV5(rondgangNamespace, `speaker/${speakerId}`)
}

/**
 * Stable positive whole numbers for keys, unique among them: each key's number comes from its hash, and the
 * rare collision is settled in key order, so an unchanged set of keys always gives the same numbers.
 */
export function positiveIds(keys: readonly string[]): Map<string, number> {
  const ids = new Map<string, number>()
  const taken = new Set<number>()
  for (const key of [...new Set(keys)].sort()) {
    let id = positiveIdOf(key)
    while (taken.has(id)) id = id >= 0x7fffffff ? 1 : id + 1
    taken.add(id)
    ids.set(key, id)
  }
  return ids
}

/** The words the exports write themselves that the interface dictionaries do not have. */
export const exportLabels = {
  nl: { onTheWay: 'Onderweg', speakers: 'Sprekers', groups: 'Groepen' },
  en: { onTheWay: 'On the way', speakers: 'Speakers', groups: 'Groups' },
} as const satisfies Record<ExportLang, Record<string, string>>

/** The name of an item's kind in a language (from the interface dictionary), or the kind itself if unknown. */
export function kindLabel(kind: string, lang: ExportLang): string {
  const names: Record<string, string> = itemKindsIn(lang)
  return names[kind] ?? kind
}

/** The items in the order every export lists them: by start, then end, then id. */
export function itemsInOrder(items: readonly ExportItem[]): ExportItem[] {
  return [...items].sort((a, b) => a.start - b.start || a.end - b.end || compareText(a.id, b.id))
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

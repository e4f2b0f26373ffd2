/**
 * The frozen form of a published programme: everything the public pages and exports show, and nothing
 * private (no host contact, no budget, no participants). Built from the draft at publish time.
 */
import type { ExportItem, ScheduleExport } from '../exports/model'
import type { SnapshotItem } from './releases'

/** A venue as the public sees it. */
export type SnapshotVenue = {
  id: string
  name: string
  kind: string
  address: string
  lat: number | null
  lng: number | null
  capacity: number | null
  stepFree: boolean | null
  toilet: boolean | null
  shelter: boolean | null
  notes: string
  /** The rain alternative for this visit, if any. */
  rainVenueId: string | null
}

/** A released item: what releases.ts compares, plus what the public pages and feeds need. */
export type ReleaseItem = SnapshotItem & {
  legMode: string
  departurePlace: string | null
  arrivalPlace: string | null
  /** Raised whenever the item's time or place changes or it is cancelled: calendar apps rely on it. */
  sequence: number
  speakers: { id: string; name: string }[]
}

/** The published programme of a visit. */
export type ReleaseSnapshot = {
  visit: {
    id: string
    slug: string
    title: string
    kind: string
    description: string
    meetingPoint: string
    timeZone: string
    startDate: string
    endDate: string
    walkingSpeedKmh: number
  }
  venues: SnapshotVenue[]
  groups: { id: string; name: string }[]
  items: ReleaseItem[]
  /**
   * Set on the row of a large release only: its items are not in the row but in this many parts beside it
   * (release_parts, key 'items'); the row holds the rest, so readers of the visit, venues and groups need no
   * parts. See snapshotRows.
   */
  itemParts?: number
}

/** An item of the draft; its `sequence`, if it has one, is not read (buildSnapshot sets it). */
type DraftItem = Omit<ReleaseItem, 'sequence'> & { sequence?: number }

/**
 * The snapshot of the current draft. Sequences continue from the previous release; an item deleted since
 * then stays in the snapshot as cancelled, so calendars that have it learn that it is off.
 *
 * The draft's items become the snapshot's: each gets its `sequence` set here rather than being copied (300
 * items copied were half of this). Pass items made for it, as draftSnapshot does, with `sequence: 0` last
 * so that every item has the same shape.
 */
export function buildSnapshot(
  draft: Omit<ReleaseSnapshot, 'items'> & { items: DraftItem[] },
  previous: ReleaseSnapshot | null,
): ReleaseSnapshot {
  const before = new Map((previous?.items ?? []).map((i) => [i.id, i]))
  const items = draft.items.slice() as ReleaseItem[]
  for (const item of items) {
    const old = before.get(item.id)
    if (!old) {
      item.sequence = 0
      continue
    }
    const changed =
      old.start !== item.start ||
      old.end !== item.end ||
      old.venueId !== item.venueId ||
      old.cancelled !== item.cancelled
    item.sequence = old.sequence + (changed ? 1 : 0)
  }
  const present = new Set(items.map((i) => i.id))
  for (const old of previous?.items ?? []) {
    if (!present.has(old.id))
      items.push({ ...old, cancelled: true, sequence: old.sequence + (old.cancelled ? 0 : 1) })
  }
  items.sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return { ...draft, items }
}

/**
 * The snapshot in the shape the exports take. `query` (without '?') is kept in the programme's links: for an
 * unlisted visit, the reader's share link or guest pass, without which those links would not open.
 */
export function toScheduleExport(
  snapshot: ReleaseSnapshot,
  release: { id: string; name: string; number: number; publishedAt: number },
  baseUrl: string,
  query = '',
): ScheduleExport {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`
  const url = new URL(`v/${snapshot.visit.slug}${query ? `?${query}` : ''}`, base).toString()
  return {
    visit: {
      id: snapshot.visit.id,
      slug: snapshot.visit.slug,
      title: snapshot.visit.title,
      description: snapshot.visit.description,
      timeZone: snapshot.visit.timeZone,
      startDate: snapshot.visit.startDate,
      endDate: snapshot.visit.endDate,
      url,
      baseUrl: base,
    },
    release,
    venues: snapshot.venues.map((v) => ({
      id: v.id,
      name: v.name,
      address: v.address,
      lat: v.lat,
      lng: v.lng,
    })),
    groups: snapshot.groups,
    items: snapshot.items.map(
      (i): ExportItem => ({
        id: i.id,
        title: i.title,
        description: i.description,
        kind: i.kind,
        start: i.start,
        end: i.end,
        venueId: i.venueId,
        groupIds: i.groupIds,
        cancelled: i.cancelled,
        sequence: i.sequence,
        url: `${url}#item-${i.id}`,
        speakers: i.speakers,
      }),
    ),
  }
}

/**
 * Most characters of one stored part: D1 refuses a value over 2 MB (SQLITE_TOOBIG), and a character is at most
 * 3 bytes of UTF-8 (a pair of surrogates is 4 for 2), so 600,000 characters always fit with room to spare.
 */
export const PART_CHARS = 600_000

/**
 * The snapshot as D1 stores it: one row when it fits, else the row without items plus the items in parts of
 * at most `partChars` characters each (in order), each part a JSON array. Items are written once either way.
 */
export function snapshotRows(
  snapshot: ReleaseSnapshot,
  partChars = PART_CHARS,
): { row: string; itemParts: string[] } {
  const whole = JSON.stringify(snapshot)
  if (whole.length <= partChars) return { row: whole, itemParts: [] }
  const itemParts: string[] = []
  let part: string[] = []
  let size = 2
  for (const item of snapshot.items) {
    const text = JSON.stringify(item)
    if (part.length > 0 && size + text.length + 1 > partChars) {
      itemParts.push(`[${part.join(',')}]`)
      part = []
      size = 2
    }
    part.push(text)
    size += text.length + 1
  }
  if (part.length > 0) itemParts.push(`[${part.join(',')}]`)
  const { items: _items, ...rest } = snapshot
  return { row: JSON.stringify({ ...rest, items: [], itemParts: itemParts.length }), itemParts }
}

/** The snapshot back from its row and its item parts (in order), as snapshotRows wrote them. */
export function snapshotFromRows(row: string, itemParts: readonly string[]): ReleaseSnapshot {
  const snapshot = JSON.parse(row) as ReleaseSnapshot
  if (!snapshot.itemParts) return snapshot
  if (itemParts.length !== snapshot.itemParts)
    throw new Error(`release snapshot: ${itemParts.length} of ${snapshot.itemParts} item parts found`)
  const { itemParts: _n, ...rest } = snapshot
  // One parse of the parts joined (each part is a JSON array): no array of arrays to flatten.
  const items = JSON.parse(
    `[${itemParts
      .map((p) => p.slice(1, -1))
      .filter((p) => p !== '')
      .join(',')}]`,
  )
  return { ...rest, items: items as ReleaseItem[] }
}

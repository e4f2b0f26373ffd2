// The editor's and the clash API's D1 rows as values: plain readers of a row's columns, and the programme as the
// clash check reads it from the rows of a miss (editor-reads.ts sends the statements).
import type { LegMode } from '../../../shared/domain/walking'
import type { ClashSource } from './clash-input'
import type { EditorVisit } from './editor-reads'

export type Rows = Record<string, unknown>[]
export const str = (v: unknown) => v as string
export const num = (v: unknown) => v as number
export const strOrNull = (v: unknown) => (v === null ? null : (v as string))
export const numOrNull = (v: unknown) => (v === null ? null : (v as number))
/** The rows of a statement that answers one JSON array of arrays (`rows`); none when it answered no row. */
export const arrays = (rows: Rows | undefined) => JSON.parse(str(rows?.[0]?.rows ?? '[]')) as unknown[][]

/** The programme as the clash check reads it, from the rows of a miss. */
export function sourceOf(
  visit: Pick<EditorVisit, 'id' | 'startDate' | 'endDate' | 'timeZone'> & {
    walkingSpeedKmh: number
    expectedGuests: number | null
  },
  rows: Record<string, Rows>,
): ClashSource {
  const sizes = new Map<string, number>()
  let participantCount = 0
  for (const r of rows.groupSizes ?? []) {
    participantCount += num(r.people)
    if (r.group_id !== null) sizes.set(str(r.group_id), num(r.people))
  }
  const itemRows = arrays(rows.items)
  type Talk = {
    id: string
    title: string
    itemId: string
    speakers: { speakerId: string; name: string; availability: string }[]
  }
  const talks = new Map<string, Talk>()
  for (const r of rows.talks ?? []) {
    let talk = talks.get(str(r.id))
    if (!talk) {
      talk = { id: str(r.id), title: str(r.title), itemId: str(r.item_id), speakers: [] }
      talks.set(talk.id, talk)
    }
    if (r.speaker_id !== null)
      talk.speakers.push({
        speakerId: str(r.speaker_id),
        name: str(r.name),
        availability: str(r.availability),
      })
  }
  return {
    visit,
    venues: arrays(rows.venues).map((r) => ({
      id: str(r[0]),
      name: str(r[1]),
      lat: numOrNull(r[2]),
      lng: numOrNull(r[3]),
      capacity: numOrNull(r[4]),
    })),
    windows: (rows.windows ?? []).map((r) => ({
      venueId: str(r.venue_id),
      opensAt: numOrNull(r.opens_at),
      closesAt: numOrNull(r.closes_at),
    })),
    groups: arrays(rows.groups).map((r) => ({
      id: str(r[0]),
      name: str(r[1]),
      size: sizes.get(str(r[0])) ?? null,
    })),
    items: itemRows.map((r) => ({
      id: str(r[0]),
      title: str(r[1]),
      start: num(r[2]),
      end: num(r[3]),
      venueId: strOrNull(r[4]),
      kind: str(r[5]),
      legMode: r[6] as LegMode,
      legDepartsAt: numOrNull(r[7]),
      legArrivesAt: numOrNull(r[8]),
      cancelled: r[9] === 1,
      expectedAttendance: numOrNull(r[10]),
      arrivalPlace: strOrNull(r[11]),
      groupIds: r[12] as string[],
    })),
    participantCount,
    guests: (rows.guests ?? []).map((r) => ({
      groupIds: parseGroupIds(str(r.group_ids)),
      people: Number(r.people),
    })),
    talks: [...talks.values()],
  }
}

/** A registration's stored group ids; anything unreadable is the whole company ([]). */
function parseGroupIds(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

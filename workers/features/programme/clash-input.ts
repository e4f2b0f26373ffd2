import type { ClashInput } from '../../../shared/domain/clashes'
import { knownAvailability, parseAvailability } from '../../../shared/domain/talks'
import type { LegMode } from '../../../shared/domain/walking'

/**
 * The draft programme as the clash check reads it, whichever way it was loaded (drizzle's programme for a
 * write, plain rows for the editor): instants as UTC ms, only the fields a clash looks at.
 */
export type ClashSource = {
  visit: {
    startDate: string
    endDate: string
    timeZone: string
    walkingSpeedKmh: number
    expectedGuests: number | null
  }
  venues: readonly {
    id: string
    name: string
    lat: number | null
    lng: number | null
    capacity: number | null
  }[]
  windows: readonly { venueId: string; opensAt: number | null; closesAt: number | null }[]
  groups: readonly { id: string; name: string; size: number | null }[]
  items: readonly {
    id: string
    title: string
    start: number
    end: number
    venueId: string | null
    kind: string
    legMode: LegMode
    legDepartsAt: number | null
    legArrivesAt: number | null
    cancelled: boolean
    expectedAttendance: number | null
    arrivalPlace: string | null
    groupIds: readonly string[]
  }[]
  participantCount: number
  guests: readonly { groupIds: readonly string[]; people: number }[]
  talks: readonly {
    id: string
    title: string
    itemId: string
    speakers: readonly { speakerId: string; name: string; availability: string }[]
  }[]
}

/**
 * The clash check's input. A travel item (train, coach) breaks the walking chain: it gets a place of its own
 * without coordinates, as the company is not walking from the previous venue. Placed talks and their
 * speakers: availability outside an item (the intersection when several speak) and speakers double-booked;
 * no ranges given means "not checked".
 */
export function clashInputOf(p: ClashSource): ClashInput {
  const windows = new Map(p.windows.map((w) => [w.venueId, w]))
  const speakers = new Map<string, ClashInput['speakers'][number]>()
  for (const talk of p.talks) {
    for (const s of talk.speakers) {
      speakers.set(s.speakerId, {
        id: s.speakerId,
        name: s.name,
        availability: knownAvailability(parseAvailability(s.availability)),
      })
    }
  }
  return {
    visit: {
      startDate: p.visit.startDate,
      endDate: p.visit.endDate,
      timeZone: p.visit.timeZone,
      walkingSpeedKmh: p.visit.walkingSpeedKmh,
      expectedGuests: p.visit.expectedGuests,
    },
    venues: [
      ...p.venues.map((v) => {
        const w = windows.get(v.id)
        return {
          id: v.id,
          name: v.name,
          lat: v.lat,
          lng: v.lng,
          capacity: v.capacity,
          openingWindow: w?.opensAt && w.closesAt ? { start: w.opensAt, end: w.closesAt } : null,
        }
      }),
      ...p.items
        .filter((i) => i.kind === 'travel')
        .map((i) => ({
          id: `travel:${i.id}`,
          name: i.arrivalPlace ?? i.title,
          lat: null,
          lng: null,
          capacity: null,
        })),
    ],
    groups: p.groups.map((g) => ({ id: g.id, name: g.name, size: g.size })),
    items: p.items.map((i) => ({
      id: i.id,
      title: i.title,
      start: i.start,
      end: i.end,
      venueId: i.kind === 'travel' ? `travel:${i.id}` : i.venueId,
      groupIds: i.groupIds,
      legMode: i.legMode,
      legDepartsAt: i.legDepartsAt,
      legArrivesAt: i.legArrivesAt,
      kind: i.kind,
      cancelled: i.cancelled,
      expectedAttendance: i.expectedAttendance,
    })),
    attendance: { members: p.participantCount, guests: p.guests },
    speakers: [...speakers.values()],
    talks: p.talks.map((t) => ({
      id: t.id,
      title: t.title,
      itemId: t.itemId,
      speakerIds: t.speakers.map((s) => s.speakerId),
    })),
  }
}

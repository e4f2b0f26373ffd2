import {
  type Blocker,
  type CapacityState,
  type Gathering,
  type GuestLimit,
  guestLimit,
} from '../../../shared/domain/capacity'
import { utcToZoned } from '../../../shared/domain/time'
import type { LimitPlace } from '../../../shared/i18n/rsvps'
import type { Snapshot } from './rsvps'

// The limits and waiting reasons of registrations put in the terms the pages and mails use: which venue, at what
// moment in the visit's zone, with how much room. Pure: the capacity rules compute, this only describes.

/** The groups whose own items are at a smaller place, so a lower limit than the whole company's. */
export function groupLimitsOf(
  state: Pick<CapacityState, 'visitLimit' | 'gatherings' | 'members'>,
  snapshot: Snapshot,
  whole: GuestLimit | null,
  timeZone: string,
) {
  return snapshot.groups.flatMap((g) => {
    const limit = guestLimit(state, [g.id])
    return limit && limit.kind === 'venue' && (whole === null || limit.limit < whole.limit)
      ? [{ group: g.name, ...describeLimit(limit, timeZone) }]
      : []
  })
}

/** A gathering as the sentences name it: the venue, the moment in the visit's zone, its room and the company. */
function limitPlace(gathering: Gathering, members: number, timeZone: string): LimitPlace {
  const at = (ms: number) => utcToZoned(ms, timeZone).time
  return {
    venue: gathering.venueName,
    when: `${at(gathering.start)}–${at(gathering.end)}`,
    capacity: gathering.capacity,
    members,
  }
}

/** A guest limit for the pages: how many, and the venue and moment that set it (none: the visit's maximum). */
export function describeLimit(limit: GuestLimit, timeZone: string) {
  return limit.kind === 'visit'
    ? { limit: limit.limit, place: null }
    : { limit: limit.limit, place: limitPlace(limit.gathering, limit.members, timeZone) }
}

/** Why a party waits, for the pages: the visit's maximum, or which venue is full at which moment. */
export function describeBlocker(blocker: Blocker, timeZone: string) {
  return blocker.kind === 'visit'
    ? { kind: 'visit' as const, limit: blocker.limit, guests: blocker.guests }
    : {
        kind: 'venue' as const,
        place: limitPlace(blocker.gathering, blocker.members, timeZone),
        guests: blocker.guests,
        room: blocker.room,
      }
}

/** What the pages say about a waiting party. */
export type WaitReason = ReturnType<typeof describeBlocker>

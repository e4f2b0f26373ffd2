import type { Config } from '../../platform/config'
import type { Database } from '../../platform/env'

/** What runs when a visit may have room for more guests; it gets the visit and the moment. */
type RoomChanged = (db: Database, config: Config, visitId: string, now: Date) => Promise<unknown>

// The waitlist belongs to rsvps, which sits above visits and releases: it registers here what moves guests up,
// so the features below tell it "there may be room now" without importing it.
const whenRoomChanges: RoomChanged[] = []

/** Registers what runs when a visit may have room for more guests (each function once). */
export function onGuestRoomChange(run: RoomChanged) {
  if (!whenRoomChanges.includes(run)) whenRoomChanges.push(run)
}

/** A visit may have room for more guests (its limit went up or away, a release gave a venue more room). */
export async function guestRoomChanged(db: Database, config: Config, visitId: string, now: Date) {
  for (const run of whenRoomChanges) await run(db, config, visitId, now)
}

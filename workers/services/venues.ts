import { and, eq } from 'drizzle-orm'
import { venues } from '../../shared/db/schema'
import { type Actor, venueAccess } from '../../shared/domain/access'
import { DomainError } from '../../shared/errors'
import type { Database } from '../env'
import { auditEntry } from './audit'

type VenueRow = typeof venues.$inferSelect
type Person = Extract<Actor, { kind: 'person' }>

/** A venue as the actor may see it: host name and contact only for organisers and the venue's own host. */
export function projectVenue(venue: VenueRow, access: 'organise' | 'read' | 'host') {
  const { hostName, hostContact, teamId: _teamId, createdAt: _createdAt, ...open } = venue
  return access === 'read' ? open : { ...open, hostName, hostContact }
}

/** A venue the actor may see, or 404 (also for another team's venue: existence is not confirmed). */
export async function getVenue(db: Database, actor: Actor, venueId: string) {
  const [venue] = await db.select().from(venues).where(eq(venues.id, venueId)).limit(1)
  const access = venue ? venueAccess(actor, venue) : null
  if (!venue || !access) throw new DomainError('not_found')
  return { venue: projectVenue(venue, access), access }
}

/** Fields a host may change on their own venue; organisers may change all fields. */
export const hostEditableFields = [
  'capacity',
  'stepFree',
  'toilet',
  'shelter',
  'notes',
  'hostName',
  'hostContact',
] as const

export type VenuePatch = Partial<
  Pick<
    VenueRow,
    | 'name'
    | 'kind'
    | 'address'
    | 'lat'
    | 'lng'
    | 'capacity'
    | 'stepFree'
    | 'toilet'
    | 'shelter'
    | 'notes'
    | 'hostName'
    | 'hostContact'
  >
>

/**
 * Updates a venue: organisers everything, its host only the practical fields. The write names the version it
 * was based on; a stale version answers 409 and changes nothing.
 */
export async function updateVenue(
  db: Database,
  actor: Person,
  venueId: string,
  patch: VenuePatch,
  baseVersion: number,
  now: Date,
) {
  const [venue] = await db.select().from(venues).where(eq(venues.id, venueId)).limit(1)
  const access = venue ? venueAccess(actor, venue) : null
  if (!venue || !access) throw new DomainError('not_found')
  if (access === 'read') throw new DomainError('forbidden')
  if (access === 'host') {
    const refused = Object.keys(patch).filter((k) => !(hostEditableFields as readonly string[]).includes(k))
    if (refused.length > 0) {
      throw new DomainError('forbidden', `A host may not change: ${refused.join(', ')}.`)
    }
  }
  const before = Object.fromEntries(Object.keys(patch).map((k) => [k, venue[k as keyof VenueRow]]))
  const [updated] = await db.batch([
    db
      .update(venues)
      .set({ ...patch, version: baseVersion + 1 })
      .where(and(eq(venues.id, venueId), eq(venues.version, baseVersion)))
      .returning(),
  ])
  const row = updated[0]
  if (!row) throw new DomainError('conflict', 'The venue was changed by someone else; reload and try again.')
  await auditEntry(db, {
    teamId: venue.teamId,
    actorId: actor.personId,
    action: 'venue.updated',
    entityType: 'venue',
    entityId: venueId,
    before,
    after: patch,
    at: now,
  })
  return projectVenue(row, access)
}

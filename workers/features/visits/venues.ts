import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import type { InferOutput } from 'valibot'
import { venues, visits, visitVenues } from '../../../shared/db/schema'
import { type Actor, canOrganise, canReadTeam, venueAccess } from '../../../shared/domain/access'
import { DomainError } from '../../../shared/errors'
import { auditEntry, auditWhen, rowAtVersion } from '../../platform/audit'
import type { Database } from '../../platform/env'
import type { venueCreateSchema, venueUpdateSchema } from './schemas'

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
  return { venue: projectVenue(venue, access), access, teamId: venue.teamId }
}

/** The team's reusable venues (members; host contact for organisers only). */
export async function listVenues(db: Database, actor: Actor, teamId: string) {
  if (!canReadTeam(actor, teamId)) throw new DomainError('not_found')
  const rows = await db.select().from(venues).where(eq(venues.teamId, teamId)).orderBy(asc(venues.name))
  return rows.map((v) => projectVenue(v, canOrganise(actor, teamId) ? 'organise' : 'read'))
}

/** Adds a venue to the team (organisers). */
export async function createVenue(
  db: Database,
  actor: Person,
  teamId: string,
  input: InferOutput<typeof venueCreateSchema>,
  now: Date,
) {
  if (!canReadTeam(actor, teamId)) throw new DomainError('not_found')
  if (!canOrganise(actor, teamId)) throw new DomainError('forbidden')
  const id = crypto.randomUUID()
  const [rows] = await db.batch([
    db
      .insert(venues)
      .values({ id, teamId, ...input, createdAt: now })
      .returning(),
    auditEntry(db, {
      teamId,
      actorId: actor.personId,
      action: 'venue.created',
      entityType: 'venue',
      entityId: id,
      after: input,
      at: now,
    }),
  ])
  return projectVenue(rows[0]!, 'organise')
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

/**
 * Updates a venue: organisers everything, its host only the practical fields. The write names the version it
 * was based on; a stale version answers 409 and changes nothing.
 */
export async function updateVenue(
  db: Database,
  actor: Person,
  venueId: string,
  input: InferOutput<typeof venueUpdateSchema>,
  now: Date,
) {
  const { version: baseVersion, ...patch } = input
  const [venue] = await db.select().from(venues).where(eq(venues.id, venueId)).limit(1)
  const access = venue ? venueAccess(actor, venue) : null
  if (!venue || !access) throw new DomainError('not_found')
  if (access === 'read') throw new DomainError('forbidden')
  if (access === 'host') {
    const refused = Object.keys(patch).filter((k) => !(hostEditableFields as readonly string[]).includes(k))
    if (refused.length > 0)
      throw new DomainError('forbidden', `A host may not change: ${refused.join(', ')}.`)
  }
  const lat = patch.lat === undefined ? venue.lat : patch.lat
  const lng = patch.lng === undefined ? venue.lng : patch.lng
  if ((lat == null) !== (lng == null)) {
    throw new DomainError('validation_failed', undefined, {
      errors: [{ field: 'lng', message: 'coordinates' }],
    })
  }
  const before = Object.fromEntries(Object.keys(patch).map((k) => [k, venue[k as keyof VenueRow]]))
  const [, updated] = await db.batch([
    // Before the update, while the version still tells whether this change is the one that applies.
    auditWhen(
      db,
      {
        teamId: venue.teamId,
        actorId: actor.personId,
        action: 'venue.updated',
        entityType: 'venue',
        entityId: venueId,
        before,
        after: patch,
        at: now,
      },
      rowAtVersion(venues, venueId, baseVersion),
    ),
    db
      .update(venues)
      .set({ ...patch, version: baseVersion + 1 })
      .where(and(eq(venues.id, venueId), eq(venues.version, baseVersion)))
      .returning(),
  ])
  const row = updated[0]
  if (!row)
    throw new DomainError('conflict', 'The venue was changed by someone else; look at the newest version.', {
      reason: 'stale',
    })
  return projectVenue(row, access)
}

/**
 * The visits in which the actor may see a venue's opening window and rain alternative, newest first: all the
 * team's visits for its members, only the visits they host it for for a host. 404 as getVenue.
 */
export async function venueVisits(db: Database, actor: Actor, venueId: string) {
  const { teamId, access } = await getVenue(db, actor, venueId)
  const hosted =
    actor.kind === 'person'
      ? actor.visitRoles.filter((r) => r.role === 'host' && r.venueId === venueId).map((r) => r.visitId)
      : []
  if (access === 'host' && hosted.length === 0) return []
  return db
    .select({
      id: visits.id,
      title: visits.title,
      startDate: visits.startDate,
      endDate: visits.endDate,
      timeZone: visits.timeZone,
      opensAt: visitVenues.opensAt,
      closesAt: visitVenues.closesAt,
      rainVenueId: visitVenues.rainVenueId,
    })
    .from(visits)
    .leftJoin(visitVenues, and(eq(visitVenues.visitId, visits.id), eq(visitVenues.venueId, venueId)))
    .where(
      access === 'host'
        ? and(eq(visits.teamId, teamId), inArray(visits.id, hosted))
        : eq(visits.teamId, teamId),
    )
    .orderBy(desc(visits.startDate))
}

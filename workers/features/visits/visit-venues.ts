import { and, eq, inArray } from 'drizzle-orm'
import type { InferOutput } from 'valibot'
import { venues, visitVenues } from '../../../shared/db/schema'
import type { Actor } from '../../../shared/domain/access'
import { zonedToUtc } from '../../../shared/domain/time'
import { DomainError } from '../../../shared/errors'
import { auditEntry } from '../../platform/audit'
import type { Database } from '../../platform/env'
import type { visitVenueSchema } from './schemas'
import { fieldError, loadVisitFor } from './visits'

type Person = Extract<Actor, { kind: 'person' }>

/** Sets a venue's opening window and rain alternative for one visit (organisers, or the venue's host). */
export async function setVisitVenue(
  db: Database,
  actor: Person,
  visitId: string,
  venueId: string,
  input: InferOutput<typeof visitVenueSchema>,
  now: Date,
) {
  const { visit, access } = await loadVisitFor(db, actor, visitId)
  const hostsIt = actor.visitRoles.some(
    (r) => r.visitId === visitId && r.role === 'host' && r.venueId === venueId,
  )
  if (access !== 'organise' && !hostsIt) throw new DomainError(access === 'read' ? 'forbidden' : 'not_found')
  const ids = [venueId, ...(input.rainVenueId ? [input.rainVenueId] : [])]
  const found = await db
    .select({ id: venues.id })
    .from(venues)
    .where(and(inArray(venues.id, ids), eq(venues.teamId, visit.teamId)))
  if (!found.some((v) => v.id === venueId)) throw new DomainError('not_found')
  if (
    input.rainVenueId &&
    (input.rainVenueId === venueId || !found.some((v) => v.id === input.rainVenueId))
  ) {
    throw fieldError('rainVenueId', 'unknownVenue')
  }
  const day = input.opensDate ?? visit.startDate
  const window = {
    opensAt: input.opensAt ? new Date(zonedToUtc(day, input.opensAt, visit.timeZone)) : null,
    closesAt: input.closesAt ? new Date(zonedToUtc(day, input.closesAt, visit.timeZone)) : null,
    rainVenueId: input.rainVenueId,
  }
  await db.batch([
    db
      .insert(visitVenues)
      .values({ visitId, venueId, ...window })
      .onConflictDoUpdate({ target: [visitVenues.visitId, visitVenues.venueId], set: window }),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: actor.personId,
      action: 'visit_venue.set',
      entityType: 'venue',
      entityId: venueId,
      after: { visitId, ...window },
      at: now,
    }),
  ])
  return { visitId, venueId, ...window }
}

import { asc, eq } from 'drizzle-orm'
import { people, programmeItems, venues, visitRoles, visits } from '../../shared/db/schema'
import { type Actor, canOrganise, visitAccess, visitRolesOf } from '../../shared/domain/access'
import { DomainError } from '../../shared/errors'
import type { Database } from '../env'
import { auditEntry } from './audit'
import { projectVenue } from './venues'

type Person = Extract<Actor, { kind: 'person' }>

/**
 * A visit as the actor may see it. Team members see all of it (the budget too); a host sees the visit and
 * only their own venue with what happens there; a caterer only the catering items. Others: 404.
 */
export async function getVisit(db: Database, actor: Actor, visitId: string) {
  const [visit] = await db.select().from(visits).where(eq(visits.id, visitId)).limit(1)
  const access = visit ? visitAccess(actor, visit) : null
  if (!visit || !access) throw new DomainError('not_found')
  const [items, venueRows] = await db.batch([
    db
      .select()
      .from(programmeItems)
      .where(eq(programmeItems.visitId, visitId))
      .orderBy(asc(programmeItems.startsAt)),
    db.select().from(venues).where(eq(venues.teamId, visit.teamId)),
  ])
  const { budgetCents, ...open } = visit
  const ownVenues = new Set(visitRolesOf(actor, visitId).flatMap((r) => (r.venueId ? [r.venueId] : [])))
  const full = access === 'organise' || access === 'read'
  // A host sees only what happens at their own venue; a caterer only the catering.
  const shownItems = full
    ? items
    : items.filter((i) =>
        access === 'host' ? i.venueId !== null && ownVenues.has(i.venueId) : i.kind === 'catering',
      )
  const itemVenues = new Set(shownItems.map((i) => i.venueId))
  const shownVenues = venueRows
    .filter((v) => full || (access === 'host' ? ownVenues.has(v.id) : itemVenues.has(v.id)))
    .map((v) => projectVenue(v, access === 'organise' ? 'organise' : access === 'host' ? 'host' : 'read'))
  return {
    access,
    visit: full ? { ...open, budgetCents } : open,
    items: shownItems,
    venues: shownVenues,
  }
}

/**
 * Gives someone a role for one visit (organisers): host of one of the team's venues, or caterer. The person
 * is created when new; they sign in with that address.
 */
export async function grantVisitRole(
  db: Database,
  actor: Person,
  visitId: string,
  input: { role: 'host'; email: string; venueId: string } | { role: 'caterer'; email: string },
  now: Date,
) {
  const [visit] = await db.select().from(visits).where(eq(visits.id, visitId)).limit(1)
  const access = visit ? visitAccess(actor, visit) : null
  if (!visit || !access) throw new DomainError('not_found')
  if (!canOrganise(actor, visit.teamId)) throw new DomainError('forbidden')
  const venueId = input.role === 'host' ? input.venueId : null
  if (venueId) {
    const [venue] = await db.select({ teamId: venues.teamId }).from(venues).where(eq(venues.id, venueId))
    if (!venue || venue.teamId !== visit.teamId) {
      throw new DomainError('validation_failed', undefined, {
        errors: [{ field: 'venueId', message: 'Unknown venue.' }],
      })
    }
  }
  const [, [person]] = await db.batch([
    db.insert(people).values({ email: input.email }).onConflictDoNothing({ target: people.email }),
    db.select({ id: people.id }).from(people).where(eq(people.email, input.email)),
  ])
  if (!person) throw new Error('person missing right after insert')
  const id = crypto.randomUUID()
  await db.batch([
    db
      .insert(visitRoles)
      .values({ id, visitId, personId: person.id, role: input.role, venueId, createdAt: now })
      .onConflictDoNothing(),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: actor.personId,
      action: 'visit_role.granted',
      entityType: 'visit',
      entityId: visitId,
      after: { email: input.email, role: input.role, venueId },
      at: now,
    }),
  ])
  return { personId: person.id, role: input.role, venueId }
}

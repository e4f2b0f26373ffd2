import { and, asc, eq, sql } from 'drizzle-orm'
import { people, teams, venues, visitRoles, visits } from '../../../shared/db/schema'
import type { Actor } from '../../../shared/domain/access'
import { DomainError } from '../../../shared/errors'
import type { Lang } from '../../../shared/i18n'
import { auditEntry } from '../../platform/audit'
import type { Config } from '../../platform/config'
import type { Database } from '../../platform/env'
import { roleMail } from './role-mail'
import { fieldError, loadVisitFor } from './visits'

type Person = Extract<Actor, { kind: 'person' }>

/**
 * Gives someone a role for one visit (organisers): host of one of the team's venues, or caterer. The person
 * is created when new; they sign in with that address. A new role is mailed to them, with the visit's page
 * as link; a role they already had is neither given nor mailed again.
 */
export async function grantVisitRole(
  db: Database,
  config: Config,
  actor: Person,
  visitId: string,
  input: { role: 'host'; email: string; venueId: string } | { role: 'caterer'; email: string },
  lang: Lang,
  now: Date,
) {
  const { visit } = await loadVisitFor(db, actor, visitId, 'organise')
  const venueId = input.role === 'host' ? input.venueId : null
  // One round trip: the person (made when new, in the organiser's language), the team's name, the venue.
  const [, [person], [team], venueRows] = await db.batch([
    db
      .insert(people)
      .values({ email: input.email, locale: lang })
      .onConflictDoNothing({ target: people.email }),
    db
      .select({ id: people.id, name: people.name, locale: people.locale })
      .from(people)
      .where(eq(people.email, input.email)),
    db.select({ name: teams.name }).from(teams).where(eq(teams.id, visit.teamId)),
    db
      .select({ name: venues.name })
      .from(venues)
      .where(and(eq(venues.id, venueId ?? ''), eq(venues.teamId, visit.teamId))),
  ])
  if (venueId && !venueRows[0]) throw fieldError('venueId', 'unknownVenue')
  if (!person || !team) throw new Error('person or team missing right after insert')
  const roleId = crypto.randomUUID()
  const isNew = sql`exists (select 1 from ${visitRoles} where ${visitRoles.id} = ${roleId})`
  const [inserted] = await db.batch([
    // Not by the unique index alone: a caterer's venue is NULL, and SQLite counts NULLs as all different.
    db
      .insert(visitRoles)
      .select(
        sql`select ${roleId}, ${visitId}, ${person.id}, ${input.role}, ${venueId}, ${now.getTime()}
        where not exists (select 1 from ${visitRoles} where ${visitRoles.visitId} = ${visitId}
          and ${visitRoles.personId} = ${person.id} and ${visitRoles.role} = ${input.role}
          and ${visitRoles.venueId} is ${venueId})`,
      )
      .returning({ id: visitRoles.id }),
    roleMail(
      db,
      config,
      {
        to: { email: input.email, name: person.name, lang: person.locale },
        role: input.role,
        visit,
        teamName: team.name,
        venueName: venueRows[0]?.name ?? null,
      },
      now,
      isNew,
    ),
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
  return { personId: person.id, role: input.role, venueId, isNew: inserted.length > 0 }
}

/**
 * Who hosts or caters for a visit, with the team's venues to choose from (organisers: it shows addresses).
 * One round trip after the access check.
 */
export async function listVisitRoles(db: Database, actor: Actor, visitId: string) {
  const { visit } = await loadVisitFor(db, actor, visitId, 'organise')
  const [roles, teamVenues] = await db.batch([
    db
      .select({
        id: visitRoles.id,
        role: visitRoles.role,
        // Both tables call it "name": D1 answers rows by column name, so one must be renamed.
        name: sql<string>`${people.name}`.as('person_name'),
        email: people.email,
        venueId: visitRoles.venueId,
        venueName: sql<string | null>`${venues.name}`.as('venue_name'),
      })
      .from(visitRoles)
      .innerJoin(people, eq(people.id, visitRoles.personId))
      .leftJoin(venues, eq(venues.id, visitRoles.venueId))
      .where(eq(visitRoles.visitId, visitId))
      .orderBy(asc(visitRoles.role), asc(venues.name), asc(people.email)),
    db
      .select({ id: venues.id, name: venues.name })
      .from(venues)
      .innerJoin(visits, eq(visits.teamId, venues.teamId))
      .where(eq(visits.id, visitId))
      .orderBy(asc(venues.name)),
  ])
  return { visit, roles, venues: teamVenues }
}

/**
 * Takes a role back (organisers): the host or caterer no longer sees the visit from their next request on.
 * Only a role of this visit; another visit's, or one already taken back, is not found. Audited with who had it.
 */
export async function revokeVisitRole(
  db: Database,
  actor: Person,
  visitId: string,
  roleId: string,
  now: Date,
) {
  const { visit } = await loadVisitFor(db, actor, visitId, 'organise')
  const [role] = await db
    .select({ role: visitRoles.role, venueId: visitRoles.venueId, email: people.email })
    .from(visitRoles)
    .innerJoin(people, eq(people.id, visitRoles.personId))
    .where(and(eq(visitRoles.id, roleId), eq(visitRoles.visitId, visitId)))
  if (!role) throw new DomainError('not_found')
  await db.batch([
    db.delete(visitRoles).where(and(eq(visitRoles.id, roleId), eq(visitRoles.visitId, visitId))),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: actor.personId,
      action: 'visit_role.revoked',
      entityType: 'visit',
      entityId: visitId,
      before: { email: role.email, role: role.role, venueId: role.venueId },
      at: now,
    }),
  ])
}

/** Who may do what: pure rules over an actor's roles. Routes ask these; they never decide on their own. */

/** What a member may do in a team: owners also manage members; viewers only read. */
export const teamRoles = ['owner', 'organiser', 'viewer'] as const
export type TeamRole = (typeof teamRoles)[number]
export type VisitRole = { visitId: string; role: 'host' | 'caterer'; venueId: string | null }

export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'person'
      personId: string
      email: string
      /** Team id → role in that team. */
      teams: ReadonlyMap<string, TeamRole>
      visitRoles: readonly VisitRole[]
    }

export const anonymous: Actor = { kind: 'anonymous' }

/** The actor's role in a team, or null when not a member (or not signed in). */
export function teamRoleOf(actor: Actor, teamId: string): TeamRole | null {
  return actor.kind === 'person' ? (actor.teams.get(teamId) ?? null) : null
}

/** Any member may read a team's visits, venues and members. */
export function canReadTeam(actor: Actor, teamId: string): boolean {
  return teamRoleOf(actor, teamId) !== null
}

/** Owners run the team: its name, members, invitations, roles and the audit log. */
export function canManageTeam(actor: Actor, teamId: string): boolean {
  return teamRoleOf(actor, teamId) === 'owner'
}

/** Owners and organisers build programmes: visits, venues, items, visit roles. */
export function canOrganise(actor: Actor, teamId: string): boolean {
  const role = teamRoleOf(actor, teamId)
  return role === 'owner' || role === 'organiser'
}

/** The visit roles an actor has for one visit. */
export function visitRolesOf(actor: Actor, visitId: string): VisitRole[] {
  return actor.kind === 'person' ? actor.visitRoles.filter((r) => r.visitId === visitId) : []
}

/** True when the actor hosts this venue (for any visit). */
export function hostsVenue(actor: Actor, venueId: string): boolean {
  return actor.kind === 'person' && actor.visitRoles.some((r) => r.role === 'host' && r.venueId === venueId)
}

/** How much of a visit an actor may see: all of it, a host's or caterer's slice, or nothing (404). */
export function visitAccess(
  actor: Actor,
  visit: { id: string; teamId: string },
): 'organise' | 'read' | 'host' | 'caterer' | null {
  if (canOrganise(actor, visit.teamId)) return 'organise'
  if (canReadTeam(actor, visit.teamId)) return 'read'
  const roles = visitRolesOf(actor, visit.id)
  if (roles.some((r) => r.role === 'host')) return 'host'
  if (roles.some((r) => r.role === 'caterer')) return 'caterer'
  return null
}

/** How much of a venue an actor may see and change. Private host contact only for 'organise' and 'host'. */
export function venueAccess(
  actor: Actor,
  venue: { id: string; teamId: string },
): 'organise' | 'read' | 'host' | null {
  if (canOrganise(actor, venue.teamId)) return 'organise'
  if (hostsVenue(actor, venue.id)) return 'host'
  if (canReadTeam(actor, venue.teamId)) return 'read'
  return null
}

/**
 * What an actor may do with a visit's photos: the team's organisers curate them (and upload), its viewers
 * look, the visit's hosts upload and see their own uploads; anyone else has no part in them (404).
 */
export function photoAccess(
  actor: Actor,
  visit: { id: string; teamId: string },
): 'curate' | 'read' | 'upload' | null {
  const access = visitAccess(actor, visit)
  if (access === 'organise') return 'curate'
  if (access === 'read') return 'read'
  if (access === 'host') return 'upload'
  return null
}

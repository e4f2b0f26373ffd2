import { and, desc, eq, ne } from 'drizzle-orm'
import { venues, visitRoles, visits } from '../../../shared/db/schema'
import type { Actor } from '../../../shared/domain/access'
import type { Database } from '../../platform/env'
import { myTeamsQuery } from './teams'

/** One visit someone has a part in outside a team: the venues they host there, whether they cater. */
export type MyVisit = {
  id: string
  title: string
  startDate: string
  endDate: string
  hosts: { venueId: string; venueName: string }[]
  caters: boolean
}

/** The query for the visits a person hosts or caters for (not archived), newest first; run in a batch. */
export function myVisitRolesQuery(db: Database, personId: string) {
  return db
    .select({
      visitId: visits.id,
      title: visits.title,
      startDate: visits.startDate,
      endDate: visits.endDate,
      role: visitRoles.role,
      venueId: visitRoles.venueId,
      venueName: venues.name,
    })
    .from(visitRoles)
    .innerJoin(visits, eq(visits.id, visitRoles.visitId))
    .leftJoin(venues, eq(venues.id, visitRoles.venueId))
    .where(and(eq(visitRoles.personId, personId), ne(visits.status, 'archived')))
    .orderBy(desc(visits.startDate), visits.id)
}

/** The rows of myVisitRolesQuery, one entry per visit. */
export function myVisitsOf(rows: Awaited<ReturnType<typeof myVisitRolesQuery>>): MyVisit[] {
  const byVisit = new Map<string, MyVisit>()
  for (const r of rows) {
    let visit = byVisit.get(r.visitId)
    if (!visit) {
      visit = {
        id: r.visitId,
        title: r.title,
        startDate: r.startDate,
        endDate: r.endDate,
        hosts: [],
        caters: false,
      }
      byVisit.set(r.visitId, visit)
    }
    if (r.role === 'caterer') visit.caters = true
    else if (r.venueId && r.venueName !== null)
      visit.hosts.push({ venueId: r.venueId, venueName: r.venueName })
  }
  return [...byVisit.values()]
}

/**
 * Where a signed-in person lands: their teams, and the visits they host or cater for. Someone without a visit
 * role (most team members) costs no more than the teams; with roles both come in one round trip.
 */
export async function myTeamsAndVisits(db: Database, actor: Extract<Actor, { kind: 'person' }>) {
  if (actor.visitRoles.length === 0) return { teams: await myTeamsQuery(db, actor.personId), visits: [] }
  const [teams, roles] = await db.batch([
    myTeamsQuery(db, actor.personId),
    myVisitRolesQuery(db, actor.personId),
  ])
  return { teams, visits: myVisitsOf(roles) }
}

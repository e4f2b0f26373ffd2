import { and, asc, eq, inArray } from 'drizzle-orm'
import { groups, programmeItemGroups, programmeItems, venues, visits } from '../../shared/db/schema'
import type { Database } from '../env'

export type VisitRow = typeof visits.$inferSelect
export type VenueRow = typeof venues.$inferSelect
export type ItemRow = typeof programmeItems.$inferSelect

/** Published, listed visits for the home page, oldest start first. */
export async function listPublishedVisits(db: Database) {
  return db
    .select({
      slug: visits.slug,
      title: visits.title,
      kind: visits.kind,
      startDate: visits.startDate,
      endDate: visits.endDate,
      timeZone: visits.timeZone,
      description: visits.description,
    })
    .from(visits)
    .where(and(eq(visits.status, 'published'), eq(visits.listed, true)))
    .orderBy(asc(visits.startDate))
}

/**
 * A published visit with its programme, venues and groups, for the public page. One D1 round trip after the
 * visit itself: the three reads go out together in a batch.
 */
export async function getPublishedProgramme(db: Database, slug: string) {
  const [visit] = await db
    .select()
    .from(visits)
    .where(and(eq(visits.slug, slug), inArray(visits.status, ['published', 'archived'])))
    .limit(1)
  if (!visit) return null
  const usedVenueIds = db
    .select({ id: programmeItems.venueId })
    .from(programmeItems)
    .where(eq(programmeItems.visitId, visit.id))
  const [items, itemGroups, visitGroups, usedVenues] = await db.batch([
    db
      .select()
      .from(programmeItems)
      .where(eq(programmeItems.visitId, visit.id))
      .orderBy(asc(programmeItems.startsAt)),
    db
      .select({ itemId: programmeItemGroups.itemId, groupId: programmeItemGroups.groupId })
      .from(programmeItemGroups)
      .innerJoin(programmeItems, eq(programmeItems.id, programmeItemGroups.itemId))
      .where(eq(programmeItems.visitId, visit.id)),
    db.select().from(groups).where(eq(groups.visitId, visit.id)).orderBy(asc(groups.position)),
    // Public fields only: host name and contact are never read for the public page.
    db
      .select({
        id: venues.id,
        name: venues.name,
        kind: venues.kind,
        address: venues.address,
        lat: venues.lat,
        lng: venues.lng,
        capacity: venues.capacity,
        stepFree: venues.stepFree,
        toilet: venues.toilet,
        shelter: venues.shelter,
        notes: venues.notes,
      })
      .from(venues)
      .where(inArray(venues.id, usedVenueIds)),
  ])
  return { visit, items, itemGroups, groups: visitGroups, venues: usedVenues }
}

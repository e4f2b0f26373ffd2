import type { BatchItem } from 'drizzle-orm/batch'
import {
  groups,
  memberships,
  people,
  programmeItemGroups,
  programmeItems,
  teams,
  venues,
  visits,
  visitVenues,
} from '../../shared/db/schema'
import { publishFirstReleaseIfNone } from '../features/releases/releases'
import type { Database } from '../platform/env'
import { loadDemoCatering } from './demo-catering'
import { demoGroups, demoOrganiser, demoProgramme, demoTeams, demoVenues, demoVisits } from './demo-data'

/**
 * Loads the demo visits. Every row has a fixed id and is inserted with ON CONFLICT DO NOTHING, so loading twice
 * adds nothing and never overwrites what someone changed while trying the app. One D1 batch: all or nothing.
 */
export async function loadDemoData(db: Database): Promise<void> {
  const items = demoProgramme()
  const visitVenuePairs = new Map(
    items.flatMap((i) =>
      i.venue ? [[`${i.visitId}|${i.venue}`, { visitId: i.visitId, venueId: i.venue }]] : [],
    ),
  )
  // One statement per row: D1 allows at most 100 bound parameters in a statement.
  const statements: BatchItem<'sqlite'>[] = [
    ...demoTeams.map((row) => db.insert(teams).values(row).onConflictDoNothing()),
    db.insert(people).values(demoOrganiser).onConflictDoNothing(),
    ...demoTeams.map((team) =>
      db
        .insert(memberships)
        .values({ teamId: team.id, personId: demoOrganiser.id, role: 'owner' })
        .onConflictDoNothing(),
    ),
    ...demoVisits.map((row) =>
      db
        .insert(visits)
        .values({ ...row, status: 'published' })
        .onConflictDoNothing(),
    ),
    ...demoVenues.map((row) => db.insert(venues).values(row).onConflictDoNothing()),
    ...[...visitVenuePairs.values()].map((row) => db.insert(visitVenues).values(row).onConflictDoNothing()),
    ...demoGroups.map((row) => db.insert(groups).values(row).onConflictDoNothing()),
    ...items.map((i) =>
      db
        .insert(programmeItems)
        .values({
          id: i.id,
          visitId: i.visitId,
          venueId: i.venue,
          kind: i.kind,
          title: i.title,
          description: i.description,
          startsAt: i.startsAt,
          endsAt: i.endsAt,
          legMode: i.legMode ?? 'walk',
          departurePlace: i.departurePlace ?? null,
          arrivalPlace: i.arrivalPlace ?? null,
        })
        .onConflictDoNothing(),
    ),
    ...items.flatMap((i) =>
      (i.groups ?? []).map((groupId) =>
        db.insert(programmeItemGroups).values({ itemId: i.id, groupId }).onConflictDoNothing(),
      ),
    ),
  ]
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
  // The public sees releases, never the draft: publish the demo programmes once.
  for (const visit of demoVisits) {
    await publishFirstReleaseIfNone(db, visit.id, 'Versie 1', new Date('2017-09-12T10:00:00Z'))
  }
  await loadDemoCatering(db)
}

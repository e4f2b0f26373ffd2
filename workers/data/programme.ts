import { and, asc, eq, getTableColumns, inArray, isNotNull, sql } from 'drizzle-orm'
import {
  groups,
  participants,
  programmeItemGroups,
  programmeItems,
  releases,
  speakers,
  talkSpeakers,
  talks,
  venues,
  visits,
  visitVenues,
} from '../../shared/db/schema'
import type { Database } from '../env'

export type VisitRow = typeof visits.$inferSelect
export type ItemRow = typeof programmeItems.$inferSelect
export type VenueRow = typeof venues.$inferSelect
export type GroupRow = typeof groups.$inferSelect
export type VisitVenueRow = typeof visitVenues.$inferSelect
export type ParticipantRow = typeof participants.$inferSelect

/** Everything the organiser's programme pages and the clash check need, in one D1 round trip. */
export async function loadProgramme(db: Database, visitId: string, opts: { descriptions?: boolean } = {}) {
  // The editor's day view and list never show descriptions; leaving the long texts in D1 keeps it light.
  const { description: _description, ...lightItem } = getTableColumns(programmeItems)
  const itemColumns =
    opts.descriptions === false
      ? { ...lightItem, description: sql<string>`''` }
      : getTableColumns(programmeItems)
  const teamOfVisit = db.select({ teamId: visits.teamId }).from(visits).where(eq(visits.id, visitId))
  // Talks that take part in the programme (accepted or confirmed, placed in an item), for clashes and releases.
  const placedTalks = and(
    eq(talks.visitId, visitId),
    inArray(talks.state, ['accepted', 'confirmed']),
    isNotNull(talks.itemId),
  )
  const [
    visit,
    items,
    itemGroups,
    groupRows,
    venueRows,
    visitVenueRows,
    groupSizes,
    latestRelease,
    talkRows,
    talkSpeakerRows,
  ] = await db.batch([
    db.select().from(visits).where(eq(visits.id, visitId)).limit(1),
    db
      .select(itemColumns)
      .from(programmeItems)
      .where(eq(programmeItems.visitId, visitId))
      .orderBy(asc(programmeItems.startsAt)),
    // A join, not `item_id IN (subquery)`: SQLite reads each group row once instead of four times.
    db
      .select({ itemId: programmeItemGroups.itemId, groupId: programmeItemGroups.groupId })
      .from(programmeItems)
      .innerJoin(programmeItemGroups, eq(programmeItemGroups.itemId, programmeItems.id))
      .where(eq(programmeItems.visitId, visitId)),
    db
      .select()
      .from(groups)
      .where(eq(groups.visitId, visitId))
      .orderBy(asc(groups.position), asc(groups.name)),
    db.select().from(venues).where(inArray(venues.teamId, teamOfVisit)).orderBy(asc(venues.name)),
    db.select().from(visitVenues).where(eq(visitVenues.visitId, visitId)),
    db
      .select({ groupId: participants.groupId, id: participants.id })
      .from(participants)
      .where(eq(participants.visitId, visitId)),
    db
      .select({
        id: releases.id,
        number: releases.number,
        name: releases.name,
        publishedAt: releases.publishedAt,
      })
      .from(releases)
      .where(eq(releases.visitId, visitId))
      .orderBy(asc(releases.number)),
    db
      .select({ id: talks.id, title: talks.title, itemId: talks.itemId, state: talks.state })
      .from(talks)
      .where(placedTalks),
    db
      .select({
        talkId: talkSpeakers.talkId,
        speakerId: talkSpeakers.speakerId,
        role: talkSpeakers.role,
        confirmedAt: talkSpeakers.confirmedAt,
        name: speakers.name,
        consent: speakers.consent,
        availability: speakers.availability,
      })
      .from(talks)
      .innerJoin(talkSpeakers, eq(talkSpeakers.talkId, talks.id))
      .innerJoin(speakers, eq(speakers.id, talkSpeakers.speakerId))
      .where(placedTalks),
  ])
  const v = visit[0]
  if (!v) return null
  const groupsOf = new Map<string, string[]>()
  for (const ig of itemGroups) groupsOf.set(ig.itemId, [...(groupsOf.get(ig.itemId) ?? []), ig.groupId])
  const sizes = new Map<string, number>()
  for (const p of groupSizes) if (p.groupId) sizes.set(p.groupId, (sizes.get(p.groupId) ?? 0) + 1)
  return {
    visit: v,
    items: items.map((i) => ({ ...i, groupIds: groupsOf.get(i.id) ?? [] })),
    groups: groupRows.map((g) => ({ ...g, size: sizes.get(g.id) ?? null })),
    venues: venueRows,
    visitVenues: visitVenueRows,
    participantCount: groupSizes.length,
    releases: latestRelease,
    talks: talkRows.flatMap((t) =>
      t.itemId
        ? [{ ...t, itemId: t.itemId, speakers: talkSpeakerRows.filter((s) => s.talkId === t.id) }]
        : [],
    ),
  }
}

export type Programme = NonNullable<Awaited<ReturnType<typeof loadProgramme>>>
export type ProgrammeItem = Programme['items'][number]

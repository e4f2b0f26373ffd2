import { and, asc, count, eq, getTableColumns, inArray, isNotNull, sql } from 'drizzle-orm'
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
  // Each item carries its groups as a JSON array from a correlated subquery on the link table's primary key:
  // one statement and 300 rows fewer to send, decode and map than a join that returns every link as a row.
  const groupIdsJson = sql<string>`(select json_group_array(${programmeItemGroups.groupId}) from ${programmeItemGroups} where ${programmeItemGroups.itemId} = ${programmeItems.id})`
  const itemColumns = {
    ...(opts.descriptions === false
      ? { ...lightItem, description: sql<string>`''` }
      : getTableColumns(programmeItems)),
    groupIdsJson,
  }
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
    db
      .select()
      .from(groups)
      .where(eq(groups.visitId, visitId))
      .orderBy(asc(groups.position), asc(groups.name)),
    db.select().from(venues).where(inArray(venues.teamId, teamOfVisit)).orderBy(asc(venues.name)),
    db.select().from(visitVenues).where(eq(visitVenues.visitId, visitId)),
    // Head counts per group (null: not in a group), counted by SQLite rather than sent row by row.
    db
      .select({ groupId: participants.groupId, people: count() })
      .from(participants)
      .where(eq(participants.visitId, visitId))
      .groupBy(participants.groupId),
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
  const sizes = new Map<string, number>()
  let participantCount = 0
  for (const size of groupSizes) {
    participantCount += size.people
    if (size.groupId) sizes.set(size.groupId, size.people)
  }
  return {
    visit: v,
    items: items.map(({ groupIdsJson, ...item }) => ({
      ...item,
      groupIds: (JSON.parse(groupIdsJson) as string[]).sort(),
    })),
    groups: groupRows.map((g) => ({ ...g, size: sizes.get(g.id) ?? null })),
    venues: venueRows,
    visitVenues: visitVenueRows,
    participantCount,
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

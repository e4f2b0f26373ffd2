import { and, desc, eq, getTableColumns } from 'drizzle-orm'
import { releases, visits } from '../../../shared/db/schema'
import { type Actor, visitAccess } from '../../../shared/domain/access'
import { buildSnapshot, type ReleaseSnapshot } from '../../../shared/domain/release-snapshot'
import { diffReleases, nextReleaseName, type ReleaseChange } from '../../../shared/domain/releases'
import { publicSpeakers } from '../../../shared/domain/talks'
import { DomainError } from '../../../shared/errors'
import type { Lang } from '../../../shared/i18n'
import { auditEntry } from '../../platform/audit'
import type { Config } from '../../platform/config'
import type { Database } from '../../platform/env'
import { forgetRecentHeads } from '../../platform/http/public-cache'
import type { Results } from '../../platform/middleware/session-reads'
import { loadProgramme } from '../programme/queries'
import { guestRoomChanged } from '../visits/guest-room'
import { loadVisitFor } from '../visits/visits'
import { changeMailRun } from './change-mails'
import { type DraftSource, readForPublish } from './publish-reads'
import { insertParts, snapshotOfRow, snapshotValues } from './stored'

type Person = Extract<Actor, { kind: 'person' }>

/** The public part of the draft programme, ready to freeze. Host contact, budget and participants stay out. */
export function draftSnapshot(p: DraftSource, previous: ReleaseSnapshot | null): ReleaseSnapshot {
  const usedVenueIds = new Set(p.items.flatMap((i) => (i.venueId ? [i.venueId] : [])))
  const windows = new Map(p.visitVenues.map((vv) => [vv.venueId, vv]))
  for (const vv of p.visitVenues)
    if (vv.rainVenueId && usedVenueIds.has(vv.venueId)) usedVenueIds.add(vv.rainVenueId)
  const venueName = new Map(p.venues.map((v) => [v.id, v.name]))
  // Only confirmed talks, and of those only the speakers who confirmed and consented, are made public.
  const speakersOf = new Map<string, { id: string; name: string }[]>()
  // A confirmed talk coming into or leaving an item is a change the public hears about. Both by item, in
  // one pass over the talks (not one per item: 300 items × 100 talks was an eighth of a publish).
  const talkIdsOf = new Map<string, string[]>()
  for (const talk of p.talks) {
    const shown = publicSpeakers(talk.state, talk.speakers)
    const list = speakersOf.get(talk.itemId) ?? []
    for (const s of shown) if (!list.some((x) => x.id === s.id)) list.push(s)
    speakersOf.set(talk.itemId, list)
    if (talk.state === 'confirmed')
      talkIdsOf.set(talk.itemId, [...(talkIdsOf.get(talk.itemId) ?? []), talk.id])
  }
  return buildSnapshot(
    {
      visit: {
        id: p.visit.id,
        slug: p.visit.slug,
        title: p.visit.title,
        kind: p.visit.kind,
        description: p.visit.description,
        meetingPoint: p.visit.meetingPoint,
        timeZone: p.visit.timeZone,
        startDate: p.visit.startDate,
        endDate: p.visit.endDate,
        walkingSpeedKmh: p.visit.walkingSpeedKmh,
      },
      venues: p.venues
        .filter((v) => usedVenueIds.has(v.id))
        .map((v) => ({
          id: v.id,
          name: v.name,
          kind: v.kind,
          address: v.address,
          lat: v.lat,
          lng: v.lng,
          capacity: v.capacity,
          stepFree: v.stepFree,
          toilet: v.toilet,
          shelter: v.shelter,
          notes: v.notes,
          rainVenueId: windows.get(v.id)?.rainVenueId ?? null,
        })),
      groups: p.groups.map((g) => ({ id: g.id, name: g.name })),
      items: p.items.map((i) => ({
        id: i.id,
        title: i.title,
        kind: i.kind,
        start: i.startsAt.getTime(),
        end: i.endsAt.getTime(),
        venueId: i.venueId,
        venueName: i.venueId ? (venueName.get(i.venueId) ?? null) : null,
        groupIds: i.groupIds,
        cancelled: i.cancelled,
        description: i.description,
        legMode: i.legMode,
        departurePlace: i.departurePlace,
        arrivalPlace: i.arrivalPlace,
        speakers: speakersOf.get(i.id) ?? [],
        talkIds: talkIdsOf.get(i.id) ?? [],
        // Set by buildSnapshot; here so that every item has its final shape from the start.
        sequence: 0,
      })),
    },
    previous,
  )
}

/**
 * Whether two snapshots give guests the same room (see shared/domain/capacity): the venues' capacities and
 * the items' times, places, groups and cancellations. Compared field by field, stopping at the first
 * difference: a publish that changed a title need not turn both programmes into text to find that out.
 */
function sameRoom(a: ReleaseSnapshot, b: ReleaseSnapshot): boolean {
  if (a.venues.length !== b.venues.length || a.items.length !== b.items.length) return false
  for (let i = 0; i < a.venues.length; i++) {
    const [x, y] = [a.venues[i], b.venues[i]]
    if (x?.id !== y?.id || x?.capacity !== y?.capacity) return false
  }
  for (let i = 0; i < a.items.length; i++) {
    const [x, y] = [a.items[i], b.items[i]]
    if (!x || !y) return false
    if (x.id !== y.id || x.start !== y.start || x.end !== y.end || x.venueId !== y.venueId) return false
    if (x.cancelled !== y.cancelled || x.groupIds.length !== y.groupIds.length) return false
    if (x.groupIds.some((g, j) => g !== y.groupIds[j])) return false
  }
  return true
}

/** The newest release of a visit with its snapshot, or null when nothing was published yet. */
export async function latestRelease(db: Database, visitId: string) {
  const [row] = await db
    .select()
    .from(releases)
    .where(eq(releases.visitId, visitId))
    .orderBy(desc(releases.number))
    .limit(1)
  return row ? parseRelease(db, row) : null
}

async function parseRelease(db: Database, row: typeof releases.$inferSelect) {
  return {
    ...row,
    snapshot: await snapshotOfRow(db, row),
    changes: JSON.parse(row.changes) as ReleaseChange[],
  }
}

/** What publishing now would change for the public, without publishing (the "draft changes" view). */
export async function pendingChanges(db: Database, actor: Actor, visitId: string) {
  const { access } = await loadVisitFor(db, actor, visitId)
  if (access !== 'organise' && access !== 'read') throw new DomainError('forbidden')
  const [p, previous] = await Promise.all([loadProgramme(db, visitId), latestRelease(db, visitId)])
  if (!p) throw new DomainError('not_found')
  return diffReleases(previous?.snapshot ?? null, draftSnapshot(p, previous?.snapshot ?? null))
}

/**
 * Publishes the draft programme as the next numbered release. The public sees it at once; the change list
 * against the previous release is kept with it. Two publishes at once cannot both take the same number.
 */
export async function publish(
  db: Database,
  config: Config,
  actor: Person,
  visitId: string,
  input: { name?: string | undefined },
  lang: Lang,
  now: Date,
  /** publishPlan's rows when they came with the session (the API); read here in one round trip otherwise. */
  rows?: Results,
) {
  // Everything publishing reads, in one D1 round trip (publish-reads.ts), or none.
  const read = await readForPublish(db, visitId, rows)
  const access = read ? visitAccess(actor, read.visit) : null
  if (!read || !access) throw new DomainError('not_found')
  if (access !== 'organise') throw new DomainError('forbidden')
  const { visit, previous, names } = read
  if (visit.status === 'archived') {
    throw new DomainError('conflict', 'An archived visit cannot be published.', { reason: 'visit_archived' })
  }
  const p = read.source
  const snapshot = draftSnapshot(p, previous?.snapshot ?? null)
  const changes = diffReleases(previous?.snapshot ?? null, snapshot)
  // As on the page: a release that changes nothing ("Version 3" with no changes) is refused, for the API too.
  if (changes.length === 0) {
    throw new DomainError(
      'conflict',
      'Nothing changed since the last release; an empty release is not published.',
      {
        reason: 'empty_release',
      },
    )
  }
  const number = (previous?.number ?? 0) + 1
  const id = crypto.randomUUID()
  // A large programme's items go in parts beside the row (D1 holds at most 2 MB in one value).
  const stored = snapshotValues(id, snapshot)
  const name = input.name ?? nextReleaseName(names, lang)
  try {
    await db.batch([
      db.insert(releases).values({
        id,
        visitId,
        number,
        name,
        snapshot: stored.row,
        changes: JSON.stringify(changes),
        publishedBy: actor.personId,
        publishedAt: now,
      }),
      ...insertParts(db, stored.parts),
      db
        .update(visits)
        .set({ status: 'published', updatedAt: now })
        .where(and(eq(visits.id, visitId), eq(visits.status, 'draft'))),
      auditEntry(db, {
        teamId: visit.teamId,
        actorId: actor.personId,
        action: 'release.published',
        entityType: 'visit',
        entityId: visitId,
        after: { number, name, changes: changes.length },
        at: now,
      }),
      // The guests' mails are queued by the scheduled job (change-mails.ts), not in this request.
      changeMailRun(db, id, visitId, now),
    ])
  } catch (error) {
    // The release number is unique per visit: of two publishes at once, one takes it.
    if (String(error).includes('UNIQUE'))
      throw new DomainError('conflict', 'Someone published at the same moment.', { reason: 'stale' })
    throw error
  }
  // This isolate shows the new release at once; others within HEAD_MEMORY_MS.
  forgetRecentHeads()
  // A venue with more room in this release may let people off the waitlist; a release that changed no
  // capacity, time, place or group of an item changed nobody's room (the check reads every registration).
  if (!previous || !sameRoom(previous.snapshot, snapshot)) await guestRoomChanged(db, config, visitId, now)
  return { id, number, name, publishedAt: now, changes }
}

/**
 * Publishes release 1 of a visit that has none, on nobody's behalf: used for the demo data, so the demo
 * visits are visible as the public sees them. Does nothing when a release exists.
 */
export async function publishFirstReleaseIfNone(db: Database, visitId: string, name: string, now: Date) {
  if (await latestRelease(db, visitId)) return
  const p = await loadProgramme(db, visitId)
  if (!p) return
  const snapshot = draftSnapshot(p, null)
  const id = crypto.randomUUID()
  const stored = snapshotValues(id, snapshot)
  await db.batch([
    db
      .insert(releases)
      .values({
        id,
        visitId,
        number: 1,
        name,
        snapshot: stored.row,
        changes: JSON.stringify(diffReleases(null, snapshot)),
        publishedAt: now,
      })
      .onConflictDoNothing(),
    ...insertParts(db, stored.parts),
  ])
  forgetRecentHeads()
}

/** The release history of a visit, newest first (team members). */
export async function listReleases(db: Database, actor: Actor, visitId: string) {
  const { access } = await loadVisitFor(db, actor, visitId)
  if (access !== 'organise' && access !== 'read') throw new DomainError('forbidden')
  return releaseHistory(db, visitId)
}

/** Every release of a visit, newest first, with its change list; the snapshots (large) stay in D1. */
async function releaseHistory(db: Database, visitId: string) {
  const { snapshot: _snapshot, ...columns } = getTableColumns(releases)
  const rows = await db
    .select(columns)
    .from(releases)
    .where(eq(releases.visitId, visitId))
    .orderBy(desc(releases.number))
  return rows.map((r) => ({ ...r, changes: JSON.parse(r.changes) as ReleaseChange[] }))
}

/**
 * The releases page in one go: the team's access, the visit, what publishing now would change and every
 * release's change list. The programme is read once, and no clash check runs for it.
 */
export async function releasesOverview(db: Database, actor: Actor, visitId: string) {
  const [p, previous, history] = await Promise.all([
    loadProgramme(db, visitId),
    latestRelease(db, visitId),
    releaseHistory(db, visitId),
  ])
  const access = p ? visitAccess(actor, p.visit) : null
  if (!p || !access) throw new DomainError('not_found')
  if (access !== 'organise' && access !== 'read') throw new DomainError('forbidden')
  const pending = diffReleases(previous?.snapshot ?? null, draftSnapshot(p, previous?.snapshot ?? null))
  return { access, visit: p.visit, releases: history, pending }
}

/** One release with its snapshot (team members). */
export async function getRelease(db: Database, actor: Actor, releaseId: string) {
  const [row] = await db.select().from(releases).where(eq(releases.id, releaseId)).limit(1)
  if (!row) throw new DomainError('not_found')
  const { access } = await loadVisitFor(db, actor, row.visitId)
  if (access !== 'organise' && access !== 'read') throw new DomainError('forbidden')
  return parseRelease(db, row)
}

import { type ReleaseSnapshot, snapshotFromRows } from '../../../shared/domain/release-snapshot'
import type { SpeakerOfTalk } from '../../../shared/domain/talks'
import { batchSql } from '../../platform/db/prepared'
import type { Database } from '../../platform/env'
import { type Results, readWithSession, type Statement } from '../../platform/middleware/session-reads'
import type { Programme } from '../programme/queries'

type P = Programme

/** What a release's snapshot is made of: the parts of the draft programme the public sees. */
export type DraftSource = {
  visit: Pick<
    P['visit'],
    | 'id'
    | 'slug'
    | 'title'
    | 'kind'
    | 'description'
    | 'meetingPoint'
    | 'timeZone'
    | 'startDate'
    | 'endDate'
    | 'walkingSpeedKmh'
  >
  items: Pick<
    P['items'][number],
    | 'id'
    | 'title'
    | 'kind'
    | 'startsAt'
    | 'endsAt'
    | 'venueId'
    | 'groupIds'
    | 'cancelled'
    | 'description'
    | 'legMode'
    | 'departurePlace'
    | 'arrivalPlace'
  >[]
  visitVenues: Pick<P['visitVenues'][number], 'venueId' | 'rainVenueId'>[]
  venues: Pick<
    P['venues'][number],
    | 'id'
    | 'name'
    | 'kind'
    | 'address'
    | 'lat'
    | 'lng'
    | 'capacity'
    | 'stepFree'
    | 'toilet'
    | 'shelter'
    | 'notes'
  >[]
  groups: Pick<P['groups'][number], 'id' | 'name'>[]
  talks: (Pick<P['talks'][number], 'id' | 'itemId' | 'state'> & { speakers: readonly SpeakerOfTalk[] })[]
}

type Row = Record<string, unknown>
const str = (v: unknown) => (typeof v === 'string' ? v : '')
const strOrNull = (v: unknown) => (typeof v === 'string' ? v : null)
const numOrNull = (v: unknown) => (typeof v === 'number' ? v : null)
const boolOrNull = (v: unknown) => (v === null || v === undefined ? null : Boolean(v))

// The items as one JSON text made by SQLite (one value to decode instead of a row object per item), each an
// array in this order; the groups of an item from the link table's primary key.
const itemsSql = `SELECT json_group_array(json_array(i.id, i.title, i.kind, i.starts_at, i.ends_at, i.venue_id,
    json((SELECT json_group_array(g.group_id) FROM programme_item_groups g WHERE g.item_id = i.id)),
    i.cancelled, i.description, i.leg_mode, i.departure_place, i.arrival_place)) AS items
  FROM (SELECT * FROM programme_items WHERE visit_id = ?1 ORDER BY starts_at) i`

const newestId = 'SELECT id FROM releases WHERE visit_id = ?1 ORDER BY number DESC LIMIT 1'

/**
 * Everything publishing reads, as plain SQL: the visit (for the access check), the public parts of its draft
 * programme, the names of its releases and the newest release's snapshot with its item parts. Only what a
 * snapshot holds is read: not the head counts, the guests' shapes or the clash columns that the programme
 * pages load.
 */
export function publishPlan(visitId: string) {
  const statements: Statement[] = [
    [
      `SELECT id, team_id, status, slug, title, kind, description, meeting_point, time_zone, start_date,
          end_date, walking_speed_kmh FROM visits WHERE id = ?1`,
      [visitId],
    ],
    [itemsSql, [visitId]],
    ['SELECT id, name FROM groups WHERE visit_id = ?1 ORDER BY position, name', [visitId]],
    [
      `SELECT id, name, kind, address, lat, lng, capacity, step_free, toilet, shelter, notes FROM venues
          WHERE team_id = (SELECT team_id FROM visits WHERE id = ?1) ORDER BY name`,
      [visitId],
    ],
    ['SELECT venue_id, rain_venue_id FROM visit_venues WHERE visit_id = ?1', [visitId]],
    // Only a confirmed talk shows in a release (with its confirmed, consenting speakers).
    [
      `SELECT t.id, t.item_id, ts.speaker_id, ts.role, ts.confirmed_at, s.name, s.consent FROM talks t
          LEFT JOIN talk_speakers ts ON ts.talk_id = t.id LEFT JOIN speakers s ON s.id = ts.speaker_id
          WHERE t.visit_id = ?1 AND t.state = 'confirmed' AND t.item_id IS NOT NULL`,
      [visitId],
    ],
    ['SELECT name FROM releases WHERE visit_id = ?1', [visitId]],
    ['SELECT number, snapshot FROM releases WHERE visit_id = ?1 ORDER BY number DESC LIMIT 1', [visitId]],
    [
      `SELECT body FROM release_parts WHERE release_id = (${newestId}) AND key = 'items' ORDER BY seq`,
      [visitId],
    ],
  ]
  return { statements }
}

/**
 * Publishing's read, sent with the session lookup: the API's publish costs one round trip less. Its rows are
 * used only after publish's own access check (and read afresh when they did not come).
 */
export const publishRead = readWithSession((c) => publishPlan(c.req.param('visitId') ?? ''))

/**
 * Everything publishing reads (publishPlan), from `rows` when they came with the session, else in one D1
 * round trip, as plain rows. Null when the visit does not exist.
 */
export async function readForPublish(db: Database, visitId: string, rows?: Results) {
  const [
    visits = [],
    items = [],
    groups = [],
    venues = [],
    visitVenues = [],
    talks = [],
    releases = [],
    newest = [],
    parts = [],
  ] = rows ?? (await batchSql(db, publishPlan(visitId).statements))
  const [v] = visits
  if (!v) return null
  const visit = {
    id: str(v.id),
    teamId: str(v.team_id),
    status: str(v.status),
    slug: str(v.slug),
    title: str(v.title),
    kind: str(v.kind) as P['visit']['kind'],
    description: str(v.description),
    meetingPoint: str(v.meeting_point),
    timeZone: str(v.time_zone),
    startDate: str(v.start_date),
    endDate: str(v.end_date),
    walkingSpeedKmh: Number(v.walking_speed_kmh),
  }
  const itemArrays = JSON.parse(str(items[0]?.items) || '[]') as unknown[][]
  const talksById = new Map<string, DraftSource['talks'][number] & { speakers: SpeakerOfTalk[] }>()
  for (const r of talks) {
    const id = str(r.id)
    let talk = talksById.get(id)
    if (!talk) {
      talk = { id, itemId: str(r.item_id), state: 'confirmed', speakers: [] }
      talksById.set(id, talk)
    }
    if (r.speaker_id !== null)
      talk.speakers.push({
        speakerId: str(r.speaker_id),
        name: str(r.name),
        consent: Boolean(r.consent),
        confirmedAt: typeof r.confirmed_at === 'number' ? new Date(r.confirmed_at) : null,
        role: r.role === 'co' ? 'co' : 'main',
      })
  }
  const source: DraftSource = {
    visit,
    items: itemArrays.map((a) => ({
      id: str(a[0]),
      title: str(a[1]),
      kind: str(a[2]) as P['items'][number]['kind'],
      startsAt: new Date(Number(a[3])),
      endsAt: new Date(Number(a[4])),
      venueId: strOrNull(a[5]),
      groupIds: (Array.isArray(a[6]) ? a[6].map(str) : []).sort(),
      cancelled: Boolean(a[7]),
      description: str(a[8]),
      legMode: str(a[9]) as P['items'][number]['legMode'],
      departurePlace: strOrNull(a[10]),
      arrivalPlace: strOrNull(a[11]),
    })),
    groups: groups.map((g: Row) => ({ id: str(g.id), name: str(g.name) })),
    venues: venues.map((r: Row) => ({
      id: str(r.id),
      name: str(r.name),
      kind: str(r.kind) as P['venues'][number]['kind'],
      address: str(r.address),
      lat: numOrNull(r.lat),
      lng: numOrNull(r.lng),
      capacity: numOrNull(r.capacity),
      stepFree: boolOrNull(r.step_free),
      toilet: boolOrNull(r.toilet),
      shelter: boolOrNull(r.shelter),
      notes: str(r.notes),
    })),
    visitVenues: visitVenues.map((r: Row) => ({
      venueId: str(r.venue_id),
      rainVenueId: strOrNull(r.rain_venue_id),
    })),
    talks: [...talksById.values()],
  }
  const [head] = newest
  const previous: { number: number; snapshot: ReleaseSnapshot } | null = head
    ? {
        number: Number(head.number),
        snapshot: snapshotFromRows(
          str(head.snapshot),
          parts.map((p: Row) => str(p.body)),
        ),
      }
    : null
  return { visit, source, names: releases.map((r: Row) => str(r.name)), previous }
}

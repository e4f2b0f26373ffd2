/**
 * The clashes of one item, read with only what can clash with it: for the answer of a save, in the save's own
 * batch, right after the change. A whole programme is thousands of rows at a conference; what one item can
 * clash with is a handful, and the clash rules (shared/domain/clash-*.ts) say which:
 *
 * - double bookings of a venue, a group or a speaker, and a speaker's other talk: items that overlap it in
 *   time (found on the (visit, start) index from its start less the longest item of the visit, 0024);
 * - the walk, ride or timetabled leg to it and from it: in each audience it is part of (each of its groups,
 *   or for an item for everyone every group of the visit, or everyone when there are none), the stop just
 *   before it and the one just after, however far away in time (one step along the index each);
 * - the room at its venue, its opening hours, its speakers' availability and the visit's dates: its own
 *   venue, window and talks, the visit, and the head counts only when its venue has a capacity to exceed.
 *
 * The clash check then runs on those items as on a whole programme (clashInputOf, findClashes): an item's
 * clashes depend only on the items it pairs with and on its neighbours in each audience, and the neighbours
 * among the items read are the real ones. clash-list.test.ts compares the answer with the whole programme's.
 */
import { type Clash, findClashes } from '../../../shared/domain/clashes'
import type { LegMode } from '../../../shared/domain/walking'
import type { Database } from '../../platform/env'
import { type ClashSource, clashInputOf } from './clash-input'
import { parseGroupIds, savedItemFrom, savedItemRead } from './queries'

/** The item (?1) as saved, with its visit's team: each read below starts from it. */
const x = `x as (select i.id, i.visit_id, i.starts_at, i.ends_at, i.venue_id, i.kind, i.cancelled, i.expected_attendance, v.team_id from programme_items i join visits v on v.id = i.visit_id where i.id = ?1)`

/** An item `i` of the visit that overlaps x (as `overlaps` decides: touching is not overlapping). */
const overlapsX = `i.visit_id = x.visit_id and i.starts_at >= x.starts_at - (select max(ends_at - starts_at) from programme_items where visit_id = x.visit_id) and i.starts_at < x.ends_at and i.ends_at > x.starts_at`

/** Item `p` is a stop (clash-travel.ts): a travel item, or at a venue of the team. */
const isStop = (p: string) =>
  `(${p}.kind = 'travel' or exists (select 1 from venues v where v.id = ${p}.venue_id and v.team_id = x.team_id))`

/** Item `p` is in audience `a` (null: everyone, when the visit has no groups): for everyone or for that group. */
const inAudience = `(a.group_id is null or not exists (select 1 from programme_item_groups pg where pg.item_id = p.id) or exists (select 1 from programme_item_groups pg where pg.item_id = p.id and pg.group_id = a.group_id))`

/**
 * The start of the stop next to x in audience a, before or after it in the clash check's order (start, end,
 * id): from x along the (visit, start) index to the first stop of that audience. Every item starting then is
 * read (the one next to x among them), so the sort by end and id need not read the whole block of items
 * that start together, once per audience; the audience is asked first, as it turns most items away.
 */
const neighbourStart = (side: 'before' | 'after') => {
  const [cmp, dir, order] = side === 'before' ? ['<', '<=', 'desc'] : ['>', '>=', 'asc']
  return `(select p.starts_at from programme_items p where p.visit_id = x.visit_id and p.starts_at ${dir} x.starts_at and (p.starts_at ${cmp} x.starts_at or p.ends_at ${cmp} x.ends_at or (p.ends_at = x.ends_at and p.id ${cmp} x.id)) and ${inAudience} and p.cancelled = 0 and ${isStop('p')} order by p.starts_at ${order} limit 1)`
}

/** Whether x's own clash with its venue's room needs the head counts: a capacity, and no number set. */
const needsHeadCount = `need as (select 1 from x join venues v on v.id = x.venue_id and v.team_id = x.team_id where x.kind <> 'travel' and x.cancelled = 0 and x.expected_attendance is null and v.capacity is not null)`

const sql = {
  // x, the items overlapping it, and its neighbours in each audience it is in (its groups; for everyone,
  // each group of the visit, or the one audience of all when there are none); each with its venue of the
  // team and that venue's window for the visit.
  items: `with ${x},
aud(group_id) as (
  select group_id from programme_item_groups where item_id = ?1
  union all select g.id from x join groups g on g.visit_id = x.visit_id where not exists (select 1 from programme_item_groups where item_id = ?1)
  union all select null from x where not exists (select 1 from programme_item_groups where item_id = ?1) and not exists (select 1 from groups g where g.visit_id = x.visit_id)
),
edge(starts_at) as (
  select ${neighbourStart('before')} from x, aud a where x.cancelled = 0 and ${isStop('x')}
  union select ${neighbourStart('after')} from x, aud a where x.cancelled = 0 and ${isStop('x')}
),
near(id) as (
  select id from x
  union select i.id from x, programme_items i where ${overlapsX}
  union select i.id from x, programme_items i where i.visit_id = x.visit_id and i.starts_at in (select starts_at from edge)
)
select i.id, i.title, i.starts_at, i.ends_at, i.venue_id, i.kind, i.leg_mode, i.leg_departs_at, i.leg_arrives_at, i.cancelled, i.expected_attendance, i.arrival_place,
  (select json_group_array(group_id) from (select group_id from programme_item_groups where item_id = i.id order by group_id)) as group_ids,
  v.id as venue, v.name as venue_name, v.lat, v.lng, v.capacity, w.venue_id as window, w.opens_at, w.closes_at
from near join programme_items i on i.id = near.id
left join venues v on v.id = i.venue_id and v.team_id = (select team_id from x)
left join visit_venues w on w.visit_id = i.visit_id and w.venue_id = v.id`,
  // The rest in one row, its lists as JSON: the visit, its groups, the placed talks of x and of the items
  // overlapping it with their speakers (x's speakers' availability and their other talks then), and the head
  // counts as the whole check counts them, only when x's room can be too small (cross-joined first, an empty
  // `need` stops those reads before they look at a row).
  rest: `with ${x}, ${needsHeadCount}
select v.start_date, v.end_date, v.time_zone, v.walking_speed_kmh, v.expected_guests,
  (select json_group_array(json_array(id, name)) from (select g.id, g.name from groups g where g.visit_id = x.visit_id order by g.position, g.name)) as groups,
  (select json_group_array(json_array(id, title, item_id, speaker_id, name, availability)) from (
    select t.id, t.title, t.item_id, s.id as speaker_id, s.name, s.availability
    from (select x.id union select i.id from programme_items i where ${overlapsX}) n
    cross join talks t on t.item_id = n.id
    left join talk_speakers ts on ts.talk_id = t.id left join speakers s on s.id = ts.speaker_id
    where t.visit_id = x.visit_id and t.state in ('accepted', 'confirmed')
    order by t.id)) as talks,
  (select json_group_array(json_array(group_id, people)) from (select p.group_id, count(*) as people from need cross join participants p where p.visit_id = x.visit_id group by p.group_id)) as group_sizes,
  (select json_group_array(json_array(group_ids, people)) from (select r.group_ids, sum(r.party_size) as people from need cross join rsvps r where r.visit_id = x.visit_id and r.status = 'confirmed' group by r.group_ids)) as guests
from x join visits v on v.id = x.visit_id`,
} as const

const reads = ['items', 'rest'] as const

type Row = Record<string, unknown>
/** A drizzle write as the batch sends it. */
type Write = { toSQL(): { sql: string; params: unknown[] } }

/**
 * Writes, then the item as saved and what its clashes are read from, in one D1 round trip (one transaction:
 * the reads see the writes). Gives each write's rows, the saved item (undefined when it is gone) and its
 * clashes; the writes decide whether the change applied, which the caller checks.
 */
export async function writeThenItemClashes(db: Database, writes: readonly Write[], itemId: string) {
  const d1 = db.$client
  const item = savedItemRead().getQuery()
  const results = await d1.batch<Row>([
    ...writes.map((w) => {
      const q = w.toSQL()
      return d1.prepare(q.sql).bind(...q.params)
    }),
    d1.prepare(item.sql).bind(itemId),
    ...reads.map((name) => d1.prepare(sql[name]).bind(itemId)),
  ])
  const rest = results.slice(writes.length)
  const saved = savedItemFrom(rest[0])
  const rows = Object.fromEntries(reads.map((name, i) => [name, rest[i + 1]?.results ?? []])) as Record<
    (typeof reads)[number],
    Row[]
  >
  return {
    written: results.slice(0, writes.length).map((r) => r.results),
    item: saved,
    clashes: saved ? clashesOfOne(itemId, rows) : [],
  }
}

const num = (v: unknown) => v as number
const numOrNull = (v: unknown) => (v === null ? null : (v as number))
const str = (v: unknown) => v as string
const strOrNull = (v: unknown) => (v === null ? null : (v as string))

/** The rows of a list that `rest` answers as one JSON array of arrays. */
const list = (json: unknown) => JSON.parse(str(json)) as unknown[][]

/** The clashes the item is part of, from the rows of its reads; none when its visit is gone. */
function clashesOfOne(itemId: string, rows: Record<(typeof reads)[number], Row[]>): Clash[] {
  const v = rows.rest[0]
  if (!v) return []
  const venues = new Map<string, ClashSource['venues'][number]>()
  const windows = new Map<string, ClashSource['windows'][number]>()
  const items = rows.items.map((r) => {
    if (r.venue !== null) {
      const id = str(r.venue)
      venues.set(id, {
        id,
        name: str(r.venue_name),
        lat: numOrNull(r.lat),
        lng: numOrNull(r.lng),
        capacity: numOrNull(r.capacity),
      })
      if (r.window !== null)
        windows.set(id, { venueId: id, opensAt: numOrNull(r.opens_at), closesAt: numOrNull(r.closes_at) })
    }
    return {
      id: str(r.id),
      title: str(r.title),
      start: num(r.starts_at),
      end: num(r.ends_at),
      venueId: strOrNull(r.venue_id),
      kind: str(r.kind),
      legMode: str(r.leg_mode) as LegMode,
      legDepartsAt: numOrNull(r.leg_departs_at),
      legArrivesAt: numOrNull(r.leg_arrives_at),
      cancelled: r.cancelled === 1,
      expectedAttendance: numOrNull(r.expected_attendance),
      arrivalPlace: strOrNull(r.arrival_place),
      groupIds: (JSON.parse(str(r.group_ids)) as string[]).sort(),
    }
  })
  const sizes = new Map<string, number>()
  let participantCount = 0
  for (const [groupId, people] of list(v.group_sizes)) {
    participantCount += num(people)
    if (groupId !== null) sizes.set(str(groupId), num(people))
  }
  const talks = new Map<string, ClashSource['talks'][number] & { speakers: ClashSpeakerRow[] }>()
  for (const [id, title, talkItemId, speakerId, name, availability] of list(v.talks)) {
    let talk = talks.get(str(id))
    if (!talk) {
      talk = { id: str(id), title: str(title), itemId: str(talkItemId), speakers: [] }
      talks.set(str(id), talk)
    }
    if (speakerId !== null)
      talk.speakers.push({ speakerId: str(speakerId), name: str(name), availability: str(availability) })
  }
  const source: ClashSource = {
    visit: {
      startDate: str(v.start_date),
      endDate: str(v.end_date),
      timeZone: str(v.time_zone),
      walkingSpeedKmh: num(v.walking_speed_kmh),
      expectedGuests: numOrNull(v.expected_guests),
    },
    venues: [...venues.values()],
    windows: [...windows.values()],
    groups: list(v.groups).map(([id, name]) => ({
      id: str(id),
      name: str(name),
      size: sizes.get(str(id)) ?? null,
    })),
    items,
    participantCount,
    guests: list(v.guests).map(([groupIds, people]) => ({
      groupIds: parseGroupIds(str(groupIds)),
      people: Number(people),
    })),
    talks: [...talks.values()],
  }
  return findClashes(clashInputOf(source)).filter((c) => c.itemIds.includes(itemId))
}

type ClashSpeakerRow = { speakerId: string; name: string; availability: string }

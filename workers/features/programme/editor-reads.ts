/**
 * The hot reads of the programme editor and the clash list, for conferences of thousands of items: the
 * editor reads one day's items (only the columns it shows), and the clashes come from the list kept per
 * draft version (migration 0014), so an unchanged programme is not checked again. Only when the list is
 * missing or stale is the whole programme read (by the clash API in the same round trip, by the editor in
 * a second), and the clashes are checked and stored. Plain SQL with few columns, the long lists as one JSON
 * array built by SQLite, read by position: no drizzle row mapping, no object per column (D1's decoding and
 * drizzle's mapping were half the CPU time of the editor at 3,000 items). The editor's clashes are kept as
 * it reads them, in ASCII (0022), and joined as they are.
 */

import type { Actor } from '../../../shared/domain/access'
import { visitAccess } from '../../../shared/domain/access'
import {
  type Clash,
  type ClashKind,
  clashRulesVersion,
  findClashes,
  summariseClashes,
} from '../../../shared/domain/clashes'
import type { ItemKind } from '../../../shared/domain/programme'
import { dayBounds, nextDate, utcToZoned } from '../../../shared/domain/time'
import { DomainError } from '../../../shared/errors'
import type { Lang } from '../../../shared/i18n'
import { asciiJson } from '../../platform/db/ascii-json'
import { batchSql } from '../../platform/db/prepared'
import type { Database } from '../../platform/env'
import { gzipBase64 } from '../../platform/http/stored-gzip'
import {
  type ReadPlan,
  type Results,
  readWithSession,
  type Statement,
} from '../../platform/middleware/session-reads'
import { clashInputOf } from './clash-input'
import { arrays, num, numOrNull, type Rows, sourceOf, str, strOrNull } from './editor-rows'
import type { VisitRow } from './queries'

/** The stored list is fresh: checked at the draft's version, with these rules (?1 the visit, ?2 the rules). */
const fresh = `exists (select 1 from clash_lists where visit_id = ?1 and checked_version = draft_version and rules = ?2)`
/**
 * One row when the list must be checked again, none when it is fresh. Cross-joined first, it stops a read
 * before it looks at any row of its table (SQLite keeps the order of a cross join): a hit reads nothing.
 */
const miss = `(select 1 where not ${fresh}) as miss cross join`

/** A JSON array of an item's group ids, sorted, for the item in `programme_items` aliased `i`. */
const groupIdsOf = `(select json_group_array(group_id) from (select group_id from programme_item_groups where item_id = i.id order by group_id))`
/**
 * An item's group ids joined by commas (null: none), in no promised order, for the item aliased `i`: the
 * editor's day sorts them (and its items with the same start) itself, which costs SQLite less than a JSON
 * array sorted there (a fifth of the day's read at 3,000 items).
 */
const groupListOf = `(select group_concat(group_id) from programme_item_groups where item_id = i.id)`

const sql = {
  visit: `select id, team_id, title, slug, status, start_date, end_date, time_zone, walking_speed_kmh, expected_guests from visits where id = ?1`,
  state: `select draft_version, checked_version, rules from clash_lists where visit_id = ?1`,
  // The stored list as the API answers it (none when it is not fresh): kept whole as gzip, or else (a list
  // stored before 0020) built by SQLite from the rows; the case reads the rows only when there is no answer.
  apiList: `select answer, case when answer is null then '{"clashes":[' || coalesce((select group_concat(body, ',') from (select body from clash_list_items where visit_id = ?1 order by seq)), '') || '],"counts":' || counts || '}' end as json from clash_lists where visit_id = ?1 and checked_version = draft_version and rules = ?2`,
  // The editor's: the clashes of one day (?3), only what it shows of each (kind, the sentence in the reader's
  // language ?5, items and their titles), and how many there are on each day.
  // The day is the one dayAround picks: ?3 asked for, else ?4 (today) when within the visit, else its first.
  // As stored for the editor (0022), joined as they are; a clash stored before has its parts taken from its body.
  // None when this isolate keeps that day's list of the checked version ?6 already (?7 its day).
  dayList: `select '[' || coalesce(group_concat(view, ','), '') || ']' as rows from (select coalesce(case ?5 when 'en' then view_en else view_nl end, json_array(body ->> '$.kind', body ->> ('$.message.' || ?5), json(body -> '$.itemIds'), json(body -> '$.titles'))) as view from clash_list_items where visit_id = ?1 and day = (select case when ?3 is not null then ?3 when ?4 between start_date and end_date then ?4 else start_date end from visits where id = ?1) and ${fresh} and not (?6 is not null and day = ?7 and ?6 = (select checked_version from clash_lists where visit_id = ?1)) order by seq)`,
  dayCounts: `select day, count(*) as clashes from clash_list_items where visit_id = ?1 and ${fresh} group by day`,
  // Everything the clash check needs; the clash API's read asks for it guarded by `miss` (only on a miss).
  groups: (guard: string) =>
    `select json_group_array(json_array(id, name)) as rows from (select g.id, g.name from ${guard} groups g where g.visit_id = ?1 order by g.position, g.name)`,
  venues: (guard: string) =>
    `select json_group_array(json_array(id, name, lat, lng, capacity)) as rows from (select v.id, v.name, v.lat, v.lng, v.capacity from ${guard} venues v where v.team_id = (select team_id from visits where id = ?1) order by v.name)`,
  allItems: (guard: string) =>
    `select json_group_array(json_array(id, title, starts_at, ends_at, venue_id, kind, leg_mode, leg_departs_at, leg_arrives_at, cancelled, expected_attendance, arrival_place, json(groups))) as rows from (select i.*, ${groupIdsOf} as groups from ${guard} programme_items i where i.visit_id = ?1 order by i.starts_at)`,
  groupSizes: (guard: string) =>
    `select p.group_id, count(*) as people from ${guard} participants p where p.visit_id = ?1 group by p.group_id`,
  guests: (guard: string) =>
    `select r.group_ids, sum(r.party_size) as people from ${guard} rsvps r where r.visit_id = ?1 and r.status = 'confirmed' group by r.group_ids`,
  windows: (guard: string) =>
    `select w.venue_id, w.opens_at, w.closes_at from ${guard} visit_venues w where w.visit_id = ?1`,
  talks: (guard: string) =>
    `select t.id, t.title, t.item_id, ts.speaker_id, s.name, s.availability from ${guard} talks t left join talk_speakers ts on ts.talk_id = t.id left join speakers s on s.id = ts.speaker_id where t.visit_id = ?1 and t.state in ('accepted', 'confirmed') and t.item_id is not null order by t.id`,
  // The editor's names of the team's venues (the check needs more of them, and only on a miss).
  venueNames: `select json_group_array(json_array(id, name)) as rows from (select v.id, v.name from venues v where v.team_id = (select team_id from visits where id = ?1) order by v.name)`,
  // The editor's day, asked for around the day in a guessed offset (?3 today there, ?4 the offset in ms, ?5 the
  // margin): the day asked for (?2) or else today when within the visit or else its first day; and asked for
  // exactly by its bounds (?2 ≤ start < ?3). In the order of the (visit, start) index; ties are sorted after.
  dayAround: `with d as (select case when ?2 is not null then ?2 when ?3 between start_date and end_date then ?3 else start_date end as day from visits where id = ?1) select (select day from d) as day, json_group_array(json_array(id, kind, title, starts_at, ends_at, venue_id, cancelled, departure_place, arrival_place, groups)) as rows from (select i.id, i.kind, i.title, i.starts_at, i.ends_at, i.venue_id, i.cancelled, i.departure_place, i.arrival_place, ${groupListOf} as groups from programme_items i, d where i.visit_id = ?1 and i.starts_at >= unixepoch(d.day) * 1000 - ?4 - ?5 and i.starts_at < unixepoch(d.day, '+1 day') * 1000 - ?4 + ?5 order by i.starts_at)`,
  dayExact: `select json_group_array(json_array(id, kind, title, starts_at, ends_at, venue_id, cancelled, departure_place, arrival_place, groups)) as rows from (select i.id, i.kind, i.title, i.starts_at, i.ends_at, i.venue_id, i.cancelled, i.departure_place, i.arrival_place, ${groupListOf} as groups from programme_items i where i.visit_id = ?1 and i.starts_at >= ?2 and i.starts_at < ?3 order by i.starts_at)`,
  // Two subqueries, so that each is one step down the (visit, start) index rather than a scan.
  span: `select (select min(starts_at) from programme_items where visit_id = ?1) as first, (select max(starts_at) from programme_items where visit_id = ?1) as last`,
} as const

/** A clash as listed: with the local day of its first item and the titles of its items, in their order. */
export type ListedClash = Clash & { day: string; titles: string[] }
/** The clash list as stored and as the API answers it. */
type StoredList = { clashes: ListedClash[]; counts: Record<ClashKind, number> }

/** A clash as the editor lists it: its kind, its sentence in the reader's language, its items and titles. */
export type DayClash = Pick<ListedClash, 'kind' | 'itemIds' | 'titles'> & { text: string }

/** The visit as the editor's pages need it. */
export type EditorVisit = Pick<
  VisitRow,
  'id' | 'teamId' | 'title' | 'slug' | 'status' | 'startDate' | 'endDate' | 'timeZone'
>
/** An item of the editor's day. */
export type DayItem = {
  id: string
  kind: ItemKind
  title: string
  /** Instants, UTC ms. */
  start: number
  end: number
  venueId: string | null
  cancelled: boolean
  departurePlace: string | null
  arrivalPlace: string | null
  /** Sorted; empty: for everyone. */
  groupIds: string[]
}
/** What the programme editor shows of a visit: one day's items, all days, the clashes of the whole draft. */
export type ProgrammeDay = {
  access: 'organise' | 'read'
  visit: EditorVisit
  groups: { id: string; name: string }[]
  venues: { id: string; name: string }[]
  /** Every local day from the first of the visit (or an earlier item) to the last. */
  days: string[]
  day: string
  items: DayItem[]
  /** Whether the draft has any item at all. */
  hasItems: boolean
  /** The clashes of the day shown. */
  clashes: DayClash[]
  /** How many clashes the draft has on each day (the day shown too). */
  clashDays: Map<string, number>
}

/** The visit of a batch's first statement, for the team only (404 without any part in it, 403 for others). */
function visitFor(actor: Actor, rows: Rows) {
  const v = rows[0]
  const visit = v
    ? {
        id: str(v.id),
        teamId: str(v.team_id),
        title: str(v.title),
        slug: str(v.slug),
        status: v.status as EditorVisit['status'],
        startDate: str(v.start_date),
        endDate: str(v.end_date),
        timeZone: str(v.time_zone),
        walkingSpeedKmh: num(v.walking_speed_kmh),
        expectedGuests: numOrNull(v.expected_guests),
      }
    : null
  const access = visit ? visitAccess(actor, visit) : null
  if (!visit || !access) throw new DomainError('not_found')
  if (access !== 'organise' && access !== 'read') throw new DomainError('forbidden')
  return { visit, access }
}

/**
 * The state of the stored list and what is needed to check it again: only on a miss (`onlyOnMiss`, read in
 * the same batch as the stored list, so a hit reads nothing more), or whatever the state (read after a miss).
 */
function clashStatements(visitId: string, onlyOnMiss: boolean): Statement[] {
  const guard = onlyOnMiss ? miss : ''
  const values = onlyOnMiss ? [visitId, clashRulesVersion] : [visitId]
  return [
    [sql.state, [visitId]],
    ...[sql.groups, sql.venues, sql.allItems, sql.groupSizes, sql.guests, sql.windows, sql.talks].map(
      (statement): Statement => [statement(guard), values],
    ),
  ]
}

/** Whether the list stored for the draft is fresh, from its `clash_lists` row. */
function isFresh(state: Rows | undefined) {
  const s = state?.[0]
  return Boolean(
    s && s.checked_version !== null && s.checked_version === s.draft_version && s.rules === clashRulesVersion,
  )
}

/**
 * The clashes checked again from the rows of a miss (the statements of clashStatements after the state),
 * and stored for the draft version they were read at (only while the draft is still at it).
 */
async function checkAgain(
  db: Database,
  visit: ReturnType<typeof visitFor>['visit'],
  results: readonly Rows[],
): Promise<StoredList> {
  const [state, groups, venues, items, groupSizes, guests, windows, talks] = results as Rows[]
  const source = sourceOf(visit, { groups, venues, items, groupSizes, guests, windows, talks } as Record<
    string,
    Rows
  >)
  const found = findClashes(clashInputOf(source))
  const itemById = new Map(source.items.map((i) => [i.id, i]))
  const clashes = found.map((c): ListedClash => {
    const first = itemById.get(c.itemIds[0] ?? '')
    return {
      ...c,
      day: first ? utcToZoned(first.start, visit.timeZone).date : visit.startDate,
      titles: c.itemIds.map((id) => itemById.get(id)?.title ?? id),
    }
  })
  const list: StoredList = { clashes, counts: summariseClashes(found) }
  const s = state?.[0]
  if (s) await store(db, visit.id, num(s.draft_version), list)
  return list
}

/** Longest answer kept whole (base64 of its gzip), well under D1's 2 MB a value; a longer one is not kept. */
const answerLength = 1_500_000

/** Longest JSON text of clashes sent in one statement, in UTF-16 code units: well under D1's 2 MB a value. */
const chunkLength = 400_000

/**
 * Stores a checked list, a clash a row with the editor's views of it (SQLite takes each chunk of them apart
 * with json_each), for the draft version it was read at; nothing when the draft has moved on since. One
 * round trip.
 */
async function store(db: Database, visitId: string, version: number, list: StoredList) {
  const atVersion = `exists (select 1 from clash_lists where visit_id = ?1 and draft_version = ?2)`
  const chunks: { from: number; json: string }[] = []
  let open: string[] = []
  let length = 0
  let from = 0
  list.clashes.forEach((clash, i) => {
    // The clash, and as the editor shows it in each language (text of its own in the JSON: taken as it is).
    const view = (lang: Lang) => asciiJson([clash.kind, clash.message[lang], clash.itemIds, clash.titles])
    const json = JSON.stringify([clash, view('nl'), view('en')])
    if (open.length > 0 && length + json.length > chunkLength) {
      chunks.push({ from, json: `[${open.join(',')}]` })
      open = []
      length = 0
      from = i
    }
    open.push(json)
    length += json.length + 1
  })
  if (open.length > 0) chunks.push({ from, json: `[${open.join(',')}]` })
  const answer = await gzipBase64(JSON.stringify(list))
  await batchSql(db, [
    [`delete from clash_list_items where visit_id = ?1 and ${atVersion}`, [visitId, version]],
    ...chunks.map(
      (chunk) =>
        [
          `insert into clash_list_items (visit_id, seq, day, body, view_nl, view_en) select ?1, ?3 + key, value ->> '$[0].day', value -> '$[0]', value ->> '$[1]', value ->> '$[2]' from json_each(?4) where ${atVersion}`,
          [visitId, version, chunk.from, chunk.json],
        ] as const,
    ),
    [
      `update clash_lists set checked_version = ?2, rules = ?3, counts = ?4, answer = ?5 where visit_id = ?1 and draft_version = ?2`,
      [
        visitId,
        version,
        clashRulesVersion,
        JSON.stringify(list.counts),
        answer.length <= answerLength ? answer : null,
      ],
    ],
  ])
}

/** What the clash API reads of a visit (clashListPlan). */
export type ClashListPlan = ReadPlan & { visitId: string }

/** The clash API's statements: the visit, the stored list as answered, and what a check again needs. */
export function clashListPlan(visitId: string): ClashListPlan {
  return {
    visitId,
    statements: [
      [sql.visit, [visitId]],
      [sql.apiList, [visitId, clashRulesVersion]],
      ...clashStatements(visitId, true),
    ],
  }
}

/** The clash API's read, sent with the session lookup (one D1 round trip for a signed-in request). */
export const clashListRead = readWithSession((c) => clashListPlan(c.req.param('visitId') ?? ''))

/** The clash API's answer: the stored gzip of a fresh list, or the JSON text (built from rows, or checked). */
export type ClashListAnswer = { gzip: string; json?: never } | { json: string; gzip?: never }

/**
 * The clash list of a visit's draft for its team, as the API answers it, from the rows of its plan (read
 * here when not given): one round trip when the stored list is fresh (its gzip as kept, nothing parsed),
 * and a second to store it when it had to be checked again.
 */
export async function clashListAnswer(
  db: Database,
  actor: Actor,
  plan: ClashListPlan,
  read?: Results,
): Promise<ClashListAnswer> {
  const [visitRows, listRows, ...rest] = read ?? (await batchSql(db, plan.statements))
  const { visit } = visitFor(actor, visitRows ?? [])
  const stored = listRows?.[0]
  if (stored && isFresh(rest[0])) {
    if (typeof stored.answer === 'string') return { gzip: stored.answer }
    if (typeof stored.json === 'string') return { json: stored.json }
  }
  return { json: JSON.stringify(await checkAgain(db, visit, rest)) }
}

/** The local days from `first` to `last`, both included. */
function daysBetween(first: string, last: string): string[] {
  const days: string[] = []
  for (let d = first; d <= last && days.length < 366; d = nextDate(d)) days.push(d)
  return days
}

/** The day the editor opens on: today when it falls within the visit's days, else the first day. */
export function defaultDay(days: readonly string[], today: string): string | undefined {
  return days.includes(today) ? today : days[0]
}

/** The zone of each visit seen by this isolate, to ask for a day's items in the same round trip as the visit. */
const zoneOf = new Map<string, string>()
/** Hours either side of a day asked for in a guessed offset: the summer time change and then some. */
const marginMs = 3 * 3600_000

/** What the editor reads of a visit for one day (editorDayPlan). */
export type EditorDayPlan = ReadPlan & {
  visitId: string
  /** The zone the day's bounds were guessed in, and the day asked for (null: the default day). */
  guess: string
  asked: string | null
  now: Date
  /** The reader's language: the clash sentences are read in it only. */
  lang: Lang
  /** The day's clashes this isolate keeps for this visit, day asked for and language (not read again). */
  kept: KeptClashes | undefined
}

/** A day's clashes of a checked version of the list, as the editor showed them. */
type KeptClashes = { version: number; day: string; clashes: DayClash[] }
/**
 * The day's clashes last shown, per visit, language and day asked for. A checked version's list never
 * changes (a draft that changes gets a new version), so an editor looking again at an unchanged programme
 * reads its day's clashes once per isolate: at 3,000 items a day's 347 sentences were 190 kB through D1.
 */
const keptClashes = new Map<string, KeptClashes>()
const keptClashesLimit = 64
const keptKey = (visitId: string, lang: Lang, asked: string | null) => `${visitId} ${lang} ${asked ?? ''}`

/**
 * The editor's statements for a day: the visit, the span of its items, the items around the day in the
 * zone this isolate saw for the visit before (Europe/Amsterdam the first time) with a margin, the day's
 * clashes and the count per day, the state of the stored list, the groups and the venues' names. What a
 * check again of the clashes needs is read after a miss only: on a hit its seven statements answered
 * nothing and still cost a tenth of the read.
 */
export function editorDayPlan(
  visitId: string,
  day: string | undefined,
  now: Date,
  lang: Lang,
): EditorDayPlan {
  const guess = zoneOf.get(visitId) ?? 'Europe/Amsterdam'
  // Read at the start of the minute: the same local date and offset (zones change them on whole minutes),
  // and one instant a minute in the shared cache of zoned times instead of one a request.
  const here = utcToZoned(Math.floor(now.getTime() / 60_000) * 60_000, guess)
  const asked = day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null
  const kept = keptClashes.get(keptKey(visitId, lang, asked))
  return {
    visitId,
    guess,
    asked,
    now,
    lang,
    kept,
    statements: [
      [sql.visit, [visitId]],
      [sql.span, [visitId]],
      [sql.dayAround, [visitId, asked, here.date, here.offsetMinutes * 60_000, marginMs]],
      [
        sql.dayList,
        [visitId, clashRulesVersion, asked, here.date, lang, kept?.version ?? null, kept?.day ?? null],
      ],
      [sql.dayCounts, [visitId, clashRulesVersion]],
      [sql.state, [visitId]],
      [sql.groups(''), [visitId]],
      [sql.venueNames, [visitId]],
    ],
  }
}

/** The editor's read, sent with the session lookup (one D1 round trip for a signed-in request). */
export const editorDayRead = readWithSession((c) =>
  editorDayPlan(c.req.param('visitId') ?? '', c.req.query('day'), new Date(), c.var.lang),
)

/**
 * The programme editor's day: the visit, its groups and venues, the items of one local day (`day`, or the
 * default day), every day there is, and the clashes of the whole draft, from the rows of its plan (read
 * here when not given: one round trip; when the clash list has to be checked again, one to read what the
 * check needs and one to store it).
 *
 * The items were asked for in a guessed zone with a margin, and are cut to the day exactly here. Only when
 * that guess was wrong, or the day asked for has no place in the visit, are the day's items asked for again.
 */
export async function programmeDay(
  db: Database,
  actor: Actor,
  plan: EditorDayPlan,
  read?: Results,
): Promise<ProgrammeDay> {
  const { visitId, guess, asked, now, lang } = plan
  let kept = plan.kept
  const [visitRows, spanRows, dayRows, dayClashRows, countRows, stateRows, groupRows, venueRows] =
    read ?? (await batchSql(db, plan.statements))
  const { visit, access } = visitFor(actor, visitRows ?? [])
  const zone = visit.timeZone
  if (zoneOf.size > 1000) zoneOf.clear()
  zoneOf.set(visitId, zone)
  const span = spanRows?.[0]
  const first = numOrNull(span?.first)
  const last = numOrNull(span?.last)
  const firstDay = first === null ? visit.startDate : minDate(visit.startDate, utcToZoned(first, zone).date)
  const lastDay = last === null ? visit.endDate : maxDate(visit.endDate, utcToZoned(last, zone).date)
  const days = daysBetween(firstDay, lastDay)
  let shown = str(dayRows?.[0]?.day ?? visit.startDate)
  let rows = JSON.parse(str(dayRows?.[0]?.rows ?? '[]')) as unknown[][]
  let dayClashes = dayClashRows?.[0]?.rows
  if (zone !== guess || !days.includes(shown)) {
    const today = utcToZoned(Math.floor(now.getTime() / 60_000) * 60_000, zone).date
    if (zone !== guess) shown = asked ?? today
    if (!days.includes(shown))
      shown = defaultDay(daysBetween(visit.startDate, visit.endDate), today) ?? firstDay
    const bounds = dayBounds(shown, zone)
    const [exact, exactClashes] = await batchSql(db, [
      [sql.dayExact, [visitId, bounds.start, bounds.end]],
      [sql.dayList, [visitId, clashRulesVersion, shown, shown, lang, null, null]],
    ])
    rows = JSON.parse(str(exact?.[0]?.rows ?? '[]')) as unknown[][]
    dayClashes = exactClashes?.[0]?.rows
    kept = undefined
  }
  const items = rows.flatMap((r): DayItem[] =>
    utcToZoned(num(r[3]), zone).date === shown
      ? [
          {
            id: str(r[0]),
            kind: r[1] as ItemKind,
            title: str(r[2]),
            start: num(r[3]),
            end: num(r[4]),
            venueId: strOrNull(r[5]),
            cancelled: r[6] === 1,
            departurePlace: strOrNull(r[7]),
            arrivalPlace: strOrNull(r[8]),
            groupIds: r[9] === null ? [] : str(r[9]).split(',').sort(),
          },
        ]
      : [],
  )
  // SQLite gave them by start only: items with the same start by id, as before.
  for (let i = 1; i < items.length; i++) {
    if (items[i - 1]!.start === items[i]!.start) {
      items.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      break
    }
  }
  let clashes: DayClash[]
  let clashDays: Map<string, number>
  if (isFresh(stateRows)) {
    const version = num(stateRows?.[0]?.checked_version)
    // The same test as the statement's: when it holds, the statement read nothing.
    if (kept && kept.version === version && kept.day === shown) clashes = kept.clashes
    else {
      clashes = (JSON.parse(str(dayClashes ?? '[]')) as unknown[][]).map((r) => ({
        kind: r[0] as ClashKind,
        text: str(r[1]),
        itemIds: r[2] as string[],
        titles: r[3] as string[],
      }))
      if (keptClashes.size >= keptClashesLimit) keptClashes.clear()
      keptClashes.set(keptKey(visitId, lang, asked), { version, day: shown, clashes })
    }
    clashDays = new Map((countRows ?? []).map((r) => [str(r.day), num(r.clashes)]))
  } else {
    const list = await checkAgain(db, visit, await batchSql(db, clashStatements(visitId, false)))
    clashes = list.clashes
      .filter((c) => c.day === shown)
      .map((c) => ({ kind: c.kind, text: c.message[lang], itemIds: c.itemIds, titles: c.titles }))
    clashDays = new Map()
    for (const c of list.clashes) clashDays.set(c.day, (clashDays.get(c.day) ?? 0) + 1)
  }
  return {
    access,
    visit,
    groups: arrays(groupRows).map((r) => ({ id: str(r[0]), name: str(r[1]) })),
    venues: arrays(venueRows).map((r) => ({ id: str(r[0]), name: str(r[1]) })),
    days,
    day: shown,
    items,
    hasItems: first !== null,
    clashes,
    clashDays,
  }
}

const minDate = (a: string, b: string) => (a < b ? a : b)
const maxDate = (a: string, b: string) => (a > b ? a : b)

/** The team's views of a visit's registrations: the list, the totals, the guest-list page and the CSV. */
import { eq } from 'drizzle-orm'
import { groups } from '../../../shared/db/schema'
import type { Actor } from '../../../shared/domain/access'
import { guestLimit, promotions } from '../../../shared/domain/capacity'
import { formatOffset, utcToZoned } from '../../../shared/domain/time'
import { DomainError } from '../../../shared/errors'
import { toCsv } from '../../../shared/exports/csv'
import { type Lang, loadMessages } from '../../../shared/i18n'
import type { Database } from '../../platform/env'
import type { VisitRow } from '../visits/queries'
import { loadVisitFor } from '../visits/visits'
import { describeBlocker, describeLimit, groupLimitsOf } from './limit-words'
import {
  capacityVisitOf,
  confirmedByGroupsOf,
  dietaryShapesOf,
  type GuestFilter,
  guestCountOf,
  guestPageOf,
  membersByGroupOf,
  type RsvpRow,
  rsvpsOf,
  snapshotOf,
  statusTotalsOf,
  waitingPartiesOf,
} from './queries'
import { capacityStateOf, type Snapshot } from './rsvps'
import { describeDietary, dietaryTotals, parseDietary, parseIds } from './rules'

/** The groups of a visit, to name them in the list and the CSV. */
const groupsOf = (db: Database, visitId: string) =>
  db.select({ id: groups.id, name: groups.name }).from(groups).where(eq(groups.visitId, visitId))

/** Who may see the guest list: the team (viewers without private fields); hosts and caterers may not. */
async function listAccess(db: Database, actor: Actor, visitId: string) {
  const { visit, access } = await loadVisitFor(db, actor, visitId)
  if (access !== 'organise' && access !== 'read') throw new DomainError('forbidden')
  return { visit, access }
}

/** A registration as the organising team sees it: everything but the token. */
function projectFull<R extends GuestRow>(row: R & { tokenHash?: string; visitId?: string }) {
  const { tokenHash: _t, visitId: _v, ...open } = row
  return { ...open, dietary: parseDietary(row.dietary), groupIds: parseIds(row.groupIds) }
}

/** The same without the private fields (e-mail, dietary and access needs), for viewers. */
function projectForViewer(row: GuestRow) {
  return {
    id: row.id,
    name: row.name,
    partySize: row.partySize,
    status: row.status,
    groupIds: parseIds(row.groupIds),
    createdAt: row.createdAt,
  }
}

const statusOrder = { confirmed: 0, waitlisted: 1, cancelled: 2 } as const

/** What the team's list shows of a registration (a page of the list reads no more than this). */
type GuestRow = Pick<
  RsvpRow,
  | 'id'
  | 'name'
  | 'email'
  | 'partySize'
  | 'status'
  | 'dietary'
  | 'dietaryNotes'
  | 'accessNeeds'
  | 'groupIds'
  | 'notifyChanges'
  | 'createdAt'
>

/**
 * The guest list: organisers see everything, viewers no e-mail, dietary or access needs; hosts and
 * caterers are refused (caterers use the totals).
 */
export async function listRsvps(db: Database, actor: Actor, visitId: string) {
  const { access } = await listAccess(db, actor, visitId)
  const [rows, groupRows] = await db.batch([rsvpsOf(db, visitId), groupsOf(db, visitId)])
  return guestList(access, rows, groupRows)
}

function guestList<R extends GuestRow>(
  access: 'organise' | 'read',
  rows: R[],
  groupRows: { id: string; name: string }[],
) {
  rows.sort((a, b) => statusOrder[a.status] - statusOrder[b.status])
  return access === 'organise'
    ? { access, rsvps: rows.map(projectFull), groups: groupRows }
    : { access, rsvps: rows.map(projectForViewer), groups: groupRows }
}

/** Counts for the team and the caterers: parties, people, waitlist, dietary totals, access needs. Never names. */
export async function rsvpTotals(db: Database, actor: Actor, visitId: string) {
  const { visit, access } = await loadVisitFor(db, actor, visitId)
  if (access === 'host') throw new DomainError('forbidden')
  const [byStatus, shapes, byGroups, groupRows, [release], members] = await db.batch([
    ...totalsStatements(db, visitId),
    groupsOf(db, visitId),
    capacityVisitOf(db, visitId),
    membersByGroupOf(db, visitId),
  ])
  const snapshot = await snapshotOf(db, release)
  return { access, ...totalsOf(visit, { byStatus, shapes, byGroups }, groupRows, snapshot, members) }
}

/** Registrations on one page of the guest list. */
export const GUESTS_PER_PAGE = 50

/** What the guest list page is asked for: a search, a status, a page (1 the first). */
export type GuestListQuery = { search: string; status: RsvpRow['status'] | null; page: number }

/**
 * The registrations page: the totals for the team and the caterers, and one page of the list for the team.
 * Every figure is counted by SQLite (per status, per set of groups, per dietary shape), so the page reads a
 * few dozen rows however many guests there are, all in one batch. Organisers also see who waits and why
 * (the visit's maximum, or which venue is full when). A page past the end shows the last one.
 */
export async function guestsPage(db: Database, actor: Actor, visitId: string, query: GuestListQuery) {
  const { visit, access } = await loadVisitFor(db, actor, visitId)
  if (access === 'host') throw new DomainError('forbidden')
  const team = access === 'organise' || access === 'read'
  const filter: GuestFilter = { search: query.search, status: query.status, byEmail: access === 'organise' }
  // Caterers see counts only: their batch reads no row of the list.
  const pageOf = (page: number) =>
    guestPageOf(db, visitId, filter, team ? GUESTS_PER_PAGE : 0, (page - 1) * GUESTS_PER_PAGE)
  const [byStatus, shapes, byGroups, groupRows, [release], members, [counted], firstTry, waitingRows] =
    await db.batch([
      ...totalsStatements(db, visitId),
      groupsOf(db, visitId),
      capacityVisitOf(db, visitId),
      membersByGroupOf(db, visitId),
      // Without a search the counts per status say how many match: no second count over every row (an
      // empty read stands in, to keep the batch's shape).
      filter.search === '' ? groupsOf(db, '') : guestCountOf(db, visitId, filter),
      pageOf(query.page),
      waitingPartiesOf(db, access === 'organise' ? visitId : ''),
    ])
  const snapshot = await snapshotOf(db, release)
  const totals = totalsOf(visit, { byStatus, shapes, byGroups }, groupRows, snapshot, members)
  const matching =
    counted && 'n' in counted
      ? Number(counted.n)
      : query.status
        ? totals.totals.byStatus[query.status].registrations
        : totals.totals.registrations
  const pages = Math.max(1, Math.ceil(matching / GUESTS_PER_PAGE))
  const page = Math.min(query.page, pages)
  const rows = page === query.page ? firstTry : await pageOf(page)
  const list = team
    ? {
        ...guestList(access, rows, groupRows),
        search: query.search,
        status: query.status,
        page,
        pages,
        matching,
        perPage: GUESTS_PER_PAGE,
      }
    : null
  const state = capacityStateOf(visit.rsvpCapacity, snapshot, members, byGroups)
  const waiting = promotions(
    waitingRows.map((r) => ({ ...r, groupIds: parseIds(r.groupIds) })),
    state,
  ).skipped.map(({ id, blocker }) => {
    const row = waitingRows.find((r) => r.id === id)
    return {
      name: row?.name ?? '',
      partySize: row?.partySize ?? 0,
      because: describeBlocker(blocker, visit.timeZone),
    }
  })
  return { access, ...totals, list, waiting }
}

/** The statements that count a visit's registrations: per status, per dietary shape, per set of groups. */
const totalsStatements = (db: Database, visitId: string) =>
  [statusTotalsOf(db, visitId), dietaryShapesOf(db, visitId), confirmedByGroupsOf(db, visitId)] as const

type Counted = {
  byStatus: { status: RsvpRow['status']; registrations: number; people: number; accessNeeds: number }[]
  shapes: { partySize: number; dietary: string; withNotes: number; registrations: number }[]
  byGroups: { groupIds: string; people: number; registrations: number }[]
}

function totalsOf(
  visit: VisitRow,
  counted: Counted,
  groupRows: { id: string; name: string }[],
  snapshot: Snapshot,
  members: { groupId: string | null; members: number }[],
) {
  const status = (s: RsvpRow['status']) => {
    const row = counted.byStatus.find((r) => r.status === s)
    return {
      registrations: Number(row?.registrations ?? 0),
      people: Number(row?.people ?? 0),
      accessNeeds: Number(row?.accessNeeds ?? 0),
    }
  }
  const confirmed = status('confirmed')
  const waitlisted = status('waitlisted')
  const cancelled = status('cancelled')
  // A guest may go with several groups: each group counts them once; [] is the whole company.
  const perGroup = new Map(groupRows.map((g) => [g.id, { registrations: 0, people: 0 }]))
  const wholeCompany = { registrations: 0, people: 0 }
  for (const shape of counted.byGroups) {
    const ids = parseIds(shape.groupIds)
    for (const sum of ids.length === 0 ? [wholeCompany] : ids.map((id) => perGroup.get(id))) {
      if (!sum) continue
      sum.registrations += Number(shape.registrations)
      sum.people += Number(shape.people)
    }
  }
  const state = capacityStateOf(visit.rsvpCapacity, snapshot, members, [])
  const whole = guestLimit(state, [])
  const groupLimits = groupLimitsOf(state, snapshot, whole, visit.timeZone)
  return {
    visit: { id: visit.id, title: visit.title, timeZone: visit.timeZone },
    totals: {
      capacity: visit.rsvpCapacity,
      /** The limit that applies to a guest of the whole company, and the venue and moment that set it. */
      limit: whole ? describeLimit(whole, visit.timeZone) : null,
      groupLimits,
      registrations: confirmed.registrations + waitlisted.registrations + cancelled.registrations,
      byStatus: {
        confirmed: { registrations: confirmed.registrations, people: confirmed.people },
        waitlisted: { registrations: waitlisted.registrations, people: waitlisted.people },
        cancelled: { registrations: cancelled.registrations, people: cancelled.people },
      },
      /** Confirmed guests per group they go with, and those with the whole company. */
      byGroup: groupRows.map((g) => ({ id: g.id, name: g.name, ...(perGroup.get(g.id) ?? wholeCompany) })),
      wholeCompany,
      confirmedParties: confirmed.registrations,
      confirmedPeople: confirmed.people,
      waitlistedParties: waitlisted.registrations,
      waitlistedPeople: waitlisted.people,
      dietary: dietaryTotals(
        counted.shapes.map((s) => ({
          partySize: s.partySize,
          dietary: parseDietary(s.dietary),
          dietaryNotes: Number(s.withNotes) ? 'x' : '',
          registrations: Number(s.registrations),
        })),
      ),
      accessNeedsCount: confirmed.accessNeeds,
    },
  }
}

/**
 * The guest list as a spreadsheet for organisers: one row per registration, labels in the reader's language,
 * times in the visit's zone with their offset, and cells that look like formulas defused.
 */
export async function rsvpCsv(db: Database, actor: Actor, visitId: string, lang: Lang) {
  const { visit } = await loadVisitFor(db, actor, visitId, 'organise')
  const [rows, groupRows] = await db.batch([rsvpsOf(db, visitId), groupsOf(db, visitId)])
  const t = await loadMessages(lang)
  const groupName = new Map(groupRows.map((g) => [g.id, g.name]))
  const at = (d: Date) => {
    const z = utcToZoned(d.getTime(), visit.timeZone)
    return `${z.date}T${z.time}${formatOffset(z.offsetMinutes)}`
  }
  const c = t.rsvp.columns
  const header = [
    c.name,
    c.email,
    c.partySize,
    c.status,
    c.dietary,
    c.dietaryNotes,
    c.accessNeeds,
    c.groups,
    c.notify,
    c.registeredAt,
  ]
  const body = rows
    .sort((a, b) => statusOrder[a.status] - statusOrder[b.status])
    .map((r) => [
      r.name,
      r.email,
      r.partySize,
      t.rsvp.statuses[r.status],
      describeDietary(parseDietary(r.dietary), t.rsvp.dietaryOptions).join('; '),
      r.dietaryNotes,
      r.accessNeeds,
      parseIds(r.groupIds)
        .map((id) => groupName.get(id) ?? id)
        .join('; '),
      r.notifyChanges ? t.rsvp.yes : t.rsvp.no,
      at(r.createdAt),
    ])
  return { filename: `${t.rsvp.csvFile}-${visit.slug}.csv`, csv: toCsv(header, body) }
}

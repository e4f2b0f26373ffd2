/** The team's views of a visit's registrations: the list, the totals, the guest-list page and the CSV. */
import { eq } from 'drizzle-orm'
import { groups } from '../../../shared/db/schema'
import type { Actor } from '../../../shared/domain/access'
import { guestLimit, promotions } from '../../../shared/domain/capacity'
import { formatOffset, utcToZoned } from '../../../shared/domain/time'
import { DomainError } from '../../../shared/errors'
import { toCsv } from '../../../shared/exports/csv'
import { type Lang, messagesFor } from '../../../shared/i18n'
import type { Database } from '../../platform/env'
import type { VisitRow } from '../visits/queries'
import { loadVisitFor } from '../visits/visits'
import { capacityVisitOf, membersByGroupOf, type RsvpRow, rsvpsOf, snapshotOf } from './queries'
import { capacityStateOf, describeBlocker, describeLimit, groupLimitsOf, type Snapshot } from './rsvps'
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
function projectFull(row: RsvpRow) {
  const { tokenHash: _t, visitId: _v, ...open } = row
  return { ...open, dietary: parseDietary(row.dietary), groupIds: parseIds(row.groupIds) }
}

/** The same without the private fields (e-mail, dietary and access needs), for viewers. */
function projectForViewer(row: RsvpRow) {
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

/**
 * The guest list: organisers see everything, viewers no e-mail, dietary or access needs; hosts and
 * caterers are refused (caterers use the totals).
 */
export async function listRsvps(db: Database, actor: Actor, visitId: string) {
  const { access } = await listAccess(db, actor, visitId)
  const [rows, groupRows] = await db.batch([rsvpsOf(db, visitId), groupsOf(db, visitId)])
  return guestList(access, rows, groupRows)
}

function guestList(access: 'organise' | 'read', rows: RsvpRow[], groupRows: { id: string; name: string }[]) {
  rows.sort((a, b) => statusOrder[a.status] - statusOrder[b.status])
  return access === 'organise'
    ? { access, rsvps: rows.map(projectFull), groups: groupRows }
    : { access, rsvps: rows.map(projectForViewer), groups: groupRows }
}

/** Counts for the team and the caterers: parties, people, waitlist, dietary totals, access needs. Never names. */
export async function rsvpTotals(db: Database, actor: Actor, visitId: string) {
  const { visit, access } = await loadVisitFor(db, actor, visitId)
  if (access === 'host') throw new DomainError('forbidden')
  const [rows, [release], members] = await db.batch([
    rsvpsOf(db, visitId),
    capacityVisitOf(db, visitId),
    membersByGroupOf(db, visitId),
  ])
  return { access, ...totalsOf(visit, rows, await snapshotOf(db, release), members) }
}

/**
 * The registrations page: the totals for the team and the caterers, and the list for the team, from one
 * read of the registrations (not one for the totals and another for the list). Organisers also see who
 * waits and why (the visit's maximum, or which venue is full when).
 */
export async function guestsPage(db: Database, actor: Actor, visitId: string) {
  const { visit, access } = await loadVisitFor(db, actor, visitId)
  if (access === 'host') throw new DomainError('forbidden')
  const [rows, groupRows, [release], members] = await db.batch([
    rsvpsOf(db, visitId),
    groupsOf(db, visitId),
    capacityVisitOf(db, visitId),
    membersByGroupOf(db, visitId),
  ])
  const snapshot = await snapshotOf(db, release)
  const totals = totalsOf(visit, rows, snapshot, members)
  const list = access === 'organise' || access === 'read' ? guestList(access, rows, groupRows) : null
  const state = capacityStateOf(visit.rsvpCapacity, snapshot, members, confirmedShapes(rows))
  const waiting =
    access === 'organise'
      ? promotions(
          rows
            .filter((r) => r.status === 'waitlisted')
            .map((r) => ({ ...r, groupIds: parseIds(r.groupIds) })),
          state,
        ).skipped.map(({ id, blocker }) => {
          const row = rows.find((r) => r.id === id)
          return {
            name: row?.name ?? '',
            partySize: row?.partySize ?? 0,
            because: describeBlocker(blocker, visit.timeZone),
          }
        })
      : []
  return { access, ...totals, list, waiting }
}

/** The confirmed registrations as the capacity rule counts them: people per set of groups. */
function confirmedShapes(rows: RsvpRow[]) {
  const people = new Map<string, number>()
  for (const r of rows)
    if (r.status === 'confirmed') people.set(r.groupIds, (people.get(r.groupIds) ?? 0) + r.partySize)
  return [...people].map(([groupIds, n]) => ({ groupIds, people: n }))
}

function totalsOf(
  visit: VisitRow,
  rows: RsvpRow[],
  snapshot: Snapshot,
  members: { groupId: string | null; members: number }[],
) {
  const confirmed = rows.filter((r) => r.status === 'confirmed')
  const people = (list: RsvpRow[]) => list.reduce((sum, r) => sum + r.partySize, 0)
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
      confirmedParties: confirmed.length,
      confirmedPeople: people(confirmed),
      waitlistedParties: rows.filter((r) => r.status === 'waitlisted').length,
      waitlistedPeople: people(rows.filter((r) => r.status === 'waitlisted')),
      dietary: dietaryTotals(confirmed.map((r) => ({ ...r, dietary: parseDietary(r.dietary) }))),
      accessNeedsCount: confirmed.filter((r) => r.accessNeeds.trim() !== '').length,
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
  const t = messagesFor(lang)
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

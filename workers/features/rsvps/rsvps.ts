import { and, eq, ne, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { InferOutput } from 'valibot'
import { rsvps, visits } from '../../../shared/db/schema'
import {
  blockerFor,
  type CapacityState,
  gatheringsOf,
  guestLimit,
  limitingGatherings,
  promotions,
  type WaitingParty,
} from '../../../shared/domain/capacity'
import { visitHasEnded } from '../../../shared/domain/visits'
import { DomainError } from '../../../shared/errors'
import { type Lang, localeOf, toLang } from '../../../shared/i18n'
import { formatLocalDate } from '../../../shared/i18n/format'
import { type MailTemplate, renderMail } from '../../../shared/mail/templates'
import { hashToken, randomToken, tokenPattern } from '../../platform/auth/tokens'
import type { Config } from '../../platform/config'
import type { Database } from '../../platform/env'
import { queueMailWhen } from '../../platform/mail/outbox'
import { guestPassQuery } from '../releases/guest-pass'
import { onGuestRoomChange } from '../visits/guest-room'
import { fieldError } from '../visits/visits'
import { emailChangeStatements } from './email-change'
import { describeBlocker, describeLimit, groupLimitsOf } from './limit-words'
import {
  activeRsvpByEmail,
  capacityVisitOf,
  confirmedByGroupsOf,
  fitsSql,
  liveShareLink,
  membersByGroupOf,
  publishedVisitBySlug,
  type RsvpRow,
  rsvpByTokenHash,
  rsvpCountsBySlug,
  snapshotOf,
  waitingPartyFitsSql,
  waitlistOf,
} from './queries'
import { RENEW_MAIL_EVERY_MS, renewLink } from './renewal'
import { needsAboveParty, parseDietary, parseIds } from './rules'
import { changedDietary, type rsvpSchema, type rsvpUpdateSchema } from './schemas'

/** A registration as the public form and API send it. */
export type RsvpInput = InferOutput<typeof rsvpSchema>
/** A change through the private link: any fields, with the version it was based on. */
export type RsvpUpdate = InferOutput<typeof rsvpUpdateSchema>
/** What the guest is told after registering; 'check_mail' when the address was already registered. */
export type RsvpOutcome = 'confirmed' | 'waitlisted' | 'check_mail'

/** API details of the refusals; pages show their own sentence for each (see routes/public/rsvp.tsx). */
export const ARCHIVED_DETAIL = 'This visit is archived and takes no more registrations; nothing was saved.'
export const NO_ROOM_DETAIL = 'There is no room for a larger party; the registration was not changed.'
export const STALE_DETAIL = 'The registration was changed elsewhere; look at the newest version.'
export const ENDED_DETAIL = 'This visit has ended and takes no more registrations; nothing was saved.'

/** A registration for a visit whose last day is over: 422, nothing saved. */
const visitEnded = () => new DomainError('validation_failed', ENDED_DETAIL, { reason: 'visit_ended' })

export type Snapshot = Awaited<ReturnType<typeof snapshotOf>>
type VisitForMail = { title: string; startDate: string }

/** The private page of a registration. */
const rsvpLink = (config: Config, token: string) => `${config.publicUrl.replace(/\/$/, '')}/r/${token}`

/** A registration mail, rendered in the guest's language (greeting them by name), with its button's link. */
export function rsvpMail(
  template: Extract<MailTemplate, `rsvp_${string}`>,
  to: { email: string; lang: Lang; partySize: number; name?: string },
  visit: VisitForMail,
  link: string,
) {
  const date = formatLocalDate(visit.startDate, localeOf(to.lang))
  const params = { link, visitTitle: visit.title, date, partySize: to.partySize, name: to.name }
  return { to: to.email, kind: template, ...renderMail(template, to.lang, params) }
}

/** The stored form of a share-link token from a URL; one that cannot be a token matches no link. */
const shareTokenHash = async (token: string | undefined) =>
  token && tokenPattern.test(token) ? hashToken(token) : 'no-share-link'

/** Group ids must be groups of the published programme. */
function checkGroups(snapshot: Snapshot, groupIds: readonly string[]) {
  const known = new Set(snapshot.groups.map((g) => g.id))
  const unknown = groupIds.findIndex((id) => !known.has(id))
  if (unknown >= 0) throw fieldError(`groupIds.${unknown}`, 'unknownGroup')
}

/**
 * Registers a guest. Round trip 1 reads the visit, its newest release and any registration of the address;
 * round trip 2 is one batch in which a single INSERT … SELECT decides confirmed or waitlisted against the
 * capacity as it is at that moment (no one else's registration can slip in between), the matching mail is
 * written only for the status that came out, and the status is read back.
 * An address that is already registered is mailed a way to renew its private link; the answer does not say
 * the address was known, and the link the guest has keeps working.
 */
export async function createRsvp(
  db: Database,
  config: Config,
  slug: string,
  input: RsvpInput,
  lang: Lang,
  now: Date,
  shareToken?: string,
  retried = false,
): Promise<RsvpOutcome> {
  const [[visit], [existing], [shared]] = await db.batch([
    publishedVisitBySlug(db, slug),
    activeRsvpByEmail(db, slug, input.email),
    liveShareLink(db, slug, await shareTokenHash(shareToken)),
  ])
  // An unlisted visit is only there for holders of a share link; for anyone else it does not exist.
  if (!visit || (!visit.listed && !shared)) throw new DomainError('not_found')
  if (visit.status === 'archived')
    throw new DomainError('conflict', ARCHIVED_DETAIL, { reason: 'visit_archived' })
  if (visitHasEnded(visit, now)) throw visitEnded()
  const snapshot = await snapshotOf(db, visit)
  const about = { title: visit.title, startDate: visit.startDate }
  checkGroups(snapshot, input.groupIds)
  // Whether the party fits is decided in SQL when the statement runs: the visit's maximum, and room at every
  // venue at every moment the guest is there. A party that fits is never held back by a larger one waiting.
  // Nor does a new party take a place a waiting party fits in (that party moves up first, below).
  const gatherings = gatheringsOf(snapshot)
  const everyGroup = snapshot.groups.map((g) => g.id)
  const waitingFits = waitingPartyFitsSql(visit.visitId, limitingGatherings(gatherings, everyGroup))
  const fits = sql`(${fitsSql(visit.visitId, limitingGatherings(gatherings, input.groupIds), input.partySize)}
    AND NOT ${waitingFits})`

  if (existing) {
    // Someone (the guest, or anyone who knows the address) registered again. The guest's link is not
    // replaced — a stranger must not be able to end it — and the mail to the registered address offers a
    // renewal the guest confirms themselves; one such mail per address per 10 minutes, however often asked.
    const link = await renewLink(config, existing, now)
    const mail = rsvpMail('rsvp_link', { ...existing, email: input.email }, about, link)
    const recently = new Date(now.getTime() - RENEW_MAIL_EVERY_MS)
    const [, [answer]] = await db.batch([
      queueMailWhen(
        db,
        config,
        mail,
        now,
        sql`NOT EXISTS (SELECT 1 FROM mail_outbox WHERE "to" = ${input.email} AND kind = 'rsvp_link'
          AND created_at > ${recently.getTime()})`,
      ),
      // The answer a new registration of this party would get now, so the reply tells a stranger nothing
      // about the address (a known one on a full visit used to say "confirmed", a new one "waitlisted").
      db
        .select({
          status: sql<string>`CASE WHEN ${fits} THEN 'confirmed' ELSE 'waitlisted' END`,
        })
        .from(visits)
        .where(eq(visits.id, visit.visitId)),
    ])
    return answer?.status === 'confirmed' ? 'confirmed' : 'waitlisted'
  }

  const token = randomToken()
  const tokenHash = await hashToken(token)
  const id = crypto.randomUUID()
  const visitId = visit.visitId
  const guest = { email: input.email, lang, partySize: input.partySize, name: input.name }
  const link = rsvpLink(config, token)
  const statusIs = (status: 'confirmed' | 'waitlisted') =>
    sql`EXISTS (SELECT 1 FROM rsvps WHERE id = ${id} AND status = ${status})`
  const [, , , [row]] = await db.batch([
    // One statement decides and writes: the SELECT lists every column of rsvps in table order.
    db.insert(rsvps).select(
      sql`SELECT ${id}, ${visitId}, ${input.name}, ${input.email}, ${input.partySize}, ${JSON.stringify(input.dietary)},
          ${input.dietaryNotes}, ${input.accessNeeds}, ${JSON.stringify(input.groupIds)},
          CASE WHEN ${fits} THEN 'confirmed' ELSE 'waitlisted' END,
          ${tokenHash}, ${lang}, 1, 1, ${now.getTime()}, NULL
        FROM visits
        WHERE id = ${visitId} AND status = 'published'
          AND NOT EXISTS (SELECT 1 FROM rsvps WHERE visit_id = ${visitId} AND email = ${input.email}
            AND status <> 'cancelled')`,
    ),
    queueMailWhen(db, config, rsvpMail('rsvp_confirmed', guest, about, link), now, statusIs('confirmed')),
    queueMailWhen(db, config, rsvpMail('rsvp_waitlisted', guest, about, link), now, statusIs('waitlisted')),
    db
      .select({ status: rsvps.status, waitingFits: sql<number>`${waitingFits}` })
      .from(rsvps)
      .where(eq(rsvps.id, id)),
  ])
  // A waiting party fits now (a promotion elsewhere missed it, or is still to come): it moves up now, and
  // with it this registration if it fits after those ahead of it; the guest is told how it stands then.
  if (row?.waitingFits) {
    await promoteWaitlist(db, config, visitId, now)
    const [after] = await db.select({ status: rsvps.status }).from(rsvps).where(eq(rsvps.id, id))
    if (after?.status === 'confirmed' || after?.status === 'waitlisted') return after.status
  }
  if (row?.status === 'confirmed' || row?.status === 'waitlisted') return row.status
  // Nothing was inserted: the visit was archived, or the same address registered, in the meantime. Looking
  // again answers as for either (never loops: the second look finds the reason).
  if (retried) throw new DomainError('conflict', ARCHIVED_DETAIL, { reason: 'visit_archived' })
  return createRsvp(db, config, slug, input, lang, now, shareToken, true)
}

/** A registration as its guest sees it through the private link (no token hash). */
function projectOwn(row: RsvpRow) {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    partySize: row.partySize,
    dietary: parseDietary(row.dietary),
    dietaryNotes: row.dietaryNotes,
    accessNeeds: row.accessNeeds,
    groupIds: parseIds(row.groupIds),
    status: row.status,
    notifyChanges: row.notifyChanges,
    version: row.version,
  }
}

/** Loads a registration by its private token; anything unknown (or malformed) is a 404. */
async function loadByToken(db: Database, token: string) {
  if (!tokenPattern.test(token)) throw new DomainError('not_found')
  const [found] = await rsvpByTokenHash(db, await hashToken(token))
  if (!found) throw new DomainError('not_found')
  const snapshot = await snapshotOf(db, found)
  return { ...found, snapshot }
}

/** The guest's own registration, its visit and the groups they can choose from. */
export async function getRsvpByToken(db: Database, config: Config, token: string) {
  const { rsvp, visit, snapshot } = await loadByToken(db, token)
  // A waiting guest is told what keeps them waiting: the visit's maximum, or which venue is full when.
  const room = rsvp.status === 'waitlisted' ? await roomNow(db, visit.id) : null
  const blocker = room
    ? blockerFor(room.state, { partySize: rsvp.partySize, groupIds: parseIds(rsvp.groupIds) })
    : null
  // An unlisted visit's programme opens with the guest's own pass, while the registration stands.
  const programme = visit.listed
    ? `/v/${visit.slug}`
    : rsvp.status === 'cancelled'
      ? null
      : `/v/${visit.slug}?${await guestPassQuery(config, visit.id, rsvp.id)}`
  return {
    rsvp: projectOwn(rsvp),
    visit: {
      slug: visit.slug,
      title: visit.title,
      startDate: visit.startDate,
      status: visit.status,
      listed: visit.listed,
      programme,
    },
    groups: snapshot.groups,
    waitingBecause: blocker ? describeBlocker(blocker, visit.timeZone) : null,
  }
}

/**
 * Changes a registration through its private link. A confirmed guest who asks for more places (or other
 * groups) than still fit is refused (409) and nothing changes; fewer places may let the waitlist move up.
 */
export async function updateRsvpByToken(
  db: Database,
  config: Config,
  token: string,
  input: RsvpUpdate,
  now: Date,
) {
  const { rsvp, visit, snapshot } = await loadByToken(db, token)
  if (rsvp.status === 'cancelled') throw new DomainError('not_found')
  if (visit.status === 'archived')
    throw new DomainError('conflict', ARCHIVED_DETAIL, { reason: 'visit_archived' })
  const { version, dietary, groupIds: newGroups, email: askedEmail, ...patch } = input
  if (version !== rsvp.version) throw new DomainError('conflict', STALE_DETAIL, { reason: 'stale' })
  if (newGroups) checkGroups(snapshot, newGroups)
  // A new address is not taken over here: it is asked to confirm by mail, and the answer is the same
  // whether it is free or registered already (email-change.ts).
  const newEmail = askedEmail !== undefined && askedEmail !== rsvp.email ? askedEmail : undefined
  const oldGroups = parseIds(rsvp.groupIds)
  const groupIds = newGroups ?? oldGroups
  const partySize = patch.partySize ?? rsvp.partySize
  // The persons per need are checked against the party the change ends with: a smaller party with the
  // needs as they were names each need that is now above it.
  const changed = changedDietary(dietary)
  if (changed?.ticked && partySize > 1) throw fieldError('dietary', 'rsvp.validation.dietaryHowMany')
  const tooMany = needsAboveParty(changed?.counts ?? parseDietary(rsvp.dietary), partySize)
  if (tooMany.length > 0) {
    throw new DomainError('validation_failed', undefined, {
      errors: tooMany.map((need) => ({
        field: `dietary.${need}`,
        message: `rsvp.validation.dietaryAboveParty:${partySize}`,
      })),
    })
  }
  const groupsChanged = JSON.stringify([...groupIds].sort()) !== JSON.stringify([...oldGroups].sort())
  // Only a confirmed guest who asks for more room is checked; giving room back is always possible.
  const needsRoom = rsvp.status === 'confirmed' && (partySize > rsvp.partySize || groupsChanged)
  const gatherings = gatheringsOf(snapshot)
  // Room given back (or a waiting guest's own change) may let the waitlist move up: the promotions go in the
  // same batch as the change, so no new registration takes the place in between.
  const mayFree = partySize < rsvp.partySize || groupsChanged || rsvp.status === 'waitlisted'
  const room = mayFree ? await roomNow(db, visit.id) : null
  const update = db
    .update(rsvps)
    .set({
      ...patch,
      ...(changed ? { dietary: JSON.stringify(changed.counts) } : {}),
      ...(newGroups ? { groupIds: JSON.stringify(newGroups) } : {}),
      version: rsvp.version + 1,
      updatedAt: now,
    })
    .where(
      and(
        eq(rsvps.id, rsvp.id),
        eq(rsvps.version, version),
        ne(rsvps.status, 'cancelled'),
        needsRoom
          ? fitsSql(visit.id, limitingGatherings(gatherings, groupIds), partySize, rsvp.id)
          : undefined,
      ),
    )
    .returning()
  const promote = room
    ? await promotionStatements(db, config, visit.id, now, {
        ...room,
        // As it will be after this change: the guest's old party out, the new one in where it stands.
        state: {
          ...room.state,
          confirmed:
            rsvp.status === 'confirmed'
              ? [
                  ...room.state.confirmed,
                  { partySize: -rsvp.partySize, groupIds: oldGroups },
                  { partySize, groupIds },
                ]
              : room.state.confirmed,
        },
        waitlist: room.waitlist.map((w) => (w.id === rsvp.id ? { ...w, partySize, groupIds } : w)),
      })
    : []
  const moveMail = newEmail
    ? await emailChangeStatements(
        db,
        config,
        { rsvp, visit, newEmail, lang: toLang(rsvp.lang), changed: { id: rsvp.id, version: version + 1 } },
        now,
      )
    : []
  const results = await db.batch([update, ...promote, ...moveMail, missedPromotion(db, visit.id, snapshot)])
  const [updated] = results
  await promoteIfMissed(db, config, visit.id, now, results.at(-1))
  if (!updated[0]) {
    const [current] = await db.select({ version: rsvps.version }).from(rsvps).where(eq(rsvps.id, rsvp.id))
    const noRoom = needsRoom && current?.version === version
    throw new DomainError('conflict', noRoom ? NO_ROOM_DETAIL : STALE_DETAIL, {
      reason: noRoom ? 'no_room' : 'stale',
    })
  }
  return { ...projectOwn(updated[0]), emailPending: newEmail !== undefined }
}

/**
 * Cancels a registration through its private link. The waitlist moves up in the same batch (with a mail
 * each), so a registration arriving at the same moment cannot take the freed places first.
 */
export async function cancelRsvpByToken(db: Database, config: Config, token: string, now: Date) {
  const { rsvp, visit } = await loadByToken(db, token)
  await cancelRegistration(db, config, rsvp, visit, now)
}

/**
 * Cancels a registration (the guest's own link, or the organisers); the waitlist moves up in the same
 * batch. `after` runs right behind the cancelling statement (`changes() = 1` there: this very call
 * cancelled it), e.g. the organisers' mail to the guest and the audit entry.
 */
export async function cancelRegistration(
  db: Database,
  config: Config,
  rsvp: RsvpRow,
  visit: { id: string; status: string },
  now: Date,
  after: BatchItem<'sqlite'>[] = [],
) {
  if (rsvp.status === 'cancelled') return
  if (visit.status === 'archived')
    throw new DomainError('conflict', ARCHIVED_DETAIL, { reason: 'visit_archived' })
  const room = await roomNow(db, visit.id)
  const promote = await promotionStatements(db, config, visit.id, now, {
    ...room,
    state: {
      ...room.state,
      confirmed:
        rsvp.status === 'confirmed'
          ? [...room.state.confirmed, { partySize: -rsvp.partySize, groupIds: parseIds(rsvp.groupIds) }]
          : room.state.confirmed,
    },
    waitlist: room.waitlist.filter((w) => w.id !== rsvp.id),
  })
  const results = await db.batch([
    db
      .update(rsvps)
      .set({ status: 'cancelled', version: sql`${rsvps.version} + 1`, updatedAt: now })
      .where(and(eq(rsvps.id, rsvp.id), ne(rsvps.status, 'cancelled'))),
    ...after,
    ...promote,
    missedPromotion(db, visit.id, room.snapshot),
  ])
  await promoteIfMissed(db, config, visit.id, now, results.at(-1))
}

/** Turns the mails about programme changes on or off (the opt-out link in those mails). */
export async function setNotify(db: Database, token: string, notify: boolean, now: Date) {
  const { rsvp } = await loadByToken(db, token)
  await db.update(rsvps).set({ notifyChanges: notify, updatedAt: now }).where(eq(rsvps.id, rsvp.id))
}

/** The capacity rule's state from its rows: the visit's maximum, the release's gatherings, the company. */
export function capacityStateOf(
  visitLimit: number | null,
  snapshot: Snapshot,
  members: { groupId: string | null; members: number }[],
  confirmed: { groupIds: string; people: number }[],
): CapacityState {
  return {
    visitLimit,
    gatherings: gatheringsOf(snapshot),
    members: members.flatMap((m) => Array.from({ length: m.members }, () => m.groupId)),
    // One entry per set of groups with its people added up: the sums the rule takes are the same.
    confirmed: confirmed.map((c) => ({ partySize: Number(c.people), groupIds: parseIds(c.groupIds) })),
  }
}

/** Who waits, who is confirmed and the company, read together: what the waitlist moves up from. */
async function roomNow(db: Database, visitId: string) {
  const [[visit], confirmed, members, waitlist] = await db.batch([
    capacityVisitOf(db, visitId),
    confirmedByGroupsOf(db, visitId),
    membersByGroupOf(db, visitId),
    waitlistOf(db, visitId),
  ])
  const snapshot = await snapshotOf(db, visit)
  return {
    about: { title: visit?.title ?? '', startDate: visit?.startDate ?? '' },
    snapshot,
    state: capacityStateOf(visit?.rsvpCapacity ?? null, snapshot, members, confirmed),
    waitlist: waitlist.map((w) => ({ ...w, groupIds: parseIds(w.groupIds) })),
  }
}

type Room = Awaited<ReturnType<typeof roomNow>>

/**
 * The statements that move guests up, each with its mail: in the order they registered, every waiting party
 * that fits (a larger one that does not fit holds nobody back). Each is re-checked in SQL when it runs
 * (still waiting, and room for it at the visit and at every venue and moment), so two changes at once never
 * overfill a place. The guest's private link stays as it is: the mail carries a renewal they may use if
 * they lost it, never a replacement.
 */
async function promotionStatements(
  db: Database,
  config: Config,
  visitId: string,
  now: Date,
  room: Pick<Room, 'about' | 'state' | 'waitlist'>,
): Promise<BatchItem<'sqlite'>[]> {
  const parties: (WaitingParty & Room['waitlist'][number])[] = room.waitlist
  const { promoted } = promotions(parties, room.state)
  const statements: BatchItem<'sqlite'>[] = []
  for (const id of promoted) {
    const entry = parties.find((p) => p.id === id)
    if (!entry) continue
    statements.push(
      db
        .update(rsvps)
        .set({ status: 'confirmed', version: sql`${rsvps.version} + 1`, updatedAt: now })
        .where(
          sql`${rsvps.id} = ${entry.id} AND ${rsvps.status} = 'waitlisted'
            AND ${fitsSql(visitId, limitingGatherings(room.state.gatherings, entry.groupIds), sql`${rsvps.partySize}`)}`,
        ),
      queueMailWhen(
        db,
        config,
        rsvpMail('rsvp_promoted', entry, room.about, await renewLink(config, entry, now)),
        now,
        // Right after the promotion: mailed only when this very statement moved the guest up, so a promotion
        // running at the same moment elsewhere sends no second mail.
        sql`changes() = 1`,
      ),
    )
  }
  return statements
}

/**
 * Moves guests up from the waitlist: every waiting party that fits, in the order they registered, each with
 * a mail. For organisers after they raise the visit's limit, and after a release with more room.
 */
export async function promoteWaitlist(db: Database, config: Config, visitId: string, now: Date) {
  const room = await roomNow(db, visitId)
  if (room.waitlist.length === 0) return []
  const statements = await promotionStatements(db, config, visitId, now, room)
  if (statements.length === 0) return []
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
  return promotions(room.waitlist, room.state).promoted
}

/**
 * SQL, last in a batch that frees room: whether a waiting party still fits afterwards. The promotions in
 * the batch were chosen from a read before it; a change elsewhere at the same moment (another
 * cancellation) may have freed more room than that read saw.
 */
function missedPromotion(db: Database, visitId: string, snapshot: Snapshot) {
  const gatherings = limitingGatherings(
    gatheringsOf(snapshot),
    snapshot.groups.map((g) => g.id),
  )
  return db
    .select({ fits: sql<number>`${waitingPartyFitsSql(visitId, gatherings)}` })
    .from(visits)
    .where(eq(visits.id, visitId))
}

/** Moves up whoever the batch's promotions missed (see missedPromotion): one more read, only then. */
async function promoteIfMissed(db: Database, config: Config, visitId: string, now: Date, check: unknown) {
  const [row] = (check ?? []) as { fits?: number }[]
  if (row?.fits) await promoteWaitlist(db, config, visitId, now)
}

// Raising a visit's limit (visits) or a release with more room at a venue (releases) may let guests move up.
onGuestRoomChange(promoteWaitlist)

/**
 * The public registration form of a visit by slug: the visit, the groups of its newest release, and whether
 * it is full now (for the notice; the insert decides for real). Drafts, unknown slugs and unlisted visits
 * without a live share link: 404.
 */
export async function rsvpForm(db: Database, slug: string, shareToken?: string, now = new Date()) {
  const [[visit], [counts], [shared], members] = await db.batch([
    publishedVisitBySlug(db, slug),
    rsvpCountsBySlug(db, slug),
    liveShareLink(db, slug, await shareTokenHash(shareToken)),
    membersByGroupOf(db, sql`(SELECT id FROM visits WHERE slug = ${slug})`),
  ])
  if (!visit || (!visit.listed && !shared)) throw new DomainError('not_found')
  const snapshot = await snapshotOf(db, visit)
  // For a guest of the whole company (the form does not know the groups yet): everyone confirmed is at every
  // item for everyone, so their total is all the rule needs here.
  const state = capacityStateOf(visit.rsvpCapacity, snapshot, members, [
    { groupIds: '[]', people: counts?.confirmed ?? 0 },
  ])
  const full = blockerFor(state, { partySize: 1, groupIds: [] }) !== null
  const limit = guestLimit(state, [])
  return {
    visit: { slug, title: visit.title, startDate: visit.startDate, listed: visit.listed },
    archived: visit.status === 'archived',
    ended: visitHasEnded(visit, now),
    groups: snapshot.groups,
    full,
    limit: limit ? describeLimit(limit, visit.timeZone) : null,
    // A guest who goes with a group whose place is smaller is told that limit too.
    groupLimits: groupLimitsOf(state, snapshot, limit, visit.timeZone),
  }
}

import { and, eq, lte, type SQL, sql } from 'drizzle-orm'
import {
  erasureRequests,
  hostOffers,
  memberships,
  people,
  rsvps,
  speakers,
  teams,
  visits,
} from '../../../shared/db/schema'
import { type Actor, teamRoleOf } from '../../../shared/domain/access'
import { DomainError } from '../../../shared/errors'
import type { Lang } from '../../../shared/i18n'
import { renderMail } from '../../../shared/mail/templates'
import { auditEntry } from '../../platform/audit'
import type { Config } from '../../platform/config'
import type { Database } from '../../platform/env'
import { queueMail } from '../../platform/mail/outbox'
import {
  erasePersonalData,
  exportPersonalData,
  normalEmail,
  type PersonalDataScope,
} from '../../platform/personal-data/contract'
import { personalDataParts } from '../personal-data'
import { PRIVACY_LINK_HOURS, type PrivacyLinkKind, privacyLink } from './links'

/** Days between a confirmed request to erase and the erasure, unless an owner of a team erases it sooner. */
export const ERASURE_GRACE_DAYS = 14

/**
 * Mails the address a link to see (or erase) what is held about it. The answer is the same whether anything
 * is held or not, and the link goes to the address only: asking tells the asker nothing.
 */
export async function mailPrivacyLink(
  db: Database,
  config: Config,
  input: { email: string; kind: PrivacyLinkKind; lang: Lang },
  now: Date,
): Promise<void> {
  const email = normalEmail(input.email)
  const link = await privacyLink(config, input.kind, email, now)
  const template = input.kind === 'erase' ? 'privacy_erase' : 'privacy_export'
  const mail = renderMail(template, input.lang, { link, hours: PRIVACY_LINK_HOURS })
  await db.batch([queueMail(db, config, { to: email, kind: template, ...mail }, now)])
}

/** Everything held about the address, as the one JSON document of the personal-data contract. */
export function exportFor(scope: PersonalDataScope) {
  return exportPersonalData(personalDataParts, scope)
}

/**
 * Records a confirmed request to erase the address, to be carried out after the grace period. Asking again
 * while one is pending changes nothing. Returns when it will happen.
 */
export async function requestErasure(db: Database, email: string, now: Date): Promise<Date> {
  const address = normalEmail(email)
  const eraseAfter = new Date(now.getTime() + ERASURE_GRACE_DAYS * 24 * 3600_000)
  const [, [pending]] = await db.batch([
    db.insert(erasureRequests).select(
      sql`SELECT ${crypto.randomUUID()}, ${address}, 'pending', ${eraseAfter.getTime()}, NULL, NULL, ${now.getTime()}
        WHERE NOT EXISTS (SELECT 1 FROM erasure_requests WHERE email = ${address} AND status = 'pending')`,
    ),
    db
      .select({ eraseAfter: erasureRequests.eraseAfter })
      .from(erasureRequests)
      .where(and(eq(erasureRequests.email, address), eq(erasureRequests.status, 'pending'))),
  ])
  return pending?.eraseAfter ?? eraseAfter
}

/**
 * Carries out one request: every feature erases its part in one batch (R2 objects after), then the request
 * forgets the address and the audit log records that an erasure happened — never what or whose.
 */
async function carryOut(
  db: Database,
  bucket: R2Bucket,
  request: { id: string; email: string },
  by: { teamId: string | null; actorId: string | null },
  now: Date,
) {
  await erasePersonalData(personalDataParts, { db, bucket, email: request.email, now })
  await db.batch([
    db
      .update(erasureRequests)
      .set({ status: 'done', email: '', doneAt: now, confirmedBy: by.actorId })
      .where(and(eq(erasureRequests.id, request.id), eq(erasureRequests.status, 'pending'))),
    auditEntry(db, {
      teamId: by.teamId,
      actorId: by.actorId,
      action: 'privacy.erased',
      entityType: 'erasure_request',
      entityId: request.id,
      at: now,
    }),
  ])
}

/** The scheduled part: every pending request whose grace period is over is carried out. Safe to rerun. */
export async function runDueErasures(db: Database, bucket: R2Bucket, now: Date): Promise<number> {
  const due = await db
    .select({ id: erasureRequests.id, email: erasureRequests.email })
    .from(erasureRequests)
    .where(and(eq(erasureRequests.status, 'pending'), lte(erasureRequests.eraseAfter, now)))
    .limit(25)
  for (const request of due) await carryOut(db, bucket, request, { teamId: null, actorId: null }, now)
  return due.length
}

/** The team's own data that names an address: members, registrations, speakers and host offers. */
const teamDataNames = (teamId: string, address: SQL | string) => sql`(
  EXISTS (SELECT 1 FROM ${memberships} JOIN ${people} ON ${people.id} = ${memberships.personId}
          WHERE ${memberships.teamId} = ${teamId} AND ${people.email} = ${address})
  OR EXISTS (SELECT 1 FROM ${rsvps} JOIN ${visits} ON ${visits.id} = ${rsvps.visitId}
          WHERE ${visits.teamId} = ${teamId} AND ${rsvps.email} = ${address})
  OR EXISTS (SELECT 1 FROM ${speakers} JOIN ${visits} ON ${visits.id} = ${speakers.visitId}
          WHERE ${visits.teamId} = ${teamId} AND ${speakers.email} = ${address})
  OR EXISTS (SELECT 1 FROM ${hostOffers}
          WHERE ${hostOffers.teamId} = ${teamId} AND ${hostOffers.hostEmail} = ${address}))`

const touchesTeam = (teamId: string) => teamDataNames(teamId, sql`${erasureRequests.email}`)

function requireOwner(actor: Actor, teamId: string) {
  const role = teamRoleOf(actor, teamId)
  if (role === null) throw new DomainError('not_found')
  if (role !== 'owner')
    throw new DomainError('forbidden', 'Only owners of the team handle requests to erase.')
}

/** Pending requests to erase that concern data of this team, soonest first (owners only). */
export async function pendingErasuresOf(db: Database, actor: Actor, teamId: string) {
  requireOwner(actor, teamId)
  return db
    .select({
      id: erasureRequests.id,
      email: erasureRequests.email,
      eraseAfter: erasureRequests.eraseAfter,
      createdAt: erasureRequests.createdAt,
    })
    .from(erasureRequests)
    .where(and(eq(erasureRequests.status, 'pending'), touchesTeam(teamId)))
    .orderBy(erasureRequests.eraseAfter)
}

/** An owner erases now what a pending request asks, instead of waiting for the grace period to end. */
export async function eraseNow(
  db: Database,
  bucket: R2Bucket,
  actor: Extract<Actor, { kind: 'person' }>,
  teamId: string,
  requestId: string,
  now: Date,
): Promise<void> {
  requireOwner(actor, teamId)
  const [request] = await db
    .select({ id: erasureRequests.id, email: erasureRequests.email })
    .from(erasureRequests)
    .where(and(eq(erasureRequests.id, requestId), eq(erasureRequests.status, 'pending'), touchesTeam(teamId)))
  if (!request) throw new DomainError('not_found')
  await carryOut(db, bucket, request, { teamId, actorId: actor.personId }, now)
}

/**
 * A person asked the team itself (by phone, at the door, in a letter) to see or erase what is held about
 * them: an owner has the same link mailed to the person's address as the privacy page would. What is held
 * reaches the address only, never the owner (it may hold other teams' data); the address must be in this
 * team's data, so the form is no way to mail strangers. The audit log records that a link was sent, not to
 * whom. Returns false when nothing of the team names the address.
 */
export async function mailPrivacyLinkForTeam(
  db: Database,
  config: Config,
  actor: Extract<Actor, { kind: 'person' }>,
  teamId: string,
  input: { email: string; kind: PrivacyLinkKind; lang: Lang },
  now: Date,
): Promise<boolean> {
  requireOwner(actor, teamId)
  const email = normalEmail(input.email)
  const [held] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.id, teamId), teamDataNames(teamId, email)))
  if (!held) return false
  const link = await privacyLink(config, input.kind, email, now)
  const template = input.kind === 'erase' ? 'privacy_erase' : 'privacy_export'
  const mail = renderMail(template, input.lang, { link, hours: PRIVACY_LINK_HOURS })
  await db.batch([
    queueMail(db, config, { to: email, kind: template, ...mail }, now),
    auditEntry(db, {
      teamId,
      actorId: actor.personId,
      action: input.kind === 'erase' ? 'privacy.erase_link_sent' : 'privacy.export_link_sent',
      entityType: 'team',
      entityId: teamId,
      at: now,
    }),
  ])
  return true
}

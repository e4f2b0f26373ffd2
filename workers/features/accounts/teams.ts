import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm'
import { invitations, memberships, people, teams } from '../../../shared/db/schema'
import { type Actor, canManageTeam, canReadTeam, type TeamRole } from '../../../shared/domain/access'
import { DomainError } from '../../../shared/errors'
import type { Lang } from '../../../shared/i18n'
import { renderMail } from '../../../shared/mail/templates'
import { auditEntry } from '../../platform/audit'
import { hashToken, randomToken, tokenPattern } from '../../platform/auth/tokens'
import type { Config } from '../../platform/config'
import type { Database } from '../../platform/env'
import { queueMail } from '../../platform/mail/outbox'

const LAST_OWNER_DETAIL = 'A team always keeps at least one owner.'

export const INVITATION_DAYS = 14

type Person = Extract<Actor, { kind: 'person' }>

/** Another team's id answers exactly like a team that does not exist. */
function mustRead(actor: Actor, teamId: string) {
  if (!canReadTeam(actor, teamId)) throw new DomainError('not_found')
}

/** Members may see that the team exists; only owners may change it (403 is fine once membership is known). */
function mustManage(actor: Actor, teamId: string) {
  mustRead(actor, teamId)
  if (!canManageTeam(actor, teamId)) throw new DomainError('forbidden')
}

/** Creates a team with its creator as owner. */
export async function createTeam(db: Database, actor: Person, name: string, now: Date) {
  const id = crypto.randomUUID()
  await db.batch([
    db.insert(teams).values({ id, name, createdAt: now }),
    db.insert(memberships).values({ teamId: id, personId: actor.personId, role: 'owner', createdAt: now }),
    auditEntry(db, {
      teamId: id,
      actorId: actor.personId,
      action: 'team.created',
      entityType: 'team',
      entityId: id,
      after: { name },
      at: now,
    }),
  ])
  return { id, name }
}

/** The query for the teams a person belongs to, with their role in each (unawaited, for a batch). */
export function myTeamsQuery(db: Database, personId: string) {
  return db
    .select({ id: teams.id, name: teams.name, role: memberships.role })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(eq(memberships.personId, personId))
    .orderBy(asc(teams.name))
}

/** The teams a person belongs to, with their role in each. */
export async function listMyTeams(db: Database, personId: string) {
  return myTeamsQuery(db, personId)
}

/** A team with its members; open invitations only for owners. One D1 round trip. */
export async function getTeam(db: Database, actor: Actor, teamId: string, now: Date) {
  mustRead(actor, teamId)
  const [team, members, open] = await db.batch([
    // Not the sign-up link's hash and nonce: only organisers see the link, through its own call.
    db
      .select({ id: teams.id, name: teams.name, createdAt: teams.createdAt })
      .from(teams)
      .where(eq(teams.id, teamId))
      .limit(1),
    db
      .select({ personId: people.id, name: people.name, email: people.email, role: memberships.role })
      .from(memberships)
      .innerJoin(people, eq(people.id, memberships.personId))
      .where(eq(memberships.teamId, teamId))
      .orderBy(asc(people.email)),
    db
      .select({
        id: invitations.id,
        email: invitations.email,
        role: invitations.role,
        expiresAt: invitations.expiresAt,
      })
      .from(invitations)
      .where(
        and(
          eq(invitations.teamId, teamId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, now),
        ),
      )
      .orderBy(asc(invitations.email)),
  ])
  if (!team[0]) throw new DomainError('not_found')
  return { team: team[0], members, invitations: canManageTeam(actor, teamId) ? open : null }
}

/** Renames a team (owners). */
export async function renameTeam(db: Database, actor: Person, teamId: string, name: string, now: Date) {
  mustManage(actor, teamId)
  const [before] = await db.select({ name: teams.name }).from(teams).where(eq(teams.id, teamId))
  if (!before) throw new DomainError('not_found')
  await db.batch([
    db.update(teams).set({ name }).where(eq(teams.id, teamId)),
    auditEntry(db, {
      teamId,
      actorId: actor.personId,
      action: 'team.renamed',
      entityType: 'team',
      entityId: teamId,
      before,
      after: { name },
      at: now,
    }),
  ])
}

/** Invites someone by e-mail (owners). The link in the mail carries a random token; only its hash is kept. */
export async function inviteMember(
  db: Database,
  config: Config,
  actor: Person,
  teamId: string,
  input: { email: string; role: TeamRole },
  lang: Lang,
  now: Date,
) {
  mustManage(actor, teamId)
  const [[team], [inviter]] = await db.batch([
    db.select({ name: teams.name }).from(teams).where(eq(teams.id, teamId)),
    db.select({ name: people.name, email: people.email }).from(people).where(eq(people.id, actor.personId)),
  ])
  if (!team || !inviter) throw new DomainError('not_found')
  const token = randomToken()
  const id = crypto.randomUUID()
  const link = new URL(`/invitations/${token}`, config.publicUrl).toString()
  const mail = renderMail('invitation', lang, {
    link,
    teamName: team.name,
    inviterName: inviter.name || inviter.email,
    role: input.role,
  })
  await db.batch([
    db.insert(invitations).values({
      id,
      teamId,
      email: input.email,
      role: input.role,
      tokenHash: await hashToken(token),
      invitedBy: actor.personId,
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * 24 * 3600 * 1000),
      createdAt: now,
    }),
    queueMail(db, config, { to: input.email, kind: 'invitation', ...mail }, now),
    auditEntry(db, {
      teamId,
      actorId: actor.personId,
      action: 'invitation.sent',
      entityType: 'invitation',
      entityId: id,
      after: { email: input.email, role: input.role },
      at: now,
    }),
  ])
  return { id }
}

/** Revokes an open invitation (owners); its link stops working at once. */
export async function revokeInvitation(
  db: Database,
  actor: Person,
  teamId: string,
  invitationId: string,
  now: Date,
) {
  mustManage(actor, teamId)
  const done = await db
    .update(invitations)
    .set({ revokedAt: now })
    .where(
      and(
        eq(invitations.id, invitationId),
        eq(invitations.teamId, teamId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning({ email: invitations.email })
  if (done.length === 0) throw new DomainError('not_found')
  await auditEntry(db, {
    teamId,
    actorId: actor.personId,
    action: 'invitation.revoked',
    entityType: 'invitation',
    entityId: invitationId,
    before: { email: done[0]?.email },
    at: now,
  })
}

/** SQL guard: after this change the team still has an owner other than `personId`, or `personId` stays one. */
const keepsAnOwner = (teamId: string, personId: string, newRole: TeamRole | null) =>
  newRole === 'owner'
    ? sql`1`
    : sql`(select count(*) from ${memberships} where ${memberships.teamId} = ${teamId} and ${memberships.role} = 'owner' and ${memberships.personId} != ${personId}) > 0`

/** Changes a member's role (owners); the last owner cannot be demoted. */
export async function changeMemberRole(
  db: Database,
  actor: Person,
  teamId: string,
  personId: string,
  role: TeamRole,
  now: Date,
) {
  mustManage(actor, teamId)
  const [before] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.teamId, teamId), eq(memberships.personId, personId)))
  if (!before) throw new DomainError('not_found')
  const [changed] = await db.batch([
    db
      .update(memberships)
      .set({ role })
      .where(
        and(
          eq(memberships.teamId, teamId),
          eq(memberships.personId, personId),
          keepsAnOwner(teamId, personId, role),
        ),
      )
      .returning({ role: memberships.role }),
  ])
  if (changed.length === 0) throw new DomainError('conflict', LAST_OWNER_DETAIL, { reason: 'last_owner' })
  await auditEntry(db, {
    teamId,
    actorId: actor.personId,
    action: 'member.role_changed',
    entityType: 'person',
    entityId: personId,
    before,
    after: { role },
    at: now,
  })
}

/** Removes a member (owners), never the last owner. Their sessions stay, but their access to the team ends. */
export async function removeMember(db: Database, actor: Person, teamId: string, personId: string, now: Date) {
  mustManage(actor, teamId)
  const removed = await db
    .delete(memberships)
    .where(
      and(
        eq(memberships.teamId, teamId),
        eq(memberships.personId, personId),
        keepsAnOwner(teamId, personId, null),
      ),
    )
    .returning({ role: memberships.role })
  if (removed.length === 0) {
    const [exists] = await db
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.teamId, teamId), eq(memberships.personId, personId)))
    throw exists
      ? new DomainError('conflict', LAST_OWNER_DETAIL, { reason: 'last_owner' })
      : new DomainError('not_found')
  }
  await auditEntry(db, {
    teamId,
    actorId: actor.personId,
    action: 'member.removed',
    entityType: 'person',
    entityId: personId,
    before: { role: removed[0]?.role },
    at: now,
  })
}

/** An open invitation by its token, with the team's name; null when unknown, used, revoked or expired. */
export async function findInvitation(db: Database, token: string, now: Date) {
  if (!tokenPattern.test(token)) return null
  const [row] = await db
    .select({
      id: invitations.id,
      teamId: invitations.teamId,
      email: invitations.email,
      role: invitations.role,
      teamName: teams.name,
    })
    .from(invitations)
    .innerJoin(teams, eq(teams.id, invitations.teamId))
    .where(
      and(
        eq(invitations.tokenHash, await hashToken(token)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .limit(1)
  return row ?? null
}

/**
 * Accepts an invitation for the signed-in person, whose address must be the invited one. The invitation is
 * spent first, then the membership is made; an existing membership keeps its role.
 */
export async function acceptInvitation(db: Database, actor: Person, token: string, now: Date) {
  const invitation = await findInvitation(db, token, now)
  if (!invitation) throw new DomainError('not_found')
  if (invitation.email !== actor.email)
    throw new DomainError('forbidden', 'This invitation is for another address.')
  // Spend the invitation first: of two concurrent accepts only one gets a row back.
  const spent = await db
    .update(invitations)
    .set({ acceptedAt: now })
    .where(
      and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)),
    )
    .returning({ id: invitations.id })
  if (spent.length === 0) throw new DomainError('not_found')
  await db.batch([
    db
      .insert(memberships)
      .values({ teamId: invitation.teamId, personId: actor.personId, role: invitation.role, createdAt: now })
      .onConflictDoNothing(),
    auditEntry(db, {
      teamId: invitation.teamId,
      actorId: actor.personId,
      action: 'invitation.accepted',
      entityType: 'invitation',
      entityId: invitation.id,
      after: { role: invitation.role },
      at: now,
    }),
  ])
  return { teamId: invitation.teamId }
}

/** Updates the signed-in person's own name. */
export async function updateProfile(db: Database, actor: Person, name: string) {
  await db.update(people).set({ name }).where(eq(people.id, actor.personId))
}

import { and, eq, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { InferOutput } from 'valibot'
import { cateringProviders, cateringTeamPresence } from '../../../shared/db/schema'
import type { Actor } from '../../../shared/domain/access'
import { DomainError } from '../../../shared/errors'
import { auditEntry, auditWhen, rowAtVersion } from '../../platform/audit'
import { hashToken, randomToken } from '../../platform/auth/tokens'
import type { Config } from '../../platform/config'
import type { Database } from '../../platform/env'
import { queueMail } from '../../platform/mail/outbox'
import { fieldError } from '../visits/visits'
import { providerMail } from './catering-mail'
import { loadPlanToOrganise, providerView } from './catering-plan'
import { mailToProvider } from './orders'
import type { CateringRows } from './queries'
import type { providerCreateSchema, providerUpdateSchema, teamPresenceSchema } from './schemas'

type Person = Extract<Actor, { kind: 'person' }>

const chunks = <T>(list: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size))

/** A team member must be on the visit's team, a host a host of the visit; others are named, not chosen. */
function checkPerson(rows: CateringRows, kind: string, personId: string | null | undefined) {
  if (kind === 'team_member' && !rows.members.some((m) => m.personId === personId))
    throw fieldError('personId', 'catering.validation.unknownPerson')
  if (kind === 'host' && !rows.hosts.some((h) => h.personId === personId))
    throw fieldError('personId', 'catering.validation.unknownPerson')
}

/** What the audit log says of a provider: the kind, and a supplier's (a business's) name; never contact data. */
const audited = (p: { kind: string; name?: string | undefined }) =>
  p.kind === 'supplier' ? { kind: p.kind, name: p.name } : { kind: p.kind }

/**
 * Adds a provider (organisers). A resident or supplier with an address is mailed their private link at once
 * (they were given a role); without one, or for a person with an account, it is handed out when asked for.
 */
export async function createProvider(
  db: Database,
  config: Config,
  actor: Person,
  visitId: string,
  input: InferOutput<typeof providerCreateSchema>,
  now: Date,
) {
  const { rows, plan } = await loadPlanToOrganise(db, actor, { visitId }, now)
  const person = input.kind === 'team_member' || input.kind === 'host'
  checkPerson(rows, input.kind, input.personId)
  const id = crypto.randomUUID()
  const token = randomToken()
  const mailed = !person && input.email ? input.email : null
  const link = `${config.publicUrl.replace(/\/$/, '')}/c/${token}`
  await db.batch([
    db.insert(cateringProviders).values({
      id,
      visitId,
      ...input,
      // A person's name and address come from their account, never typed twice.
      ...(person ? { name: '', email: '' } : { personId: null }),
      tokenHash: await hashToken(token),
      createdAt: now,
    }),
    ...(mailed
      ? [
          queueMail(
            db,
            config,
            {
              to: mailed,
              kind: 'catering_link',
              ...(await providerMail(input, 'catering_link', plan, [], link)),
            },
            now,
          ),
        ]
      : []),
    auditEntry(db, {
      teamId: rows.visit.teamId,
      actorId: actor.personId,
      action: 'catering_provider.created',
      entityType: 'catering_provider',
      entityId: id,
      after: audited(input),
      at: now,
    }),
  ])
  return id
}

/** Changes a provider, based on the version seen (organisers). */
export async function updateProvider(
  db: Database,
  actor: Person,
  providerId: string,
  input: InferOutput<typeof providerUpdateSchema>,
  now: Date,
) {
  const { rows } = await loadPlanToOrganise(db, actor, { providerId }, now)
  const row = rows.providers.find((p) => p.id === providerId)
  if (!row) throw new DomainError('not_found')
  const { version, ...patch } = input
  const person = row.kind === 'team_member' || row.kind === 'host'
  if (person && patch.personId !== undefined) checkPerson(rows, row.kind, patch.personId)
  if (!person && patch.name !== undefined && patch.name === '')
    throw fieldError('name', 'catering.validation.providerName')
  const fields = person ? { ...patch, name: undefined, email: undefined } : { ...patch, personId: undefined }
  const [, updated] = await db.batch([
    auditWhen(
      db,
      {
        teamId: rows.visit.teamId,
        actorId: actor.personId,
        action: 'catering_provider.updated',
        entityType: 'catering_provider',
        entityId: providerId,
        before: audited(row),
        after: audited({ kind: row.kind, name: fields.name ?? row.name }),
        at: now,
      },
      rowAtVersion(cateringProviders, providerId, version),
    ),
    db
      .update(cateringProviders)
      .set({ ...fields, version: version + 1 })
      .where(and(eq(cateringProviders.id, providerId), eq(cateringProviders.version, version)))
      .returning({ id: cateringProviders.id }),
  ])
  if (!updated[0])
    throw new DomainError('conflict', 'The provider was changed elsewhere; look at the newest version.', {
      reason: 'stale',
    })
}

/** Removes a provider (organisers): their orders keep going without one, their contributions are open again. */
export async function removeProvider(db: Database, actor: Person, providerId: string, now: Date) {
  const { rows } = await loadPlanToOrganise(db, actor, { providerId }, now)
  const row = rows.providers.find((p) => p.id === providerId)
  if (!row) throw new DomainError('not_found')
  await db.batch([
    db.delete(cateringProviders).where(eq(cateringProviders.id, providerId)),
    auditEntry(db, {
      teamId: rows.visit.teamId,
      actorId: actor.personId,
      action: 'catering_provider.deleted',
      entityType: 'catering_provider',
      entityId: providerId,
      before: audited(row),
      at: now,
    }),
  ])
  return rows.visit.id
}

/**
 * A new private link for a provider (organisers); the old one stops working. With an address it is mailed
 * with their orders; without one it is shown once, for the team to pass on (a chat message, a note).
 */
export async function newProviderLink(
  db: Database,
  config: Config,
  actor: Person,
  providerId: string,
  now: Date,
): Promise<{ mailed: true } | { mailed: false; link: string }> {
  const { rows, plan } = await loadPlanToOrganise(db, actor, { providerId }, now)
  const row = rows.providers.find((p) => p.id === providerId)
  if (!row) throw new DomainError('not_found')
  const provider = providerView(row)
  const audit = auditEntry(db, {
    teamId: rows.visit.teamId,
    actorId: actor.personId,
    action: 'catering_provider.link',
    entityType: 'catering_provider',
    entityId: providerId,
    after: { mailed: provider.email !== '' },
    at: now,
  })
  if (provider.email) {
    const theirs = plan.orders.filter(
      (o) => o.providerId === providerId || o.contributions.some((c) => c.providerId === providerId),
    )
    const statements = await mailToProvider(
      db,
      config,
      provider,
      plan,
      'catering_link',
      theirs,
      now,
      sql`1 = 1`,
    )
    await db.batch([audit, ...statements] as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
    return { mailed: true }
  }
  const token = randomToken()
  await db.batch([
    db
      .update(cateringProviders)
      .set({ tokenHash: await hashToken(token) })
      .where(eq(cateringProviders.id, providerId)),
    audit,
  ])
  return { mailed: false, link: `${config.publicUrl.replace(/\/$/, '')}/c/${token}` }
}

/**
 * Says who of the team is there and with which group (organisers): the list replaces the one before. Only
 * members of the visit's team, and only groups of the visit.
 */
export async function setTeamPresence(
  db: Database,
  actor: Person,
  visitId: string,
  input: InferOutput<typeof teamPresenceSchema>,
  now: Date,
) {
  const { rows } = await loadPlanToOrganise(db, actor, { visitId }, now)
  const members = new Set(rows.members.map((m) => m.personId))
  const groups = new Set(rows.groups.map((g) => g.id))
  const seen = new Set<string>()
  input.members.forEach((m, i) => {
    if (!members.has(m.personId) || seen.has(m.personId))
      throw fieldError(`members.${i}.personId`, 'catering.validation.unknownPerson')
    if (m.groupId && !groups.has(m.groupId)) throw fieldError(`members.${i}.groupId`, 'unknownGroup')
    seen.add(m.personId)
  })
  const statements: BatchItem<'sqlite'>[] = [
    db.delete(cateringTeamPresence).where(eq(cateringTeamPresence.visitId, visitId)),
    // D1 takes at most 100 bound parameters in a statement: 30 members (3 each) per insert.
    ...chunks(input.members, 30).map((part) =>
      db
        .insert(cateringTeamPresence)
        .values(part.map((m) => ({ visitId, personId: m.personId, groupId: m.groupId }))),
    ),
    auditEntry(db, {
      teamId: rows.visit.teamId,
      actorId: actor.personId,
      action: 'catering_team.present',
      entityType: 'visit',
      entityId: visitId,
      before: { present: rows.presence.length },
      after: { present: input.members.length },
      at: now,
    }),
  ]
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
}

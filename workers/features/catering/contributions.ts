import { and, eq } from 'drizzle-orm'
import type { InferOutput } from 'valibot'
import { cateringContributions } from '../../../shared/db/schema'
import type { Actor } from '../../../shared/domain/access'
import { DomainError } from '../../../shared/errors'
import { auditEntry, auditWhen, rowAtVersion } from '../../platform/audit'
import type { Database } from '../../platform/env'
import { fieldError } from '../visits/visits'
import { type CateringPlan, loadPlanFor, loadPlanToOrganise, providersOfActor } from './catering-plan'
import type { CateringRows } from './queries'
import { isClosed } from './rules'
import type { contributionActionSchema, contributionCreateSchema, contributionUpdateSchema } from './schemas'

type Person = Extract<Actor, { kind: 'person' }>

const stale = () =>
  new DomainError('conflict', 'The contribution was changed elsewhere; look at the newest version.', {
    reason: 'stale',
  })

/** A volunteer named for a contribution must be a provider of this visit. */
function checkVolunteer(rows: CateringRows, providerId: string | null | undefined) {
  if (providerId && !rows.providers.some((p) => p.id === providerId))
    throw fieldError('providerId', 'catering.validation.unknownProvider')
}

/** Splits an order: a part a volunteer brings, named now or left open for a volunteer to take (organisers). */
export async function addContribution(
  db: Database,
  actor: Person,
  orderId: string,
  input: InferOutput<typeof contributionCreateSchema>,
  now: Date,
) {
  const { rows } = await loadPlanToOrganise(db, actor, { orderId }, now)
  if (!rows.orders.some((o) => o.id === orderId)) throw new DomainError('not_found')
  checkVolunteer(rows, input.providerId)
  const id = crypto.randomUUID()
  await db.batch([
    db.insert(cateringContributions).values({
      id,
      orderId,
      ...input,
      takenAt: input.providerId ? now : null,
      createdAt: now,
    }),
    auditEntry(db, {
      teamId: rows.visit.teamId,
      actorId: actor.personId,
      action: 'catering_contribution.created',
      entityType: 'catering_order',
      entityId: orderId,
      after: { description: input.description, quantity: input.quantity, providerId: input.providerId },
      at: now,
    }),
  ])
  return id
}

/** Changes a contribution (organisers): what, how many, who brings it, done or not. */
export async function updateContribution(
  db: Database,
  actor: Person,
  contributionId: string,
  input: InferOutput<typeof contributionUpdateSchema>,
  now: Date,
) {
  const { rows } = await loadPlanToOrganise(db, actor, { contributionId }, now)
  const row = rows.contributions.find((c) => c.id === contributionId)
  if (!row) throw new DomainError('not_found')
  checkVolunteer(rows, input.providerId)
  const { version, done, ...fields } = input
  const patch = {
    ...fields,
    ...(fields.providerId !== undefined && fields.providerId !== row.providerId
      ? { takenAt: fields.providerId ? now : null }
      : {}),
    ...(done !== undefined ? { doneAt: done ? (row.doneAt ?? now) : null } : {}),
  }
  const [, updated] = await db.batch([
    auditWhen(
      db,
      {
        teamId: rows.visit.teamId,
        actorId: actor.personId,
        action: 'catering_contribution.updated',
        entityType: 'catering_order',
        entityId: row.orderId,
        before: Object.fromEntries(Object.keys(patch).map((k) => [k, row[k as keyof typeof row]])),
        after: patch,
        at: now,
      },
      rowAtVersion(cateringContributions, contributionId, version),
    ),
    db
      .update(cateringContributions)
      .set({ ...patch, version: version + 1 })
      .where(and(eq(cateringContributions.id, contributionId), eq(cateringContributions.version, version)))
      .returning({ id: cateringContributions.id }),
  ])
  if (!updated[0]) throw stale()
}

/** Removes a contribution (organisers). */
export async function removeContribution(db: Database, actor: Person, contributionId: string, now: Date) {
  const { rows } = await loadPlanToOrganise(db, actor, { contributionId }, now)
  const row = rows.contributions.find((c) => c.id === contributionId)
  if (!row) throw new DomainError('not_found')
  await db.batch([
    db.delete(cateringContributions).where(eq(cateringContributions.id, contributionId)),
    auditEntry(db, {
      teamId: rows.visit.teamId,
      actorId: actor.personId,
      action: 'catering_contribution.deleted',
      entityType: 'catering_order',
      entityId: row.orderId,
      before: { description: row.description, quantity: row.quantity },
      at: now,
    }),
  ])
  return row.orderId
}

type Action = InferOutput<typeof contributionActionSchema>

/**
 * What a volunteer does with a contribution through their own link (or signed in as host or caterer): take
 * one that is open (of an order brought by volunteers), give theirs back, mark theirs done or not done yet.
 * Another volunteer's contribution does not exist for them (404); one taken meanwhile answers 409.
 */
export async function contributionActionFor(
  db: Database,
  rows: CateringRows,
  plan: CateringPlan,
  providerIds: ReadonlySet<string>,
  contributionId: string,
  input: Action,
  now: Date,
) {
  const row = rows.contributions.find((c) => c.id === contributionId)
  const order = row ? plan.orders.find((o) => o.id === row.orderId) : undefined
  if (!row || !order) throw new DomainError('not_found')
  const mine = row.providerId !== null && providerIds.has(row.providerId)
  const volunteer = plan.providers.find((p) => providerIds.has(p.id) && p.kind !== 'supplier')
  const takeable = row.providerId === null && !!volunteer && order.provider?.kind !== 'supplier'
  if (!mine && !takeable) throw new DomainError('not_found')
  if (row.version !== input.version) throw stale()
  if (isClosed(order.status))
    throw new DomainError('conflict', 'The order is cancelled or delivered.', { reason: 'order_closed' })
  let patch: Partial<typeof cateringContributions.$inferInsert>
  switch (input.action) {
    case 'take':
      if (!takeable || !volunteer) throw stale()
      patch = { providerId: volunteer.id, takenAt: now }
      break
    case 'give_back':
      if (!mine) throw stale()
      patch = { providerId: null, takenAt: null, doneAt: null }
      break
    case 'done':
    case 'not_done':
      if (!mine) throw stale()
      patch = { doneAt: input.action === 'done' ? now : null }
      break
  }
  const [, updated] = await db.batch([
    auditWhen(
      db,
      {
        teamId: rows.visit.teamId,
        actorId: null,
        action: `catering_contribution.${input.action}`,
        entityType: 'catering_order',
        entityId: row.orderId,
        before: { description: row.description },
        after: { description: row.description },
        at: now,
      },
      rowAtVersion(cateringContributions, contributionId, input.version),
    ),
    db
      .update(cateringContributions)
      .set({ ...patch, version: input.version + 1 })
      .where(
        and(eq(cateringContributions.id, contributionId), eq(cateringContributions.version, input.version)),
      )
      .returning({ id: cateringContributions.id }),
  ])
  if (!updated[0]) throw stale()
}

/** A signed-in host or caterer does something with a contribution, as the provider they are. */
export async function contributionAction(
  db: Database,
  actor: Person,
  contributionId: string,
  input: Action,
  now: Date,
) {
  const { rows, plan } = await loadPlanFor(db, actor, { contributionId }, now)
  const mine = new Set(providersOfActor(rows, actor).map((p) => p.id))
  await contributionActionFor(db, rows, plan, mine, contributionId, input, now)
  return { visitId: rows.visit.id }
}

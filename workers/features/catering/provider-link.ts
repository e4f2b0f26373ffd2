import type { InferOutput } from 'valibot'
import type { Actor } from '../../../shared/domain/access'
import { DomainError } from '../../../shared/errors'
import { hashToken, tokenPattern } from '../../platform/auth/tokens'
import type { Database } from '../../platform/env'
import { cateringPlan, loadPlanFor, providerSlice, providersOfActor, providerView } from './catering-plan'
import { contributionActionFor } from './contributions'
import { answerOrderFor } from './orders'
import { loadCatering } from './queries'
import type { contributionActionSchema, providerAnswerSchema } from './schemas'

/**
 * A provider's own page behind their private link (/c/{token}): their orders and contributions, and the open
 * parts of volunteers' orders. An unknown, malformed or replaced token: 404, never saying which.
 */
export async function providerByToken(db: Database, token: string, now: Date) {
  if (!tokenPattern.test(token)) throw new DomainError('not_found')
  const tokenHash = await hashToken(token)
  const rows = await loadCatering(db, { tokenHash })
  const row = rows?.providers.find((p) => p.tokenHash === tokenHash)
  if (!rows || !row) throw new DomainError('not_found')
  const plan = cateringPlan(rows, now)
  const providerIds = new Set([row.id])
  const provider = providerView(row)
  return {
    rows,
    plan,
    providerIds,
    visit: rows.visit,
    provider: { id: provider.id, kind: provider.kind, name: provider.name, lang: provider.lang },
    orders: providerSlice(plan, providerIds),
  }
}

/** The provider confirms or declines one of their orders through their link. */
export async function answerByToken(
  db: Database,
  token: string,
  orderId: string,
  input: InferOutput<typeof providerAnswerSchema>,
  now: Date,
) {
  const { rows, plan, providerIds } = await providerByToken(db, token, now)
  return answerOrderFor(db, rows, plan, providerIds, orderId, input, now)
}

/** A volunteer takes, gives back or ticks off a contribution through their link. */
export async function contributionByToken(
  db: Database,
  token: string,
  contributionId: string,
  input: InferOutput<typeof contributionActionSchema>,
  now: Date,
) {
  const { rows, plan, providerIds } = await providerByToken(db, token, now)
  return contributionActionFor(db, rows, plan, providerIds, contributionId, input, now)
}

/**
 * What a signed-in host or caterer of a visit sees of its catering: the orders and contributions of the
 * providers that are them (chosen as them, or named with their address). Counts only, never names.
 */
export async function myCatering(db: Database, actor: Actor, visitId: string, now: Date) {
  const { rows, plan, access } = await loadPlanFor(db, actor, { visitId }, now)
  const providerIds = new Set(providersOfActor(rows, actor).map((p) => p.id))
  return { access, visit: rows.visit, orders: providerSlice(plan, providerIds), providerIds }
}

import type { Context } from 'hono'
import type { AppEnv } from '../../platform/env'
import type { VisitAccess } from '../visits/visits'
import { cateringAccessOf, cateringPlan, providerSlice, providersOfActor } from './catering-plan'
import { loadCatering } from './queries'
import { CateringSummary, OwnCateringLink } from './views/overview-section'

/**
 * The catering part of a visit's overview: the team's summary (orders, status, cost against the budget,
 * the next deadline, what needs attention); for a host or caterer the way to their own orders, if any.
 */
export async function cateringOverviewSection(
  c: Context<AppEnv>,
  visit: { id: string; teamId: string },
  _access: VisitAccess,
) {
  const signedIn = c.var.signedIn
  if (!signedIn) return null
  const access = cateringAccessOf(signedIn.actor, visit)
  if (!access) return null
  const rows = await loadCatering(c.var.db, { visitId: visit.id })
  if (!rows) return null
  const now = new Date()
  const plan = cateringPlan(rows, now)
  if (access === 'own') {
    const mine = providerSlice(plan, new Set(providersOfActor(rows, signedIn.actor).map((p) => p.id)))
    return <OwnCateringLink t={c.var.t} visitId={visit.id} count={mine.length} />
  }
  return <CateringSummary t={c.var.t} plan={plan} now={now} />
}

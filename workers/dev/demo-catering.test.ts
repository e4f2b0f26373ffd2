import { describe, expect, it } from 'vitest'
import { db } from '../../test/integration/helpers'
import { cateringPlan } from '../features/catering/catering-plan'
import { loadCatering } from '../features/catering/queries'
import { loadDemoData } from './demo-load'

async function planOf(visitId: string) {
  const rows = await loadCatering(db, { visitId })
  if (!rows) throw new Error(`no demo visit ${visitId}`)
  return cateringPlan(rows, new Date())
}

describe('the demo catering', () => {
  it('drinks and snacks in the host’s garden by two residents, lunch from a supplier; loading twice adds nothing', async () => {
    await loadDemoData(db)
    await loadDemoData(db)
    const vreewijk = await planOf('demo-visit-vreewijk')
    expect(vreewijk.orders.map((o) => [o.kind, o.provider?.name])).toEqual([
      ['drinks', 'Karin Bos'],
      ['snacks', 'Ahmed Yilmaz'],
    ])
    // The college (5), the organiser present, and the host's family (3): 9, two cups each.
    const [drinks, snacks] = vreewijk.orders
    expect(drinks?.numbers).toMatchObject({ persons: 9, quantity: 18 })
    expect(drinks?.sent).toMatchObject({ persons: 9 })
    expect(drinks?.venue?.name).toBe('Tuin van de familie De Wit')
    expect(snacks?.contributions.map((c) => [c.description, c.providerName])).toEqual([
      ['bitterballen', 'Ahmed Yilmaz'],
      ['vegetarische hapjes', null],
    ])
    expect(snacks?.numbers.notes).toEqual(['Vegetarisch'])
    const deventer = await planOf('demo-visit-deventer')
    // Both groups (8), the organiser and six members of the neighbourhood teams.
    expect(deventer.orders[0]).toMatchObject({ kind: 'lunch', numbers: { persons: 15, costCents: 18750 } })
    expect(deventer.orders[0]?.provider).toMatchObject({ kind: 'supplier', name: 'Lunchroom Het Buurtpunt' })
    expect(deventer.budget).toMatchObject({ budgetCents: 120000, confirmedCents: 18750, over: 'none' })
  })
})
